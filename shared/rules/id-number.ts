/**
 * Chinese resident ID number (GB 11643-1999): normalisation, check digit, birth date, gender.
 * Pure and dependency-free so the renderer validates as you type with the same rule the
 * services enforce.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem = 'empty' | 'length' | 'chars' | 'region' | 'birth' | 'birthFuture' | 'check';

/**
 * The first two digits: a province-level division of GB/T 2260 (11 北京 … 65 新疆), 71 台湾,
 * 81 香港, 82 澳门, or 83 (residence permits of Hong Kong, Macao and Taiwan residents).
 */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);

export interface IdNumberInfo {
  /** The canonical 18-character form (upper-case X, half-width digits). */
  value: string;
  birthDate: string; // YYYY-MM-DD
  gender: '男' | '女';
  /** True when the input was an old 15-digit number that was upgraded. */
  upgraded: boolean;
}

export type IdNumberResult = { ok: true; info: IdNumberInfo } | { ok: false; problem: IdNumberProblem };

/** Full-width digits/letters to half-width, drop spaces (incl. ideographic), upper-case x. */
export function normalizeIdNumber(raw: string): string {
  return raw
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Whether the date exists (and is not before 1900); whether it is after today is asked apart. */
function validDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const afterToday = (y: number, m: number, d: number, today: Date) => Date.UTC(y, m - 1, d) > Date.UTC(today.getFullYear(), today.getMonth(), today.getDate());

export function parseIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const s = normalizeIdNumber(raw);
  if (s === '') return { ok: false, problem: 'empty' };
  let value = s;
  let upgraded = false;
  if (s.length === 15) {
    if (!/^\d{15}$/.test(s)) return { ok: false, problem: 'chars' };
    const first17 = s.slice(0, 6) + '19' + s.slice(6);
    value = first17 + checkChar(first17);
    upgraded = true;
  } else if (s.length !== 18) {
    return { ok: false, problem: 'length' };
  }
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'chars' };
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return { ok: false, problem: 'region' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  if (!validDate(y, m, d)) return { ok: false, problem: 'birth' };
  if (afterToday(y, m, d, today)) return { ok: false, problem: 'birthFuture' };
  if (checkChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const gender = Number(value[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, info: { value, birthDate, gender, upgraded } };
}

/** 430522********1234: first 6 and last 4 kept, for printouts meant for posting. */
export function maskIdNumber(value: string): string {
  if (value.length < 10) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}
