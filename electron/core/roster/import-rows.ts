/**
 * One sheet row → canonical values of its person and household fields (appended to the row
 * store), with the findings of the row's own checks (ID number, money, months, years, code lists).
 */
import { FIELD, type FieldKey } from '../../../shared/roster/layout';
import { cleanCode, cleanText, parseCount, parseMonths, parseYear, parseYesNo, parseYuanToFen, type Parsed } from '../../../shared/roster/values';
import { parseIdNumber } from '../../../shared/rules/id-number';
import type { RowStore, Severity, SheetCell } from './import-types';
import { idRule, type ImportReport, type Params } from './import-report';
import { unneutralise } from '../files/rows';

/** A cell's text, with an export's formula neutralisation (a leading apostrophe) undone. */
function cellText(c: SheetCell | undefined): string {
  if (!c) return '';
  const t = c.text ?? '';
  return t.charCodeAt(0) === 39 ? unneutralise(t) : t;
}

/** Only characters up to U+00FF: such a string can be held at one byte a character. */
const LATIN1 = /^[\u0000-\u00ff]*$/;

/**
 * A copy of a string that does not point into the parser's text chunks: V8 keeps a substring as a
 * view of its parent, so holding one 18-character ID would keep a whole 64 KB chunk alive.
 * A chunk holding any Chinese is two bytes a character, and so is a copy made by slicing it: an
 * ID number or 人编号 (digits, X) is built afresh from its character codes instead, one byte a character
 * (an ID with its slot 66 → 49 bytes: ≈3.5 MB less held until the commit for 100k persons).
 */
function own(s: string): string {
  if (s.length < 13) return s; // V8 copies short substrings anyway
  if (LATIN1.test(s)) {
    const codes = new Array<number>(s.length);
    for (let i = 0; i < s.length; i++) codes[i] = s.charCodeAt(i);
    return String.fromCharCode.apply(null, codes); // one byte a character when every code fits
  }
  // A concatenation, flattened by reading it: one fresh flat string (the garbage collector drops
  // the flattened concatenation's shell), where a slice would keep a second object alive.
  const copy = s[0] + s.slice(1);
  copy.charCodeAt(1);
  return copy;
}

// Fields with one value per person, kept as strings; the rest go into the store's dictionary
// (one string per distinct value: a county's 100,000 rows hold a few thousand strings).
const UNIQUE_FIELDS: ReadonlySet<FieldKey> = new Set(['name', 'idNumber', 'personNumber', 'personPhone', 'phone']);

const TEXT_FIELDS: FieldKey[] = ['township', 'village', 'group', 'name'];
const CODE_FIELDS: FieldKey[] = ['householdNumber', 'personNumber', 'phone', 'personPhone'];
const YES_NO_FIELDS: FieldKey[] = ['insured', 'dangerousHouse', 'waterSafe', 'waterDifficult'];
const REQUIRED: FieldKey[] = ['householdNumber', 'name', 'idNumber', 'relation', 'township', 'village'];

/** How a field's cell is read, decided once per import rather than once per cell. */
const enum Kind {
  Text,
  UniqueText,
  Code,
  UniqueCode,
  Money,
  Months,
  Year,
  YesNo,
  Listed,
  Other,
}
function kindOf(f: FieldKey): Kind {
  if (TEXT_FIELDS.includes(f)) return UNIQUE_FIELDS.has(f) ? Kind.UniqueText : Kind.Text;
  if (CODE_FIELDS.includes(f)) return UNIQUE_FIELDS.has(f) ? Kind.UniqueCode : Kind.Code;
  if (f === 'income') return Kind.Money;
  if (f === 'workMonths') return Kind.Months;
  if (f === 'exitYear' || f === 'identifiedYear') return Kind.Year;
  if (YES_NO_FIELDS.includes(f)) return Kind.YesNo;
  if (FIELD[f].list) return Kind.Listed;
  return Kind.Other;
}

