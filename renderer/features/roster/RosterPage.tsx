/** 花名册: filters and search, totals, the windowed list; tabs for per-village incidence and 疑点 checks. */
import { Alert, Box, Button, EmptyState, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RosterFilter, RosterSortColumn } from '@shared/domain/roster';
import { useCall } from '../../api/client';
import { go } from '../../app/route';
import { errorText } from '../../i18n';
import { useRosterT } from './common';
import { ExportButton } from './ExportButton';
import { PdfCardsButton, PdfRosterButton } from './PdfExport';
import { HouseholdForm } from './HouseholdForm';
import { ImportWizard } from './ImportWizard';
import { QualityPanel } from './QualityPanel';
import { RosterFilters } from './RosterFilters';
import { ColumnPicker, RosterTable, useColumns } from './RosterTable';
import { TotalsBar, VillageTable } from './TotalsBar';
import { useRosterRows } from './useRosterRows';
import { HouseholdPage } from './HouseholdPage';

const TABS = ['list', 'villages', 'checks'] as const;
type Tab = (typeof TABS)[number];

/** '#/roster', '#/roster/villages', '#/roster/checks' or '#/roster/<householdId>'. */
export function RosterSection({ sub }: { sub?: string }) {
  if (sub && !(TABS as readonly string[]).includes(sub)) return <HouseholdPage key={sub} id={sub} />;
  return <RosterPage tab={(sub as Tab | undefined) ?? 'list'} />;
}

/** The list's filter and sort live for the session, so coming back from a household keeps them. */
function useSessionState<T>(key: string, initial: T): [T, (v: T) => void] {
  const [v, setV] = useState<T>(() => {
    try {
      const s = sessionStorage.getItem(key);
      return s ? (JSON.parse(s) as T) : initial;
    } catch {
      return initial;
    }
  });
  return [
    v,
    (next: T) => {
      setV(next);
      sessionStorage.setItem(key, JSON.stringify(next));
    },
  ];
}

function RosterPage({ tab }: { tab: Tab }) {
  const { t } = useRosterT();
  const [filter, setFilter] = useSessionState<RosterFilter>('roster.filter', {});
  const [order, setOrder] = useSessionState<{ sort: RosterSortColumn; desc: boolean }>('roster.sort', { sort: 'number', desc: false });
  const list = useRosterRows(filter, order.sort, order.desc);
  const totals = useCall('roster.totals', filter);
  const columns = useColumns();
  const [adding, setAdding] = useState(false);
  const [importing, setImporting] = useState(false);
  const reload = () => {
    list.reload();
    void totals.reload();
  };
  const filtered = Object.keys(filter).length > 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="center">
        <Title order={2}>{t('title')}</Title>
        <Group gap="xs">
          <Button onClick={() => setAdding(true)}>{t('list.add')}</Button>
          <Button variant="light" onClick={() => setImporting(true)}>
            {t('import.button')}
          </Button>
          <ExportButton filter={filter} disabled={!totals.data?.households} />
          <PdfRosterButton filter={filter} disabled={!totals.data?.households} />
          {filter.villageId && totals.data?.households ? <PdfCardsButton villageId={filter.villageId} /> : null}
        </Group>
      </Group>
      <Tabs value={tab} onChange={(v) => v && go(v === 'list' ? 'roster' : `roster/${v}`)} keepMounted={false}>
        <Tabs.List>
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab !== 'checks' && <RosterFilters filter={filter} onChange={setFilter} />}
      {tab === 'list' && (
        <>
          <Group justify="space-between" align="flex-end" wrap="nowrap">
            <TotalsBar totals={totals.data} />
            <Group gap="sm" wrap="nowrap">
              {list.total !== undefined && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {t('list.count', { n: list.total.toLocaleString() })}
                </Text>
              )}
              <ColumnPicker shown={columns.shown} onChange={columns.update} onReset={columns.reset} />
            </Group>
          </Group>
          {list.error && list.total === undefined ? (
            <Alert color="red" title={t('translation:common.loadFailed')}>
              <Stack align="flex-start">
                <Text size="sm">{errorText(list.error.info)}</Text>
                <Button size="xs" variant="light" onClick={reload}>
                  {t('translation:common.retry')}
                </Button>
              </Stack>
            </Alert>
          ) : list.total === 0 ? (
            <Box py="xl">
              <EmptyState title={filtered ? t('list.noMatch') : t('list.emptyTitle')} description={filtered ? t('list.noMatchText') : t('list.emptyText')} withIndicatorBackground>
                <EmptyState.Actions>
                  {filtered ? (
                    <Button variant="default" onClick={() => setFilter({})}>
                      {t('filter.clear')}
                    </Button>
                  ) : (
                    <>
                      <Button onClick={() => setImporting(true)}>{t('import.button')}</Button>
                      <Button variant="default" onClick={() => setAdding(true)}>
                        {t('list.add')}
                      </Button>
                    </>
                  )}
                </EmptyState.Actions>
              </EmptyState>
            </Box>
          ) : (
            <RosterTable
              shown={columns.shown}
              total={list.total ?? 0}
              row={list.row}
              ensure={list.ensure}
              sort={order.sort}
              desc={order.desc}
              onSort={(sort, desc) => setOrder({ sort, desc })}
              resetKey={JSON.stringify([filter, order])}
            />
          )}
        </>
      )}
      {tab === 'villages' && (
        <Stack gap="xs">
          <TotalsBar totals={totals.data} />
          <Text size="sm" c="dimmed">
            {t('villages.hint')}
          </Text>
          <VillageTable totals={totals.data} loading={totals.loading} />
        </Stack>
      )}
      {tab === 'checks' && (
        <QualityPanel
          onRan={reload}
          onFilter={(rule) => {
            setFilter({ flag: rule });
            go('roster');
          }}
        />
      )}
      {adding && (
        <HouseholdForm
          record={null}
          defaults={{ townshipId: filter.townshipId, villageId: filter.villageId }}
          onClose={() => setAdding(false)}
          onSaved={(h) => {
            setAdding(false);
            go(`roster/${h.id}`);
          }}
        />
      )}
      {importing && (
        <ImportWizard
          onClose={() => setImporting(false)}
          onImported={() => {
            reload();
          }}
        />
      )}
    </Stack>
  );
}
