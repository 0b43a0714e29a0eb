/** 户数 / 人数 / 已脱贫 / 未脱贫 of the current filter, and the per-village poverty incidence. */
import { Group, Paper, Text } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import type { RosterTotals, VillageTotals } from '@shared/domain/roster';
import { tableProps } from '../../ui/table';
import { useRosterT } from './common';

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="lg" c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </div>
  );
}

export function TotalsBar({ totals }: { totals: RosterTotals | undefined }) {
  const { t } = useRosterT();
  const n = (v: number | undefined) => (v === undefined ? '—' : v.toLocaleString());
  return (
    <Paper withBorder px="md" py={6} data-testid="roster-totals">
      <Group gap="xl">
        <Figure label={t('totals.households')} value={n(totals?.households)} />
        <Figure label={t('totals.persons')} value={n(totals?.persons)} />
        <Figure label={t('totals.exited')} value={totals ? t('totals.hp', { h: n(totals.exitedHouseholds), p: n(totals.exitedPersons) }) : '—'} color="green.8" />
        <Figure label={t('totals.remaining')} value={totals ? t('totals.hp', { h: n(totals.remainingHouseholds), p: n(totals.remainingPersons) }) : '—'} color="red.8" />
      </Group>
    </Paper>
  );
}

/** 贫困发生率 = remaining poor persons / village population, in %, only where the population is registered. */
export function incidencePercent(v: VillageTotals): string | null {
  if (!v.population) return null;
  // Two decimals from integers: no float noise in the display.
  const basis = Math.round((v.remainingPersons * 10000) / v.population);
  return `${Math.floor(basis / 100)}.${String(basis % 100).padStart(2, '0')}%`;
}

export function VillageTable({ totals, loading }: { totals: RosterTotals | undefined; loading: boolean }) {
  const { t } = useRosterT();
  return (
    <DataTable<VillageTotals>
      {...tableProps}
      idAccessor="villageId"
      records={totals?.villages ?? []}
      fetching={loading && !totals}
      noRecordsText={t('villages.none')}
      columns={[
        { accessor: 'townshipName', title: t('col.township'), width: 120 },
        { accessor: 'villageName', title: t('col.village'), width: 140 },
        { accessor: 'households', title: t('villages.households'), textAlign: 'right', render: (v) => v.households.toLocaleString() },
        { accessor: 'persons', title: t('villages.persons'), textAlign: 'right', render: (v) => v.persons.toLocaleString() },
        { accessor: 'remainingPersons', title: t('villages.remaining'), textAlign: 'right', render: (v) => v.remainingPersons.toLocaleString() },
        { accessor: 'population', title: t('villages.population'), textAlign: 'right', render: (v) => (v.population === null ? '—' : v.population.toLocaleString()) },
        {
          accessor: 'incidencePermille',
          title: t('villages.incidence'),
          textAlign: 'right',
          render: (v) => {
            const pct = incidencePercent(v);
            if (pct === null)
              return (
                <Text size="sm" c="dimmed">
                  {t('villages.noPopulation')}
                </Text>
              );
            // Village exit needs an incidence under 2 %.
            return (
              <Text size="sm" fw={600} c={v.remainingPersons * 50 < v.population! ? 'green.8' : 'red.8'}>
                {pct}
              </Text>
            );
          },
        },
      ]}
    />
  );
}
