import { Select } from '@mantine/core';
import type { YesNo } from '@shared/domain/roster';
import { useRosterT } from './common';

/** 是 / 否 / not stated, as the national layout has it ('' when not stated). */
export function YesNoSelect({ label, value, onChange, error, onBlur, onFocus }: { label: string; value?: YesNo; onChange: (v: YesNo) => void; error?: string; onBlur?: () => void; onFocus?: () => void }) {
  const { t } = useRosterT();
  return (
    <Select
      label={label}
      data={[
        { value: '是', label: t('yes') },
        { value: '否', label: t('no') },
      ]}
      placeholder="—"
      clearable
      value={value || null}
      onChange={(v) => onChange((v ?? '') as YesNo)}
      error={error}
      onBlur={onBlur}
      onFocus={onFocus}
    />
  );
}
