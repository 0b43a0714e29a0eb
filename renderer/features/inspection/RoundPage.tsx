/** One round: progress, targets with their group and state, finishing, and the results tab. */
import { Anchor, Badge, Button, Group, Modal, Progress, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { points } from '@shared/inspection/scoring';
import type { RoundDetail } from '@shared/domain/inspection';
import { call, useCall } from '../../api/client';
import { go } from '../../app/route';
import { notifyError } from '../../ui/notify';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { useInspT } from './common';
import { ResultsPanel } from './ResultsPanel';

export function RoundPage({ roundId }: { roundId: string }) {
  const { t } = useInspT();
  const round = useCall('inspection.rounds.get', { id: roundId });
  const [tab, setTab] = useState<string | null>('score');
  const r = round.data;
  if (!r) return round.error ? <Text c="red">{round.error.message}</Text> : null;
  return (
    <Stack>
      <Anchor href="#/inspections" onClick={(e) => (e.preventDefault(), go('inspections'))} size="sm">
        ← {t('round.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={3}>{r.name}</Title>
            <Badge color={r.status === 'finished' ? 'gray' : 'blue'} variant="light">
              {t(`status.${r.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {r.periodStart} — {r.periodEnd}
            {r.theme ? ` · ${r.theme}` : ''} · {t('round.templates', { list: r.templates.map((x) => t('round.templateVersion', { name: x.name, version: x.version })).join(t('round.listSep')) })}
          </Text>
        </Stack>
        <RoundActions r={r} onChange={() => void round.reload()} />
      </Group>
      <Group gap="sm">
        <Progress value={r.targetCount ? (r.doneCount / r.targetCount) * 100 : 0} w={260} size="lg" aria-label={t('rounds.progress')} />
        <Text size="sm" fw={500}>
          {t('round.progress', { done: r.doneCount, total: r.targetCount })}
        </Text>
      </Group>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="score">{t('round.scoreTab')}</Tabs.Tab>
          <Tabs.Tab value="results">{t('round.resultsTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="score" pt="md">
          <TargetsTable r={r} onChange={() => void round.reload()} />
        </Tabs.Panel>
        <Tabs.Panel value="results" pt="md">
          <ResultsPanel roundId={r.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function RoundActions({ r, onChange }: { r: RoundDetail; onChange: () => void }) {
  const { t } = useInspT();
  const [confirm, setConfirm] = useState(false);
  const act = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      onChange();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Group gap="xs">
      {r.status === 'open' ? (
        <Button onClick={() => setConfirm(true)}>{t('round.finish')}</Button>
      ) : (
        <Button variant="default" onClick={() => void act(() => call('inspection.rounds.reopen', { id: r.id }))}>
          {t('round.reopen')}
        </Button>
      )}
      <ConfirmDelete
        name={r.name}
        label={t('rounds.delete')}
        text={<Text mb="lg">{t('rounds.deleteText', { name: r.name })}</Text>}
        onConfirm={async () => {
          await call('inspection.rounds.delete', { id: r.id });
          go('inspections');
        }}
      />
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={<Text fw={600}>{t('round.finish')}</Text>} centered>
        <Text mb="lg">{t('round.finishText', { name: r.name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            onClick={() => {
              setConfirm(false);
              void act(() => call('inspection.rounds.finish', { id: r.id }));
            }}
          >
            {t('round.finish')}
          </Button>
        </Group>
      </Modal>
    </Group>
  );
}

function TargetsTable({ r, onChange }: { r: RoundDetail; onChange: () => void }) {
  const { t, typeName } = useInspT();
  const groups = [{ value: '', label: t('round.unassigned') }, ...r.groups.map((g) => ({ value: g.id, label: g.inspectors.length ? t('round.groupInspectors', { name: g.name, inspectors: g.inspectors.join(t('round.listSep')) }) : g.name }))];
  return (
    <Table withTableBorder striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('round.target')}</Table.Th>
          <Table.Th>{t('round.type')}</Table.Th>
          <Table.Th w={260}>{t('round.group')}</Table.Th>
          <Table.Th>{t('round.state')}</Table.Th>
          <Table.Th>{t('round.self')}</Table.Th>
          <Table.Th>{t('round.total')}</Table.Th>
          <Table.Th w={90} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {r.targets.map((x) => (
          <Table.Tr key={x.id}>
            <Table.Td>{x.name}</Table.Td>
            <Table.Td>{typeName(x.type)}</Table.Td>
            <Table.Td>
              <Select
                size="xs"
                data={groups}
                value={x.groupId ?? ''}
                disabled={r.status === 'finished'}
                aria-label={`${t('round.group')} ${x.name}`}
                allowDeselect={false}
                onChange={async (v) => {
                  try {
                    await call('inspection.rounds.assign', { targetId: x.id, groupId: v || null });
                    onChange();
                  } catch (e) {
                    notifyError(e);
                  }
                }}
              />
            </Table.Td>
            <Table.Td>
              {x.done ? (
                <Badge color={x.vetoed ? 'red' : 'green'} variant="light">
                  {x.vetoed ? t('sheet.vetoed') : t('round.done')}
                </Badge>
              ) : (
                <Badge color="gray" variant="light">
                  {t('round.pending')}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{x.selfScore === null ? '' : points(x.selfScore)}</Table.Td>
            <Table.Td>{x.total === null ? '' : points(x.total)}</Table.Td>
            <Table.Td>
              <Button size="compact-sm" variant="light" onClick={() => go(`inspections/score/${x.id}`)} aria-label={`${t('round.score')} ${x.name}`}>
                {t('round.score')}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
