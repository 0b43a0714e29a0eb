/**
 * Importing the national roster export: look at the file (sheets, header row, mapping), plan
 * (every row validated, counts of what would be added / updated / unchanged / rejected), then
 * commit the plan in one transaction. Rejected rows can be written to an error workbook.
 */
import path from 'node:path';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { requireRoomForRows } from '../db/write-room';
import { readTable } from '../files/read-table';
import type { TableFile } from '../files/rows';
import { requireSettings } from '../settings/service';
import { checkMapping, detectMapping, HEADER_SCAN_ROWS, type ColumnMapping, type Mapping } from './import-map';
import { planImport } from './import-plan';
import { readImportBase, writeImportPlan, type ApplyResult } from './import-repo';
import type { ImportPlan } from './import-types';
import { checkColumns } from '../../../shared/roster/mapping';
import { rowsWith, summarise } from './import-report';
import type { ImportPreview } from '../../../shared/domain/roster-import';
import { FIELD } from '../../../shared/roster/layout';
import { statusKind } from '../../../shared/roster/status';
import { localDay } from '../../../shared/ledger/views';
import { loadStatusRule } from './roster-service';
import { scanValues, valueMapping, type AppliedMapping, type ValueChoice, type ValueScan } from './import-value-map';

export interface InspectResult {
  file: string;
  format: 'xlsx' | 'xls' | 'csv';
  sheets: string[];
  sheet: number;
  mapping: Mapping;
  /** The first data rows as text, for the mapping screen. */
  sample: string[][];
}

export interface ImportOptions {
  sheet?: number;
  /** A mapping the user confirmed or changed; detected from the headers when absent. */
  columns?: ColumnMapping[];
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** 值对照 chosen on the screen (remembered); absent: remembered choices and known spellings apply. */
  values?: ValueChoice[];
  /** The user saw the columns left out that look like fields, and the checked fields missing. */
  confirmUnmapped?: boolean;
}

async function withTable<T>(file: string, fn: (t: TableFile) => Promise<T>): Promise<T> {
  const table = await readTable(file);
  try {
    return await fn(table);
  } finally {
    await table.close();
  }
}

async function firstRows(table: TableFile, sheet: number, n: number) {
  const rows: { rowNumber: number; cells: string[]; raw: import('../files/rows').Row }[] = [];
  for await (const r of table.rows(sheet)) {
    rows.push({ rowNumber: r.rowNumber, cells: r.cells.map((c) => c.text), raw: r });
    if (rows.length >= n) break;
  }
  return rows;
}

export async function inspectImport(file: string, sheet = 0): Promise<InspectResult> {
  return withTable(file, async (table) => {
    const rows = await firstRows(table, sheet, HEADER_SCAN_ROWS + 5);
    if (rows.length === 0) throw new AppError('VALIDATION', 'roster.file.empty');
    const mapping = detectMapping(rows);
    return {
      file: path.basename(file),
      format: table.format,
      sheets: table.sheets.map((s) => s.name),
      sheet,
      mapping,
      sample: rows.filter((r) => r.rowNumber > mapping.headerRow).slice(0, 5).map((r) => r.cells),
    };
  });
}

interface Pending {
  plan: ImportPlan;
  stamp: string;
  path: string;
  sheet: number;
  headerRow: number;
}
const pending = new Map<string, Pending>();

export interface PreviewResult {
  token: string;
  mapping: Mapping;
  plan: Omit<ImportPlan, 'households' | 'rows'>;
  /** The values 值对照 replaced, with counts. */
  mapped: AppliedMapping[];
}

/** The mapping to use: the one the user confirmed, else the one detected from the headers. */
async function mappingFor(table: TableFile, sheet: number, opts: ImportOptions): Promise<Mapping> {
  const detected = detectMapping(await firstRows(table, sheet, HEADER_SCAN_ROWS + 5));
  return opts.columns ? { ...detected, columns: opts.columns } : detected;
}

/**
 * Stops before the preview when a column that looks like a field is left out, unless the user
 * confirmed it: nothing is dropped without a word. (Fields the checks read that no column gives
 * are for the screen to confirm and the CLI to print: a file may simply not have them.)
 */
