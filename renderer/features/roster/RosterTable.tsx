/** The roster list: a windowed table over `roster.query` pages, sortable, with a column picker remembered in localStorage. */
import { Anchor, Badge, Box, Button, Checkbox, Popover, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { RosterRow, RosterSortColumn } from '@shared/domain/roster';
import { maskIdNumber } from '@shared/rules/id-number';
import { go } from '../../app/route';
import { useVirtualRows } from '../../ui/useVirtualRows';
import { StatusBadge, useRosterT, yuan } from './common';

const ROW_H = 38;
const STORE = 'roster.columns';

interface Column {
  key: string;
  width: number;
  sort?: RosterSortColumn;
  align?: 'right';
  render: (r: RosterRow) => ReactNode;
}

const dash = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v);

const COLUMNS: Column[] = [
  {
    key: 'number',
    width: 170,
    sort: 'number',
    render: (r) => (
      <Anchor href={`#/roster/${r.id}`} size="sm" onClick={(e) => e.stopPropagation()} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {r.number}
      </Anchor>
    ),
  },
  { key: 'township', width: 84, render: (r) => r.townshipName },
  { key: 'village', width: 100, sort: 'village', render: (r) => r.villageName },
  { key: 'group', width: 70, render: (r) => dash(r.groupName) },
  { key: 'head', width: 80, sort: 'head', render: (r) => r.headName },
  { key: 'headIdNumber', width: 180, render: (r) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{r.headIdNumber ? maskIdNumber(r.headIdNumber) : '—'}</span> },
  { key: 'size', width: 64, sort: 'size', align: 'right', render: (r) => r.size },
  { key: 'status', width: 144, sort: 'status', render: (r) => <StatusBadge status={r.status} size="sm" /> },
  { key: 'attribute', width: 110, render: (r) => dash(r.attribute) },
  { key: 'mainCause', width: 100, render: (r) => dash(r.mainCause) },
  { key: 'exitYear', width: 92, sort: 'exitYear', align: 'right', render: (r) => dash(r.exitYear) },
  { key: 'plannedExitYear', width: 96, align: 'right', render: (r) => dash(r.plannedExitYear) },
  { key: 'income', width: 112, sort: 'income', align: 'right', render: (r) => (r.netIncomeFen === null ? '—' : yuan(r.netIncomeFen)) },
  { key: 'cadreNames', width: 100, render: (r) => dash(r.cadreNames) },
  { key: 'phone', width: 120, render: (r) => dash(r.phone) },
  {
    key: 'flagCount',
    width: 56,
    align: 'right',
    render: (r) =>
      r.flagCount ? (
        <Badge color="orange" variant="light" size="sm">
          {r.flagCount}
        </Badge>
      ) : (
        ''
      ),
  },
];
const DEFAULT_COLUMNS = ['number', 'township', 'village', 'head', 'size', 'status', 'mainCause', 'exitYear', 'income', 'cadreNames', 'flagCount'];

function loadColumns(): string[] {
  try {
    const v = JSON.parse(localStorage.getItem(STORE) ?? 'null') as unknown;
    if (Array.isArray(v) && v.every((k) => typeof k === 'string')) {
      const known = v.filter((k) => COLUMNS.some((c) => c.key === k));
      if (known.length) return known;
    }
  } catch {
    // a damaged setting: fall back to the defaults
  }
  return DEFAULT_COLUMNS;
}

export function useColumns() {
  const [shown, setShown] = useState<string[]>(loadColumns);
  const update = (keys: string[]) => {
    const ordered = COLUMNS.map((c) => c.key).filter((k) => keys.includes(k));
    setShown(ordered);
    localStorage.setItem(STORE, JSON.stringify(ordered));
  };
  return { shown, update, reset: () => update(DEFAULT_COLUMNS) };
}

