/** 帮扶措施: many per year; category from the code list, amount in 元, supporting unit, date. */
import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useRef, useState } from 'react';
import type { HouseholdDetail } from '@shared/domain/roster';
import { call, useCall } from '../../api/client';
import { FormModal, useLiveForm, useSaver, type Editing } from '../../ui/forms';
import { actionsColumn, tableProps } from '../../ui/table';
import { fenText, thisYear, toFen, today, useCodes, useRosterT, yearOptions, yuan, yuanError } from './common';
import { MoneyInput } from './MoneyInput';
import { SectionFrame } from './SectionFrame';

type Measure = HouseholdDetail['measures'][number];

export function MeasureSection({ h, onChange }: { h: HouseholdDetail; onChange: (h: HouseholdDetail) => void }) {
  const { t } = useRosterT();
  const [editing, setEditing] = useState<Editing<Measure>>(null);
  return (
    <SectionFrame title={t('measure.title')} addLabel={t('measure.add')} onAdd={() => setEditing({ record: null })}>
      {h.measures.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('measure.none')}
        </Text>
      ) : (
        <DataTable<Measure>
          {...tableProps}
          minHeight={undefined}
          records={h.measures}
          columns={[
            { accessor: 'year', title: t('measure.year'), width: 70 },
            { accessor: 'category', title: t('measure.category'), width: 120 },
            { accessor: 'content', title: t('measure.content') },
            { accessor: 'amountFen', title: t('measure.amount'), textAlign: 'right', width: 110, render: (r) => yuan(r.amountFen) },
            { accessor: 'supportUnitName', title: t('measure.unit'), width: 150, render: (r) => r.supportUnitName ?? '—' },
            { accessor: 'date', title: t('measure.date'), width: 110, render: (r) => r.date ?? '—' },
            actionsColumn(t('translation:common.actions'), (r) => `${r.year} ${r.category}`, (r) => setEditing({ record: r }), async (r) => onChange(await call('roster.measure.delete', { id: r.id }))),
          ]}
        />
      )}
      {editing && (
        <MeasureForm
          h={h}
          record={editing.record}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            onChange(next);
          }}
        />
      )}
    </SectionFrame>
  );
}

interface MeasureValues extends Record<string, unknown> {
  year: string | null;
  category: string | null;
  content: string;
  amount: string;
  supportUnitId: string | null;
  date: string;
}

function MeasureForm({ h, record, onClose, onSaved }: { h: HouseholdDetail; record: Measure | null; onClose: () => void; onSaved: (h: HouseholdDetail) => void }) {
  const { t } = useRosterT();
  const codes = useCodes();
  const units = useCall('org.units.list', {});
  const form = useLiveForm<MeasureValues>({
    initialValues: {
      year: String(record?.year ?? thisYear()),
      category: record?.category ?? null,
      content: record?.content ?? '',
      amount: fenText(record?.amountFen),
      supportUnitId: record?.supportUnitId ?? null,
      date: record?.date ?? '',
    },
    validate: {
      year: (v) => (v ? null : t('form.required')),
      category: (v) => (v ? null : t('form.required')),
      content: (v) => (v.trim() ? null : t('form.required')),
      amount: (v) => yuanError(v, t),
    },
  });
  const saved = useRef<HouseholdDetail | null>(null);
  const { busy, run } = useSaver(form.setFieldError, ['year', 'category', 'content', 'amountFen', 'supportUnitId', 'date'], () => saved.current && onSaved(saved.current));
  const submit = form.onSubmit((v) =>
    run(async () => {
      saved.current = await call('roster.measure.save', {
        householdId: h.id,
        id: record?.id,
        year: Number(v.year),
        category: v.category ?? '',
        content: v.content.trim(),
        amountFen: toFen(v.amount),
        supportUnitId: v.supportUnitId,
        date: v.date || null,
      });
    }),
  );
  return (
    <FormModal title={t(record ? 'measure.editTitle' : 'measure.addTitle')} onClose={onClose} onSubmit={submit} busy={busy} size="lg">
      <SimpleGrid cols={2} spacing="sm">
        <Select label={t('measure.year')} required searchable openOnFocus={false} data={yearOptions(2010, thisYear())} data-autofocus {...form.getInputProps('year')} />
        <Select label={t('measure.category')} required searchable openOnFocus={false} data={codes.options('measure', form.getValues().category)} {...form.getInputProps('category')} />
      </SimpleGrid>
      <TextInput label={t('measure.content')} required autoComplete="off" maxLength={200} {...form.getInputProps('content')} />
      <SimpleGrid cols={3} spacing="sm">
        <MoneyInput label={t('measure.amount')} {...form.getInputProps('amount')} />
        <Select
          label={t('measure.unit')}
          searchable
          clearable
          openOnFocus={false}
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          nothingFoundMessage={t('translation:common.nothingFound')}
          {...form.getInputProps('supportUnitId')}
        />
        <TextInput label={t('measure.date')} type="date" max={today()} {...form.getInputProps('date')} />
      </SimpleGrid>
    </FormModal>
  );
}
