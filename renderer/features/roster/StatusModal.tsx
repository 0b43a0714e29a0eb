/** 变更状态: a new status (and monitoring type) from an effective date, with a note; kept in the history. */
import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useRef } from 'react';
import type { HouseholdDetail } from '@shared/domain/roster';
import { call } from '../../api/client';
import { FormModal, useLiveForm, useSaver } from '../../ui/forms';
import { errorText } from '../../i18n';
import { StatusBadge, today, useCodes, useRosterT } from './common';

interface StatusValues extends Record<string, unknown> {
  status: string | null;
  monitorType: string | null;
  effectiveDate: string;
  note: string;
}

export function StatusModal({ h, onClose, onSaved }: { h: HouseholdDetail; onClose: () => void; onSaved: (h: HouseholdDetail) => void }) {
  const { t } = useRosterT();
  const codes = useCodes();
  // The service refuses a change dated before the latest entry; say so before the round trip.
  const latest = h.history.reduce<string | null>((m, s) => (m === null || s.effectiveDate > m ? s.effectiveDate : m), null);
  const form = useLiveForm<StatusValues>({
    initialValues: { status: h.status || null, monitorType: h.monitorType || null, effectiveDate: latest && latest > today() ? latest : today(), note: '' },
    validate: {
      status: (v, values) => (!v ? t('form.required') : v === h.status && (values.monitorType ?? '') === h.monitorType ? t('status.unchanged') : null),
      effectiveDate: (v) =>
        !/^\d{4}-\d{2}-\d{2}$/.test(v)
          ? t('status.dateNeeded')
          : latest && v < latest
            ? errorText({ code: 'VALIDATION', key: 'household.statusBeforeLatest', params: { date: latest, given: v } })
            : null,
    },
  });
  const saved = useRef<HouseholdDetail | null>(null);
  const { busy, run } = useSaver(form.setFieldError, ['status', 'monitorType', 'effectiveDate', 'note'], () => saved.current && onSaved(saved.current));
  const submit = form.onSubmit((v) =>
    run(async () => {
      saved.current = await call('roster.household.setStatus', {
        householdId: h.id,
        status: v.status ?? '',
        monitorType: v.monitorType ?? '',
        effectiveDate: v.effectiveDate,
        note: v.note.trim(),
      });
    }),
  );
  const v = form.getValues();
  return (
    <FormModal title={t('status.title')} onClose={onClose} onSubmit={submit} busy={busy} size="lg">
      <Text size="sm">
        {t('status.current')} <StatusBadge status={h.status} monitorType={h.monitorType} size="sm" />
      </Text>
      <SimpleGrid cols={2} spacing="sm">
        <Select label={t('status.new')} required searchable openOnFocus={false} data={codes.options('status', v.status)} data-autofocus {...form.getInputProps('status')} />
        <Select label={t('household.monitorType')} searchable clearable openOnFocus={false} data={codes.options('monitorType', v.monitorType)} placeholder="—" {...form.getInputProps('monitorType')} />
      </SimpleGrid>
      <TextInput label={t('status.effectiveDate')} type="date" required w={200} max={today()} {...form.getInputProps('effectiveDate')} />
      <TextInput label={t('status.note')} placeholder={t('status.notePlaceholder')} maxLength={200} autoComplete="off" {...form.getInputProps('note')} />
    </FormModal>
  );
}
