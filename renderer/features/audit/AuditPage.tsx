/**
 * 审计日志 (#/audit): the log filtered by operator, record type, date and township, a page at a
 * time; 导出 Excel of everything the filter matches; 核对审计日志 (administrators) walks the chain.
 * Access is the main process's: a township operator's filter is narrowed to its township there,
 * ID and phone numbers come masked for everyone but administrators.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DataTable } from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { AUDIT_GROUP_KEYS, AUDIT_GROUPS, type AuditEntry, type AuditGroup } from '@shared/domain/audit';
import type { AppStatus } from '@shared/domain/app';
import { call, useCall } from '../../api/client';
import { go } from '../../app/route';
import { errorText, withParen } from '../../i18n';
import { dateTimeText } from '../../ui/format';
import { notifyError } from '../../ui/notify';
import { tableProps } from '../../ui/table';
import { TaskBar, useTask } from '../roster/common';
import { ChangeLines, operatorText, useAuditPages, useAuditT, whatText, type AuditQuery } from './common';

const PAGE = 100;

interface Filters {
  operator: string | null;
  group: AuditGroup | null;
  from: string;
  to: string;
  townshipId: string | null;
}
const NONE: Filters = { operator: null, group: null, from: '', to: '', townshipId: null };

export function AuditPage({ status }: { status: AppStatus }) {
  const { t, msg } = useAuditT();
  const session = status.session;
  const isAdmin = !status.accounts || session?.role === 'admin';
  const ownTownship = session?.role === 'township' ? session.townshipId : null;
  const [f, setF] = useState<Filters>(NONE);
  const set = <K extends keyof Filters>(k: K) => (v: Filters[K]) => setF((x) => ({ ...x, [k]: v }));
  const datesWrong = !!f.from && !!f.to && f.from > f.to;
  const query = useMemo<AuditQuery | null>(() => {
    if (datesWrong) return null;
    const q: AuditQuery = {};
    if (f.operator) q.operator = f.operator;
    if (f.group) q.recordTypes = [...AUDIT_GROUPS[f.group]];
    if (f.from) q.from = f.from;
    if (f.to) q.to = f.to;
    if (f.townshipId && !ownTownship) q.townshipId = f.townshipId;
    return q;
  }, [f, datesWrong, ownTownship]);
  const log = useAuditPages(query, PAGE);
  const operators = useCall('audit.options', {});
  const townships = useCall('org.townships.list', {});
  const anyFilter = f.operator !== null || f.group !== null || f.from !== '' || f.to !== '' || f.townshipId !== null;

  const exportTask = useTask();
  const verifyTask = useTask();
  const [verdict, setVerdict] = useState<{ ok: boolean; message: string } | null>(null);
  const exportXlsx = async () => {
    if (!query) return;
    try {
      const r = await exportTask.run((taskId) => call('audit.export', { filter: query, taskId }));
      if (r) notifications.show({ color: 'green', title: t(r.masked ? 'export.doneMasked' : 'export.done', { rows: r.rows.toLocaleString() }), message: r.name, autoClose: 6000 });
    } catch (e) {
      notifyError(e);
    }
  };
  const verify = async () => {
    setVerdict(null);
    try {
      const r = await verifyTask.run((taskId) => call('audit.verify', { taskId }));
      setVerdict({ ok: r.broken === null, message: r.message });
    } catch (e) {
      notifyError(e);
    }
  };

  const operatorOptions = (operators.data ?? [])
    .filter((o) => o.operator !== '')
    .map((o) => ({ value: o.operator, label: o.name && o.name !== o.operator ? withParen(o.name, o.operator) : o.operator }));
  const townshipOptions = ownTownship
    ? [{ value: ownTownship, label: session?.townshipName ?? '' }]
    : (townships.data ?? []).map((x) => ({ value: x.id, label: x.name }));

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2}>{t('title')}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t('intro')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="light" onClick={() => void exportXlsx()} loading={exportTask.running} disabled={!query || log.total === 0}>
            {t('export.button')}
          </Button>
          {isAdmin && (
            <Button variant="default" onClick={() => void verify()} loading={verifyTask.running}>
              {t('verify.button')}
            </Button>
          )}
        </Group>
      </Group>
      {verifyTask.running && <TaskBar progress={verifyTask.progress} label={t('verify.running')} onCancel={verifyTask.cancel} />}
      {verdict && (
        <Alert color={verdict.ok ? 'green' : 'red'} variant="light" title={t('verify.title')} withCloseButton closeButtonLabel={t('translation:common.close')} onClose={() => setVerdict(null)}>
          <Text size="sm">{verdict.message}</Text>
        </Alert>
      )}
      <Group gap="sm" align="flex-start">
        <Select label={t('filter.operator')} placeholder={t('filter.all')} clearable searchable w={170} data={operatorOptions} value={f.operator} onChange={set('operator')} nothingFoundMessage={t('translation:common.nothingFound')} />
        <Select
          label={t('filter.group')}
          placeholder={t('filter.all')}
          clearable
          w={190}
          data={AUDIT_GROUP_KEYS.map((g) => ({ value: g, label: msg(`audit.group.${g}`) }))}
          value={f.group}
          onChange={(v) => set('group')((v as AuditGroup | null) ?? null)}
        />
        <TextInput type="date" label={t('filter.from')} w={150} value={f.from} max={f.to || undefined} onChange={(e) => set('from')(e.currentTarget.value)} />
        <TextInput type="date" label={t('filter.to')} w={150} value={f.to} min={f.from || undefined} onChange={(e) => set('to')(e.currentTarget.value)} error={datesWrong ? t('filter.fromAfterTo') : undefined} />
        <Select
          label={t('filter.township')}
          placeholder={t('filter.all')}
          clearable={!ownTownship}
          searchable
          disabled={!!ownTownship}
          w={150}
          data={townshipOptions}
          value={ownTownship ?? f.townshipId}
          onChange={set('townshipId')}
          nothingFoundMessage={t('translation:common.nothingFound')}
        />
        {anyFilter && (
          <Button variant="subtle" mt={25} onClick={() => setF(NONE)}>
            {t('filter.clear')}
          </Button>
        )}
        <Group gap="xs" ml="auto" mt={30}>
          {log.masked && (
            <Badge color="gray" variant="light" styles={{ label: { textTransform: 'none' } }}>
              {t('masked')}
            </Badge>
          )}
          <Text size="sm" c="dimmed" data-testid="audit-total">
            {query ? t('total', { count: log.total }) : ''}
          </Text>
        </Group>
      </Group>
      {log.error && (
        <Alert color="red" variant="light" title={t('loadFailed')}>
          <Text size="sm">{errorText(log.error.info)}</Text>
        </Alert>
      )}
      <DataTable<AuditEntry>
        {...tableProps}
        aria-label={t('tableLabel')}
        idAccessor="seq"
        records={log.entries}
        fetching={log.loading && log.entries.length === 0}
        noRecordsText={anyFilter ? t('noMatch') : t('empty')}
        minHeight={log.entries.length ? undefined : 160}
        verticalAlign="top"
        columns={[
          { accessor: 'at', title: t('col.at'), width: 136, render: (e) => <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{dateTimeText(e.at)}</span> },
          { accessor: 'operatorName', title: t('col.operator'), width: 90, render: (e) => operatorText(e, t) },
          { accessor: 'action', title: t('col.what'), width: 156, render: (e) => whatText(e, t, msg) },
          { accessor: 'townshipName', title: t('col.township'), width: 90, render: (e) => e.townshipName ?? '—' },
          {
            accessor: 'household',
            title: t('col.household'),
            width: 160,
            render: (e) =>
              e.household && e.householdId ? (
                <Anchor href={`#/roster/${e.householdId}`} size="sm" onClick={(ev) => (ev.preventDefault(), go(`roster/${e.householdId}`))} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {t('household', { number: e.household.number, head: e.household.headName })}
                </Anchor>
              ) : (
                '—'
              ),
          },
          { accessor: 'subject', title: t('col.subject'), width: 100, render: (e) => e.subject ?? '—' },
          { accessor: 'changes', title: t('col.changes'), render: (e) => <ChangeLines entry={e} limit={3} /> },
        ]}
      />
      {log.more && (
        <Group justify="center">
          <Button variant="default" onClick={log.loadMore} loading={log.loading}>
            {t('loadMore')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('shown', { shown: log.entries.length.toLocaleString(), count: log.total.toLocaleString() })}
          </Text>
        </Group>
      )}
      <Modal opened={exportTask.running && exportTask.progress !== null} onClose={exportTask.cancel} withCloseButton={false} centered title={t('export.title')}>
        <TaskBar progress={exportTask.progress} label={t('export.running')} onCancel={exportTask.cancel} />
      </Modal>
    </Stack>
  );
}