function requireConfirmed(mapping: Mapping, opts: ImportOptions): void {
  if (opts.confirmUnmapped) return;
  const { suspects } = checkColumns(mapping.columns);
  if (suspects.length === 0) return;
  const columns = suspects.map((s) => `「${s.header}」（像「${FIELD[s.field].header}」）`).join('、');
  throw new AppError('VALIDATION', 'roster.file.unmappedSuspects', { columns });
}

/** 值对照 step: each code value the file uses that the lists do not have, once, with its count. */
export async function scanImportValues(ctx: Ctx, file: string, opts: ImportOptions = {}): Promise<ValueScan> {
  await requireSettings(ctx);
  const sheet = opts.sheet ?? 0;
  return withTable(file, async (table) => {
    const mapping = await mappingFor(table, sheet, opts);
    const columns = checkMapping(mapping.columns);
    return scanValues(ctx, table.rows(sheet, { signal: opts.signal, onProgress: opts.onProgress }), mapping.headerRow, columns, opts.signal);
  });
}

export async function previewImport(ctx: Ctx, file: string, opts: ImportOptions = {}): Promise<PreviewResult> {
  await requireSettings(ctx);
  const sheet = opts.sheet ?? 0;
  return withTable(file, async (table) => {
    const mapping = await mappingFor(table, sheet, opts);
    const columns = checkMapping(mapping.columns);
    requireConfirmed(mapping, opts);
    const values = await valueMapping(ctx, columns, opts.values);
    const sheetRows = table.rows(sheet, {
      signal: opts.signal,
      onProgress: opts.onProgress,
    });
    const { stamp, context } = await readImportBase(ctx.db, [...columns.keys()]);
    const plan = await planImport({
      file: path.basename(file),
      rows: values.active ? values.apply(sheetRows) : sheetRows,
      headerRow: mapping.headerRow,
      columns,
      context,
      today: ctx.now(),
      signal: opts.signal,
    });
    if (plan.sheetRows === 0) throw new AppError('VALIDATION', 'roster.file.empty');
    const token = ctx.newId();
    pending.clear(); // one preview at a time: a new one replaces the last
    pending.set(token, { plan, stamp, path: file, sheet, headerRow: mapping.headerRow });
    const { households: _h, rows: _r, ...summary } = plan;
    return { token, mapping, plan: summary, mapped: values.applied() };
  });
}

/** Writes the previewed plan in one transaction, unless the data changed since the preview. */
export async function commitImport(ctx: Ctx, token: string): Promise<ApplyResult> {
  const rule = await loadStatusRule(ctx);
  const p = pending.get(token);
  if (!p) throw new AppError('CONFLICT', 'roster.import.stale');
  // The rows and their copy in the write-ahead log must fit on the disk (write-room.ts).
  requireRoomForRows(ctx.db.file, p.plan.personCounts.added + p.plan.personCounts.updated);
  const at = ctx.now().toISOString();
  let written;
  try {
    // The stale check runs inside the write transaction (see writeImportPlan).
    written = await writeImportPlan(ctx.db, p.stamp, p.plan, { at, by: ctx.operator, today: localDay(ctx.now()), isExited: (s) => statusKind(rule, s) === 'exited' }, ctx.newId);
  } catch (e) {
    // A stale plan is previewed again; after any other failure (a full disk) it can be retried.
    if (e instanceof AppError && e.info.key === 'roster.import.stale') pending.delete(token);
    throw e;
  }
  pending.delete(token);
  const { bulk, ...result } = written;
  // A bulk commit left its pages in the WAL: they are copied into the database file on a worker thread.
  if (bulk) void ctx.db.checkpointSoon();
  return result;
}

export function pendingImport(token: string): Pending | undefined {
  return pending.get(token);
}

/** Rows listed per group on the screen (the error workbook has every one). */
const FIRST_ROWS_SHOWN = 20;

/** The preview as the screen gets it: counts and the grouped findings, never one entry per row. */
export function screenPreview(r: PreviewResult): ImportPreview {
  const p = r.plan;
  return {
    token: r.token,
    name: p.file,
    rows: p.sheetRows,
    households: p.householdCounts,
    persons: p.personCounts,
    newVillages: p.newVillages.map((v) => ({ township: v.townshipName, village: v.name })),
    errorRows: p.rejectedRows.length,
    warningRows: rowsWith(p.groups, 'warning'),
    groups: summarise(p.groups, FIRST_ROWS_SHOWN),
    findings: p.findings,
    mapped: r.mapped,
  };
}
