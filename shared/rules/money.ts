/**
 * The one money rule for printouts (明白卡, 挂图, 公示, 简报): whole yuan, rounded half up (half
 * away from zero for a negative amount), with thousands separators: 1,945,050 分 → "19,451".
 * Exact in integers (no float), so the same 分 always print the same yuan everywhere.
 */

/** 分 → whole yuan, rounded half up (−0.5 yuan rounds to −1: symmetric, so a sign never changes the figure). */
export function roundYuan(fen: number): number {
  if (!Number.isFinite(fen)) throw new RangeError(`not an amount: ${fen}`);
  const a = Math.abs(Math.trunc(fen));
  const whole = Math.floor(a / 100) + (a % 100 >= 50 ? 1 : 0);
  return fen < 0 && whole !== 0 ? -whole : whole;
}

/** 29626 → "29,626": the one digit grouping of printed figures (counts and money). */
export function grouped(n: number): string {
  const r = Math.round(n);
  const digits = String(Math.abs(r)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return r < 0 ? `-${digits}` : digits;
}

/** "19,451" / "−2,300" (a true minus sign, as printed): the text of `roundYuan(fen)`. */
export function yuanText(fen: number): string {
  const y = roundYuan(fen);
  return y < 0 ? `−${grouped(-y)}` : grouped(y);
}
