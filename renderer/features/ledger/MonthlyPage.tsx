/** 工作责任分解表: a month's tasks per unit, done marks, the completion ranking and the bulletin PDF. */
import { Autocomplete, Badge, Button, Group, Modal, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import type { MonthlyTask } from '@shared/domain/ledger';
import { monthLabel, percent } from '@shared/ledger/monthly';
import { localDay } from '@shared/ledger/views';
import { call, useCall } from '../../api/client';
import { tableProps, RowActions } from '../../ui/table';
import { FormModal, useLiveForm, useSaver } from '../../ui/forms';
import { notifyError, notifySaved } from '../../ui/notify';
import { applyFieldError } from '../../ui/fieldErrors';
import { TaskBar, useLedgerT, useTask } from './common';

export function MonthlyPage() {
  const { t, lang: uiLang } = useLedgerT();
  const lang = uiLang === 'en' ? 'en' : 'zh-CN';
  const thisMonth = localDay(new Date()).slice(0, 7);
  const [month, setMonth] = useState(thisMonth);
  const months = useCall('monthly.months', {});
  const view = useCall('monthly.view', { month });
  const options = useCall('ledger.options', {});
  const [editing, setEditing] = useState<{ record: MonthlyTask | null } | null>(null);
  const [marking, setMarking] = useState<MonthlyTask | null>(null);
  const bulletin = useTask();
  const monthOptions = useMemo(() => {
    const set = new Set([thisMonth, month, ...(months.data ?? [])]);
    return [...set].sort().reverse().map((m) => ({ value: m, label: monthLabel(m, lang) }));
  }, [months.data, month, thisMonth, lang]);
  const reload = () => {
    void view.reload();
    void months.reload();
  };
  const writeBulletin = async () => {
    try {
      const r = await bulletin.run((taskId) => call('monthly.bulletin', { month, taskId }));
      if (r) notifications.show({ color: 'green', title: t('monthly.bulletinDone'), message: r.name, autoClose: 6000 });
    } catch (e) {
      notifyError(e);
    }
  };
  const tasks = view.data?.tasks ?? [];
  const a = view.data?.assessment;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Select label={t('monthly.month')} data={monthOptions} value={month} onChange={(v) => v && setMonth(v)} allowDeselect={false} w={190} />
        <Group gap="xs">
          <Button variant="light" onClick={() => void writeBulletin()} disabled={!tasks.length || bulletin.running}>
            {t('monthly.bulletin')}
          </Button>
          <Button onClick={() => setEditing({ record: null })}>{t('monthly.add')}</Button>
        </Group>
      </Group>
      <Stack gap="md">
        <div>
          <Title order={5} mb={6}>
            {monthLabel(month, lang)} · {t('monthly.tasksLabel')}
          </Title>
          <DataTable<MonthlyTask>
            {...tableProps}
            aria-label={t('monthly.tasksLabel')}
            records={tasks}
            fetching={view.loading && !view.data}
            noRecordsText={t('monthly.empty')}
            columns={[
              { accessor: 'seq', title: '#', width: 44, textAlign: 'center' },
              { accessor: 'title', title: t('monthly.task') },
              { accessor: 'unit', title: t('monthly.unit'), width: 130 },
              { accessor: 'deadline', title: t('monthly.deadline'), width: 110 },
              {
                accessor: 'doneDate',
                title: t('monthly.done'),
                width: 200,
                render: (r) =>
                  r.doneDate ? (
                    <Stack gap={0}>
                      <Badge color={r.doneDate <= r.deadline ? 'green' : 'orange'} variant="light" styles={{ label: { textTransform: 'none' } }}>
                        {t(r.doneDate <= r.deadline ? 'monthly.doneOn' : 'monthly.doneLate', { date: r.doneDate })}
                      </Badge>
                      {r.doneNote && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {r.doneNote}
                        </Text>
                      )}
                    </Stack>
                  ) : (
                    <Button size="compact-sm" variant="light" onClick={() => setMarking(r)}>
                      {t('monthly.markDone')}
                    </Button>
                  ),
              },
              {
                accessor: 'actions',
                title: '',
                width: 230,
                textAlign: 'right',
                render: (r) => (
                  <Group gap={4} wrap="nowrap" justify="flex-end">
                    {r.doneDate && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        onClick={() =>
                          void call('monthly.undo', { id: r.id })
                            .then(() => (notifySaved(), reload()))
                            .catch(notifyError)
                        }
                      >
                        {t('monthly.undo')}
                      </Button>
                    )}
                    <RowActions
                      name={r.title}
                      onEdit={() => setEditing({ record: r })}
                      onDelete={async () => {
                        await call('monthly.delete', { id: r.id });
                        reload();
                      }}
                    />
                  </Group>
                ),
              },
            ]}
          />
        </div>
        <Paper withBorder p="sm" maw={720}>
          <Title order={5} mb={6}>
            {t('monthly.assessment')}
          </Title>
          <DataTable
            {...tableProps}
            minHeight={80}
            aria-label={t('monthly.assessment')}
            records={a?.units ?? []}
            idAccessor="unit"
            noRecordsText={t('monthly.empty')}
            columns={[
              { accessor: 'rank', title: t('monthly.rank'), width: 56, textAlign: 'center' },
              { accessor: 'unit', title: t('monthly.unit') },
              { accessor: 'assigned', title: t('monthly.assigned'), width: 90, textAlign: 'center' },
              { accessor: 'doneOnTime', title: t('monthly.onTime'), width: 90, textAlign: 'center' },
              { accessor: 'rate', title: t('monthly.rate'), width: 90, textAlign: 'right', render: (u) => percent(u.rate) },
            ]}
          />
        </Paper>
      </Stack>
      {editing && (
        <TaskForm
          month={month}
          record={editing.record}
          units={options.data?.units ?? []}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
        />
      )}
      {marking && (
        <DoneModal
          task={marking}
          onClose={() => setMarking(null)}
          onDone={() => {
            setMarking(null);
            reload();
          }}
        />
      )}
      <Modal opened={bulletin.running} onClose={bulletin.cancel} withCloseButton={false} centered title={t('monthly.bulletin')}>
        <TaskBar progress={bulletin.progress} label={t('monthly.bulletinRunning')} onCancel={bulletin.cancel} />
      </Modal>
    </Stack>
  );
}