export function ColumnPicker({ shown, onChange, onReset }: { shown: string[]; onChange: (keys: string[]) => void; onReset: () => void }) {
  const { t } = useRosterT();
  return (
    <Popover position="bottom-end" shadow="md" withArrow trapFocus>
      <Popover.Target>
        <Button variant="default" size="sm">
          {t('list.columns')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Checkbox.Group value={shown} onChange={(v) => v.length && onChange(v)} label={t('list.columnsLabel')}>
          <Stack gap={6} mt="xs">
            {COLUMNS.map((c) => (
              <Checkbox key={c.key} value={c.key} label={t(`col.${c.key}`)} size="sm" disabled={c.key === 'number'} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Button variant="subtle" size="compact-sm" mt="sm" onClick={onReset}>
          {t('list.columnsReset')}
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}

export function RosterTable({
  shown,
  total,
  row,
  ensure,
  sort,
  desc,
  onSort,
  resetKey,
}: {
  shown: string[];
  total: number;
  row: (i: number) => RosterRow | undefined;
  ensure: (start: number, end: number) => void;
  sort: RosterSortColumn;
  desc: boolean;
  onSort: (sort: RosterSortColumn, desc: boolean) => void;
  /** Changes with the filter and the sort: the list starts again at the top. */
  resetKey: string;
}) {
  const { t } = useRosterT();
  const scroller = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(480);
  const range = useVirtualRows(scroller, total, ROW_H);
  // Until the window is measured again after the list shrank, keep it inside the list.
  const end = Math.min(range.end, total);
  const start = Math.min(range.start, end);
  const columns = COLUMNS.filter((c) => c.key === 'number' || shown.includes(c.key));
  const width = columns.reduce((a, c) => a + c.width, 0);

  useEffect(() => ensure(start, end), [ensure, start, end]);
  // The table takes the rest of the window below it.
  useLayoutEffect(() => {
    const fit = () => {
      const el = scroller.current;
      if (el) setHeight(Math.max(320, window.innerHeight - el.getBoundingClientRect().top - window.scrollY - 20));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, []);
  // Back to the top when the list changes.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
  }, [resetKey]);

  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    const r = row(i);
    rows.push(
      <Table.Tr
        key={r?.id ?? `loading-${i}`}
        aria-rowindex={i + 2}
        h={ROW_H}
        tabIndex={r ? 0 : -1}
        style={{ cursor: r ? 'pointer' : undefined }}
        onClick={() => r && go(`roster/${r.id}`)}
        onKeyDown={(e) => r && e.key === 'Enter' && go(`roster/${r.id}`)}
      >
        {columns.map((c) => (
          <Table.Td key={c.key} ta={c.align} style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>
            {r ? (
              c.render(r)
            ) : (
              <Text size="sm" c="dimmed">
                …
              </Text>
            )}
          </Table.Td>
        ))}
      </Table.Tr>,
    );
  }

  return (
    <Box ref={scroller} h={Math.min(height, (total + 1) * ROW_H + 20)} style={{ overflow: 'auto', border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }} data-testid="roster-scroller">
      <Table
        stickyHeader
        highlightOnHover
        layout="fixed"
        miw={width}
        fz="sm"
        verticalSpacing={0}
        aria-rowcount={total + 1}
        aria-label={t('list.tableLabel')}
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <Table.Thead style={{ zIndex: 2 }}>
          <Table.Tr h={ROW_H} aria-rowindex={1}>
            {columns.map((c) => (
              <Table.Th key={c.key} ta={c.align} aria-sort={c.sort && c.sort === sort ? (desc ? 'descending' : 'ascending') : undefined} style={{ whiteSpace: 'nowrap' }}>
                {c.sort ? (
                  <UnstyledButton fz="sm" fw={700} onClick={() => onSort(c.sort!, c.sort === sort ? !desc : false)}>
                    {t(`col.${c.key}`)}
                    <Text span c={c.sort === sort ? undefined : 'dimmed'} ml={4} fz="xs">
                      {c.sort === sort ? (desc ? '▼' : '▲') : '↕'}
                    </Text>
                  </UnstyledButton>
                ) : (
                  t(`col.${c.key}`)
                )}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {start > 0 && (
            <tr aria-hidden style={{ height: start * ROW_H }}>
              <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
          {rows}
          {end < total && (
            <tr aria-hidden style={{ height: (total - end) * ROW_H }}>
              <td colSpan={columns.length} style={{ padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </Box>
  );
}
