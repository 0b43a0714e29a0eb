import { TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import type { Township } from '@shared/domain/org';
import { checkName, checkTownshipCode } from '@shared/rules/org';
import { call, useCall } from '../../api/client';
import { actionsColumn, caretToEnd, FormModal, ListFrame, tableProps, useLiveForm, useOrgT, useSaver, type Editing } from './common';

export function TownshipsTab() {
  const { t } = useOrgT();
  const status = useCall('app.status', {});
  const countyCode = status.data?.county?.code ?? '';
  const list = useCall('org.townships.list', {});
  const [editing, setEditing] = useState<Editing<Township>>(null);

  return (
    <>
      <ListFrame
        what="township.what"
        total={list.data?.length}
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.reload()}
        onAdd={() => setEditing({ record: null })}
      >
        <DataTable<Township>
          {...tableProps}
          records={list.data ?? []}
          fetching={list.loading && !list.data}
          noRecordsText={t('ui.noMatch')}
          columns={[
            { accessor: 'code', title: t('township.code'), width: 160 },
            { accessor: 'name', title: t('township.name') },
            { accessor: 'villageCount', title: t('township.villageCount'), textAlign: 'right', width: 120 },
            actionsColumn(t('ui.actions'), (r) => r.name, (r) => setEditing({ record: r }), async (r) => {
              await call('org.townships.delete', { id: r.id });
              await list.reload();
            }),
          ]}
        />
      </ListFrame>
      {editing && (
        <TownshipForm
          record={editing.record}
          countyCode={countyCode}
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

function TownshipForm({ record, countyCode, onClose, onSaved }: { record: Township | null; countyCode: string; onClose: () => void; onSaved: () => void }) {
  const { t, rule } = useOrgT();
  const form = useLiveForm({
    initialValues: { code: record?.code ?? countyCode, name: record?.name ?? '' },
    validate: {
      code: (v) => rule(checkTownshipCode(v, countyCode)),
      name: (v) => rule(checkName(v)),
    },
  });
  const { busy, run } = useSaver(form.setFieldError, ['code', 'name'], onSaved);
  const submit = form.onSubmit((v) => run(() => call('org.townships.save', { id: record?.id, code: v.code.trim(), name: v.name.trim() })));
  const what = t('township.what');
  return (
    <FormModal title={t(record ? 'ui.editTitle' : 'ui.addTitle', { what })} onClose={onClose} onSubmit={submit} busy={busy}>
      <TextInput
        label={t('township.code')}
        description={t('township.codeHint', { county: countyCode })}
        required
        maxLength={9}
        inputMode="numeric"
        autoComplete="off"
        data-autofocus
        {...form.getInputProps('code')}
        onFocus={caretToEnd}
      />
      <TextInput label={t('township.name')} required autoComplete="off" {...form.getInputProps('name')} />
    </FormModal>
  );
}
