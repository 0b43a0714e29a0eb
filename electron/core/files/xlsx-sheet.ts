/**
 * What the two big parts of a workbook mean: the shared strings (collected into an array) and a
 * worksheet (turned into rows as the XML streams past). The XML itself is read by the scanner in
 * sheet-scanner.ts, which hands on start tags, end tags and, where wanted, text.
 */
import { type Cell, type CellRange, type Row, EMPTY_CELL, finishCells } from './rows';
import { type StyleTable, decodeEscapes, numberText, refColumn, refRow, serialToText } from './xlsx-values';
import { E_C, E_IS, E_MERGE_CELL, E_ROW, E_RPH, E_SI, E_T, E_V, XmlScanner } from './sheet-scanner';

/** Excel's widest sheet: columns past XFD cannot exist. */
const MAX_COLUMNS = 16_384;

/**
 * A copy of a string that no longer points into the parser's chunk. V8 keeps a longer substring
 * as a view of the string it was cut from, so each kept text would pin a whole 64 KB chunk;
 * concatenating and slicing makes a flat copy of just the text (15 MB less for 650k strings).
 */
function detach(s: string): string {
  return s.length >= 13 ? ` ${s}`.slice(1) : s;
}

export interface SheetContext {
  sst: readonly string[];
  styles: StyleTable;
  date1904: boolean;
  /** Raised for a reference to a shared string that does not exist. */
  corrupt(): Error;
}

export function mergeRange(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  const firstCol = refColumn(a);
  const lastCol = refColumn(b);
  const firstRow = refRow(a);
  const lastRow = refRow(b);
  if (firstCol < 0 || lastCol < 0 || !(firstRow > 0) || !(lastRow > 0)) return null;
  return { ref, firstRow, lastRow, firstCol, lastCol };
}

// Cell types (the t attribute); anything else reads as a number, as Excel does.
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_B = 4;
const T_E = 5;
const T_D = 6;

function typeCode(s: string, from: number, to: number): number {
  switch (to - from) {
    case 1:
      switch (s.charCodeAt(from)) {
        case 115:
          return T_S;
        case 98:
          return T_B;
        case 101:
          return T_E;
        case 100:
          return T_D;
        default:
          return T_N;
      }
    case 3:
      return s.charCodeAt(from) === 115 && s.charCodeAt(from + 1) === 116 && s.charCodeAt(from + 2) === 114 ? T_STR : T_N; // str
    case 9:
      return s.startsWith('inlineStr', from) ? T_INLINE : T_N;
    default:
      return T_N;
  }
}

