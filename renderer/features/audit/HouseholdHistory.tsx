/** The household page's 变更记录: this household's audit entries (its own, its members', income, measures, pairings), newest first. */
import { Alert, Badge, Box, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { errorText } from '../../i18n';
import { dateTimeText } from '../../ui/format';
import { ChangeLines, operatorText, useAuditPages, useAuditT, whatText } from './common';

const PAGE = 20;

/** `version` changes whenever the page's household was saved: the history reloads from the top. */
export function HouseholdHistory({ householdId, version }: { householdId: string; version: unknown }) {
  const { t, msg } = useAuditT();
  const filter = useMemo(() => ({ householdId }), [householdId]);
  const log = useAuditPages(filter, PAGE, version);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="household-audit-title">
      <Group justify="space-between" align="flex-start" mb="xs">
        <div>
          <Title order={4} id="household-audit-title">
            {t('history.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('history.hint')}
          </Text>
        </div>
        <Group gap="xs">
          {log.masked && (
            <Badge color="gray" variant="light" styles={{ label: { textTransform: 'none' } }}>
              {t('masked')}
            </Badge>
          )}
          {log.total > 0 && (
            <Text size="sm" c="dimmed">
              {t('total', { count: log.total })}
            </Text>
          )}
        </Group>
      </Group>
      {log.error && (
        <Alert color="red" variant="light" title={t('loadFailed')} mb="xs">
          <Text size="sm">{errorText(log.error.info)}</Text>
        </Alert>
      )}
      {log.entries.length === 0 && !log.error ? (
        log.loading ? (
          <Loader size="sm" aria-label={t('loading')} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('history.empty')}
          </Text>
        )
      ) : (
        <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('history.title')}>
          {log.entries.map((e, i) => (
            <Box component="li" key={e.seq} py="xs" style={i ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}>
              <Group justify="space-between" align="baseline" wrap="nowrap" gap="md">
                <Text size="sm" fw={600}>
                  {whatText(e, t, msg)}
                  {e.subject ? ` · ${e.subject}` : ''}
                </Text>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                  {dateTimeText(e.at)} · {operatorText(e, t)}
                </Text>
              </Group>
              <ChangeLines entry={e} />
            </Box>
          ))}
        </Stack>
      )}
      {log.more && (
        <Group justify="center" mt="xs">
          <Button variant="default" size="compact-sm" onClick={log.loadMore} loading={log.loading}>
            {t('loadMore')}
          </Button>
          <Text size="xs" c="dimmed">
            {t('shown', { shown: log.entries.length, count: log.total })}
          </Text>
        </Group>
      )}
    </Paper>
  );
}