/** A text amount read as a number ("3,200元", "3200 元"): anything but plain digits with an optional point. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** A long number as Excel shows it in scientific notation ("4.30522E+17"): the digits are gone. */
const SCIENTIFIC = /^\s*\d(\.\d+)?[eE]\+?\d+\s*$/;
/** A number cell or a scientific-notation text where a long identifier belongs (its last digits lost). */
function lostDigits(c: SheetCell | undefined, text: string): boolean {
  return (c?.kind === 'number' && Math.abs(c.number ?? 0) >= 1e15) || SCIENTIFIC.test(text);
}

const isText = (k: Kind, f: FieldKey) => k === Kind.UniqueText || k === Kind.UniqueCode || f === 'idNumber';

export function newRowStore(fields: FieldKey[]): RowStore {
  const capacity = 1024;
  return {
    fields,
    column: new Map(fields.map((f, k) => [f, k])),
    length: 0,
    texts: fields.map((f) => (isText(kindOf(f), f) ? [] : null)),
    codes: fields.map((f) => (isText(kindOf(f), f) ? null : new Int32Array(capacity))),
    dict: [''],
    dictIndex: new Map([['', 0]]),
    row: new Int32Array(capacity),
    statedSize: new Int32Array(capacity),
    errors: new Set(),
  };
}

/** Room for one more row: the typed arrays grow by half again when full. */
function reserve(store: RowStore): void {
  if (store.length < store.row.length) return;
  const grow = (a: Int32Array) => {
    const b = new Int32Array(Math.ceil(a.length * 1.5));
    b.set(a);
    return b;
  };
  store.row = grow(store.row);
  store.statedSize = grow(store.statedSize);
  store.codes = store.codes.map((c) => c && grow(c));
}

/**
 * Once every row is in: the typed arrays cut to the rows stored (they grew by half again each
 * time, so up to a third of them was room; the plan holds them until the commit).
 */
export function trimRowStore(store: RowStore): void {
  const n = store.length;
  if (n === store.row.length) return;
  store.row = store.row.slice(0, n);
  store.statedSize = store.statedSize.slice(0, n);
  store.codes = store.codes.map((c) => c && c.slice(0, n));
}

/** The dictionary index of a repeating value. */
function codeOf(store: RowStore, value: string): number {
  const known = store.dictIndex.get(value);
  if (known !== undefined) return known;
  const mine = own(value);
  store.dict.push(mine);
  store.dictIndex.set(mine, store.dict.length - 1);
  return store.dict.length - 1;
}

/** A reader of field f's stored values, its column found once ('' for every row when f is not mapped). */
export function fieldReader(store: RowStore, f: FieldKey): (i: number) => string {
  const k = store.column.get(f);
  return k === undefined ? () => '' : (i) => valueAt(store, k, i);
}

/** Field f of stored row i ('' when the field is not mapped). */
export function valueOf(store: RowStore, f: FieldKey, i: number): string {
  const k = store.column.get(f);
  return k === undefined ? '' : valueAt(store, k, i);
}

/** Field number k (of store.fields) of stored row i. */
export function valueAt(store: RowStore, k: number, i: number): string {
  const t = store.texts[k];
  return t ? t[i] : store.dict[store.codes[k]![i]];
}

/** Per import: each stored field's sheet column and kind. */
interface Layout {
  cols: number[];
  kinds: Kind[];
  required: number[];
  id: number;
  size: number;
  personNumber: number;
  /**
   * Per field, the last raw text read and what it gave: a household's rows repeat most cells.
   * Only texts read without an error are remembered. `lastCode` is the dictionary index times
   * two, plus one when the value is a code its list does not know (a warning on every row).
   */
  lastRaw: (string | undefined)[];
  lastCode: Int32Array;
  /** Per field: whether the same raw text always gives the same value (see REMEMBERED). */
  remembered: boolean[];
  /** Per field whose few values repeat across the county (codes, names of places): raw text → lastCode's form. */
  seen: (Map<string, number> | null)[];
}
const layouts = new WeakMap<RowStore, Layout>();
/** Distinct raw texts remembered per field; past this a field's texts are simply read each time. */
const SEEN_LIMIT = 5_000;
function layoutOf(store: RowStore, columns: Map<FieldKey, number>): Layout {
  let l = layouts.get(store);
  if (!l) {
    const k = (f: FieldKey) => store.column.get(f) ?? -1;
    const kinds = store.fields.map(kindOf);
    l = {
      cols: store.fields.map((f) => columns.get(f)!),
      kinds,
      required: REQUIRED.map(k).filter((x) => x >= 0),
      id: k('idNumber'),
      size: k('size'),
      personNumber: k('personNumber'),
      lastRaw: store.fields.map(() => undefined),
      lastCode: new Int32Array(store.fields.length),
      remembered: kinds.map((kind) => REMEMBERED.has(kind)),
      seen: kinds.map((kind) => (SEEN_KINDS.has(kind) ? new Map() : null)),
    };
    layouts.set(store, l);
  }
  return l;
}

