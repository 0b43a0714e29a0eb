/** 收入: one row per year (元 typed, 分 stored); 人均纯收入 is the server's, red when under that year's poverty line. */
import { Select, SimpleGrid, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useRef, useState } from 'react';
import type { HouseholdDetail, IncomeRow } from '@shared/domain/roster';
import { call } from '../../api/client';
import { FormModal, useLiveForm, useSaver, type Editing } from '../../ui/forms';
import { actionsColumn, tableProps } from '../../ui/table';
import { fenText, thisYear, toFen, useRosterT, yearOptions, yuan, yuanError } from './common';
import { MoneyInput } from './MoneyInput';
import { SectionFrame } from './SectionFrame';

const PARTS = ['productionFen', 'wageFen', 'propertyFen', 'transferFen', 'costFen'] as const;
type Part = (typeof PARTS)[number];

export function IncomeSection({ h, onChange }: { h: HouseholdDetail; onChange: (h: HouseholdDetail) => void }) {
  const { t } = useRosterT();
  const [editing, setEditing] = useState<Editing<IncomeRow>>(null);
  const below = (r: IncomeRow) => r.lineFen !== null && r.netPerCapitaFen < r.lineFen;
  return (
    <SectionFrame title={t('income.title')} addLabel={t('income.add')} onAdd={() => setEditing({ record: null })}>
      {h.incomes.length === 0 && h.reportedIncomeFen !== null && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('income.reported', { amount: yuan(h.reportedIncomeFen) })}
        </Text>
      )}
      {h.incomes.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('income.none')}
        </Text>
      ) : (
        <DataTable<IncomeRow>
          {...tableProps}
          minHeight={undefined}
          records={h.incomes}
          columns={[
            { accessor: 'year', title: t('income.year'), width: 70 },
            ...PARTS.map((p) => ({ accessor: p, title: t(`income.${p}`), textAlign: 'right' as const, render: (r: IncomeRow) => yuan(r[p]) })),
            {
              accessor: 'netPerCapitaFen',
              title: t('income.net'),
              textAlign: 'right',
              render: (r) => (
                <Text size="sm" fw={700} c={below(r) ? 'red.8' : undefined} title={below(r) ? t('income.belowLine') : undefined}>
                  {yuan(r.netPerCapitaFen)}
                  {below(r) ? ` ${t('income.belowMark')}` : ''}
                </Text>
              ),
            },
            { accessor: 'lineFen', title: t('income.line'), textAlign: 'right', render: (r) => (r.lineFen === null ? t('income.noLine') : yuan(r.lineFen)) },
            actionsColumn(t('translation:common.actions'), (r) => t('income.rowName', { year: r.year }), (r) => setEditing({ record: r }), async (r) => onChange(await call('roster.income.delete', { id: r.id }))),
          ]}
        />
      )}
      {editing && (
        <IncomeForm
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

type IncomeValues = { year: string | null } & Record<Part, string>;

function IncomeForm({ h, record, onClose, onSaved }: { h: HouseholdDetail; record: IncomeRow | null; onClose: () => void; onSaved: (h: HouseholdDetail) => void }) {
  const { t } = useRosterT();
  const used = new Set(h.incomes.filter((r) => r.id !== record?.id).map((r) => String(r.year)));
  const form = useLiveForm<IncomeValues>({
    initialValues: {
      year: record ? String(record.year) : [String(thisYear() - 1), String(thisYear())].find((y) => !used.has(y)) ?? null,
      productionFen: fenText(record?.productionFen),
      wageFen: fenText(record?.wageFen),
      propertyFen: fenText(record?.propertyFen),
      transferFen: fenText(record?.transferFen),
      costFen: fenText(record?.costFen),
    },
    validate: {
      year: (v) => (!v ? t('form.required') : used.has(v) ? t('income.yearTaken', { year: v }) : null),
      ...Object.fromEntries(PARTS.map((p) => [p, (v: string) => yuanError(v, t)])),
    },
  });
  const saved = useRef<HouseholdDetail | null>(null);
  const { busy, run } = useSaver(form.setFieldError, ['year', ...PARTS], () => saved.current && onSaved(saved.current));
  const submit = form.onSubmit((v) =>
    run(async () => {
      saved.current = await call('roster.income.save', {
        householdId: h.id,
        id: record?.id,
        year: Number(v.year),
        productionFen: toFen(v.productionFen) ?? 0,
        wageFen: toFen(v.wageFen) ?? 0,
        propertyFen: toFen(v.propertyFen) ?? 0,
        transferFen: toFen(v.transferFen) ?? 0,
        costFen: toFen(v.costFen) ?? 0,
      });
    }),
  );
  // A preview of 人均纯收入 in whole 分 (the saved figure is the server's).
  const v = form.getValues();
  const fen = PARTS.map((p) => (yuanError(v[p], t) ? null : (toFen(v[p]) ?? 0)));
  const preview = fen.every((x) => x !== null) && h.size > 0 ? Math.round((fen[0]! + fen[1]! + fen[2]! + fen[3]! - fen[4]!) / h.size) : null;
  return (
    <FormModal title={t(record ? 'income.editTitle' : 'income.addTitle')} onClose={onClose} onSubmit={submit} busy={busy} size="lg">
      <Select label={t('income.year')} required searchable openOnFocus={false} data={yearOptions(2010, thisYear())} w={140} data-autofocus {...form.getInputProps('year')} />
      <SimpleGrid cols={2} spacing="sm">
        {PARTS.map((p) => (
          <MoneyInput key={p} label={t(`income.${p}`)} {...form.getInputProps(p)} />
        ))}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('income.preview', { size: h.size, amount: preview === null ? '—' : yuan(preview) })}
      </Text>
    </FormModal>
  );
}
