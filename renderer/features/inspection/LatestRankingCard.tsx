/** Home page card: the latest finished round, per type its top 3 and bottom 3. */
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { points } from '@shared/inspection/scoring';
import type { RankedTarget } from '@shared/domain/inspection';
import { useCall } from '../../api/client';
import { go } from '../../app/route';
import { useInspT } from './common';

function Line({ x }: { x: RankedTarget }) {
  const { t } = useInspT();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" w={22} ta="right" c="dimmed">
        {x.rank}
      </Text>
      <Text size="sm" style={{ flex: 1 }} truncate>
        {x.name}
      </Text>
      {x.vetoed && (
        <Badge color="red" size="xs">
          {t('sheet.vetoed')}
        </Badge>
      )}
      <Text size="sm" fw={500}>
        {points(x.total)}
      </Text>
    </Group>
  );
}

export function LatestRankingCard() {
  const { t, typeName } = useInspT();
  const latest = useCall('inspection.latest', {});
  const d = latest.data;
  return (
    <Card withBorder padding="md" aria-label={t('card.title')}>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{t('card.title')}</Title>
        {d && (
          <Anchor size="sm" href={`#/inspections/round/${d.roundId}`} onClick={(e) => (e.preventDefault(), go(`inspections/round/${d.roundId}`))}>
            {d.roundName} · {t('card.open')}
          </Anchor>
        )}
      </Group>
      {latest.data === null && <Text c="dimmed">{t('card.none')}</Text>}
      {d && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {d.types.map((k) => (
            <Stack key={k.type} gap={2}>
              <Text fw={600} size="sm">
                {typeName(k.type)}
              </Text>
              <Text size="xs" c="green.8">
                {t('card.top')}
              </Text>
              {k.top.map((x) => (
                <Line key={x.targetId} x={x} />
              ))}
              <Text size="xs" c="red.8" mt={4}>
                {t('card.bottom')}
              </Text>
              {k.bottom.map((x) => (
                <Line key={x.targetId} x={x} />
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      )}
    </Card>
  );
}
