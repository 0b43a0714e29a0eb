/** Home page: overdue ledger items and what falls due this week (ledger items and monthly tasks). */
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useCall } from '../../api/client';
import { go } from '../../app/route';
import { DeadlineNote, useLedgerT } from '../ledger/common';

export function LedgerCards() {
  const { t } = useLedgerT();
  const home = useCall('ledger.home', {});
  const h = home.data;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Card withBorder padding="md" data-testid="home-overdue">
        <Group justify="space-between" mb="xs">
          <Title order={5} c={h?.overdueCount ? 'red.9' : undefined}>
            {t('home.overdue')}
            {h ? ` ${h.overdueCount}` : ''}
          </Title>
          {h && h.overdueCount > 0 && (
            <Anchor size="sm" href="#/ledger/overdue" onClick={(e) => (e.preventDefault(), go('ledger/overdue'))}>
              {t('home.overdueMore', { n: h.overdueCount })}
            </Anchor>
          )}
        </Group>
        {h && h.overdue.length === 0 && <Text c="dimmed">{t('home.overdueNone')}</Text>}
        <Stack gap={6}>
          {h?.overdue.map((i) => (
            <Group key={i.id} gap={8} wrap="nowrap">
              <Text size="sm" c="dimmed" w={28} ta="right">
                {i.seq}
              </Text>
              <Anchor size="sm" style={{ flex: 1 }} lineClamp={1} href={`#/ledger/item/${i.id}`} onClick={(e) => (e.preventDefault(), go(`ledger/item/${i.id}`))}>
                {i.description}
              </Anchor>
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {i.responsibleUnit}
              </Text>
              <DeadlineNote deadline={i.deadline} today={h.today} closed={false} />
            </Group>
          ))}
        </Stack>
      </Card>
      <Card withBorder padding="md" data-testid="home-week">
        <Group justify="space-between" mb="xs">
          <Title order={5}>{t('home.week')}</Title>
          <Anchor size="sm" href="#/ledger/due10" onClick={(e) => (e.preventDefault(), go('ledger/due10'))}>
            {t('view.due10')}
          </Anchor>
        </Group>
        {h && h.dueThisWeek.length === 0 && <Text c="dimmed">{t('home.weekNone')}</Text>}
        <Stack gap={6}>
          {h?.dueThisWeek.map((x) => {
            const path = x.kind === 'ledger' ? `ledger/item/${x.id}` : 'ledger/monthly';
            return (
              <Group key={`${x.kind}-${x.id}`} gap={8} wrap="nowrap">
                <Badge size="sm" variant="light" color={x.kind === 'ledger' ? 'red' : 'blue'} styles={{ label: { textTransform: 'none' } }}>
                  {t(x.kind === 'ledger' ? 'home.kindLedger' : 'home.kindTask')}
                </Badge>
                <Anchor size="sm" style={{ flex: 1 }} lineClamp={1} href={`#/${path}`} onClick={(e) => (e.preventDefault(), go(path))}>
                  {x.title}
                </Anchor>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {x.unit} · {x.deadline}
                </Text>
              </Group>
            );
          })}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
