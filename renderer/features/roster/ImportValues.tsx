/**
 * Import step 3 (值对照): each code value the file uses that the office's lists do not have,
 * once, with how often it occurs and what it should be recorded as. Suggestions come from the
 * office's earlier choices, known older spellings (已脱贫 → 已脱贫(享受政策), 五保户 → 特困供养贫困户)
 * and similar entries; the choices are remembered for the next import.
 */
import { Alert, Group, Select, Stack, Table, Text } from '@mantine/core';
import type { ImportUnknownValue, ImportValues as Values } from '@shared/domain/roster-import';
import { FIELD, type FieldKey } from '@shared/roster/layout';
import { useRosterT } from './common';

/** Keep the file's value as it is. */
export const KEEP = '__keep__';

export const choiceKey = (v: { field: string; raw: string }) => `${v.field}\u0000${v.raw}`;

/** The choices to start from: each value's suggestion, else kept as it is. */
export function initialChoices(values: ImportUnknownValue[]): Map<string, string | null> {
  return new Map(values.map((v) => [choiceKey(v), v.suggestion]));
}

export function ImportValues({ scan, choices, onChoices }: { scan: Values; choices: Map<string, string | null>; onChoices: (c: Map<string, string | null>) => void }) {
  const { t } = useRosterT();
  const header = (f: string) => FIELD[f as FieldKey]?.header ?? f;
  const total = scan.values.reduce((n, v) => n + v.count, 0);
  return (
    <Stack gap="sm">
      <Text size="sm">{t('importValues.intro', { values: scan.values.length, cells: total.toLocaleString() })}</Text>
      {scan.more.map((m) => (
        <Alert key={m.field} color="orange" variant="light" py={6}>
          <Text size="sm">{t('importValues.more', { field: header(m.field), count: m.count })}</Text>
        </Alert>
      ))}
      <Table.ScrollContainer minWidth={700} maxHeight={400}>
        <Table stickyHeader withTableBorder striped fz="sm" verticalSpacing={4} aria-label={t('importValues.label')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>{t('importValues.field')}</Table.Th>
              <Table.Th w={190}>{t('importValues.value')}</Table.Th>
              <Table.Th w={90} style={{ textAlign: 'right' }}>
                {t('importValues.count')}
              </Table.Th>
              <Table.Th w={90}>{t('importValues.firstRow')}</Table.Th>
              <Table.Th>{t('importValues.as')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {scan.values.map((v) => {
              const key = choiceKey(v);
              const chosen = choices.get(key) ?? null;
              const data = [{ value: KEEP, label: t('importValues.keep') }, ...(scan.entries[v.list] ?? []).map((e) => ({ value: e, label: e }))];
              return (
                <Table.Tr key={key}>
                  <Table.Td>{header(v.field)}</Table.Td>
                  <Table.Td>
                    <Text span fw={600} size="sm">
                      {v.raw}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{v.count.toLocaleString()}</Table.Td>
                  <Table.Td>{t('import.rowN', { row: v.firstRow })}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Select
                        size="xs"
                        w={220}
                        aria-label={t('importValues.asFor', { value: v.raw })}
                        data={data}
                        value={chosen ?? KEEP}
                        allowDeselect={false}
                        searchable
                        onChange={(x) => {
                          const next = new Map(choices);
                          next.set(key, !x || x === KEEP ? null : x);
                          onChoices(next);
                        }}
                      />
                      {v.source && chosen === v.suggestion && (
                        <Text size="xs" c={v.source === 'similar' ? 'orange.9' : 'gray.8'}>
                          {t(`importValues.source.${v.source}`)}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('importValues.hint')}
      </Text>
    </Stack>
  );
}
