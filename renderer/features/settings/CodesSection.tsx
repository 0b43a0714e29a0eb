/** 代码表: the values offered for roster fields; items are added, renamed, reordered or deactivated (never deleted). */
import { Badge, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import type { CodeItem } from '@shared/domain/roster';
import { defaultStatusKind, STATUS_KINDS, type StatusKind } from '@shared/roster/status';
import { call } from '../../api/client';
import { FormModal, useLiveForm, useSaver, type Editing } from '../../ui/forms';
import { notifyError, notifySaved } from '../../ui/notify';
import { tableProps } from '../../ui/table';
import { useCodes, useRosterT } from '../roster/common';

const LISTS = ['cause', 'attribute', 'status', 'monitorType', 'relation', 'ethnicity', 'education', 'school', 'health', 'skill', 'work', 'measure'];

export function CodesSection() {
  const { t } = useRosterT();
  const codes = useCodes();
  const [list, setList] = useState('cause');
  const [editing, setEditing] = useState<Editing<CodeItem>>(null);
  const items = codes.byList.get(list) ?? [];
  const toggle = async (c: CodeItem) => {
    try {
      await call('roster.codes.save', { id: c.id, list: c.list, code: c.code, name: c.name, sort: c.sort, active: !c.active, ...(c.kind ? { kind: c.kind } : {}) });
      notifySaved();
      await codes.reload();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={4}>{t('settings.codes')}</Title>
            <Text size="sm" c="dimmed" maw={620}>
              {t('settings.codesHint')}
            </Text>
          </div>
        </Group>
        <Group justify="space-between" align="flex-end">
          <Select
            label={t('settings.list')}
            data={LISTS.map((l) => ({ value: l, label: t(`settings.lists.${l}`) }))}
            value={list}
            onChange={(v) => v && setList(v)}
            allowDeselect={false}
            w={220}
          />
          <Button onClick={() => setEditing({ record: null })}>{t('settings.addCode')}</Button>
        </Group>
        <DataTable<CodeItem>
          {...tableProps}
          records={items}
          fetching={!codes.loaded}
          height={items.length > 12 ? 460 : undefined}
          columns={[
            { accessor: 'code', title: t('settings.code'), width: 90 },
            { accessor: 'name', title: t('settings.name'), render: (c) => <Text size="sm" c={c.active ? undefined : 'dimmed'} td={c.active ? undefined : 'line-through'}>{c.name}</Text> },
            ...(list === 'status' ? [{ accessor: 'kind', title: t('settings.kind'), width: 130, render: (c: CodeItem) => (c.kind ? t(`settings.kinds.${c.kind}`) : '') }] : []),
            { accessor: 'sort', title: t('settings.sort'), width: 80, textAlign: 'right' },
            {
              accessor: 'active',
              title: t('settings.active'),
              width: 90,
              render: (c) =>
                c.active ? (
                  <Badge color="green" variant="light">
                    {t('settings.active')}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    {t('settings.inactive')}
                  </Badge>
                ),
            },
            {
              accessor: 'actions',
              title: t('translation:common.actions'),
              textAlign: 'right',
              width: 180,
              render: (c) => (
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ record: c })} aria-label={`${t('translation:common.edit')} ${c.name}`}>
                    {t('translation:common.edit')}
                  </Button>
                  <Button size="compact-sm" variant="subtle" color={c.active ? 'red' : 'green'} onClick={() => void toggle(c)} aria-label={`${c.active ? t('settings.deactivate') : t('settings.activate')} ${c.name}`}>
                    {c.active ? t('settings.deactivate') : t('settings.activate')}
                  </Button>
                </Group>
              ),
            },
          ]}
        />
      </Stack>
      {editing && (
        <CodeForm
          list={list}
          record={editing.record}
          nextSort={items.reduce((m, c) => Math.max(m, c.sort), 0) + 1}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void codes.reload();
          }}
        />
      )}
    </Paper>
  );
}

interface CodeValues extends Record<string, unknown> {
  code: string;
  name: string;
  sort: number | string;
  active: boolean;
  kind: StatusKind;
}

function CodeForm({ list, record, nextSort, onClose, onSaved }: { list: string; record: CodeItem | null; nextSort: number; onClose: () => void; onSaved: () => void }) {
  const { t } = useRosterT();
  const form = useLiveForm<CodeValues>({
    initialValues: { code: record?.code ?? String(nextSort).padStart(2, '0'), name: record?.name ?? '', sort: record?.sort ?? nextSort, active: record?.active ?? true, kind: record?.kind ?? 'open' },
    validate: {
      name: (v) => (v.trim() ? null : t('form.required')),
      sort: (v) => (v === '' || !Number.isInteger(Number(v)) || Number(v) < 0 || Number(v) > 10000 ? t('form.required') : null),
    },
  });
  const { busy, run } = useSaver(form.setFieldError, ['code', 'name', 'sort', 'active', 'kind'], onSaved);
  const isStatus = list === 'status';
  // A new status takes the kind its name implies until the user picks one.
  const [kindTouched, setKindTouched] = useState(record !== null);
  const submit = form.onSubmit((v) => run(() => call('roster.codes.save', { id: record?.id, list, code: v.code.trim(), name: v.name.trim(), sort: Number(v.sort), active: v.active, ...(isStatus ? { kind: kindTouched ? v.kind : defaultStatusKind(v.name) } : {}) })));
  return (
    <FormModal title={`${record ? t('translation:common.edit') : t('settings.addCode')} · ${t(`settings.lists.${list}`)}`} onClose={onClose} onSubmit={submit} busy={busy}>
      <TextInput label={t('settings.name')} required maxLength={40} autoComplete="off" data-autofocus {...form.getInputProps('name')} />
      <Group grow align="flex-start">
        <TextInput label={t('settings.code')} maxLength={10} autoComplete="off" {...form.getInputProps('code')} />
        <NumberInput label={t('settings.sort')} min={0} max={10000} allowDecimal={false} allowNegative={false} {...form.getInputProps('sort')} />
      </Group>
      {isStatus && (
        <Select
          label={t('settings.kind')}
          description={t('settings.kindHint')}
          data={STATUS_KINDS.map((k) => ({ value: k, label: t(`settings.kinds.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
          value={kindTouched ? form.values.kind : defaultStatusKind(form.values.name)}
          onChange={(v) => {
            if (!v) return;
            setKindTouched(true);
            form.setFieldValue('kind', v as StatusKind);
          }}
        />
      )}
      <Checkbox label={t('settings.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
    </FormModal>
  );
}
