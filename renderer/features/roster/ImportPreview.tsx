/**
 * Import preview: what the import WOULD do (nothing written yet), and the findings grouped by
 * rule, column and value (errors first), filtered by level and rule, with a jump to one row.
 */
import { Alert, Badge, Button, Group, NumberInput, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ImportIssue, ImportPreview as Preview, ImportSeverity } from '@shared/domain/roster-import';
import { useRosterT } from './common';
import { errorText } from '../../i18n';
import { call } from '../../api/client';
import { notifyError } from '../../ui/notify';

const COLOR: Record<ImportSeverity, string> = { error: 'red', warning: 'orange', info: 'blue' };
/** Row numbers a group line names before 「等」. */
const ROWS_IN_LINE = 8;

function LevelBadge({ severity }: { severity: ImportSeverity }) {
  const { t } = useRosterT();
  return (
    <Badge size="sm" variant="light" color={COLOR[severity]}>
      {t(`importReport.level.${severity}`)}
    </Badge>
  );
}

/** The grouped findings, their filters, and 「定位到行」. */
function ImportFindings({ preview }: { preview: Preview }) {
  const { t } = useRosterT();
  const n = (v: number) => v.toLocaleString();
  const [level, setLevel] = useState<'all' | ImportSeverity>('all');
  const [rule, setRule] = useState<string | null>(null);
  const [row, setRow] = useState<number | string>('');
  const [rowFindings, setRowFindings] = useState<{ row: number; list: ImportIssue[] } | null>(null);
  const levels = (['error', 'warning', 'info'] as const).filter((l) => preview.groups.some((g) => g.severity === l));
  const rules = [...new Set(preview.groups.filter((g) => level === 'all' || g.severity === level).map((g) => g.rule))];
  const shown = preview.groups.filter((g) => (level === 'all' || g.severity === level) && (!rule || g.rule === rule));
  const countOf = (l: ImportSeverity) => preview.groups.filter((g) => g.severity === l).reduce((k, g) => k + g.count, 0);
  const look = async (r: number) => {
    setRow(r);
    try {
      setRowFindings({ row: r, list: await call('roster.import.row', { token: preview.token, row: r }) });
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack gap="xs">
      <Title order={6}>
        {t('importReport.title', { groups: n(preview.groups.length), findings: n(preview.findings), errors: n(preview.errorRows), warnings: n(preview.warningRows) })}
      </Title>
      <Group gap="md" align="flex-end">
        <SegmentedControl
          size="xs"
          value={level}
          onChange={(v) => {
            setLevel(v as typeof level);
            setRule(null);
          }}
          aria-label={t('importReport.levelFilter')}
          data={[{ value: 'all', label: t('importReport.all') }, ...levels.map((l) => ({ value: l, label: `${t(`importReport.level.${l}`)} ${n(countOf(l))}` }))]}
        />
        <Select size="xs" w={220} label={t('importReport.rule')} placeholder={t('importReport.allRules')} data={rules} value={rule} onChange={setRule} clearable />
        <NumberInput size="xs" w={130} label={t('importReport.row')} min={1} value={row} onChange={setRow} onKeyDown={(e) => e.key === 'Enter' && typeof row === 'number' && void look(row)} hideControls />
        <Button size="xs" variant="default" disabled={typeof row !== 'number'} onClick={() => typeof row === 'number' && void look(row)}>
          {t('importReport.locate')}
        </Button>
      </Group>
      {rowFindings && (
        <Alert color="gray" variant="light" py={6} withCloseButton closeButtonLabel={t('importReport.closeRow')} onClose={() => setRowFindings(null)} title={t('importReport.rowTitle', { row: rowFindings.row })}>
          {rowFindings.list.length === 0 ? (
            <Text size="sm">{t('importReport.rowClean')}</Text>
          ) : (
            rowFindings.list.map((f, k) => (
              <Group key={k} gap="xs" wrap="nowrap">
                <LevelBadge severity={f.severity} />
                <Text size="sm">
                  {f.column ? `「${f.column}」` : ''}
                  {errorText({ code: 'VALIDATION', key: f.key, params: f.params })}
                </Text>
              </Group>
            ))
          )}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={700} maxHeight={300}>
        <Table stickyHeader withTableBorder striped fz="sm" verticalSpacing={4} aria-label={t('importReport.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={64}>{t('importReport.levelCol')}</Table.Th>
              <Table.Th w={110}>{t('import.column')}</Table.Th>
              <Table.Th>{t('import.message')}</Table.Th>
              <Table.Th w={80} ta="right">
                {t('importReport.count')}
              </Table.Th>
              <Table.Th w={250}>{t('importReport.rows')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((g) => (
              <Table.Tr key={`${g.rule}|${g.column}|${g.message}`} data-rule={g.rule}>
                <Table.Td>
                  <LevelBadge severity={g.severity} />
                </Table.Td>
                <Table.Td>{g.column ?? '—'}</Table.Td>
                <Table.Td>{errorText({ code: 'VALIDATION', key: g.key, params: g.params })}</Table.Td>
                <Table.Td ta="right">{n(g.count)}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {g.rows.slice(0, ROWS_IN_LINE).map((r) => (
                      <Button key={r} size="compact-xs" variant="subtle" onClick={() => void look(r)} aria-label={t('import.rowN', { row: r })}>
                        {r}
                      </Button>
                    ))}
                    {g.rowCount > ROWS_IN_LINE && (
                      <Text size="xs" span>
                        {t('importReport.moreRows', { count: n(g.rowCount) })}
                      </Text>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs">{t('importReport.workbookHint')}</Text>
    </Stack>
  );
}

export function ImportPreview({ preview }: { preview: Preview }) {
  const { t } = useRosterT();
  const n = (v: number) => v.toLocaleString();
  const kinds = ['added', 'updated', 'unchanged', 'rejected'] as const;
  return (
    <Stack gap="sm">
      <Alert color="blue" variant="light" py={8}>
        <Text size="sm">{t('import.notYet', { rows: n(preview.rows), name: preview.name })}</Text>
      </Alert>
      <Table withTableBorder fz="sm" layout="fixed" aria-label={t('import.countsLabel')} data-testid="import-counts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70} />
            {kinds.map((k) => (
              <Table.Th key={k} ta="right">
                {t(`import.count.${k}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('import.count.removed')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th>{t('import.households')}</Table.Th>
            {kinds.map((k) => (
              <Table.Td key={k} ta="right" fw={k === 'added' || k === 'rejected' ? 700 : undefined} c={k === 'rejected' && preview.households.rejected ? 'red.8' : undefined}>
                {n(preview.households[k])}
              </Table.Td>
            ))}
            <Table.Td ta="right">—</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('import.persons')}</Table.Th>
            {kinds.map((k) => (
              <Table.Td key={k} ta="right" c={k === 'rejected' && preview.persons.rejected ? 'red.8' : undefined}>
                {n(preview.persons[k])}
              </Table.Td>
            ))}
            <Table.Td ta="right" c={preview.persons.removed ? 'orange.8' : undefined}>
              {n(preview.persons.removed)}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {preview.persons.removed > 0 && (
        <Text size="sm" c="orange.8">
          {t('import.removedHint', { count: preview.persons.removed })}
        </Text>
      )}
      {preview.newVillages.length > 0 && (
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('import.newVillages', { count: preview.newVillages.length })}
          </Text>
          <Group gap={6}>
            {preview.newVillages.slice(0, 60).map((v) => (
              <Badge key={`${v.township}|${v.village}`} variant="light" color="gray" styles={{ label: { textTransform: 'none' } }}>
                {v.township} {v.village}
              </Badge>
            ))}
            {preview.newVillages.length > 60 && <Text size="sm">…</Text>}
          </Group>
        </div>
      )}
      {preview.groups.length > 0 && <ImportFindings preview={preview} />}
    </Stack>
  );
}
