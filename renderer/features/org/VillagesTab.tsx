import { Badge, Checkbox, NumberInput, Select, Text, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import type { Township, Village } from '@shared/domain/org';
import { checkName, checkPopulation, checkVillageCode } from '@shared/rules/org';
import { call, useCall } from '../../api/client';
import { actionsColumn, caretToEnd, FormModal, ListFrame, tableProps, useLiveForm, useOrgT, useSaver, type Editing } from './common';

export function VillagesTab() {
  const { t } = useOrgT();
  const list = useCall('org.villages.list', {});
  const townships = useCall('org.townships.list', {});
  const [filter, setFilter] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing<Village>>(null);

  const records = useMemo(() => (list.data ?? []).filter((v) => !filter || v.townshipId === filter), [list.data, filter]);
  const townshipOptions = (townships.data ?? []).map((tw) => ({ value: tw.id, label: tw.name }));

  return (
    <>
      <ListFrame
        what="village.what"
        total={list.data?.length}
        shown={records.length}
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.reload()}
        onAdd={() => setEditing({ record: null })}
        hint={townships.data?.length === 0 ? t('village.noTownships') : undefined}
        filters={
          <Select
            label={t('village.filter')}
            placeholder={t('village.filterAll')}
            data={townshipOptions}
            value={filter}
            onChange={setFilter}
            clearable
            searchable
            nothingFoundMessage={t('ui.nothingFound')}
            w={220}
          />
        }
      >
        <DataTable<Village>
          {...tableProps}
          records={records}
          fetching={list.loading && !list.data}
          noRecordsText={t('ui.noMatch')}
          columns={[
            { accessor: 'code', title: t('village.code'), width: 150 },
            { accessor: 'name', title: t('village.name') },
            { accessor: 'townshipName', title: t('village.township') },
            {
              accessor: 'isPoor',
              title: t('village.poor'),
              width: 100,
              render: (r) =>
                r.isPoor ? (
                  <Badge color="red" variant="light">
                    {t('ui.yes')}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('ui.no')}
                  </Text>
                ),
            },
            {
              accessor: 'population',
              title: t('village.population'),
              textAlign: 'right',
              width: 110,
              render: (r) => (r.population === null ? t('ui.dash') : r.population.toLocaleString()),
            },
            actionsColumn(t('ui.actions'), (r) => r.name, (r) => setEditing({ record: r }), async (r) => {
              await call('org.villages.delete', { id: r.id });
              await list.reload();
            }),
          ]}
        />
      </ListFrame>
      {editing && (
        <VillageForm
          record={editing.record}
          townships={townships.data ?? []}
          defaultTownshipId={filter}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.reload();
          }}
        />
      )}
    </>
  );
}

interface VillageValues extends Record<string, unknown> {
  townshipId: string | null;
  code: string;
  name: string;
  isPoor: boolean;
  population: number | string;
}

function VillageForm({
  record,
  townships,
  defaultTownshipId,
  onClose,
  onSaved,
}: {
  record: Village | null;
  townships: Township[];
  defaultTownshipId: string | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, rule } = useOrgT();
  const codeOf = (id: string | null) => townships.find((tw) => tw.id === id)?.code ?? '';
  const startTownship = record?.townshipId ?? defaultTownshipId;
  const form = useLiveForm<VillageValues>({
    initialValues: {
      townshipId: startTownship,
      code: record?.code ?? codeOf(startTownship),
      name: record?.name ?? '',
      isPoor: record?.isPoor ?? false,
      population: record?.population ?? '',
    },
    validate: {
      townshipId: (v) => (v ? null : t('village.pickTownship')),
      code: (v, values) => rule(checkVillageCode(v, codeOf(values.townshipId))),
      name: (v) => rule(checkName(v)),
      population: (v) => rule(checkPopulation(v === '' ? null : Number(v))),
    },
  });
  const { busy, run } = useSaver(form.setFieldError, ['townshipId', 'code', 'name', 'population'], onSaved);
  const submit = form.onSubmit((v) =>
    run(() =>
      call('org.villages.save', {
        id: record?.id,
        townshipId: v.townshipId ?? '',
        code: v.code.trim(),
        name: v.name.trim(),
        isPoor: v.isPoor,
        population: v.population === '' ? null : Number(v.population),
      }),
    ),
  );

  const townshipProps = form.getInputProps('townshipId');
  const chooseTownship = (id: string | null) => {
    const before = codeOf(form.getValues().townshipId);
    const code = form.getValues().code.trim();
    townshipProps.onChange(id);
    // Prefill the township's code as the prefix while the code holds nothing of the user's own.
    if (id && (code === '' || code === before)) form.setFieldValue('code', codeOf(id));
    if (form.errors.code) form.validateField('code');
  };

  return (
    <FormModal title={t(record ? 'ui.editTitle' : 'ui.addTitle', { what: t('village.what') })} onClose={onClose} onSubmit={submit} busy={busy}>
      <Select
        label={t('village.township')}
        required
        searchable
        openOnFocus={false}
        data={townships.map((tw) => ({ value: tw.id, label: tw.name }))}
        nothingFoundMessage={t('ui.nothingFound')}
        data-autofocus={record || !startTownship ? true : undefined}
        {...townshipProps}
        onChange={chooseTownship}
      />
      <TextInput
        label={t('village.code')}
        description={t('village.codeHint')}
        required
        maxLength={12}
        inputMode="numeric"
        autoComplete="off"
        data-autofocus={!record && startTownship ? true : undefined}
        {...form.getInputProps('code')}
        onFocus={caretToEnd}
      />
      <TextInput label={t('village.name')} required autoComplete="off" {...form.getInputProps('name')} />
      <NumberInput
        label={t('village.population')}
        description={t('village.populationHint')}
        allowDecimal={false}
        allowNegative={false}
        min={0}
        max={1_000_000}
        {...form.getInputProps('population')}
      />
      <Checkbox label={t('village.isPoor')} {...form.getInputProps('isPoor', { type: 'checkbox' })} />
    </FormModal>
  );
}
