/**
 * One sheet row → canonical values of its person and household fields, with the findings of
 * the row's own checks (ID number, money, months, years, code lists).
 */
import { blankValues, FIELD, type FieldKey } from '../../../shared/roster/layout';
import { cleanCode, cleanText, parseCount, parseMonths, parseYear, parseYesNo, parseYuanToFen, type Parsed } from '../../../shared/roster/values';
import { parseIdNumber } from '../../../shared/rules/id-number';
import { formatMessage } from '../../../shared/i18n/messages';
import type { Issue, SheetCell, Values } from './import-types';
import { unneutralise } from '../files/rows';

export interface RowRecord {
  row: number;
  householdNumber: string;
  values: Values;
  idNumber: string;
  birthDate: string;
  gender: string;
  statedSize: number | null;
  hasError: boolean;
}

/** A cell's text, with an export's formula neutralisation undone. */
function cellText(c: SheetCell | undefined): string {
  return c ? unneutralise(c.text ?? '') : '';
}

/**
 * A copy of a string that does not point into the parser's text chunks: V8 keeps a substring as a
 * view of its parent, so holding one 18-character ID would keep a whole 64 KB chunk alive.
 */
function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * One string per distinct value for the columns that repeat (township, village, codes, years):
 * a county's 100,000 rows then hold a few thousand strings instead of millions.
 */
const interned = new Map<string, string>();
function intern(s: string): string {
  const known = interned.get(s);
  if (known !== undefined) return known;
  if (interned.size > 200_000) interned.clear();
  const mine = own(s);
  interned.set(mine, mine);
  return mine;
}
const UNIQUE_FIELDS: ReadonlySet<FieldKey> = new Set(['name', 'idNumber', 'personNumber', 'personPhone', 'householdNumber', 'phone']);

const TEXT_FIELDS: FieldKey[] = ['township', 'village', 'group', 'name'];
const CODE_FIELDS: FieldKey[] = ['householdNumber', 'personNumber', 'phone', 'personPhone'];

export function issue(row: number, field: FieldKey | undefined, severity: Issue['severity'], rule: string, key: string, params?: Record<string, string | number>): Issue {
  return { row, field, column: field ? FIELD[field].header : undefined, severity, rule, key, params, message: formatMessage(key, params) };
}

export function readRow(
  rowNumber: number,
  cells: SheetCell[],
  columns: Map<FieldKey, number>,
  codes: Map<string, Set<string>>,
  today: Date,
  issues: Issue[],
): RowRecord | null {
  const raw = (f: FieldKey) => cellText(cells[columns.get(f) ?? -1]);
  let empty = true;
  for (const [, i] of columns) if (cellText(cells[i]).trim() !== '') empty = false;
  if (empty) return null;

  const values: Values = blankValues();
  let hasError = false;
  const add = (f: FieldKey, sev: Issue['severity'], rule: string, key: string, params?: Record<string, string | number>) => {
    issues.push(issue(rowNumber, f, sev, rule, key, params));
    if (sev === 'error') hasError = true;
  };
  const take = <T>(f: FieldKey, p: Parsed<T>, rule: string, show: (v: T) => string) => {
    if (p.ok) values[f] = intern(show(p.value));
    else add(f, 'error', rule, p.key, p.params);
  };
  const str = (v: number | string | null) => (v === null ? '' : String(v));

  for (const [f] of columns) {
    const v = raw(f);
    if (TEXT_FIELDS.includes(f)) values[f] = UNIQUE_FIELDS.has(f) ? own(cleanText(v)) : intern(cleanText(v));
    else if (CODE_FIELDS.includes(f)) values[f] = own(cleanCode(v));
    else if (f === 'income') take(f, parseYuanToFen(v), 'MONEY', str);
    else if (f === 'workMonths') take(f, parseMonths(v), 'MONTHS', str);
    else if (f === 'exitYear' || f === 'identifiedYear') {
      const c = cells[columns.get(f)!];
      take(f, parseYear(v, c?.kind === 'number' ? c.number : undefined), 'YEAR', str);
    } else if (f === 'insured' || f === 'dangerousHouse' || f === 'waterSafe' || f === 'waterDifficult') take(f, parseYesNo(v), 'YES_NO', (x) => x);
    else if (FIELD[f].list) {
      const code = intern(cleanCode(v));
      values[f] = code;
      const known = codes.get(FIELD[f].list!);
      if (code !== '' && known && !known.has(code)) add(f, 'warning', 'UNKNOWN_CODE', 'roster.row.unknownCode', { field: FIELD[f].header, value: v });
    }
  }
  for (const f of ['householdNumber', 'name', 'idNumber', 'relation', 'township', 'village'] as FieldKey[]) {
    if (columns.has(f) && raw(f).trim() === '') add(f, 'error', 'REQUIRED', 'roster.row.required', { field: FIELD[f].header });
  }

  // ID number: full-width digits, spaces and a lower-case x are normalised; 15 digits upgraded.
  let idNumber = '';
  let birthDate = '';
  let gender = '';
  const idCell = cells[columns.get('idNumber') ?? -1];
  const idRaw = raw('idNumber');
  if (idRaw.trim() !== '') {
    if (idCell?.kind === 'number' && (idCell.number ?? 0) > 1e15) {
      add('idNumber', 'error', 'ID_NUMERIC', 'roster.row.idNumeric', { value: idRaw });
    } else {
      const parsed = parseIdNumber(idRaw, today);
      if (!parsed.ok) add('idNumber', 'error', 'ID_INVALID', `id.${parsed.problem}`);
      else {
        idNumber = own(parsed.info.value);
        birthDate = parsed.info.birthDate;
        gender = parsed.info.gender;
        if (parsed.info.upgraded) add('idNumber', 'warning', 'ID_UPGRADED', 'roster.row.idUpgraded', { value: idNumber });
      }
    }
  }
  values.idNumber = idNumber;

  let statedSize: number | null = null;
  if (columns.has('size')) {
    const p = parseCount(raw('size'));
    if (p.ok) statedSize = p.value;
    else add('size', 'warning', 'COUNT', p.key, p.params);
  }
  return { row: rowNumber, householdNumber: values.householdNumber ?? '', values, idNumber, birthDate, gender, statedSize, hasError };
}
