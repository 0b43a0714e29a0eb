/**
 * Turning spreadsheet cell text into roster values. Pure functions shared by the importer and
 * the forms; each failure is a message key (shared/i18n/messages-roster.ts) with parameters.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; key: string; params?: Record<string, string | number> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (key: string, params?: Record<string, string | number>): Parsed<never> => ({ ok: false, key, params });

const HAS_SPACE = /[\s\u3000]/;
const CODE_NOISE = /[\s\u3000（）]/;

/** Trimmed text with inner runs of white space made single (names keep their middle dot). */
export function cleanText(s: string): string {
  // Most cells have no white space at all: then there is nothing to collapse or trim.
  return HAS_SPACE.test(s) ? s.replace(/[\s\u3000]+/g, ' ').trim() : s;
}

/** A value from a code list as compared: half-width brackets, no spaces. */
export function cleanCode(s: string): string {
  if (!CODE_NOISE.test(s)) return s;
  return s
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')');
}

const FULLWIDTH_DIGITS = /[\uFF10-\uFF19\uFF0E\uFF0C]/g;
function halfWidth(s: string): string {
  return s.replace(FULLWIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** "3,200元", "3200.5", "￥3 200" → 分 (integer). Money is never a float. */
export function parseYuanToFen(raw: string): Parsed<number | null> {
  const s = halfWidth(raw).replace(/[\s,，元¥￥]/g, '');
  if (s === '') return ok(null);
  const m = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(s);
  if (!m) return fail('roster.value.money', { value: raw });
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(fen)) return fail('roster.value.money', { value: raw });
  return ok(m[1] ? -fen : fen);
}

/** 分 → "3200.50" style yuan text, exact (no float). */
export function fenToYuanText(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  const yuan = Math.floor(a / 100);
  const rest = a % 100;
  return rest === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${String(rest).padStart(2, '0')}`;
}

/** Work months: "6", "6个月", "6.0" → 6; outside 0–12 is refused. */
export function parseMonths(raw: string): Parsed<number | null> {
  const s = halfWidth(raw).replace(/[\s个月]/g, '');
  if (s === '') return ok(null);
  if (!/^\d+(\.0+)?$/.test(s)) return fail('roster.value.months', { value: raw });
  const n = Number(s);
  if (n < 0 || n > 12) return fail('roster.value.months', { value: raw });
  return ok(n);
}

/** A year from "2017", "2017年", "2017-03-01", "2017/3/1" or an Excel date serial. */
export function parseYear(raw: string, serial?: number): Parsed<number | null> {
  const s = halfWidth(raw).trim();
  if (s === '') return ok(null);
  let y: number | undefined;
  const m = /^(\d{4})(?:年|[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{2}(?:\d{2})?)?(?:年.*)?$/.exec(s);
  if (m) y = Number(m[1]);
  else if (serial !== undefined && Number.isFinite(serial) && serial > 0 && serial < 80000) {
    // An unformatted Excel date serial (days since 1899-12-30).
    y = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000).getUTCFullYear();
  }
  if (y === undefined || y < 1980 || y > 2100) return fail('roster.value.year', { value: raw });
  return ok(y);
}

/** 是/否 style answers; keeps the office's wording but recognises the usual variants. */
export function parseYesNo(raw: string): Parsed<'是' | '否' | ''> {
  const s = cleanCode(raw);
  if (s === '') return ok('');
  if (['是', '有', 'Y', 'y', '√', '1', 'TRUE', 'true'].includes(s)) return ok('是');
  if (['否', '无', 'N', 'n', '×', '0', 'FALSE', 'false'].includes(s)) return ok('否');
  return fail('roster.value.yesNo', { value: raw });
}

export function parseCount(raw: string): Parsed<number | null> {
  const s = halfWidth(raw).replace(/[\s人口]/g, '');
  if (s === '') return ok(null);
  if (!/^\d{1,3}$/.test(s)) return fail('roster.value.count', { value: raw });
  return ok(Number(s));
}

/** A person's id for suffix search: the ID number reversed (an index serves "ends with"). */
export function reverseId(id: string): string {
  return [...id].reverse().join('');
}
