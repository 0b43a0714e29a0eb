import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@shared/domain/app';
import type { OrgCounts } from '@shared/domain/org';
import { useCall } from '../../api/client';
import { go } from '../../app/route';
import { LedgerCards } from './LedgerCards';
import { LatestRankingCard } from '../inspection/LatestRankingCard';

const TILES: { key: keyof OrgCounts; tab: string }[] = [
  { key: 'townships', tab: 'townships' },
  { key: 'villages', tab: 'villages' },
  { key: 'poorVillages', tab: 'villages' },
  { key: 'workGroups', tab: 'groups' },
  { key: 'supportUnits', tab: 'units' },
  { key: 'villageTeams', tab: 'teams' },
  { key: 'cadres', tab: 'cadres' },
];

function Tile({ label, value, path, testId, color = 'red.9', note }: { label: string; value: string; path: string; testId: string; color?: string; note?: string }) {
  return (
    <Paper
      withBorder
      p="md"
      component="a"
      href={`#/${path}`}
      onClick={(e: React.MouseEvent) => (e.preventDefault(), go(path))}
      style={{ textDecoration: 'none', color: 'inherit' }}
      data-testid={testId}
    >
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={32} fw={700} c={color}>
        {value}
      </Text>
      {note && (
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      )}
    </Paper>
  );
}

export function HomePage({ status }: { status: AppStatus }) {
  const { t } = useTranslation();
  const counts = useCall('org.counts', {});
  const totals = useCall('roster.totals', {});
  const quality = useCall('roster.check.summary', {});
  const n = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString());
  const r = totals.data;
  return (
    <Stack>
      <Title order={2}>{t('home.welcome', { county: status.county?.name })}</Title>
      <LedgerCards />
      <LatestRankingCard />
      <Title order={4} c="dimmed">
        {t('roster:home.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <Tile label={t('roster:home.households')} value={n(r?.households)} path="roster" testId="roster-households" />
        <Tile label={t('roster:home.persons')} value={n(r?.persons)} path="roster" testId="roster-persons" />
        <Tile label={t('roster:home.remaining')} value={n(r?.remainingHouseholds)} path="roster" testId="roster-remaining" />
        <Tile label={t('roster:home.exited')} value={n(r?.exitedHouseholds)} path="roster" testId="roster-exited" color="green.8" />
        <Tile
          label={t('roster:home.flagged')}
          value={quality.data?.ranAt ? n(quality.data.flaggedHouseholds) : '—'}
          note={quality.data && !quality.data.ranAt ? t('roster:home.notChecked') : undefined}
          path="roster/checks"
          testId="roster-flagged"
          color="orange.8"
        />
      </SimpleGrid>
      <Title order={4} c="dimmed">
        {t('home.orgTitle')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {TILES.map(({ key, tab }) => (
          <Tile key={key} label={t(`home.${key}`)} value={counts.data ? String(counts.data[key]) : '—'} path={`org/${tab}`} testId={`count-${key}`} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