/** Digits only (at most 15): their value; otherwise -1. */
function digitsValue(s: string, from: number, to: number): number {
  if (to === from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * A worksheet: each finished <row> with a value goes to emit, merged ranges to merges. The rules
 * are those of the saxes handlers it replaces, event for event.
 */
export class SheetScanner extends XmlScanner {
  private readonly sst: readonly string[];
  private cells: Cell[] | null = null;
  private rowNumber = 0;
  private nextCol = 0;
  // The cell being read.
  private col = 0;
  private type = T_N;
  private style = 0;
  private value = '';
  private hasValue = false;
  private inline = '';
  private hasInline = false;
  private inV = false;
  private inIs = false;
  private inT = false;
  private inRPh = false;

  constructor(
    private readonly ctx: SheetContext,
    private readonly emit: (row: Row) => void,
    private readonly merges: CellRange[],
  ) {
    super();
    this.sst = ctx.sst;
  }

  protected onOpen(code: number): void {
    switch (code) {
      case E_C:
        this.openCell();
        break;
      case E_V:
        this.inV = true;
        this.hasValue = true;
        this.capture = true;
        break;
      case E_IS:
        this.inIs = true;
        this.hasInline = true;
        break;
      case E_T:
        this.inT = this.inIs && !this.inRPh;
        this.capture = this.inV || this.inT;
        break;
      case E_RPH:
        this.inRPh = true;
        break;
      case E_ROW: {
        const k = this.findAttr('r');
        let r = NaN;
        if (k >= 0) {
          const d = this.attrDecoded[k] === undefined ? digitsValue(this.src, this.attrValueStart[k], this.attrValueEnd[k]) : -1;
          if (d >= 0) r = d;
          else {
            const v = this.attr(k);
            r = v ? Number(v) : NaN;
          }
        }
        this.rowNumber = r > 0 ? r : this.rowNumber + 1;
        this.cells = [];
        this.nextCol = 0;
        break;
      }
      case E_MERGE_CELL: {
        const k = this.findAttr('ref');
        const ref = k >= 0 ? this.attr(k) : '';
        const range = ref ? mergeRange(ref) : null;
        if (range) this.merges.push(range);
        break;
      }
    }
  }

  private openCell(): void {
    const s = this.src;
    let r = -1;
    let t = -1;
    let st = -1;
    for (let k = 0; k < this.nAttrs; k++) {
      const from = this.attrNameStart[k];
      if (this.attrNameEnd[k] - from !== 1) continue;
      switch (s.charCodeAt(from)) {
        case 114:
          r = k;
          break;
        case 116:
          t = k;
          break;
        case 115:
          st = k;
          break;
      }
    }
    // Column: the letters of r, else the one after the previous cell.
    let c = -1;
    if (r >= 0) {
      const dec = this.attrDecoded[r];
      if (dec !== undefined) c = dec ? refColumn(dec) : -1;
      else {
        const from = this.attrValueStart[r];
        const to = this.attrValueEnd[r];
        let col = 0;
        let i = from;
        for (; i < to; i++) {
          const ch = s.charCodeAt(i);
          if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
          else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
          else break;
        }
        c = i === from ? -1 : col - 1;
      }
    }
    this.col = c >= 0 ? c : this.nextCol;
    if (t < 0) this.type = T_N;
    else {
      const dec = this.attrDecoded[t];
      this.type = dec !== undefined ? typeCode(dec, 0, dec.length) : typeCode(s, this.attrValueStart[t], this.attrValueEnd[t]);
    }
    if (st < 0) this.style = 0;
    else {
      const d = this.attrDecoded[st] === undefined ? digitsValue(s, this.attrValueStart[st], this.attrValueEnd[st]) : -1;
      if (d >= 0) this.style = d;
      else {
        const v = this.attr(st);
        this.style = v ? Number(v) : 0;
      }
    }
    this.value = '';
    this.hasValue = false;
    this.inline = '';
    this.hasInline = false;
  }

  protected onClose(code: number): void {
    switch (code) {
      case E_V:
        this.inV = false;
        this.capture = this.inT;
        break;
      case E_T:
        this.inT = false;
        this.capture = this.inV;
        break;
      case E_RPH:
        this.inRPh = false;
        break;
      case E_IS:
        this.inIs = false;
        break;
      case E_C: {
        const cells = this.cells;
        const col = this.col;
        if (!cells || col >= MAX_COLUMNS) break;
        const cell = this.finishCell();
        if (cell.kind !== 'empty') {
          while (cells.length < col) cells.push(EMPTY_CELL);
          cells[col] = cell;
        }
        this.nextCol = col + 1;
        break;
      }
      case E_ROW: {
        const done = this.cells && finishCells(this.cells);
        if (done) this.emit({ rowNumber: this.rowNumber, cells: done });
        this.cells = null;
        break;
      }
    }
  }

  protected onText(text: string): void {
    if (this.inV) this.value += text;
    else if (this.inT) this.inline += text;
  }

  private numeric(v: string): Cell {
    const n = Number(v);
    if (v.trim() === '' || Number.isNaN(n)) return { kind: 'string', text: v };
    const kind = this.ctx.styles.kindOf(this.style);
    if (kind !== 'number') {
      const text = serialToText(n, kind, this.ctx.date1904);
      if (text !== null) return { kind: 'date', text, number: n };
    }
    return { kind: 'number', text: numberText(n, v), number: n };
  }

  private finishCell(): Cell {
    const value = this.value;
    switch (this.type) {
      case T_S: {
        if (!this.hasValue) return EMPTY_CELL;
        const text = this.sst[Number(value)];
        if (text === undefined) throw this.ctx.corrupt();
        return text === '' ? EMPTY_CELL : { kind: 'string', text };
      }
      case T_INLINE: {
        const text = decodeEscapes(this.hasInline ? this.inline : value);
        return text === '' ? EMPTY_CELL : { kind: 'string', text };
      }
      case T_STR: {
        const text = decodeEscapes(value);
        return text === '' ? EMPTY_CELL : { kind: 'string', text };
      }
      case T_B:
        if (!this.hasValue) return EMPTY_CELL;
        return { kind: 'boolean', text: value === '1' || value.toLowerCase() === 'true' ? 'TRUE' : 'FALSE' };
      case T_E:
        return { kind: 'error', text: value };
      case T_D: {
        // ISO 8601 date (strict OOXML); show the date part, and the time only when it has one.
        const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(value);
        if (!m) return value === '' ? EMPTY_CELL : { kind: 'string', text: value };
        return { kind: 'date', text: m[2] && m[2] !== '00:00:00' ? `${m[1]} ${m[2]}` : m[1] };
      }
      default:
        return this.hasValue && value !== '' ? this.numeric(value) : EMPTY_CELL;
    }
  }
}

/** The shared strings: each <si>'s plain <t>, or its rich-text runs <r><t>, never the phonetic <rPh> guides. */
export class SharedStringsScanner extends XmlScanner {
  private inSi = false;
  private inRPh = false;
  private cur = '';

  constructor(private readonly out: string[]) {
    super();
  }

  protected onOpen(code: number): void {
    if (code === E_SI) {
      this.inSi = true;
      this.cur = '';
    } else if (code === E_T) this.capture = this.inSi && !this.inRPh; // capture: in a <t> that counts
    else if (code === E_RPH) this.inRPh = true;
  }

  protected onClose(code: number): void {
    if (code === E_T) this.capture = false;
    else if (code === E_RPH) this.inRPh = false;
    else if (code === E_SI) {
      this.inSi = false;
      this.out.push(detach(decodeEscapes(this.cur)));
    }
  }

  protected onText(text: string): void {
    this.cur += text;
  }
}
