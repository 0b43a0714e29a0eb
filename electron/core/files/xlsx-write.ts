/**
 * xlsx export on exceljs's streaming WorkbookWriter. Strings are written as strings (a string
 * that looks like a formula gets a leading apostrophe, see neutralise), numbers as numbers. The
 * workbook is written through writeStreamAtomic (atomic-write.ts), so a failure never leaves half
 * a file under the chosen name, nor a temporary file.
 */
import type { WriteStream } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import { writeStreamAtomic } from './atomic-write';
import { columnLetters, neutralise } from './rows';
import { encodeEscapes } from './xlsx-values';

export type CellValue = string | number | boolean | Date | null | undefined;
export type Cells = readonly CellValue[];

export interface SheetSpec {
  name: string;
  columns: { header: string; width?: number }[];
  rows: Iterable<Cells> | AsyncIterable<Cells>;
  /** ARGB of the header row's fill; a light blue by default. */
  headerFill?: string;
  /** Freeze the header row (default true). */
  frozenHeader?: boolean;
}

export interface WriteXlsxOptions {
  signal?: AbortSignal;
  /** Called every 1,000 data rows and at the end of each sheet, with the rows written so far. */
  onProgress?(rowsWritten: number): void;
  /** Shared strings (a table of distinct texts) instead of inline strings: smaller only when values
   *  repeat a lot, and exceljs holds the table in memory (for a 95k × 27 roster 356 MB peak and
   *  7.6 s, against 136 MB and 4 s inline). Off by default. */
  sharedStrings?: boolean;
}

/** Excel's limits: rows per sheet, characters per cell. */
export const MAX_ROWS = 1_048_576;
export const MAX_CELL_CHARS = 32_767;
const DEFAULT_WIDTH = 12;
const DEFAULT_FILL = 'FFDDEBF7';
const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd' };
const DATETIME_STYLE: Partial<ExcelJS.Style> = { numFmt: 'yyyy-mm-dd hh:mm:ss' };

