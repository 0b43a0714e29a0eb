/** 督查考核: rounds (list, wizard, round page, score sheet) and checklists, by hash route. */
import { Badge, Button, Group, Progress, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCall } from '../../api/client';
import { go } from '../../app/route';
import { useInspT } from './common';
import { RoundWizard } from './RoundWizard';
import { RoundPage } from './RoundPage';
import { ScoreSheet } from './ScoreSheet';
import { TemplatesPanel } from './TemplatesPanel';

export function InspectionSection({ sub, id }: { sub?: string; id?: string }) {
  if (sub === 'round' && id) return <RoundPage roundId={id} />;
  if (sub === 'score' && id) return <ScoreSheet key={id} targetId={id} />;
  return <InspectionPage tab={sub === 'templates' ? 'templates' : 'rounds'} />;
}

function InspectionPage({ tab }: { tab: 'rounds' | 'templates' }) {
  const { t } = useInspT();
  return (
    <Stack>
      <Title order={3}>{t('title')}</Title>
      <Tabs value={tab} onChange={(v) => go(v === 'templates' ? 'inspections/templates' : 'inspections')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="rounds">{t('tabs.rounds')}</Tabs.Tab>
          <Tabs.Tab value="templates">{t('tabs.templates')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rounds" pt="md">
          <RoundsList />
        </Tabs.Panel>
        <Tabs.Panel value="templates" pt="md">
          <TemplatesPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function RoundsList() {
  const { t } = useInspT();
  const rounds = useCall('inspection.rounds.list', {});
  const [wizard, setWizard] = useState(false);
  const list = rounds.data ?? [];
  return (
    <Stack>
      <Group>
        <Button onClick={() => setWizard(true)}>{t('rounds.new')}</Button>
      </Group>
      {rounds.data && list.length === 0 && <Text c="dimmed">{t('rounds.empty')}</Text>}
      {list.length > 0 && (
        <Table withTableBorder striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rounds.name')}</Table.Th>
              <Table.Th>{t('rounds.period')}</Table.Th>
              <Table.Th>{t('rounds.theme')}</Table.Th>
              <Table.Th w={220}>{t('rounds.progress')}</Table.Th>
              <Table.Th w={100} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text fw={500}>{r.name}</Text>
                    <Badge color={r.status === 'finished' ? 'gray' : 'blue'} variant="light">
                      {t(`status.${r.status}`)}
                    </Badge>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {r.periodStart} — {r.periodEnd}
                </Table.Td>
                <Table.Td>{r.theme}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Progress value={r.targetCount ? (r.doneCount / r.targetCount) * 100 : 0} w={110} aria-label={t('rounds.progress')} />
                    <Text size="sm">{t('round.progress', { done: r.doneCount, total: r.targetCount })}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => go(`inspections/round/${r.id}`)} aria-label={`${t('rounds.open')} ${r.name}`}>
                    {t('rounds.open')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RoundWizard opened={wizard} onClose={() => setWizard(false)} onCreated={(id) => go(`inspections/round/${id}`)} />
    </Stack>
  );
}