/** Whether a field's value is the same for the same raw text (and so can be remembered). */
const REMEMBERED: ReadonlySet<Kind> = new Set([Kind.Text, Kind.Code, Kind.Money, Kind.Months, Kind.YesNo, Kind.Listed]);
/** Of those, the fields with few distinct texts county-wide, remembered beyond the last row (`seen`). */
const SEEN_KINDS: ReadonlySet<Kind> = new Set([Kind.Text, Kind.Months, Kind.YesNo, Kind.Listed]);

const scratch: string[] = [];
const cur = { row: 0, report: null as ImportReport | null, hasError: false, found: 0 };
/** Reports a finding of the row being read; `group` as in Finding (default: by message). */
function add(f: FieldKey, sev: Severity, rule: string, key: string, params?: Params, group?: string): void {
  cur.report!.add({ row: cur.row, field: f, severity: sev, rule, key, params, group });
  cur.found++;
  if (sev === 'error') cur.hasError = true;
}
/** The finding a remembered value repeats on every row that has it: an unknown code, or a text amount. */
function repeat(f: FieldKey, kind: Kind, v: string): void {
  if (kind === Kind.Money) add(f, 'info', 'MONEY_TEXT', 'roster.row.moneyText', { field: FIELD[f].header, value: v }, '');
  else add(f, 'warning', 'UNKNOWN_CODE', 'roster.row.unknownCode', { field: FIELD[f].header, value: v }, cleanCode(v));
}
/** A parsed value's canonical text; an unreadable one is reported and stored as '' (its row has an error and is never written). */
function take<T>(f: FieldKey, p: Parsed<T>, rule: string, show: (v: T) => string): string {
  if (p.ok) return show(p.value);
  add(f, 'error', rule, p.key, p.params);
  return '';
}
const str = (v: number | string | null) => (v === null ? '' : String(v));
const same = (x: string) => x;

/**
 * Reads one sheet row into the store and returns its index there, or -1 for a row without any
 * value (nothing stored). `columns` maps the store's fields, in the same order, to sheet columns.
 */
