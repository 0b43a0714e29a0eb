/**
 * Shared shapes of the file layer: what the xlsx and csv readers yield, the options they take,
 * the file-level errors they raise, and the formula neutralisation the writer applies.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

export type CellKind = 'string' | 'number' | 'boolean' | 'date' | 'error' | 'empty';

export interface Cell {
  kind: CellKind;
  /** What the user sees: the string, the number as Excel shows a General value, 'YYYY-MM-DD', 'TRUE'. */
  text: string;
  /** The raw value of 'number' and 'date' cells (a date keeps its Excel serial). */
  number?: number;
}

export interface Row {
  /** 1-based: the sheet's row number (xlsx) or the record number (csv), for "第 N 行". */
  rowNumber: number;
  /** Cells by 0-based column (A = 0); gaps are empty cells, trailing empty cells are dropped. */
  cells: Cell[];
}

/** A merged range: rows 1-based like rowNumber, columns 0-based like the cells array. */
export interface CellRange {
  ref: string;
  firstRow: number;
  lastRow: number;
  firstCol: number;
  lastCol: number;
}

export interface SheetInfo {
  index: number;
  name: string;
  hidden: boolean;
}

export interface ReadOptions {
  /** Aborting stops the read at the next chunk; the iteration throws signal.reason. */
  signal?: AbortSignal;
  /** Called once per chunk read. xlsx: bytes of the sheet's XML; csv: bytes of the file. */
  onProgress?(bytesRead: number, totalBytes: number): void;
}

/** Rows of one sheet. Rows without any value are skipped (their numbers are not reused). */
export interface SheetRows extends AsyncIterable<Row> {
  /** Merged ranges of the sheet (xlsx only). They follow the rows in the file: complete once iteration ends. */
  readonly mergedCells: CellRange[];
}

/** An opened table file (an xlsx or xls workbook, or a csv file seen as one sheet). */
export interface TableFile {
  format: 'xlsx' | 'xls' | 'csv';
  sheets: SheetInfo[];
  /** A sheet by 0-based index or by name; by default the first sheet that is not hidden. */
  rows(sheet?: number | string, opts?: ReadOptions): SheetRows;
  close(): Promise<void>;
}

export const EMPTY_CELL: Cell = Object.freeze({ kind: 'empty', text: '' }) as Cell;

/** A file-level error, naming the file by its base name (never the full path: it may hold a user name). */
export function fileError(key: string, filePath: string, params: Record<string, string | number> = {}): AppError {
  return new AppError('VALIDATION', key, { name: path.basename(filePath), ...params });
}

/** Maps an fs error on the file being read to the user's words; other errors pass through. */
export function readFsError(e: unknown, filePath: string): unknown {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return fileError('file.notFound', filePath);
    case 'EISDIR':
      return fileError('file.notAFile', filePath);
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
    case 'EIO':
    case 'EMFILE':
      return fileError('file.unreadable', filePath);
    default:
      return e;
  }
}

/** Checks the path is a readable, non-empty file; returns its size. */
export async function statForReading(filePath: string): Promise<number> {
  let size: number;
  try {
    const st = await fsp.stat(filePath);
    if (st.isDirectory()) throw fileError('file.notAFile', filePath);
    size = st.size;
  } catch (e) {
    throw readFsError(e, filePath);
  }
  if (size === 0) throw fileError('file.empty', filePath);
  return size;
}

/** Reads up to n bytes from the start of a file. */
export async function readHead(filePath: string, n: number): Promise<Buffer> {
  try {
    const fh = await fsp.open(filePath, 'r');
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw readFsError(e, filePath);
  }
}

// Formula neutralisation. A string that a spreadsheet could take for a formula (= + - @, or a
// tab/CR, which some tools strip) gets a leading apostrophe on export. Strings that already start
// with apostrophes before such a character get one more, so that unneutralise is an exact inverse.
const NEEDS_QUOTE = /^'*[=+\-@\t\r]/;
const QUOTED = /^'+[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return NEEDS_QUOTE.test(text) ? `'${text}` : text;
}

export function unneutralise(text: string): string {
  return QUOTED.test(text) ? text.slice(1) : text;
}

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Trims trailing empty cells; returns null when the row holds no value at all. */
export function finishCells(cells: Cell[]): Cell[] | null {
  let end = cells.length;
  while (end > 0 && cells[end - 1].kind === 'empty') end--;
  if (end === 0) return null;
  if (end < cells.length) cells.length = end;
  return cells;
}
