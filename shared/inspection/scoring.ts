/**
 * Scoring and ranking rules of 督查考核, pure so the main process, the renderer, the CLI and the
 * bulletin all count the same way. Points are integer tenths (8.5 points = 85): no float sums.
 */
import type { RankedTarget, ScoreMode, TemplateItem, TemplateSection } from '../domain/inspection';

/** The ranking's tie rule in words (screen and bulletin say the same). */
export const TIE_RULE =
  '排名规则：按督查得分从高到低排列；得分相同者名次并列（如 1、2、2、4），并列者按扣分项目少者在前、再按名称拼音排序列出；被一票否决的单位不论得分，排在所有未否决单位之后。';
export const TIE_RULE_EN =
  'Ranked by inspection score, highest first; equal scores share a rank (1, 2, 2, 4) and are listed by fewer deducted items, then by name (pinyin); targets failed by a veto come after all others, whatever their score.';

export interface ItemScore {
  /** Points earned, tenths. */
  score: number;
  /** The item lost points (or, for a veto item, the veto applies). */
  deducted: boolean;
  vetoed: boolean;
}

/** Score of one item for an entered value (see ScoreMode); a missing value scores as not entered (0, not deducted). */
export function scoreItem(item: Pick<TemplateItem, 'mode' | 'max' | 'per'>, value: number | null): ItemScore {
  if (value === null) return { score: 0, deducted: false, vetoed: false };
  switch (item.mode) {
    case 'points': {
      const s = Math.max(0, Math.min(item.max, value));
      return { score: s, deducted: s < item.max, vetoed: false };
    }
    case 'deduct': {
      const lost = Math.min(item.max, Math.max(0, value) * item.per);
      return { score: item.max - lost, deducted: lost > 0, vetoed: false };
    }
    case 'passfail':
      return { score: value ? item.max : 0, deducted: !value && item.max > 0, vetoed: false };
    case 'veto':
      return { score: 0, deducted: value === 1, vetoed: value === 1 };
  }
}

export interface TargetTotal {
  total: number;
  deductedItems: number;
  vetoed: boolean;
}

/** Totals over a template's items from a map itemId → value. */
export function totalOf(items: readonly TemplateItem[], values: ReadonlyMap<string, number | null>): TargetTotal {
  let total = 0;
  let deductedItems = 0;
  let vetoed = false;
  for (const it of items) {
    const s = scoreItem(it, values.get(it.id) ?? null);
    total += s.score;
    if (s.deducted) deductedItems++;
    if (s.vetoed) vetoed = true;
  }
  return { total, deductedItems, vetoed };
}

export const allItems = (sections: readonly TemplateSection[]): TemplateItem[] => sections.flatMap((s) => s.items);
export const maxOf = (sections: readonly TemplateSection[]): number => allItems(sections).reduce((a, i) => a + i.max, 0);

const collator = new Intl.Collator('zh-CN-u-co-pinyin');

type Rankable = Omit<RankedTarget, 'rank'>;

/**
 * Ranks the targets of one type by the stated rule (TIE_RULE). Scored (done) targets get a rank:
 * non-vetoed first by total, then vetoed ones by total, each with shared ranks for equal totals
 * (competition ranking); vetoed ranks continue after the last non-vetoed place. Targets not yet
 * scored keep rank null and come last, by name.
 */
export function rankTargets<T extends Rankable>(rows: readonly T[]): (T & { rank: number | null })[] {
  const order = (a: Rankable, b: Rankable) =>
    Number(a.vetoed) - Number(b.vetoed) || b.total - a.total || a.deductedItems - b.deductedItems || collator.compare(a.name, b.name);
  const done = rows.filter((r) => r.done).sort(order);
  const out: (T & { rank: number | null })[] = [];
  done.forEach((r, i) => {
    const prev = out[i - 1];
    const rank = prev && prev.vetoed === r.vetoed && prev.total === r.total ? prev.rank : i + 1;
    out.push({ ...r, rank });
  });
  const rest = rows.filter((r) => !r.done).sort((a, b) => collator.compare(a.name, b.name));
  for (const r of rest) out.push({ ...r, rank: null });
  return out;
}

/**
 * Top and bottom n of a ranking (ranked rows only, bottom listed worst first). With few targets
 * n shrinks to half of them, so nobody is both praised and interviewed (2 groups: 1 and 1).
 */
export function topBottom<T extends { rank: number | null }>(ranked: readonly T[], n: number): { top: T[]; bottom: T[] } {
  const r = ranked.filter((x) => x.rank !== null);
  const k = Math.min(n, Math.floor(r.length / 2));
  const top = r.slice(0, k);
  const bottom = k ? r.slice(r.length - k).reverse() : [];
  return { top, bottom };
}

/** Tenths as points for display: 85 → "8.5", 100 → "10". */
export function points(tenths: number): string {
  return tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
}

/** Points typed by a user ("8.5", "10") as tenths; null when it is not a number with at most one decimal. */
export function parsePoints(text: string): number | null {
  const t = text.trim();
  if (!/^\d+(\.\d)?$/.test(t)) return null;
  return Math.round(Number(t) * 10);
}

export type { ScoreMode };
