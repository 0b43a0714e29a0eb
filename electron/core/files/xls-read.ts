/**
 * Reader of Excel 97–2003 workbooks (.xls, BIFF8) of its own (no SheetJS): the compound file is
 * opened by xls-cfb.ts, the "Workbook" stream's records are read here. Yields the same rows and
 * cells as the xlsx reader: strings, numbers with the text Excel shows for a General cell (so an
 * ID typed as a number is still a number cell), dates by the cell's number format, booleans and
 * errors. The whole file is held in memory (an .xls is at most 65,536 rows), capped in size.
 *
 * Guarded against crafted files: every read is bounds-checked, chains are cycle-checked, sizes
 * are capped; a bad file gives file.corrupt (or a more precise file.* error), never a crash.
 */
import { promises as fsp } from 'node:fs';
import { type CellRange, type Cell, EMPTY_CELL, type ReadOptions, type Row, type SheetInfo, type SheetRows, type TableFile, columnLetters, fileError, finishCells, readFsError, statForReading } from './rows';
import { CfbError, openCfb } from './xls-cfb';
import { StyleTable, numberText, serialToText } from './xlsx-values';

export interface XlsLimits {
  /** Largest .xls file read. */
  fileBytes: number;
  /** Largest number of shared strings kept. */
  sharedStrings: number;
}

export const XLS_LIMITS: XlsLimits = { fileBytes: 256 * 1024 * 1024, sharedStrings: 2_000_000 };

export interface OpenXlsOptions {
  xlsLimits?: Partial<XlsLimits>;
}

export interface XlsBook extends TableFile {
  format: 'xls';
  date1904: boolean;
  /** The CODEPAGE record (1200 = UTF-16); BIFF8 strings do not depend on it. */
  codepage: number;
}

// Record types.
const BOF = 0x0809;
const EOF = 0x000a;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const CONTINUE = 0x003c;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const RK = 0x027e;
const MULRK = 0x00bd;
const NUMBER = 0x0203;
const FORMULA = 0x0006;
const STRING = 0x0207;
const BOOLERR = 0x0205;
const FORMAT = 0x041e;
const XF = 0x00e0;
const CODEPAGE = 0x0042;
const DATEMODE = 0x0022;
const FILEPASS = 0x002f;
const MERGECELLS = 0x00e5;
const BLANK = 0x0201;
const MULBLANK = 0x00be;
const CELL_RECORDS = new Set([LABELSST, LABEL, RSTRING, RK, MULRK, NUMBER, FORMULA, BOOLERR, BLANK, MULBLANK]);

const MAX_COLUMNS = 256; // BIFF8: IV
const MAX_ROWS = 65_536;

const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A' };

class Corrupt extends Error {}
const bad = (): never => {
  throw new Corrupt('xls: corrupt');
};

/** One record: its type and data, and the data of the CONTINUE records after it. */
interface Rec {
  type: number;
  data: Buffer;
  /** Offset of the record in the stream. */
  at: number;
}

/** Reads records from the stream starting at an offset; the CONTINUE records are gathered by the caller. */
function* records(stream: Buffer, start: number): Generator<Rec> {
  let at = start;
  while (at + 4 <= stream.length) {
    const type = stream.readUInt16LE(at);
    const len = stream.readUInt16LE(at + 2);
    if (at + 4 + len > stream.length) bad();
    yield { type, data: stream.subarray(at + 4, at + 4 + len), at };
    at += 4 + len;
  }
}

/**
 * A cursor over a record and its CONTINUE records. A string's characters may run over into a
 * CONTINUE, which then starts with a fresh option byte saying whether the rest is 8- or 16-bit;
 * any other field that crosses just goes on in the next segment.
 */
class Segments {
  private seg = 0;
  private pos = 0;
  constructor(private readonly parts: Buffer[]) {}

  private cur(): Buffer {
    while (this.seg < this.parts.length && this.pos >= this.parts[this.seg].length) {
      this.seg++;
      this.pos = 0;
    }
    if (this.seg >= this.parts.length) bad();
    return this.parts[this.seg];
  }

