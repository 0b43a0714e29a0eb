/**
 * SAX handlers for the two big parts of a workbook: the shared strings (collected into an array)
 * and a worksheet (turned into rows as the XML streams past).
 */
import { type Cell, type CellRange, type Row, EMPTY_CELL, finishCells } from './rows';
import { type StyleTable, decodeEscapes, numberText, refColumn, refRow, serialToText } from './xlsx-values';
import type { Attrs, XmlHandlers } from './zip-xml';

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

/** Collects <si> items: plain <t>, or rich-text runs <r><t>, never the phonetic <rPh> guides. */
export function sharedStringsHandlers(out: string[]): XmlHandlers {
  let inSi = false;
  let inT = false;
  let inRPh = false;
  let cur = '';
  return {
    open(name) {
      if (name === 'si') {
        inSi = true;
        cur = '';
      } else if (name === 't') inT = inSi && !inRPh;
      else if (name === 'rPh') inRPh = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inRPh = false;
      else if (name === 'si') {
        inSi = false;
        out.push(detach(decodeEscapes(cur)));
      }
    },
    text(t) {
      if (inT) cur += t;
    },
  };
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

/** Handlers for a worksheet: each finished <row> with a value goes to emit. */
export function sheetHandlers(ctx: SheetContext, emit: (row: Row) => void, merges: CellRange[]): XmlHandlers {
  const { sst, styles, date1904 } = ctx;
  let cells: Cell[] | null = null;
  let rowNumber = 0;
  let nextCol = 0;
  // The cell being read.
  let col = 0;
  let type = 'n';
  let style = 0;
  let value = '';
  let hasValue = false;
  let inline = '';
  let hasInline = false;
  let inV = false;
  let inIs = false;
  let inT = false;
  let inRPh = false;

  function numeric(v: string): Cell {
    const n = Number(v);
    if (v.trim() === '' || Number.isNaN(n)) return { kind: 'string', text: v };
    const kind = styles.kindOf(style);
    if (kind !== 'number') {
      const text = serialToText(n, kind, date1904);
      if (text !== null) return { kind: 'date', text, number: n };
    }
    return { kind: 'number', text: numberText(n, v), number: n };
  }

  function finishCell(): Cell {
    switch (type) {
      case 's': {
        if (!hasValue) return EMPTY_CELL;
        const text = sst[Number(value)];
        if (text === undefined) throw ctx.corrupt();
        return text === '' ? EMPTY_CELL : { kind: 'string', text };
      }
      case 'inlineStr': {
        const text = decodeEscapes(hasInline ? inline : value);
        return text === '' ? EMPTY_CELL : { kind: 'string', text };
      }
      case 'str': {
        const text = decodeEscapes(value);
        return text === '' ? EMPTY_CELL : { kind: 'string', text };
      }
      case 'b':
        if (!hasValue) return EMPTY_CELL;
        return { kind: 'boolean', text: value === '1' || value.toLowerCase() === 'true' ? 'TRUE' : 'FALSE' };
      case 'e':
        return { kind: 'error', text: value };
      case 'd': {
        // ISO 8601 date (strict OOXML); show the date part, and the time only when it has one.
        const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(value);
        if (!m) return value === '' ? EMPTY_CELL : { kind: 'string', text: value };
        return { kind: 'date', text: m[2] && m[2] !== '00:00:00' ? `${m[1]} ${m[2]}` : m[1] };
      }
      default:
        return hasValue && value !== '' ? numeric(value) : EMPTY_CELL;
    }
  }

  return {
    open(name: string, a: Attrs) {
      switch (name) {
        case 'c': {
          const r = a.r;
          const c = r ? refColumn(r) : -1;
          col = c >= 0 ? c : nextCol;
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          value = '';
          hasValue = false;
          inline = '';
          hasInline = false;
          break;
        }
        case 'v':
          inV = true;
          hasValue = true;
          break;
        case 'is':
          inIs = true;
          hasInline = true;
          break;
        case 't':
          inT = inIs && !inRPh;
          break;
        case 'rPh':
          inRPh = true;
          break;
        case 'row': {
          const r = a.r ? Number(a.r) : NaN;
          rowNumber = r > 0 ? r : rowNumber + 1;
          cells = [];
          nextCol = 0;
          break;
        }
        case 'mergeCell': {
          const range = a.ref ? mergeRange(a.ref) : null;
          if (range) merges.push(range);
          break;
        }
      }
    },
    close(name: string) {
      switch (name) {
        case 'v':
          inV = false;
          break;
        case 't':
          inT = false;
          break;
        case 'rPh':
          inRPh = false;
          break;
        case 'is':
          inIs = false;
          break;
        case 'c': {
          if (!cells || col >= MAX_COLUMNS) break;
          const cell = finishCell();
          if (cell.kind !== 'empty') {
            while (cells.length < col) cells.push(EMPTY_CELL);
            cells[col] = cell;
          }
          nextCol = col + 1;
          break;
        }
        case 'row': {
          const done = cells && finishCells(cells);
          if (done) emit({ rowNumber, cells: done });
          cells = null;
          break;
        }
      }
    },
    text(t: string) {
      if (inV) value += t;
      else if (inT) inline += t;
    },
  };
}
