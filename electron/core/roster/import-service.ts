/**
 * Importing the national roster export: look at the file (sheets, header row, mapping), plan
 * (every row validated, counts of what would be added / updated / unchanged / rejected), then
 * commit the plan in one transaction. Rejected rows can be written to an error workbook.
 */
import path from 'node:path';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { readTable } from '../files/read-table';
import type { TableFile } from '../files/rows';
import { requireSettings } from '../settings/service';
import { checkMapping, detectMapping, HEADER_SCAN_ROWS, type ColumnMapping, type Mapping } from './import-map';
import { planImport } from './import-plan';
import { applyImportPlan, loadImportContext, rosterStamp, type ApplyResult } from './import-repo';
import type { ImportPlan } from './import-types';

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
}

export async function previewImport(ctx: Ctx, file: string, opts: ImportOptions = {}): Promise<PreviewResult> {
  await requireSettings(ctx);
  const sheet = opts.sheet ?? 0;
  return withTable(file, async (table) => {
    let mapping: Mapping;
    if (opts.columns) {
      const head = await firstRows(table, sheet, HEADER_SCAN_ROWS + 5);
      mapping = { ...detectMapping(head), columns: opts.columns };
    } else mapping = detectMapping(await firstRows(table, sheet, HEADER_SCAN_ROWS + 5));
    const columns = checkMapping(mapping.columns);
    const stamp = rosterStamp(ctx.db.raw);
    const context = loadImportContext(ctx.db.raw, [...columns.keys()]);
    const plan = await planImport({
      file: path.basename(file),
      rows: table.rows(sheet, {
        signal: opts.signal,
        onProgress: opts.onProgress,
      }),
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
    return { token, mapping, plan: summary };
  });
}

/** Writes the previewed plan in one transaction, unless the data changed since the preview. */
export async function commitImport(ctx: Ctx, token: string): Promise<ApplyResult> {
  const p = pending.get(token);
  if (!p || rosterStamp(ctx.db.raw) !== p.stamp) {
    pending.delete(token);
    throw new AppError('CONFLICT', 'roster.import.stale');
  }
  const at = ctx.now().toISOString();
  const { bulk, ...result } = applyImportPlan(ctx.db.raw, p.plan, { at, by: ctx.operator, today: at.slice(0, 10) }, ctx.newId);
  pending.delete(token);
  // A bulk commit left its pages in the WAL: they are copied into the database file on a worker thread.
  if (bulk) void ctx.db.checkpointSoon();
  return result;
}

export function pendingImport(token: string): Pending | undefined {
  return pending.get(token);
}