function writeError(key: string, file: string, params: Record<string, string | number> = {}) {
  return new AppError('VALIDATION', key, { name: path.basename(file), folder: path.dirname(path.resolve(file)), ...params });
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique regardless of case. */
function sheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31).trim() || `Sheet${i + 1}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}_${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A Date as an Excel serial of its local calendar date and time (what the user saw). */
function dateSerial(d: Date): number {
  const utc = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds());
  return utc / 86_400_000 + 25_569;
}

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Backpressure for exceljs's streaming writer, which has none of its own. A worksheet writes its
 * XML into a StreamBuf (exceljs/lib/utils/stream-buf.js) that hands each 64 KB chunk to the
 * PassThrough archiver made for the zip entry, ignoring write()'s "false"; that PassThrough feeds
 * the deflater, which only moves a chunk per turn of the event loop. Left alone, nearly the whole
 * uncompressed sheet piled up in the PassThrough (1 GB of buffers for 983,000 rows × 27 columns).
 * So the row loop yields every few rows (the deflater works in the thread pool meanwhile), and
 * when more than FLOW_HIGH bytes wait in front of the deflater it waits for them to drain (the
 * zip's output to the file stream is a plain pipe and already waits for the disk).
 */
const FLOW_EVERY_ROWS = 32;
const FLOW_HIGH = 4 * 1024 * 1024;

interface EntryPipe {
  writableLength?: number;
  _writableState?: { length: number };
  once(event: 'drain', listener: () => void): unknown;
  removeListener(event: 'drain', listener: () => void): unknown;
}

/** The stream a worksheet's StreamBuf writes into (archiver's PassThrough for the zip entry), if
 *  exceljs is still built the way this code expects; otherwise undefined (no waiting). */
function entryPipe(ws: unknown): EntryPipe | undefined {
  const pipe = (ws as { stream?: { pipes?: unknown[] } }).stream?.pipes?.[0] as EntryPipe | undefined;
  if (!pipe || typeof pipe.once !== 'function' || typeof pipe.removeListener !== 'function') return undefined;
  return buffered(pipe) === undefined ? undefined : pipe;
}

function buffered(pipe: EntryPipe): number | undefined {
  const n = pipe.writableLength ?? pipe._writableState?.length;
  return typeof n === 'number' ? n : undefined;
}

/** Resolves on the pipe's 'drain', rejects with the reason when `stop` aborts first. */
function drained(pipe: EntryPipe, stop: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (stop.aborted) return reject(stop.reason);
    const done = () => {
      stop.removeEventListener('abort', aborted);
      resolve();
    };
    const aborted = () => {
      pipe.removeListener('drain', done);
      reject(stop.reason);
    };
    pipe.once('drain', done);
    stop.addEventListener('abort', aborted, { once: true });
  });
}

export async function writeXlsx(file: string, sheets: SheetSpec[], opts: WriteXlsxOptions = {}): Promise<{ rows: number }> {
  // A failure of the file stream (disk full, removed drive) ends the write with that error at
  // once, and stops the row loop, which would otherwise go on filling exceljs's buffers.
  const rows = await writeStreamAtomic(file, (w) => writeBook(w.stream, file, sheets, opts, w.failed), opts.signal);
  return { rows };
}

async function writeBook(stream: WriteStream, file: string, sheets: SheetSpec[], opts: WriteXlsxOptions, halt: AbortSignal): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: opts.sharedStrings ?? false });
  // A waiting row loop must not outlive a failure: the file stream's (halt), the caller's abort,
  // or the zip's own error (which exceljs only listens for in commit()).
  const zipFailed = new AbortController();
  (wb as unknown as { zip?: { on?(event: 'error', listener: (err: unknown) => void): unknown } }).zip?.on?.('error', (err) => zipFailed.abort(err));
  const stop = AbortSignal.any([halt, zipFailed.signal, ...(opts.signal ? [opts.signal] : [])]);
  const names = sheetNames(sheets.map((s) => s.name));
  let total = 0;
  for (const [si, spec] of sheets.entries()) {
    const ws = wb.addWorksheet(names[si], {
      views: spec.frozenHeader === false ? [] : [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    });
    ws.columns = spec.columns.map((c) => ({ width: c.width ?? DEFAULT_WIDTH }));
    const header = ws.addRow(spec.columns.map((c) => encodeEscapes(c.header)));
    header.eachCell((cell) => {
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: spec.headerFill ?? DEFAULT_FILL } };
      cell.alignment = { vertical: 'middle' };
    });
    header.commit();
    const pipe = entryPipe(ws);
    let rowNo = 1;
    for await (const values of spec.rows) {
      if (halt.aborted) throw halt.reason;
      rowNo++;
      if (rowNo > MAX_ROWS) throw writeError('file.tooManyRows', file, { sheet: names[si], max: MAX_ROWS - 1 });
      const cells: (string | number | boolean | null)[] = new Array(values.length);
      for (let col = 0; col < values.length; col++) {
        const c = cellValue(values[col]);
        if (c === TOO_LONG) throw writeError('file.cellTooLong', file, { sheet: names[si], row: rowNo, column: columnLetters(col), max: MAX_CELL_CHARS });
        cells[col] = c;
      }
      const row = ws.addRow(cells);
      // One shared style object per kind of cell: exceljs caches a style by object, and works
      // each new object out from scratch (which made up a third of the writing time).
      for (let col = 0; col < values.length; col++) {
        const v = values[col];
        row.getCell(col + 1).style = v instanceof Date ? (v.getHours() + v.getMinutes() + v.getSeconds() > 0 ? DATETIME_STYLE : DATE_STYLE) : PLAIN_STYLE;
      }
      row.commit();
      total++;
      if (total % 1000 === 0) {
        opts.signal?.throwIfAborted();
        opts.onProgress?.(total);
      }
      if (pipe) {
        if (total % FLOW_EVERY_ROWS === 0) {
          if (buffered(pipe)! > FLOW_HIGH) await drained(pipe, stop);
          else await yieldToIo(); // lets the deflater take the next chunk
          if (stop.aborted) throw stop.reason;
        }
      } else if (total % 1000 === 0) {
        await yieldToIo();
      }
    }
    ws.commit();
    opts.onProgress?.(total);
  }
  opts.signal?.throwIfAborted();
  await wb.commit();
  return total;
}

const TOO_LONG = Symbol('too long');

function cellValue(v: CellValue): string | number | boolean | null | typeof TOO_LONG {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    if (v === '') return null;
    const text = neutralise(v);
    if (text.length > MAX_CELL_CHARS) return TOO_LONG;
    return encodeEscapes(text);
  }
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : dateSerial(v);
  return null;
}
