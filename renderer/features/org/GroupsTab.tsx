import { MultiSelect, Text, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import type { Township, WorkGroup } from '@shared/domain/org';
import { checkName } from '@shared/rules/org';
import { call, useCall } from '../../api/client';
import { actionsColumn, FormModal, ListFrame, tableProps, useLiveForm, useOrgT, useSaver, type Editing } from './common';
import { joinList } from '../../i18n';

export function GroupsTab() {
  const { t } = useOrgT();
  const list = useCall('org.groups.list', {});
  const townships = useCall('org.townships.list', {});
  const [editing, setEditing] = useState<Editing<WorkGroup>>(null);
  const townshipName = useMemo(() => new Map((townships.data ?? []).map((tw) => [tw.id, tw.name])), [townships.data]);

  return (
    <>
      <ListFrame
        what="group.what"
        total={list.data?.length}
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.reload()}
        onAdd={() => setEditing({ record: null })}
      >
        <DataTable<WorkGroup>
          {...tableProps}
          records={list.data ?? []}
          fetching={list.loading && !list.data}
          noRecordsText={t('ui.noMatch')}
          columns={[
            { accessor: 'name', title: t('group.name'), width: 220 },
            { accessor: 'leader', title: t('group.leader'), width: 120, render: (r) => r.leader || t('ui.dash') },
            {
              accessor: 'townshipIds',
              title: t('group.townships'),
              render: (r) =>
                r.townshipIds.length === 0 ? (
                  t('ui.dash')
                ) : (
                  <Text size="sm">{joinList(r.townshipIds.map((id) => townshipName.get(id) ?? '?'))}</Text>
                ),
            },
            actionsColumn(t('ui.actions'), (r) => r.name, (r) => setEditing({ record: r }), async (r) => {
              await call('org.groups.delete', { id: r.id });
              await list.reload();
            }),
          ]}
        />
      </ListFrame>
      {editing && (
        <GroupForm
          record={editing.record}
          townships={townships.data ?? []}
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

function GroupForm({ record, townships, onClose, onSaved }: { record: WorkGroup | null; townships: Township[]; onClose: () => void; onSaved: () => void }) {
  const { t, rule } = useOrgT();
  const form = useLiveForm({
    initialValues: { name: record?.name ?? '', leader: record?.leader ?? '', townshipIds: record?.townshipIds ?? [] },
    validate: { name: (v) => rule(checkName(v)) },
  });
  const { busy, run } = useSaver(form.setFieldError, ['name', 'leader', 'townshipIds'], onSaved);
  const submit = form.onSubmit((v) =>
    run(() => call('org.groups.save', { id: record?.id, name: v.name.trim(), leader: v.leader.trim(), townshipIds: v.townshipIds })),
  );
  return (
    <FormModal title={t(record ? 'ui.editTitle' : 'ui.addTitle', { what: t('group.what') })} onClose={onClose} onSubmit={submit} busy={busy}>
      <TextInput label={t('group.name')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
      <TextInput label={t('group.leader')} autoComplete="off" maxLength={40} {...form.getInputProps('leader')} />
      <MultiSelect
        label={t('group.townships')}
        placeholder={t('group.townshipsPlaceholder')}
        data={townships.map((tw) => ({ value: tw.id, label: tw.name }))}
        searchable
        hidePickedOptions
        clearable
        nothingFoundMessage={t('ui.nothingFound')}
        {...form.getInputProps('townshipIds')}
      />
    </FormModal>
  );
}
