import { MultiSelect, Text, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import type { SupportUnit, Village } from '@shared/domain/org';
import { checkName } from '@shared/rules/org';
import { call, useCall } from '../../api/client';
import { actionsColumn, FormModal, ListFrame, tableProps, useLiveForm, useOrgT, useSaver, type Editing } from './common';
import { joinList } from '../../i18n';

/** "乡镇 · 村名": village names repeat across townships, so options name both. */
export const villageLabel = (v: Pick<Village, 'townshipName' | 'name'>) => `${v.townshipName} · ${v.name}`;

export function UnitsTab() {
  const { t } = useOrgT();
  const list = useCall('org.units.list', {});
  const villages = useCall('org.villages.list', {});
  const [editing, setEditing] = useState<Editing<SupportUnit>>(null);
  const villageById = useMemo(() => new Map((villages.data ?? []).map((v) => [v.id, v])), [villages.data]);

  return (
    <>
      <ListFrame
        what="unit.what"
        total={list.data?.length}
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.reload()}
        onAdd={() => setEditing({ record: null })}
      >
        <DataTable<SupportUnit>
          {...tableProps}
          records={list.data ?? []}
          fetching={list.loading && !list.data}
          noRecordsText={t('ui.noMatch')}
          columns={[
            { accessor: 'name', title: t('unit.name'), width: 240 },
            {
              accessor: 'villageIds',
              title: t('unit.villages'),
              render: (r) =>
                r.villageIds.length === 0 ? (
                  t('ui.dash')
                ) : (
                  <Text size="sm" title={r.villageIds.map((id) => (villageById.get(id) ? villageLabel(villageById.get(id)!) : '?')).join('\n')}>
                    {joinList(r.villageIds.map((id) => villageById.get(id)?.name ?? '?'))}
                  </Text>
                ),
            },
            actionsColumn(t('ui.actions'), (r) => r.name, (r) => setEditing({ record: r }), async (r) => {
              await call('org.units.delete', { id: r.id });
              await list.reload();
            }),
          ]}
        />
      </ListFrame>
      {editing && (
        <UnitForm
          record={editing.record}
          villages={villages.data ?? []}
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

function UnitForm({ record, villages, onClose, onSaved }: { record: SupportUnit | null; villages: Village[]; onClose: () => void; onSaved: () => void }) {
  const { t, rule } = useOrgT();
  const form = useLiveForm({
    initialValues: { name: record?.name ?? '', villageIds: record?.villageIds ?? [] },
    validate: { name: (v) => rule(checkName(v)) },
  });
  const { busy, run } = useSaver(form.setFieldError, ['name', 'villageIds'], onSaved);
  const submit = form.onSubmit((v) => run(() => call('org.units.save', { id: record?.id, name: v.name.trim(), villageIds: v.villageIds })));
  const options = useMemo(() => villages.map((v) => ({ value: v.id, label: villageLabel(v) })), [villages]);
  return (
    <FormModal title={t(record ? 'ui.editTitle' : 'ui.addTitle', { what: t('unit.what') })} onClose={onClose} onSubmit={submit} busy={busy} size="lg">
      <TextInput label={t('unit.name')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
      <MultiSelect
        label={t('unit.villages')}
        placeholder={t('unit.villagesPlaceholder')}
        data={options}
        searchable
        hidePickedOptions
        clearable
        limit={100}
        maxDropdownHeight={260}
        nothingFoundMessage={t('ui.nothingFound')}
        {...form.getInputProps('villageIds')}
      />
    </FormModal>
  );
}
