/** 疑点核查: run the data-quality checks, see counts by rule and township, list the households of one. */
import { Alert, Anchor, Badge, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useState } from 'react';
import type { MessageRef, QualityResult, QualityRuleSummary } from '@shared/domain/roster';
import { formatMessage } from '@shared/i18n/messages';
import { QUALITY_RULES_NOT_RUN, qualityRule } from '@shared/roster/quality-rules';
import { call, useCall } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { pagingProps, tableProps } from '../../ui/table';
import { TaskBar, useRosterT, useTask } from './common';
import { dateTimeText } from '../../ui/format';

const PER_PAGE = 50;

type Pick = { rule?: string; townshipId?: string; label: string } | null;

/** A rule's title in the user's language (the service gives the Chinese one). */
export function useRuleTitle() {
  const { lang } = useRosterT();
  return (code: string, fallback: string) => (lang === 'en' ? (qualityRule(code)?.titleEn ?? fallback) : fallback);
}

/** A finding's details in the user's language, from their message keys (the stored Chinese text when there are none). */
export function useDetailText() {
  const lang = useRosterT().lang === 'en' ? 'en' : 'zh-CN';
  return (f: { detail: string; details: MessageRef[] }) =>
    f.details.length === 0 ? f.detail : f.details.map((d) => formatMessage(d.key, d.params, lang)).join(lang === 'en' ? '; ' : '；');
}

export function QualityPanel({ onRan, onFilter }: { onRan: () => void; onFilter: (rule: string) => void }) {
  const { t, lang } = useRosterT();
  const title = useRuleTitle();
  const summary = useCall('roster.check.summary', {});
  const task = useTask();
  const [picked, setPicked] = useState<Pick>(null);
  const run = async () => {
    try {
      await task.run((taskId) => call('roster.check.run', { taskId }));
      await summary.reload();
      setPicked(null);
      onRan();
    } catch (e) {
      notifyError(e);
    }
  };
  const s = summary.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {s?.ranAt
            ? t('quality.lastRun', { at: dateTimeText(s.ranAt), households: s.households.toLocaleString(), flagged: s.flaggedHouseholds.toLocaleString() })
            : t('quality.never')}
        </Text>
        <Button onClick={() => void run()} loading={task.running}>
          {t('quality.run')}
        </Button>
      </Group>
      {task.running && <TaskBar progress={task.progress} label={t('quality.running')} onCancel={task.cancel} />}
      {s && !s.pairingsEntered && (
        <Alert color="orange" variant="light" data-testid="no-pairings">
          {t('quality.noPairings')}
        </Alert>
      )}
      {s?.ranAt && s.byRule.length === 0 && (
        <Alert color="green" variant="light">
          {t('quality.clean')}
        </Alert>
      )}
      {s && s.byRule.length > 0 && (
        <Grid gap="md">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Title order={5} mb={6}>
              {t('quality.byRule')}
            </Title>
            <DataTable<QualityRuleSummary>
              {...tableProps}
              idAccessor="rule"
              records={s.byRule}
              onRowClick={({ record }) => record.count > 0 && setPicked({ rule: record.rule, label: title(record.rule, record.title) })}
              rowStyle={(r) => (picked?.rule === r.rule ? { background: 'var(--mantine-color-red-light)' } : undefined)}
              columns={[
                {
                  accessor: 'title',
                  title: t('quality.rule'),
                  render: (r) =>
                    r.count > 0 ? (
                      <Anchor component="button" type="button" size="sm" onClick={(e) => (e.stopPropagation(), setPicked({ rule: r.rule, label: title(r.rule, r.title) }))}>
                        {title(r.rule, r.title)}
                      </Anchor>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {title(r.rule, r.title)}
                      </Text>
                    ),
                },
                {
                  accessor: 'severity',
                  title: t('quality.severity'),
                  width: 104,
                  render: (r) => (
                    <Badge size="sm" variant="light" color={r.severity === 'error' ? 'red' : 'orange'}>
                      {t(`quality.${r.severity}`)}
                    </Badge>
                  ),
                },
                { accessor: 'count', title: t('quality.households'), textAlign: 'right', width: 112, render: (r) => <Text size="sm" c={r.count ? undefined : 'dimmed'}>{r.count.toLocaleString()}</Text> },
                {
                  accessor: 'filter',
                  title: '',
                  width: 120,
                  textAlign: 'right',
                  render: (r) =>
                    r.count > 0 && (
                      <Button size="compact-xs" variant="subtle" onClick={(e) => (e.stopPropagation(), onFilter(r.rule))}>
                        {t('quality.inRoster')}
                      </Button>
                    ),
                },
              ]}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Title order={5} mb={6}>
              {t('quality.byTownship')}
            </Title>
            <DataTable
              {...tableProps}
              idAccessor="townshipId"
              records={s.byTownship}
              onRowClick={({ record }) => setPicked({ townshipId: record.townshipId, label: record.townshipName })}
              columns={[
                { accessor: 'townshipName', title: t('col.township') },
                { accessor: 'count', title: t('quality.households'), textAlign: 'right', render: (r) => r.count.toLocaleString() },
              ]}
            />
          </Grid.Col>
        </Grid>
      )}
      <Text size="xs" c="dimmed">
        {t('quality.notRun', {
          rules: QUALITY_RULES_NOT_RUN.map((r) => (lang === 'en' ? `${r.titleEn} (${r.reasonEn})` : `${r.title}（${r.reason}）`)).join(lang === 'en' ? '; ' : '；'),
        })}
      </Text>
      {picked && <Results key={`${picked.rule}|${picked.townshipId}`} picked={picked} />}
    </Stack>
  );
}

function Results({ picked }: { picked: NonNullable<Pick> }) {
  const { t } = useRosterT();
  const title = useRuleTitle();
  const detail = useDetailText();
  const [page, setPage] = useState(1);
  const results = useCall('roster.check.results', { rule: picked.rule, townshipId: picked.townshipId, offset: (page - 1) * PER_PAGE, limit: PER_PAGE });
  return (
    <Paper withBorder p="md">
      <Title order={5} mb={6}>
        {t('quality.resultsFor', { what: picked.label, count: results.data?.total ?? 0 })}
      </Title>
      <DataTable<QualityResult>
        {...tableProps}
        {...pagingProps()}
        idAccessor={(r) => `${r.rule}|${r.householdId}`}
        records={results.data?.rows ?? []}
        fetching={results.loading}
        totalRecords={results.data?.total ?? 0}
        recordsPerPage={PER_PAGE}
        page={page}
        onPageChange={setPage}
        paginationText={({ from, to, totalRecords }) => t('quality.paging', { from, to, total: totalRecords })}
        noRecordsText={t('quality.noResults')}
        columns={[
          {
            accessor: 'householdNumber',
            title: t('col.number'),
            width: 180,
            render: (r) => (
              <Anchor href={`#/roster/${r.householdId}`} size="sm">
                {r.householdNumber}
              </Anchor>
            ),
          },
          { accessor: 'headName', title: t('col.head'), width: 90 },
          { accessor: 'place', title: t('col.village'), width: 160, render: (r) => `${r.townshipName} ${r.villageName}` },
          ...(picked.rule ? [] : [{ accessor: 'title', title: t('quality.rule'), width: 180, render: (r: QualityResult) => title(r.rule, r.title) }]),
          { accessor: 'detail', title: t('quality.detail'), render: (r) => detail(r) },
        ]}
      />
    </Paper>
  );
}
