/** One household (#/roster/<id>): header and actions, members, income, measures, cadres, status history, flags, 变更记录 (audit). */
import { Alert, Anchor, Badge, Button, Center, Grid, Group, Loader, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useEffect, useState } from 'react';
import type { HouseholdDetail } from '@shared/domain/roster';
import { call, useCall } from '../../api/client';
import { go } from '../../app/route';
import { errorText, joinList } from '../../i18n';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { notifySaved } from '../../ui/notify';
import { tableProps } from '../../ui/table';
import { StatusBadge, statusColor, useRosterT, useStatusRule } from './common';
import { HouseholdForm } from './HouseholdForm';
import { IncomeSection } from './IncomeSection';
import { MeasureSection } from './MeasureSection';
import { PairingSection } from './PairingSection';
import { StatusModal } from './StatusModal';
import { useDetailText, useRuleTitle } from './QualityPanel';
import { PdfCardsButton } from './PdfExport';
import { HouseholdHistory } from '../audit/HouseholdHistory';

type Member = HouseholdDetail['members'][number];

export function HouseholdPage({ id }: { id: string }) {
  const { t, lang } = useRosterT();
  const ruleTitle = useRuleTitle();
  const detail = useDetailText();
  const rule = useStatusRule();
  const q = useCall('roster.household.get', { id });
  const [fresh, setFresh] = useState<HouseholdDetail | undefined>(undefined);
  useEffect(() => setFresh(undefined), [q.data]);
  const h = fresh ?? q.data;
  const [editing, setEditing] = useState(false);
  const [changingStatus, setChangingStatus] = useState(false);
  const update = (next: HouseholdDetail) => setFresh(next);

  const back = (
    <Anchor href="#/roster" size="sm" onClick={(e) => (e.preventDefault(), go('roster'))}>
      ← {t('household.back')}
    </Anchor>
  );
  if (q.error && !h)
    return (
      <Stack align="flex-start">
        {back}
        <Alert color="red" title={t('household.loadFailed')}>
          <Text size="sm">{errorText(q.error.info)}</Text>
        </Alert>
      </Stack>
    );
  if (!h)
    return (
      <Center h={200}>
        <Loader aria-label={t('household.loading')} />
      </Center>
    );

  const dash = (v: string | number | null) => (v === null || v === '' ? '—' : v);
  return (
    <Stack gap="md">
      {back}
      <Paper withBorder p="md" style={{ borderLeft: `4px solid var(--mantine-color-${statusColor(rule, h.status, h.monitorType)}-6)` }}>
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="sm" align="center">
              <Title order={2}>{t('household.title', { head: h.headName })}</Title>
              <StatusBadge status={h.status} monitorType={h.monitorType} size="lg" />
            </Group>
            <Text c="dimmed" size="sm">
              {t('household.where', { township: h.townshipName, village: h.villageName, group: h.groupName || '' })}
            </Text>
          </Stack>
          <Group gap="xs">
            <Button onClick={() => setEditing(true)}>{t('household.edit')}</Button>
            <Button variant="light" onClick={() => setChangingStatus(true)}>
              {t('household.changeStatus')}
            </Button>
            <PdfCardsButton householdId={h.id} />
            <ConfirmDelete
              name={t('household.deleteName', { number: h.number, head: h.headName })}
              label={t('household.delete')}
              title={t('household.deleteTitle')}
              buttonProps={{ size: 'sm', variant: 'outline' }}
              text={
                <Alert color="red" variant="light" title={t('household.deleteWarnTitle', { number: h.number, head: h.headName })}>
                  <Text size="sm">{t('household.deleteWarn', { size: h.size, incomes: h.incomes.length, measures: h.measures.length, pairings: h.pairings.length })}</Text>
                </Alert>
              }
              onConfirm={async () => {
                await call('roster.household.delete', { id: h.id });
                notifySaved(t('household.deleted', { number: h.number }));
                go('roster');
              }}
            />
          </Group>
        </Group>
        <Table variant="vertical" withTableBorder mt="md" fz="sm" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={110}>{t('household.number')}</Table.Th>
              <Table.Td style={{ fontVariantNumeric: 'tabular-nums' }}>{h.number}</Table.Td>
              <Table.Th w={110}>{t('household.size')}</Table.Th>
              <Table.Td>{t('household.persons', { count: h.size })}</Table.Td>
              <Table.Th w={110}>{t('household.phone')}</Table.Th>
              <Table.Td>{dash(h.phone)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('household.attribute')}</Table.Th>
              <Table.Td>{dash(h.attribute)}</Table.Td>
              <Table.Th>{t('household.mainCause')}</Table.Th>
              <Table.Td>{dash(h.mainCause)}</Table.Td>
              <Table.Th>{t('household.secondaryCauses')}</Table.Th>
              <Table.Td>{h.secondaryCauses.length ? joinList(h.secondaryCauses) : '—'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('household.identifiedYear')}</Table.Th>
              <Table.Td>{dash(h.identifiedYear)}</Table.Td>
              <Table.Th>{t('household.plannedExitYear')}</Table.Th>
              <Table.Td>{dash(h.plannedExitYear)}</Table.Td>
              <Table.Th>{t('household.exitYear')}</Table.Th>
              <Table.Td>{dash(h.exitYear)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('household.dangerousHouse')}</Table.Th>
              <Table.Td>{dash(h.dangerousHouse)}</Table.Td>
              <Table.Th>{t('household.waterSafe')}</Table.Th>
              <Table.Td>{dash(h.waterSafe)}</Table.Td>
              <Table.Th>{t('household.waterDifficult')}</Table.Th>
              <Table.Td>{dash(h.waterDifficult)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" mt={6}>
          {t('household.updated', { at: h.updatedAt.slice(0, 16).replace('T', ' '), by: h.updatedBy })}
        </Text>
      </Paper>

      {h.flags.length > 0 && (
        <Alert color="orange" variant="light" title={t('household.flags', { count: h.flags.length })}>
          <Stack gap={4}>
            {h.flags.map((f, i) => (
              <Group key={`${f.rule}-${i}`} gap="xs" wrap="nowrap" align="flex-start">
                <Badge size="sm" color={f.severity === 'error' ? 'red' : 'orange'} variant="light" style={{ flexShrink: 0 }}>
                  {t(`quality.${f.severity}`)}
                </Badge>
                <Text size="sm">
                  <b>{ruleTitle(f.rule, f.title)}</b>
                  {f.detail ? `${lang === 'en' ? ': ' : '：'}${detail(f)}` : ''}
                </Text>
              </Group>
            ))}
          </Stack>
        </Alert>
      )}

      <Paper withBorder p="md">
        <Title order={4} mb="xs">
          {t('household.members', { count: h.members.length })}
        </Title>
        <DataTable<Member>
          {...tableProps}
          minHeight={undefined}
          records={h.members}
          columns={[
            { accessor: 'name', title: t('member.name') },
            { accessor: 'relation', title: t('member.relation') },
            { accessor: 'gender', title: t('member.gender') },
            { accessor: 'birthDate', title: t('member.birthDate'), width: 105 },
            { accessor: 'idNumber', title: t('member.idNumber'), width: 180, render: (m) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{m.idNumber}</span> },
            { accessor: 'education', title: t('member.education'), render: (m) => dash(m.education) },
            { accessor: 'health', title: t('member.health'), render: (m) => dash(m.health) },
            { accessor: 'skill', title: t('member.skill'), render: (m) => dash(m.skill) },
            {
              accessor: 'workStatus',
              title: t('member.work'),
              render: (m) => (m.workStatus ? (m.workMonths !== null ? t('member.workWithMonths', { where: m.workStatus, months: m.workMonths }) : m.workStatus) : '—'),
            },
          ]}
        />
      </Paper>

      <IncomeSection h={h} onChange={update} />
      <MeasureSection h={h} onChange={update} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <PairingSection h={h} onChange={update} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="md" h="100%">
            <Title order={4} mb="sm">
              {t('history.title')}
            </Title>
            {h.history.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('history.none')}
              </Text>
            ) : (
              <Timeline bulletSize={14} lineWidth={2} active={0}>
                {[...h.history].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.effectiveDate.localeCompare(a.effectiveDate)).map((s) => (
                  <Timeline.Item key={s.id} color={statusColor(rule, s.status, s.monitorType)} title={<StatusBadge status={s.status} monitorType={s.monitorType} size="sm" />}>
                    <Text size="sm">{t('history.from', { date: s.effectiveDate })}</Text>
                    {s.note && <Text size="sm">{s.note}</Text>}
                    <Text size="xs" c="dimmed">
                      {t('history.by', { by: s.updatedBy, at: s.updatedAt.slice(0, 16).replace('T', ' ') })}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      <HouseholdHistory householdId={h.id} version={h} />

      {editing && (
        <HouseholdForm
          record={h}
          onClose={() => setEditing(false)}
          onSaved={(next) => {
            setEditing(false);
            update(next);
          }}
        />
      )}
      {changingStatus && (
        <StatusModal
          h={h}
          onClose={() => setChangingStatus(false)}
          onSaved={(next) => {
            setChangingStatus(false);
            update(next);
          }}
        />
      )}
    </Stack>
  );
}
