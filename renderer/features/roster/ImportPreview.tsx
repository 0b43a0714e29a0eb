/** Import step 3: what the import WOULD do (nothing written yet), findings by rule and the first findings. */
import { Alert, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportPreview as Preview } from '@shared/domain/roster-import';
import { useRosterT } from './common';
import { errorText } from '../../i18n';

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
      {preview.byRule.length > 0 && (
        <>
          <Title order={6}>{t('import.byRule', { errors: n(preview.errorRows), warnings: n(preview.warningRows) })}</Title>
          <Table withTableBorder fz="sm" verticalSpacing={4} aria-label={t('import.byRuleLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t('import.severity')}</Table.Th>
                <Table.Th w={80} ta="right">
                  {t('import.rows')}
                </Table.Th>
                <Table.Th>{t('import.example')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.byRule.map((r) => (
                <Table.Tr key={r.rule}>
                  <Table.Td>
                    <Badge size="sm" variant="light" color={r.severity === 'error' ? 'red' : 'orange'}>
                      {t(`quality.${r.severity}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{n(r.count)}</Table.Td>
                  <Table.Td>{errorText({ code: 'VALIDATION', key: r.key, params: r.params })}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {preview.issues.length > 0 && (
        <>
          <Title order={6}>{preview.issuesTotal > preview.issues.length ? t('import.firstIssues', { shown: preview.issues.length, total: n(preview.issuesTotal) }) : t('import.issues')}</Title>
          <Table.ScrollContainer minWidth={600} maxHeight={240}>
            <Table stickyHeader withTableBorder striped fz="sm" verticalSpacing={4} aria-label={t('import.issuesLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('import.row')}</Table.Th>
                  <Table.Th w={110}>{t('import.column')}</Table.Th>
                  <Table.Th w={70}>{t('import.severity')}</Table.Th>
                  <Table.Th>{t('import.message')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.issues.map((i, k) => (
                  <Table.Tr key={k}>
                    <Table.Td>{t('import.rowN', { row: i.row })}</Table.Td>
                    <Table.Td>{i.column ?? '—'}</Table.Td>
                    <Table.Td>
                      <Badge size="xs" variant="light" color={i.severity === 'error' ? 'red' : 'orange'}>
                        {t(`quality.${i.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{errorText({ code: 'VALIDATION', key: i.key, params: i.params })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
