/** Import step 2: the header row found, the sheet, and column → field as Selects, with sample values. */
import { Alert, Checkbox, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { ImportColumn, ImportInspect } from '@shared/domain/roster-import';
import { FIELD, LAYOUT } from '@shared/roster/layout';
import { checkColumns, needsConfirmation } from '@shared/roster/mapping';
import { useRosterT } from './common';
import i18n, { joinList, withParen } from '../../i18n';

const NONE = '__none__';

export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Required fields no column maps, fields more than one column maps, and what would be left out unseen. */
export const mappingProblems = checkColumns;

/** Whether the preview may run: nothing missing or twice, and anything left out confirmed. */
export function mappingReady(columns: ImportColumn[], confirmed: boolean): boolean {
  const p = checkColumns(columns);
  return p.missing.length === 0 && p.twice.length === 0 && (confirmed || !needsConfirmation(p));
}

export function ImportMapping({
  inspect,
  columns,
  onColumns,
  onSheet,
  busy,
  confirmed,
  onConfirmed,
}: {
  inspect: ImportInspect;
  columns: ImportColumn[];
  onColumns: (c: ImportColumn[]) => void;
  onSheet: (sheet: number) => void;
  busy: boolean;
  /** The user confirmed the columns and fields left out. */
  confirmed: boolean;
  onConfirmed: (v: boolean) => void;
}) {
  const { t } = useRosterT();
  const options = [{ value: NONE, label: t('import.skip') }, ...LAYOUT.map((f) => ({ value: f.key, label: f.required ? `${f.header} *` : f.header }))];
  const check = mappingProblems(columns);
  const { missing, twice, suspects, unchecked } = check;
  const suspectOf = new Map(suspects.map((s) => [s.index, s.field]));
  const unmapped = columns.filter((c) => !c.field).length;
  return (
    <Stack gap="sm">
      <Group gap="lg" align="flex-end">
        <Text size="sm">
          {t('import.file')}
          {i18n.t('common.colon')}
          <b>{inspect.name}</b> {withParen('', inspect.format.toUpperCase()).trim()}
        </Text>
        {inspect.sheets.length > 1 && (
          <Select
            label={t('import.sheet')}
            size="sm"
            w={240}
            data={inspect.sheets.map((s, i) => ({ value: String(i), label: s }))}
            value={String(inspect.sheet)}
            onChange={(v) => v !== null && onSheet(Number(v))}
            disabled={busy}
            allowDeselect={false}
          />
        )}
        <Text size="sm">{t('import.headerRow', { row: inspect.headerRow })}</Text>
      </Group>
      {inspect.duplicates.length > 0 && (
        <Alert color="orange" variant="light" py={6}>
          {inspect.duplicates.map((d) => (
            <Text size="sm" key={d.header}>
              {t('import.duplicateHeader', { header: d.header, columns: joinList(d.columns.map(columnLetter)) })}
            </Text>
          ))}
        </Alert>
      )}
      {(missing.length > 0 || twice.length > 0) && (
        <Alert color="red" variant="light" py={6} role="alert">
          {missing.length > 0 && <Text size="sm">{t('import.missing', { fields: joinList(missing) })}</Text>}
          {twice.length > 0 && <Text size="sm">{t('import.twice', { fields: joinList(twice) })}</Text>}
        </Alert>
      )}
      {needsConfirmation(check) && (
        <Alert color="orange" variant="light" py={8} role="alert" title={t('importMap.leftOutTitle')}>
          <Stack gap={6}>
            {suspects.length > 0 && (
              <Text size="sm">{t('importMap.suspects', { columns: joinList(suspects.map((s) => t('importMap.suspect', { header: s.header, field: FIELD[s.field].header }))) })}</Text>
            )}
            {unchecked.length > 0 && <Text size="sm">{t('importMap.unchecked', { fields: joinList(unchecked.map((f) => FIELD[f].header)) })}</Text>}
            <Checkbox size="sm" checked={confirmed} onChange={(e) => onConfirmed(e.currentTarget.checked)} label={t('importMap.confirm')} />
          </Stack>
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('import.mappingHint')} {unmapped > 0 && t('importMap.unmappedCount', { count: unmapped })}
      </Text>
      <Table.ScrollContainer minWidth={700} maxHeight={380}>
        <Table stickyHeader withTableBorder striped fz="sm" verticalSpacing={4} aria-label={t('import.mappingLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={50}>{t('import.column')}</Table.Th>
              <Table.Th w={170}>{t('import.header')}</Table.Th>
              <Table.Th w={200}>{t('import.field')}</Table.Th>
              <Table.Th>{t('import.sample')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {columns.map((c, i) => (
              <Table.Tr key={c.index} data-unmapped={c.field ? undefined : suspectOf.has(c.index) ? 'suspect' : 'yes'} bg={c.field ? undefined : suspectOf.has(c.index) ? 'var(--mantine-color-orange-light)' : 'var(--mantine-color-gray-light)'}>
                <Table.Td c="dimmed">{columnLetter(c.index)}</Table.Td>
                <Table.Td>
                  {c.header || <Text span c="dimmed">{t('import.noHeader')}</Text>}
                  {suspectOf.has(c.index) && (
                    <Text size="xs" c="orange.9">
                      {t('importMap.looksLike', { field: FIELD[suspectOf.get(c.index)!].header })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t('import.fieldFor', { header: c.header || columnLetter(c.index) })}
                    data={options}
                    value={c.field ?? NONE}
                    searchable
                    allowDeselect={false}
                    onChange={(v) => onColumns(columns.map((x, j) => (j === i ? { ...x, field: !v || v === NONE ? null : v } : x)))}
                  />
                </Table.Td>
                <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 320 }}>
                  {inspect.sample
                    .slice(0, 3)
                    .map((r) => r[c.index] ?? '')
                    .filter(Boolean)
                    .join(' ｜ ')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
