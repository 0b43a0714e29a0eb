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