export function readRow(
  rowNumber: number,
  cells: SheetCell[],
  columns: Map<FieldKey, number>,
  codeLists: Map<string, Set<string>>,
  today: Date,
  report: ImportReport,
  store: RowStore,
): number {
  const { cols, kinds, required, id, size, personNumber, lastRaw, lastCode, remembered, seen } = layoutOf(store, columns);
  const fields = store.fields;
  const texts = scratch; // only used during this call
  texts.length = fields.length;
  let empty = true;
  for (let k = 0; k < fields.length; k++) {
    const t = cellText(cells[cols[k]]);
    texts[k] = t;
    if (empty && t.trim() !== '') empty = false;
  }
  if (empty) return -1;

  reserve(store);
  const index = store.length;
  // The row being read: what add() and take() report to (module state, not closures made per row).
  cur.row = rowNumber;
  cur.report = report;
  cur.hasError = false;

  for (let k = 0; k < fields.length; k++) {
    const f = fields[k];
    const v = texts[k];
    const kind = kinds[k];
    const codes = store.codes[k];
    // The same text as this field's last cell, or one seen before: the same value, with no
    // finding but a listed code's "not in the list" (reported on every row that has it).
    if (codes && remembered[k]) {
      const known = v === lastRaw[k] ? lastCode[k] : (seen[k]?.get(v) ?? -1);
      if (known >= 0) {
        codes[index] = known >> 1;
        if (known & 1) repeat(f, kind, v);
        lastRaw[k] = v;
        lastCode[k] = known;
        continue;
      }
    }
    let value = '';
    /** A finding to repeat on each row with the same text (see `repeat`). */
    let unknown = false;
    const foundBefore = cur.found;
    switch (kind) {
      case Kind.Text:
        value = cleanText(v);
        break;
      case Kind.UniqueText:
        value = own(cleanText(v));
        break;
      case Kind.Code:
        value = cleanCode(v);
        break;
      case Kind.UniqueCode:
        value = own(cleanCode(v));
        break;
      case Kind.Money: {
        value = take(f, parseYuanToFen(v), 'MONEY', str);
        if (value !== '' && !PLAIN_NUMBER.test(v.trim())) {
          repeat(f, kind, v);
          unknown = true;
        }
        break;
      }
      case Kind.Months:
        value = take(f, parseMonths(v), 'MONTHS', str);
        break;
      case Kind.Year: {
        const c = cells[cols[k]];
        value = take(f, parseYear(v, c?.kind === 'number' ? c.number : undefined), 'YEAR', str);
        break;
      }
      case Kind.YesNo:
        value = take(f, parseYesNo(v), 'YES_NO', same);
        break;
      case Kind.Listed: {
        value = cleanCode(v);
        const list = codeLists.get(FIELD[f].list!);
        if (value !== '' && list && !list.has(value)) {
          unknown = true;
          repeat(f, kind, v);
        }
        break;
      }
    }
    if (!codes) {
      store.texts[k]![index] = value;
      continue;
    }
    const code = codeOf(store, value);
    codes[index] = code;
    if (!remembered[k]) continue;
    if (cur.found === foundBefore || unknown) {
      const entry = code * 2 + (unknown ? 1 : 0);
      lastRaw[k] = v;
      lastCode[k] = entry;
      const known = seen[k];
      if (known && known.size < SEEN_LIMIT) known.set(own(v), entry);
    } else lastRaw[k] = undefined;
  }
  for (const k of required) {
    if (texts[k].trim() === '') add(fields[k], 'error', 'REQUIRED', 'roster.row.required', { field: FIELD[fields[k]].header });
  }

  // ID number: full-width digits, spaces and a lower-case x are normalised; 15 digits upgraded.
  let idNumber = '';
  if (id >= 0 && texts[id].trim() !== '') {
    const idRaw = texts[id];
    const idCell = cells[cols[id]];
    // Stored as a number, or shown in scientific notation: the last digits are lost (the value is masked in the message).
    if (lostDigits(idCell, idRaw)) {
      add('idNumber', 'error', 'ID_NUMERIC', 'roster.row.idNumeric', { value: idRaw.trim() }, '');
    } else {
      const parsed = parseIdNumber(idRaw, today);
      // Each problem is its own rule: an impossible birth date (ID_BIRTH) is not a wrong check digit (ID_CHECK).
      if (!parsed.ok) add('idNumber', 'error', idRule(parsed.problem), `id.${parsed.problem}`);
      else {
        idNumber = own(parsed.info.value);
        if (parsed.info.upgraded) add('idNumber', 'warning', 'ID_UPGRADED', 'roster.row.idUpgraded', { value: idNumber }, '');
      }
    }
    store.texts[id]![index] = idNumber;
  }

  // 人编号 is as long as an ID number: stored as a number it has lost digits the same way.
  if (personNumber >= 0 && lostDigits(cells[cols[personNumber]], texts[personNumber])) {
    add('personNumber', 'error', 'ID_NUMERIC', 'roster.row.numberNumeric', { field: FIELD.personNumber.header, value: texts[personNumber].trim() }, '');
  }

  let statedSize: number | null = null;
  if (size >= 0) {
    const p = parseCount(texts[size]);
    if (p.ok) statedSize = p.value;
    else add('size', 'warning', 'COUNT', p.key, p.params);
  }
  store.row[index] = rowNumber;
  store.statedSize[index] = statedSize ?? -1;
  store.length++;
  if (cur.hasError) store.errors.add(index);
  cur.report = null;
  return index;
}
