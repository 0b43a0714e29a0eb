/** The order of 组 (village groups) on printouts: by their number, whether written 3组 or 三组. */

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 组 in counting order: "3组" and "三组" are 3, "十二组" is 12; names without a number go last. */
export function groupNumber(name: string): number {
  const m = /^\s*(\d+)/.exec(name);
  if (m) return Number(m[1]);
  const c = /^[零〇一二两三四五六七八九十百]+/.exec(name.trim());
  if (!c) return Number.MAX_SAFE_INTEGER;
  let total = 0;
  let digit = 0;
  for (const ch of c[0]) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_DIGITS[ch];
  }
  return total + digit;
}

/** Households of a village in print order: 组 by number (then name), then household number. */
export function byGroupThenNumber(a: { group_name: string; number: string }, b: { group_name: string; number: string }): number {
  return groupNumber(a.group_name) - groupNumber(b.group_name) || a.group_name.localeCompare(b.group_name, 'zh') || a.number.localeCompare(b.number);
}

/**
 * Chinese numerals 1–100 as group names begin (一 … 十二 … 九十九, 一百). The list's sort key
 * looks group names up in this table (migration 0011 stores it), longest prefix first.
 */
export function groupNumerals(): [string, number][] {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const out: [string, number][] = [];
  for (let n = 1; n <= 99; n++) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    out.push([(tens === 0 ? '' : tens === 1 ? '十' : `${d[tens]}十`) + d[ones], n]);
  }
  out.push(['一百', 100]);
  return out;
}
const NUMERALS = new Map(groupNumerals());
/** The widest numeral in the table, in characters. */
export const NUMERAL_CHARS = 3;
/** Groups without a number sort after every numbered one. */
export const NO_GROUP_NUMBER = 99_999;

/**
 * A group's part of the roster list's sort key: its number, five digits, then its name, so that
 * 2组 < 10组 and 三组 < 十二组. Exactly what the SQL of migration 0011 computes (the importer
 * writes keys itself): leading ASCII digits, else the longest prefix of up to three characters
 * found in groupNumerals(), else none.
 */
export function groupSortKey(name: string): string {
  let n = NO_GROUP_NUMBER;
  const digits = /^[0-9]+/.exec(name);
  if (digits) n = Math.min(Number(digits[0]), NO_GROUP_NUMBER);
  else
    for (let len = NUMERAL_CHARS; len >= 1; len--) {
      const hit = NUMERALS.get(name.slice(0, len));
      if (hit !== undefined) {
        n = hit;
        break;
      }
    }
  return String(n).padStart(5, '0') + name;
}