  atEnd(): boolean {
    while (this.seg < this.parts.length && this.pos >= this.parts[this.seg].length) {
      this.seg++;
      this.pos = 0;
    }
    return this.seg >= this.parts.length;
  }

  u8(): number {
    const b = this.cur();
    return b[this.pos++];
  }

  u16(): number {
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return (this.u16() + this.u16() * 0x10000) >>> 0;
  }

  skip(n: number): void {
    while (n > 0) {
      const b = this.cur();
      const take = Math.min(n, b.length - this.pos);
      this.pos += take;
      n -= take;
    }
  }

  /** n characters, 16-bit when high; a CONTINUE in the middle brings its own option byte. */
  chars(n: number, high: boolean): string {
    let out = '';
    while (n > 0) {
      const b = this.parts[this.seg];
      if (!b || this.pos >= b.length) {
        // The characters go on in the next segment, which starts with an option byte.
        this.seg++;
        this.pos = 0;
        const next = this.parts[this.seg];
        if (!next || next.length === 0) bad();
        high = (next[this.pos++] & 1) === 1;
        continue;
      }
      const width = high ? 2 : 1;
      const take = Math.min(n, Math.floor((b.length - this.pos) / width));
      if (take === 0) bad(); // half a 16-bit character
      out += b.toString(high ? 'utf16le' : 'latin1', this.pos, this.pos + take * width);
      this.pos += take * width;
      n -= take;
    }
    return out;
  }

  /** An XLUnicodeRichExtendedString (SST entries): rich-text runs and phonetic data are skipped. */
  richString(): string {
    const cch = this.u16();
    const grbit = this.u8();
    const runs = grbit & 0x08 ? this.u16() : 0;
    const ext = grbit & 0x04 ? this.u32() : 0;
    const s = this.chars(cch, (grbit & 1) === 1);
    this.skip(runs * 4);
    this.skip(ext);
    return s;
  }
}

/** XLUnicodeString at an offset of one buffer (LABEL, FORMAT, STRING); 8-bit length when short. */
function unicodeString(data: Buffer, off: number, shortLen = false): string {
  const parts = [data.subarray(off)];
  const s = new Segments(parts);
  const cch = shortLen ? s.u8() : s.u16();
  const grbit = s.u8();
  if (grbit & 0x08) s.u16();
  if (grbit & 0x04) s.u32();
  return s.chars(cch, (grbit & 1) === 1);
}

function rkValue(rk: number): number {
  let v: number;
  if (rk & 2) v = rk >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeUInt32LE((rk & 0xfffffffc) >>> 0, 4);
    v = b.readDoubleLE(0);
  }
  return rk & 1 ? v / 100 : v;
}

interface Globals {
  sheets: (SheetInfo & { offset: number })[];
  sst: string[];
  styles: StyleTable;
  date1904: boolean;
  codepage: number;
}

