/** Import step 2: the header row found, the sheet, and column → field as Selects, with sample values. */
import { Alert, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { ImportColumn, ImportInspect } from '@shared/domain/roster-import';
import { FIELD, LAYOUT, type FieldKey } from '@shared/roster/layout';
import { useRosterT } from './common';

const NONE = '__none__';

export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Required fields no column maps, and fields more than one column maps. */
export function mappingProblems(columns: ImportColumn[]) {
  const used = new Map<string, number>();
  for (const c of columns) if (c.field) used.set(c.field, (used.get(c.field) ?? 0) + 1);
  return {
    missing: LAYOUT.filter((f) => f.required && !used.has(f.key)).map((f) => f.header),
    twice: [...used].filter(([, n]) => n > 1).map(([k]) => FIELD[k as FieldKey]?.header ?? k),
  };
}

export function ImportMapping({
  inspect,
  columns,
  onColumns,
  onSheet,
  busy,
}: {
  inspect: ImportInspect;
  columns: ImportColumn[];
  onColumns: (c: ImportColumn[]) => void;
  onSheet: (sheet: number) => void;
  busy: boolean;
}) {
  const { t } = useRosterT();
  const options = [{ value: NONE, label: t('import.skip') }, ...LAYOUT.map((f) => ({ value: f.key, label: f.required ? `${f.header} *` : f.header }))];
  const { missing, twice } = mappingProblems(columns);
  return (
    <Stack gap="sm">
      <Group gap="lg" align="flex-end">
        <Text size="sm">
          {t('import.file')}：<b>{inspect.name}</b>（{inspect.format.toUpperCase()}）
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
              {t('import.duplicateHeader', { header: d.header, columns: d.columns.map(columnLetter).join('、') })}
            </Text>
          ))}
        </Alert>
      )}
      {(missing.length > 0 || twice.length > 0) && (
        <Alert color="red" variant="light" py={6} role="alert">
          {missing.length > 0 && <Text size="sm">{t('import.missing', { fields: missing.join('、') })}</Text>}
          {twice.length > 0 && <Text size="sm">{t('import.twice', { fields: twice.join('、') })}</Text>}
        </Alert>
      )}
      <Text size="sm" c="dimmed">
        {t('import.mappingHint')}
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
              <Table.Tr key={c.index}>
                <Table.Td c="dimmed">{columnLetter(c.index)}</Table.Td>
                <Table.Td>{c.header || <Text span c="dimmed">{t('import.noHeader')}</Text>}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    aria-label={t('import.fieldFor', { header: c.header || columnLetter(c.index) })}
                    data={options}
                    value={c.field ?? NONE}
                    searchable
                    allowDeselect={false}
                    onChange={(v) => onColumns(columns.map((x, j) => (j === i ? { ...x, field: !v || v === NONE ? null : v } : x)))}
                    styles={{ input: { color: c.field ? undefined : 'var(--mantine-color-dimmed)' } }}
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
