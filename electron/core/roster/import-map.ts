/**
 * Finding the header row and mapping columns to roster fields. Title rows above the header
 * (often merged cells) are skipped; headers are matched by name with aliases, never by position.
 */
import { FIELD, LAYOUT, fieldForHeader, type FieldKey } from '../../../shared/roster/layout';
import { AppError } from '../errors';

export const HEADER_SCAN_ROWS = 20;

export interface ColumnMapping {
  /** 0-based column index in the sheet. */
  index: number;
  header: string;
  field: FieldKey | null;
}

export interface Mapping {
  /** The sheet row number (1-based) of the header row. */
  headerRow: number;
  columns: ColumnMapping[];
  /** Headers that matched a field already taken by an earlier column. */
  duplicates: { header: string; columns: number[] }[];
}

/** Picks the header among the first rows: the row naming the most known fields. */
export function detectMapping(rows: { rowNumber: number; cells: string[] }[]): Mapping {
  let best: { row: { rowNumber: number; cells: string[] }; hits: number } | undefined;
  for (const row of rows.slice(0, HEADER_SCAN_ROWS)) {
    const fields = new Set(row.cells.map((c) => fieldForHeader(c)).filter(Boolean));
    const hits = fields.size;
    const essential = fields.has('householdNumber') && fields.has('name') && fields.has('idNumber');
    if (essential && (!best || hits > best.hits)) best = { row, hits };
  }
  if (!best) throw new AppError('VALIDATION', 'roster.file.noHeader', { rows: HEADER_SCAN_ROWS });
  const taken = new Map<FieldKey, number>();
  const dup = new Map<string, number[]>();
  const columns = best.row.cells.map((header, index): ColumnMapping => {
    const field = fieldForHeader(header) ?? null;
    if (field && taken.has(field)) {
      const first = taken.get(field)!;
      const cols = dup.get(header) ?? [first + 1];
      cols.push(index + 1);
      dup.set(header, cols);
      return { index, header, field: null };
    }
    if (field) taken.set(field, index);
    return { index, header, field };
  });
  return { headerRow: best.row.rowNumber, columns, duplicates: [...dup].map(([header, cols]) => ({ header, columns: cols })) };
}

/** Checks a (possibly user-edited) mapping: each field once, required fields present. */
export function checkMapping(columns: ColumnMapping[]): Map<FieldKey, number> {
  const byField = new Map<FieldKey, number>();
  for (const c of columns) {
    if (!c.field) continue;
    if (byField.has(c.field)) throw new AppError('VALIDATION', 'roster.file.duplicateHeader', { header: FIELD[c.field].header, columns: `${byField.get(c.field)! + 1}、${c.index + 1}` });
    byField.set(c.field, c.index);
  }
  const missing = LAYOUT.filter((f) => f.required && !byField.has(f.key)).map((f) => f.header);
  if (missing.length) throw new AppError('VALIDATION', 'roster.file.missingRequired', { fields: missing.join('、') });
  return byField;
}