function readGlobals(stream: Buffer, limits: XlsLimits): Globals | 'encrypted' | 'old' {
  const it = records(stream, 0);
  const first = it.next();
  if (first.done || first.value.type !== BOF || first.value.data.length < 4) {
    // BIFF2–4 BOFs have other types.
    if (!first.done && (first.value.type === 0x0009 || first.value.type === 0x0209 || first.value.type === 0x0409)) return 'old';
    bad();
  }
  const f = first.value as Rec;
  if (f.data.readUInt16LE(0) !== 0x0600) return 'old';
  const out: Globals = { sheets: [], sst: [], styles: new StyleTable(), date1904: false, codepage: 1200 };
  let sstParts: Buffer[] | null = null;
  let sstCount = 0;
  const finishSst = () => {
    if (!sstParts) return;
    const s = new Segments(sstParts);
    const n = Math.min(sstCount, limits.sharedStrings);
    for (let i = 0; i < n && !s.atEnd(); i++) out.sst.push(s.richString());
    sstParts = null;
  };
  for (const r of it) {
    if (r.type === CONTINUE) {
      if (sstParts) sstParts.push(r.data);
      continue;
    }
    finishSst();
    const d = r.data;
    switch (r.type) {
      case FILEPASS:
        return 'encrypted';
      case BOUNDSHEET: {
        if (d.length < 8) bad();
        const offset = d.readUInt32LE(0);
        const state = d[4] & 3;
        const dt = d[5];
        const name = unicodeString(d, 6, true);
        if (dt === 0) out.sheets.push({ index: out.sheets.length, name, hidden: state !== 0, offset });
        break;
      }
      case SST:
        if (d.length < 8) bad();
        sstCount = d.readUInt32LE(4);
        sstParts = [d.subarray(8)];
        break;
      case FORMAT:
        if (d.length < 5) bad();
        out.styles.addNumFmt(d.readUInt16LE(0), unicodeString(d, 2));
        break;
      case XF:
        if (d.length < 4) bad();
        out.styles.addCellXf(d.readUInt16LE(2));
        break;
      case CODEPAGE:
        if (d.length >= 2) out.codepage = d.readUInt16LE(0);
        break;
      case DATEMODE:
        if (d.length >= 2) out.date1904 = d.readUInt16LE(0) === 1;
        break;
      case EOF:
        return out;
    }
  }
  finishSst();
  return out;
}

function isErrnoError(e: unknown): boolean {
  return typeof (e as NodeJS.ErrnoException)?.code === 'string';
}

export async function openXls(file: string, opts: OpenXlsOptions = {}): Promise<XlsBook> {
  const limits = { ...XLS_LIMITS, ...opts.xlsLimits };
  const size = await statForReading(file);
  if (size > limits.fileBytes) throw fileError('file.tooLarge', file);
  let buf: Buffer;
  try {
    buf = await fsp.readFile(file);
  } catch (e) {
    throw readFsError(e, file);
  }
  try {
    return parseXls(buf, file, limits);
  } catch (e) {
    if (e instanceof CfbError) throw fileError(e.reason === 'tooLarge' ? 'file.tooLarge' : 'file.corrupt', file);
    if (e instanceof Corrupt || e instanceof RangeError) throw fileError('file.corrupt', file);
    if (isErrnoError(e)) throw readFsError(e, file);
    throw e;
  }
}

