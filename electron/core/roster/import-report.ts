/**
 * The import report: findings grouped by (rule, column, value-or-message), each group with its
 * count and the sheet rows it concerns, kept in a typed array (four bytes a finding, never an
 * object and message string per row). A county of a million rows with several findings a row
 * holds a few MB here; the screen and the CLI show the groups, and the error workbook asks the
 * report for each rejected row's messages.
 */
import { FIELD, type FieldKey } from '../../../shared/roster/layout';
import { formatMessage } from '../../../shared/i18n/messages';
import { maskIdNumber, maskPhone } from '../../../shared/rules/mask';
import type { Severity } from './import-types';

export type Params = Record<string, string | number>;

/** One finding as a step of the importer reports it. */
export interface Finding {
  row: number;
  field?: FieldKey;
  severity: Severity;
  /** A stable rule code, e.g. ID_CHECK, for reports and filters. */
  rule: string;
  key: string;
  params?: Params;
  /**
   * What, besides rule and column, makes a group: the message (the default), a value such as an
   * unknown code, or '' for one group per rule and column (findings whose text varies per row).
   */
  group?: string;
  /** Keep this finding's own parameters (its message varies per row and matters in the error workbook). */
  own?: boolean;
}

export interface FindingGroup {
  rule: string;
  severity: Severity;
  field?: FieldKey;
  column?: string;
  key: string;
  /** The first finding's parameters, masked. */
  params?: Params;
  /** The first finding's message (Chinese), masked. */
  message: string;
  count: number;
  /** The sheet rows, in the order found (a row appears once per finding). */
  rows: Int32Array;
  /** Per-row parameters of a group whose findings' messages differ (e.g. the other row of a duplicate), else absent. */
  own?: Map<number, Params>;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** How many row numbers the screen and the CLI's first-rows list show per group. */
export const FIRST_ROWS = 5;

/** Personal data in a finding's parameters, masked the way the search output masks it. */
const ID_PARAMS = new Set(['value', 'first']);
export function maskParams(field: FieldKey | undefined, params: Params | undefined): Params | undefined {
  if (!params) return params;
  const mask = field === 'idNumber' || field === 'personNumber' ? maskIdNumber : field === 'phone' || field === 'personPhone' ? maskPhone : null;
  if (!mask) return params;
  const out: Params = { ...params };
  for (const k of Object.keys(out)) if (ID_PARAMS.has(k) && typeof out[k] === 'string') out[k] = mask(out[k] as string);
  return out;
}

export class ImportReport {
  private readonly groups = new Map<string, FindingGroup>();
  private readonly lengths = new Map<FindingGroup, number>();

  add(f: Finding): void {
    const column = f.field ? FIELD[f.field].header : undefined;
    const params = maskParams(f.field, f.params);
    let message: string | undefined;
    let by = f.group;
    if (by === undefined) by = message = formatMessage(f.key, params);
    const id = `${f.rule}\u0000${column ?? ''}\u0000${by}`;
    let g = this.groups.get(id);
    if (!g) {
      g = { rule: f.rule, severity: f.severity, field: f.field, column, key: f.key, params, message: message ?? formatMessage(f.key, params), count: 0, rows: new Int32Array(8) };
      this.groups.set(id, g);
      this.lengths.set(g, 0);
    }
    const n = this.lengths.get(g)!;
    if (n === g.rows.length) {
      const more = new Int32Array(g.rows.length * 2);
      more.set(g.rows);
      g.rows = more;
    }
    g.rows[n] = f.row;
    this.lengths.set(g, n + 1);
    g.count++;
    if (f.own && params) (g.own ??= new Map()).set(f.row, params);
  }

  /** The groups, errors first, then warnings, then notes; the biggest first within a level. */
  list(): FindingGroup[] {
    const out: FindingGroup[] = [];
    for (const g of this.groups.values()) {
      const n = this.lengths.get(g)!;
      if (g.rows.length !== n) {
        g.rows = g.rows.slice(0, n);
        this.lengths.set(g, n);
      }
      out.push(g);
    }
    return out.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || b.count - a.count || a.rule.localeCompare(b.rule));
  }

  get total(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.count;
    return n;
  }
}

/** A group's rows in sheet order, each once. */
export function sortedRows(g: FindingGroup): Int32Array {
  const r = g.rows.slice().sort();
  let w = 0;
  for (let i = 0; i < r.length; i++) if (i === 0 || r[i] !== r[i - 1]) r[w++] = r[i];
  return r.subarray(0, w);
}

/** The message of group g's finding at `row` (its own, when the group keeps per-row parameters). */
export function messageAt(g: FindingGroup, row: number): string {
  const own = g.own?.get(row);
  return own ? formatMessage(g.key, own) : g.message;
}

/** Every finding of the given rows, as "「column」message" per row (for the error workbook). */
export function messagesOfRows(groups: readonly FindingGroup[], rows: ReadonlySet<number>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  // Errors before warnings and notes within a row: the groups come in that order.
  for (const g of groups) {
    for (const row of g.rows) {
      if (!rows.has(row)) continue;
      const list = out.get(row) ?? [];
      list.push(`${g.column ? `「${g.column}」` : ''}${messageAt(g, row)}`);
      out.set(row, list);
    }
  }
  return out;
}

/** The findings of one sheet row (for "jump to a row"). */
export function findingsOfRow(groups: readonly FindingGroup[], row: number) {
  const out: { row: number; rule: string; severity: Severity; column?: string; message: string; key: string; params?: Params }[] = [];
  for (const g of groups) {
    if (!g.rows.includes(row)) continue;
    const own = g.own?.get(row);
    out.push({ row, rule: g.rule, severity: g.severity, column: g.column, message: messageAt(g, row), key: g.key, params: own ?? g.params });
  }
  return out;
}

/** "ID_" + a parseIdNumber problem in upper snake case: birth → ID_BIRTH, birthFuture → ID_BIRTH_FUTURE. */
export function idRule(problem: string): string {
  return `ID_${problem.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** A group as the screen and the CLI get it: counts, the first rows, and (capped) its rows. */
export interface GroupSummary {
  rule: string;
  severity: Severity;
  column: string | null;
  key: string;
  params?: Params;
  message: string;
  /** Findings in the group. */
  count: number;
  /** Distinct sheet rows it concerns. */
  rowCount: number;
  /** The sheet rows, in order, at most `maxRows` of them. */
  rows: number[];
}

export function summarise(groups: readonly FindingGroup[], maxRows: number): GroupSummary[] {
  return groups.map((g) => {
    const rows = sortedRows(g);
    return {
      rule: g.rule,
      severity: g.severity,
      column: g.column ?? null,
      key: g.key,
      params: g.params,
      message: g.message,
      count: g.count,
      rowCount: rows.length,
      rows: Array.from(rows.subarray(0, maxRows)),
    };
  });
}

/** Distinct rows with a finding of the given level. */
export function rowsWith(groups: readonly FindingGroup[], severity: Severity): number {
  const rows = new Set<number>();
  for (const g of groups) if (g.severity === severity) for (const r of g.rows) rows.add(r);
  return rows.size;
}

/** Every finding, one per row and group (for tests and the CLI's --rows). */
export function expand(groups: readonly FindingGroup[]) {
  const out: { row: number; rule: string; severity: Severity; field?: FieldKey; column?: string; message: string; key: string; params?: Params }[] = [];
  for (const g of groups) for (const row of g.rows) out.push({ row, rule: g.rule, severity: g.severity, field: g.field, column: g.column, message: messageAt(g, row), key: g.key, params: g.own?.get(row) ?? g.params });
  return out.sort((a, b) => a.row - b.row || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
