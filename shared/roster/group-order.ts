/**
 * The order of 组 (village groups), by their number, whether written 3组 or 三组: one definition
 * for the roster list (its sort key, computed in SQL by migration 0011 for every write) and for
 * the printouts (wall charts, household cards), which sort in JavaScript.
 */

/**
 * Chinese numerals 1–100 as group names begin: 一 … 十二 … 九十九, 一百, with the variants 两 (2)
 * and 一十 … 一十九. Migration 0011 stores this table; a group name's number is its longest
 * prefix (up to three characters) found here.
 */
export function groupNumerals(): [string, number][] {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  const out: [string, number][] = [];
  for (let n = 1; n <= 99; n++) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    out.push([(tens === 0 ? '' : tens === 1 ? '十' : `${d[tens]}十`) + d[ones], n]);
    if (tens === 1) out.push([`一十${d[ones]}`, n]);
  }
  out.push(['两', 2], ['一百', 100]);
  return out;
}
const NUMERALS = new Map(groupNumerals());
/** The widest numeral in the table, in characters. */
export const NUMERAL_CHARS = 3;
/** Groups without a number sort after every numbered one. */
export const NO_GROUP_NUMBER = 99_999;

/**
 * A group's number: its leading ASCII digits (at most NO_GROUP_NUMBER), else the longest prefix of
 * up to three characters in groupNumerals(), else NO_GROUP_NUMBER. Exactly what the SQL of
 * migration 0011 computes (the test compares the two).
 */
export function groupNumber(name: string): number {
  const digits = /^[0-9]+/.exec(name);
  if (digits) return Math.min(Number(digits[0]), NO_GROUP_NUMBER);
  for (let len = NUMERAL_CHARS; len >= 1; len--) {
    const hit = NUMERALS.get(name.slice(0, len));
    if (hit !== undefined) return hit;
  }
  return NO_GROUP_NUMBER;
}

/** A group's part of the roster list's sort key: its number in five digits, then its name (2组 < 10组, 三组 < 十二组). */
export function groupSortKey(name: string): string {
  return String(groupNumber(name)).padStart(5, '0') + name;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Households of a village in the list's order: 组 by number (then name), then household number. */
export function byGroupThenNumber(a: { group_name: string; number: string }, b: { group_name: string; number: string }): number {
  return cmp(groupSortKey(a.group_name), groupSortKey(b.group_name)) || cmp(a.number, b.number);
}