function parseXls(buf: Buffer, file: string, limits: XlsLimits): XlsBook {
  const cfb = openCfb(buf);
  const stream = cfb.stream('Workbook', limits.fileBytes) ?? cfb.stream('Book', limits.fileBytes);
  if (!stream) {
    // An encrypted xlsx is a compound file with an EncryptedPackage stream.
    if (cfb.entries.some((e) => e.name === 'EncryptedPackage' || e.name === 'EncryptionInfo')) throw fileError('file.encrypted', file);
    throw fileError('file.notXls', file);
  }
  const read = readGlobals(stream, limits);
  if (read === 'encrypted') throw fileError('file.encrypted', file);
  if (read === 'old') throw fileError('file.xlsOld', file);
  const g: Globals = read;
  if (g.sheets.length === 0) throw fileError('file.noSheet', file);
  const sheets = g.sheets;

  function pick(sheet: number | string | undefined) {
    if (sheet === undefined) return sheets.find((x) => !x.hidden) ?? sheets[0];
    if (typeof sheet === 'number') {
      const s = sheets[sheet];
      if (!s) throw fileError('file.sheetIndex', file, { number: sheet + 1, count: sheets.length });
      return s;
    }
    const s = sheets.find((x) => x.name === sheet) ?? sheets.find((x) => x.name.trim().toLowerCase() === sheet.trim().toLowerCase());
    if (!s) throw fileError('file.sheetNotFound', file, { sheet });
    return s;
  }

  const numberCell = (n: number, xf: number): Cell => {
    if (!Number.isFinite(n)) return { kind: 'error', text: '#NUM!' };
    const kind = g.styles.kindOf(xf);
    if (kind !== 'number') {
      const text = serialToText(n, kind, g.date1904);
      if (text !== null) return { kind: 'date', text, number: n };
    }
    return { kind: 'number', text: numberText(n), number: n };
  };

  /** The cells of one sheet, gathered by row (records come in row blocks, in row order as a rule). */
  /**
   * Whether the sheet's cells come in row order (as Excel and LibreOffice write them): then a
   * row is complete once a cell of a later row comes, and rows can be handed on as they end.
   */
  function cellsInRowOrder(offset: number): boolean {
    let last = -1;
    for (const rec of records(stream!, offset)) {
      if (rec.type === EOF) break;
      if (CELL_RECORDS.has(rec.type) && rec.data.length >= 2) {
        const r = rec.data.readUInt16LE(0);
        if (r < last) return false;
        last = r;
      }
    }
    return true;
  }

  /** Rows in row order: handed on in batches as they end when the cells come in row order, else all at the end. */
  function* readSheet(offset: number, merges: CellRange[]): Generator<Row[]> {
    if (offset >= stream!.length) bad();
    const streaming = cellsInRowOrder(offset);
    let lastRow = -1;
    let rows = new Map<number, Cell[]>();
    const flush = (): Row[] => {
      const out: Row[] = [];
      for (const r of [...rows.keys()].sort((a, b) => a - b)) {
        const cells = finishCells(rows.get(r)!);
        if (cells) out.push({ rowNumber: r + 1, cells });
      }
      rows = new Map();
      return out;
    };
    const put = (r: number, c: number, cell: Cell) => {
      if (c >= MAX_COLUMNS || r >= MAX_ROWS) bad();
      if (cell.kind === 'empty') return;
      let cells = rows.get(r);
      if (!cells) rows.set(r, (cells = []));
      while (cells.length < c) cells.push(EMPTY_CELL);
      cells[c] = cell;
    };
    const it = records(stream!, offset);
    const first = it.next();
    if (first.done || first.value.type !== BOF) bad();
    let pendingString: { r: number; c: number } | null = null;
    let stringParts: Buffer[] | null = null;
    const finishString = () => {
      if (stringParts && pendingString) {
        const s = new Segments(stringParts);
        const cch = s.u16();
        const grbit = s.u8();
        const text = s.chars(cch, (grbit & 1) === 1);
        put(pendingString.r, pendingString.c, text === '' ? EMPTY_CELL : { kind: 'string', text });
      }
      stringParts = null;
      pendingString = null;
    };
    for (const rec of it) {
      const d = rec.data;
      if (rec.type === CONTINUE) {
        if (stringParts) stringParts.push(d);
        continue;
      }
      if (stringParts) finishString();
      if (rec.type !== STRING) pendingString = null;
      if (streaming && CELL_RECORDS.has(rec.type) && d.length >= 2) {
        const r = d.readUInt16LE(0);
        if (r > lastRow) {
          if (rows.size >= 256) yield flush();
          lastRow = r;
        }
      }
      switch (rec.type) {
        case LABELSST: {
          if (d.length < 10) bad();
          const i = d.readUInt32LE(6);
          const text = g.sst[i];
          if (text === undefined) bad();
          put(d.readUInt16LE(0), d.readUInt16LE(2), text === '' ? EMPTY_CELL : { kind: 'string', text });
          break;
        }
        case LABEL:
        case RSTRING: {
          if (d.length < 9) bad();
          const text = unicodeString(d, 6);
          put(d.readUInt16LE(0), d.readUInt16LE(2), text === '' ? EMPTY_CELL : { kind: 'string', text });
          break;
        }
        case NUMBER:
          if (d.length < 14) bad();
          put(d.readUInt16LE(0), d.readUInt16LE(2), numberCell(d.readDoubleLE(6), d.readUInt16LE(4)));
          break;
        case RK:
          if (d.length < 10) bad();
          put(d.readUInt16LE(0), d.readUInt16LE(2), numberCell(rkValue(d.readUInt32LE(6)), d.readUInt16LE(4)));
          break;
        case MULRK: {
          if (d.length < 6 || (d.length - 6) % 6 !== 0) bad();
          const r = d.readUInt16LE(0);
          const c0 = d.readUInt16LE(2);
          const n = (d.length - 6) / 6;
          if (d.readUInt16LE(d.length - 2) !== c0 + n - 1) bad();
          for (let k = 0; k < n; k++) put(r, c0 + k, numberCell(rkValue(d.readUInt32LE(4 + k * 6 + 2)), d.readUInt16LE(4 + k * 6)));
          break;
        }
        case FORMULA: {
          if (d.length < 20) bad();
          const r = d.readUInt16LE(0);
          const c = d.readUInt16LE(2);
          if (d.readUInt16LE(12) === 0xffff) {
            const t = d[6];
            if (t === 0) pendingString = { r, c };
            else if (t === 1) put(r, c, { kind: 'boolean', text: d[8] ? 'TRUE' : 'FALSE' });
            else if (t === 2) put(r, c, { kind: 'error', text: ERRORS[d[8]] ?? '#VALUE!' });
            // 3: an empty string
          } else put(r, c, numberCell(d.readDoubleLE(6), d.readUInt16LE(4)));
          break;
        }
        case STRING:
          if (pendingString) stringParts = [d];
          break;
        case BOOLERR: {
          if (d.length < 8) bad();
          const v = d[6];
          put(d.readUInt16LE(0), d.readUInt16LE(2), d[7] ? { kind: 'error', text: ERRORS[v] ?? '#VALUE!' } : { kind: 'boolean', text: v ? 'TRUE' : 'FALSE' });
          break;
        }
        case MERGECELLS: {
          if (d.length < 2) bad();
          const n = d.readUInt16LE(0);
          if (d.length < 2 + n * 8) bad();
          for (let k = 0; k < n; k++) {
            const o = 2 + k * 8;
            const firstRow = d.readUInt16LE(o) + 1;
            const lastRow = d.readUInt16LE(o + 2) + 1;
            const firstCol = d.readUInt16LE(o + 4);
            const lastCol = d.readUInt16LE(o + 6);
            merges.push({ ref: `${columnLetters(firstCol)}${firstRow}:${columnLetters(lastCol)}${lastRow}`, firstRow, lastRow, firstCol, lastCol });
          }
          break;
        }
        case BOF:
          bad(); // a sheet inside a sheet: this reader does not follow embedded charts
          break;
        case EOF:
          finishString();
          yield flush();
          return;
      }
    }
    finishString();
    yield flush();
  }

  async function* streamRows(offset: number, opts: ReadOptions, merges: CellRange[]): AsyncGenerator<Row> {
    opts.signal?.throwIfAborted();
    const blocks = readSheet(offset, merges);
    let k = 0;
    for (;;) {
      let next: IteratorResult<Row[]>;
      try {
        next = blocks.next();
      } catch (e) {
        if (e instanceof Corrupt || e instanceof RangeError) throw fileError('file.corrupt', file);
        throw e;
      }
      if (next.done) break;
      yield* next.value;
      k += next.value.length;
      if (k >= 2000) {
        k = 0;
        opts.signal?.throwIfAborted();
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    opts.onProgress?.(stream!.length, stream!.length);
  }

  return {
    format: 'xls',
    date1904: g.date1904,
    codepage: g.codepage,
    sheets: sheets.map(({ index, name, hidden }) => ({ index, name, hidden })),
    rows(sheet, opts = {}): SheetRows {
      const chosen = pick(sheet);
      const mergedCells: CellRange[] = [];
      return { mergedCells, [Symbol.asyncIterator]: () => streamRows(chosen.offset, opts, mergedCells) };
    },
    async close() {},
  };
}
