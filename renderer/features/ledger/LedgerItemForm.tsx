/** Add / edit a ledger item: every column of domain.md §6 except state, progress and evidence. */
import { Autocomplete, Group, Select, Textarea, TextInput } from '@mantine/core';
import { useRef } from 'react';
import { LEDGER_SOURCE_KINDS, type LedgerItem, type LedgerSourceKind } from '@shared/domain/ledger';
import { call } from '../../api/client';
import { FormModal, useLiveForm, useSaver } from '../../ui/forms';
import { useLedgerT } from './common';
import type { LedgerOptionsOut } from '@shared/ipc/contract-ledger';

const FIELDS = ['sourceKind', 'sourceText', 'category', 'description', 'measures', 'leadUnit', 'responsibleUnit', 'responsiblePerson', 'deadline'] as const;

export function LedgerItemForm({
  record,
  options,
  today,
  onClose,
  onSaved,
}: {
  record: LedgerItem | null;
  options: LedgerOptionsOut | undefined;
  today: string;
  onClose: () => void;
  onSaved: (item: LedgerItem) => void;
}) {
  const { t } = useLedgerT();
  const required = (v: string) => (v.trim() ? null : t('form.required'));
  const form = useLiveForm({
    initialValues: {
      sourceKind: (record?.sourceKind ?? 'self_check') as LedgerSourceKind,
      sourceText: record?.sourceText ?? '',
      category: record?.category ?? '',
      description: record?.description ?? '',
      measures: record?.measures ?? '',
      leadUnit: record?.leadUnit ?? '',
      responsibleUnit: record?.responsibleUnit ?? '',
      responsiblePerson: record?.responsiblePerson ?? '',
      deadline: record?.deadline ?? '',
    },
    validate: {
      sourceText: required,
      category: required,
      description: required,
      responsibleUnit: required,
      deadline: (v) => (!v ? t('form.required') : !record && v < today ? t('form.deadlineBefore') : null),
    },
  });
  const saved = useRef<LedgerItem | null>(null);
  const { busy, run } = useSaver(form.setFieldError, FIELDS, () => saved.current && onSaved(saved.current));
  const submit = form.onSubmit((v) =>
    run(async () => {
      const input = { ...v, sourceRef: record?.sourceRef ?? null };
      saved.current = record ? await call('ledger.update', { id: record.id, expectedUpdatedAt: record.updatedAt, ...input }) : await call('ledger.create', input);
    }),
  );
  const units = options?.units ?? [];
  return (
    <FormModal title={record ? t('form.editTitle', { seq: record.seq }) : t('form.addTitle')} onClose={onClose} onSubmit={submit} busy={busy} size="xl">
      <Group align="flex-start" wrap="nowrap">
        <Select
          w={170}
          label={t('form.sourceKind')}
          data={LEDGER_SOURCE_KINDS.map((k) => ({ value: k, label: t(`source.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('sourceKind')}
        />
        <TextInput style={{ flex: 1 }} label={t('form.sourceText')} placeholder={t('form.sourceTextPlaceholder')} required data-autofocus {...form.getInputProps('sourceText')} />
        <Select w={200} label={t('col.category')} data={options?.categories ?? []} required searchable {...form.getInputProps('category')} />
      </Group>
      <Textarea label={t('col.description')} required autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
      <Textarea label={t('col.measures')} autosize minRows={2} maxRows={6} {...form.getInputProps('measures')} />
      <Group grow align="flex-start">
        <Autocomplete label={t('col.leadUnit')} placeholder={t('form.unitPlaceholder')} data={units} limit={50} {...form.getInputProps('leadUnit')} />
        <Autocomplete label={t('col.responsibleUnit')} placeholder={t('form.unitPlaceholder')} data={units} limit={50} required {...form.getInputProps('responsibleUnit')} />
      </Group>
      <Group grow align="flex-start">
        <Autocomplete label={t('col.responsiblePerson')} data={options?.people ?? []} limit={50} {...form.getInputProps('responsiblePerson')} />
        <TextInput label={t('col.deadline')} type="date" required min={record ? undefined : today} {...form.getInputProps('deadline')} />
      </Group>
    </FormModal>
  );
}
