/** 整改台账: views with counts, filters, the table, add/edit, the item drawer and exports. */
import { Alert, Anchor, Box, Button, EmptyState, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { LEDGER_SOURCE_KINDS, LEDGER_VIEWS, type LedgerFilter, type LedgerItem, type LedgerView } from '@shared/domain/ledger';
import { call, useCall } from '../../api/client';
import { go } from '../../app/route';
import { pagingProps, tableProps } from '../../ui/table';
import { notifyError } from '../../ui/notify';
import { errorText } from '../../i18n';
import { DeadlineNote, LedgerStatusBadge, TaskBar, useLedgerT, useTask } from './common';
import { LedgerItemForm } from './LedgerItemForm';
import { LedgerDrawer } from './LedgerDrawer';
import { CategoriesButton } from './CategoriesButton';

const PAGE = 50;
type Filters = Omit<LedgerFilter, 'view'>;

export function LedgerPage({ view, itemId }: { view: LedgerView; itemId?: string }) {
  const { t } = useLedgerT();
  const [filters, setFilters] = useState<Filters>({});
  const [text, setText] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ record: LedgerItem | null } | null>(null);
  const [open, setOpen] = useState<string | null>(itemId ?? null);
  useEffect(() => setOpen(itemId ?? null), [itemId]);
  // The search box filters after a short pause, not on every keystroke.
  useEffect(() => {
    const h = setTimeout(() => setFilters((f) => ({ ...f, text: text.trim() || undefined })), 250);
    return () => clearTimeout(h);
  }, [text]);
  useEffect(() => setPage(1), [view, filters]);
  const input = useMemo(() => {
    const clean = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as Filters;
    return { view, ...clean };
  }, [view, filters]);
  const list = useCall('ledger.list', input);
  const options = useCall('ledger.options', {});
  const data = list.data;
  const today = data?.today ?? '';
  const records = useMemo(() => (data?.items ?? []).slice((page - 1) * PAGE, page * PAGE), [data, page]);
  const anyFilter = Object.values(filters).some(Boolean);
  const set = (k: keyof Filters) => (v: string | null) => setFilters((f) => ({ ...f, [k]: v || undefined }));
  const reload = () => {
    void list.reload();
    void options.reload();
  };

  if (list.error && !data)
    return (
      <Alert color="red" title={t('list.tableLabel')}>
        {errorText(list.error.info)}
      </Alert>
    );

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <SegmentedControl
          aria-label={t('viewLabel')}
          value={view}
          onChange={(v) => go(v === 'all' ? 'ledger' : `ledger/${v}`)}
          data={LEDGER_VIEWS.map((v) => ({ value: v, label: `${t(`view.${v}`)}${data ? ` ${data.counts[v]}` : ''}` }))}
          color={view === 'overdue' ? 'red' : undefined}
        />
        <Group gap="xs" wrap="nowrap">
          <CategoriesButton onChanged={() => void options.reload()} />
          <ExportButtons filter={input} disabled={!data || data.items.length === 0} />
          <Button onClick={() => setEditing({ record: null })}>{t('list.add')}</Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <Select
          label={t('filter.source')}
          placeholder={t('filter.all')}
          clearable
          w={130}
          data={LEDGER_SOURCE_KINDS.map((k) => ({ value: k, label: t(`source.${k}`) }))}
          value={filters.sourceKind ?? null}
          onChange={(v) => setFilters((f) => ({ ...f, sourceKind: (v as Filters['sourceKind']) ?? undefined }))}
        />
        <Select label={t('filter.category')} placeholder={t('filter.all')} clearable w={130} data={options.data?.categories ?? []} value={filters.category ?? null} onChange={set('category')} />
        <Select label={t('filter.unit')} placeholder={t('filter.all')} clearable searchable w={170} data={options.data?.units ?? []} value={filters.unit ?? null} onChange={set('unit')} />
        <Select label={t('filter.person')} placeholder={t('filter.all')} clearable searchable w={130} data={options.data?.people ?? []} value={filters.person ?? null} onChange={set('person')} />
        <TextInput label={t('filter.text')} placeholder={t('filter.textPlaceholder')} w={300} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        {anyFilter && (
          <Button
            variant="subtle"
            onClick={() => {
              setFilters({});
              setText('');
            }}
          >
            {t('filter.clear')}
          </Button>
        )}
        <Text size="sm" c="dimmed" ml="auto">
          {data ? t('list.count', { n: data.items.length }) : ''}
        </Text>
      </Group>
      {data && data.counts.all === 0 && !anyFilter && view === 'all' ? (
        <Box py="xl">
          <EmptyState title={t('list.empty')} description={t('list.emptyText')} withIndicatorBackground>
            <EmptyState.Actions>
              <Button onClick={() => setEditing({ record: null })}>{t('list.add')}</Button>
            </EmptyState.Actions>
          </EmptyState>
        </Box>
      ) : (
        <DataTable<LedgerItem>
          {...tableProps}
          {...pagingProps()}
          aria-label={t('list.tableLabel')}
          records={records}
          fetching={list.loading && !data}
          noRecordsText={t('list.noMatch')}
          totalRecords={data?.items.length ?? 0}
          recordsPerPage={PAGE}
          page={page}
          onPageChange={setPage}
          idAccessor="id"
          // The whole row opens the item (the description stays a button for the keyboard).
          onRowClick={({ record }) => setOpen(record.id)}
          rowStyle={() => ({ cursor: 'pointer' })}
          columns={[
            { accessor: 'seq', title: t('col.seq'), width: 56, textAlign: 'center' },
            {
              accessor: 'description',
              title: `${t('col.description')} / ${t('col.source')}`,
              render: (r) => (
                <Stack gap={2}>
                  <Anchor component="button" type="button" size="sm" ta="left" c="dark.7" fw={500} onClick={(e) => (e.stopPropagation(), setOpen(r.id))} data-testid="ledger-row-open">
                    {r.description}
                  </Anchor>
                  <Text size="xs" c="dimmed">{t('list.sourceLine', { kind: t(`source.${r.sourceKind}`), text: r.sourceText })}</Text>
                </Stack>
              ),
            },
            { accessor: 'category', title: t('col.category'), width: 84 },
            { accessor: 'responsibleUnit', title: t('col.responsibleUnit'), width: 110 },
            { accessor: 'responsiblePerson', title: t('col.responsiblePerson'), width: 72 },
            {
              accessor: 'deadline',
              title: t('col.deadline'),
              width: 112,
              render: (r) => (
                <Stack gap={2}>
                  <Text size="sm">{r.deadline}</Text>
                  <DeadlineNote deadline={r.deadline} today={today} closed={r.status === 'closed'} />
                </Stack>
              ),
            },
            { accessor: 'lastProgress', title: t('col.progress'), width: 170, render: (r) => <Text size="sm" lineClamp={2}>{r.lastProgress ?? '—'}</Text> },
            { accessor: 'evidenceCount', title: t('col.evidence'), width: 96, textAlign: 'center', render: (r) => (r.evidenceCount ? t('list.evidenceCount', { n: r.evidenceCount }) : '—') },
            {
              accessor: 'status',
              title: t('col.status'),
              width: 120,
              render: (r) => (
                <Stack gap={2} align="flex-start">
                  <LedgerStatusBadge status={r.status} />
                  {r.closedDate && <Text size="xs" c="dimmed">{r.closedDate}</Text>}
                </Stack>
              ),
            },
          ]}
        />
      )}
      {editing && (
        <LedgerItemForm
          record={editing.record}
          options={options.data}
          today={today}
          onClose={() => setEditing(null)}
          onSaved={(item) => {
            setEditing(null);
            reload();
            if (!editing.record) setOpen(item.id);
          }}
        />
      )}
      {open && (
        <LedgerDrawer
          key={open}
          id={open}
          today={today}
          onClose={() => {
            setOpen(null);
            if (itemId) go('ledger');
          }}
          onChanged={reload}
          onEdit={(d) => setEditing({ record: d.item })}
        />
      )}
    </Stack>
  );
}

function ExportButtons({ filter, disabled }: { filter: LedgerFilter; disabled: boolean }) {
  const { t } = useLedgerT();
  const task = useTask();
  const run = async (format: 'xlsx' | 'pdf') => {
    try {
      const r = await task.run((taskId) => call('ledger.export', { filter, format, taskId }));
      if (!r) return;
      notifications.show({ color: 'green', title: t('export.done', { n: r.rows }), message: r.name, autoClose: 6000 });
      for (const m of r.missing) notifications.show({ color: 'orange', message: t('export.missing', { seq: m.seq, column: m.column, chars: m.chars.join('') }), autoClose: false });
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <>
      <Button variant="light" onClick={() => void run('xlsx')} disabled={disabled || task.running}>
        {t('export.xlsx')}
      </Button>
      <Button variant="light" onClick={() => void run('pdf')} disabled={disabled || task.running}>
        {t('export.pdf')}
      </Button>
      <Modal opened={task.running} onClose={task.cancel} withCloseButton={false} centered title={t('export.title')}>
        <TaskBar progress={task.progress} label={t('export.running')} onCancel={task.cancel} />
      </Modal>
    </>
  );
}
