import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@shared/domain/app';
import type { OrgCounts } from '@shared/domain/org';
import { useCall } from '../../api/client';
import { go } from '../../app/route';

const TILES: { key: keyof OrgCounts; tab: string }[] = [
  { key: 'townships', tab: 'townships' },
  { key: 'villages', tab: 'villages' },
  { key: 'poorVillages', tab: 'villages' },
  { key: 'workGroups', tab: 'groups' },
  { key: 'supportUnits', tab: 'units' },
  { key: 'villageTeams', tab: 'teams' },
  { key: 'cadres', tab: 'cadres' },
];

export function HomePage({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const counts = useCall('org.counts', {});
  return (
    <Stack>
      <Title order={2}>{t('home.welcome', { county: status.county?.name })}</Title>
      <Title order={4} c="dimmed">
        {t('home.orgTitle')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {TILES.map(({ key, tab }) => (
          <Paper
            key={key}
            withBorder
            p="md"
            component="a"
            href={`#/org/${tab}`}
            onClick={(e: React.MouseEvent) => (e.preventDefault(), go(`org/${tab}`))}
            style={{ textDecoration: 'none', color: 'inherit' }}
            data-testid={`count-${key}`}
          >
            <Text size="sm" c="dimmed">
              {t(`home.${key}`)}
            </Text>
            <Text fz={32} fw={700} c="red.9">
              {counts.data ? counts.data[key] : '—'}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text c="dimmed" size="sm">
        {t('home.next')}
      </Text>
    </Stack>
  );
}
