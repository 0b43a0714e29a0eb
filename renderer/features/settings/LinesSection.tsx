/** 贫困线: yuan per person per year, by year (stored as 分). */
import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useEffect, useRef, useState } from 'react';
import type { PovertyLine } from '@shared/domain/roster';
import { call, useCall } from '../../api/client';
import { FormModal, useLiveForm, useSaver, type Editing } from '../../ui/forms';
import { RowActions, tableProps } from '../../ui/table';
import { fenText, thisYear, toFen, useRosterT, yuan, yuanError } from '../roster/common';
import { MoneyInput } from '../roster/MoneyInput';

export function LinesSection() {
  const { t } = useRosterT();
  const q = useCall('roster.lines.list', {});
  const [lines, setLines] = useState<PovertyLine[] | undefined>(undefined);
  useEffect(() => setLines(q.data), [q.data]);
  const [editing, setEditing] = useState<Editing<PovertyLine>>(null);
  const rows = [...(lines ?? [])].sort((a, b) => b.year - a.year);
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={4}>{t('settings.lines')}</Title>
            <Text size="sm" c="dimmed">
              {t('settings.linesHint')}
            </Text>
          </div>
          <Button onClick={() => setEditing({ record: null })}>{t('settings.addLine')}</Button>
        </Group>
        <DataTable<PovertyLine>
          {...tableProps}
          idAccessor="year"
          records={rows}
          fetching={!lines}
          columns={[
            { accessor: 'year', title: t('settings.year'), width: 100 },
            { accessor: 'amountFen', title: t('settings.amount'), textAlign: 'right', render: (l) => yuan(l.amountFen) },
            {
              accessor: 'actions',
              title: t('translation:common.actions'),
              textAlign: 'right',
              width: 150,
              render: (l) => (
                <RowActions
                  name={t('settings.lineName', { year: l.year })}
                  onEdit={() => setEditing({ record: l })}
                  onDelete={async () => setLines(await call('roster.lines.delete', { year: l.year }))}
                />
              ),
            },
          ]}
        />
      </Stack>
      {editing && (
        <LineForm
          record={editing.record}
          years={rows.map((l) => l.year)}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            setLines(next);
          }}
        />
      )}
    </Paper>
  );
}

interface LineValues extends Record<string, unknown> {
  year: number | string;
  amount: string;
}

function LineForm({ record, years, onClose, onSaved }: { record: PovertyLine | null; years: number[]; onClose: () => void; onSaved: (lines: PovertyLine[]) => void }) {
  const { t } = useRosterT();
  const free = (() => {
    for (let y = thisYear(); y > 2000; y--) if (!years.includes(y)) return y;
    return thisYear();
  })();
  const form = useLiveForm<LineValues>({
    initialValues: { year: record?.year ?? free, amount: fenText(record?.amountFen) },
    validate: {
      year: (v) => {
        const y = Number(v);
        if (v === '' || !Number.isInteger(y) || y < 1980 || y > 2100) return t('form.required');
        return !record && years.includes(y) ? t('settings.yearExists', { year: y }) : null;
      },
      amount: (v) => yuanError(v, t, { required: true }) ?? ((toFen(v) ?? 0) <= 0 ? t('settings.amountPositive') : null),
    },
  });
  const saved = useRef<PovertyLine[]>([]);
  const { busy, run } = useSaver(form.setFieldError, ['year', 'amountFen'], () => onSaved(saved.current));
  const submit = form.onSubmit((v) =>
    run(async () => {
      saved.current = await call('roster.lines.save', { year: Number(v.year), amountFen: toFen(v.amount) ?? 0 });
    }),
  );
  return (
    <FormModal title={record ? t('settings.lineName', { year: record.year }) : t('settings.addLine')} onClose={onClose} onSubmit={submit} busy={busy} size="sm">
      <NumberInput label={t('settings.year')} required min={1980} max={2100} allowDecimal={false} disabled={record !== null} data-autofocus={!record || undefined} {...form.getInputProps('year')} />
      <MoneyInput label={t('settings.amount')} required data-autofocus={record ? true : undefined} {...form.getInputProps('amount')} />
    </FormModal>
  );
}