function TaskForm({ month, record, units, onClose, onSaved }: { month: string; record: MonthlyTask | null; units: string[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useLedgerT();
  const required = (v: string) => (v.trim() ? null : t('form.required'));
  const form = useLiveForm({
    initialValues: { title: record?.title ?? '', unit: record?.unit ?? '', deadline: record?.deadline ?? '' },
    validate: { title: required, unit: required, deadline: required },
  });
  const { busy, run } = useSaver(form.setFieldError, ['title', 'unit', 'deadline'], onSaved);
  const submit = form.onSubmit((v) => run(() => call('monthly.save', { id: record?.id, month: record?.month ?? month, ...v })));
  return (
    <FormModal title={t(record ? 'monthly.editTitle' : 'monthly.addTitle')} onClose={onClose} onSubmit={submit} busy={busy}>
      <Textarea label={t('monthly.task')} required autosize minRows={2} data-autofocus {...form.getInputProps('title')} />
      <Autocomplete label={t('monthly.unit')} required data={units} limit={50} placeholder={t('form.unitPlaceholder')} {...form.getInputProps('unit')} />
      <TextInput label={t('monthly.deadline')} type="date" required {...form.getInputProps('deadline')} />
    </FormModal>
  );
}

function DoneModal({ task, onClose, onDone }: { task: MonthlyTask; onClose: () => void; onDone: () => void }) {
  const { t } = useLedgerT();
  const [note, setNote] = useState('');
  const [date, setDate] = useState(localDay(new Date()));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await call('monthly.done', { id: task.id, note, date });
      notifySaved();
      onDone();
    } catch (e) {
      if (!applyFieldError(e, (_f, m) => setError(m), ['date'])) notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormModal
      title={t('monthly.doneTitle', { title: task.title })}
      onClose={onClose}
      onSubmit={(e) => {
        e?.preventDefault();
        void submit();
      }}
      busy={busy}
    >
      <Textarea label={t('monthly.doneNote')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-autofocus />
      <TextInput label={t('monthly.doneDate')} type="date" max={localDay(new Date())} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={error} />
    </FormModal>
  );
}
