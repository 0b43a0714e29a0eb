/**
 * 值对照: a code value a file uses that the office's list does not have, and which list entry it
 * stands for. The national export and township sheets carry older or local spellings (2017-era
 * 「已脱贫」, 「五保户」 for 特困供养贫困户); each distinct one is shown once with its count and a
 * suggestion, and the office's choice is remembered for later imports.
 */
import { cleanCode } from './values';

/**
 * Known older spellings → the current default entry (domain.md code lists). Applied without
 * asking only where the office has not chosen otherwise and its list has the target entry.
 */
export const KNOWN_SYNONYMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  status: {
    已脱贫: '已脱贫(享受政策)',
    脱贫: '已脱贫(享受政策)',
    已脱贫享受政策: '已脱贫(享受政策)',
    已脱贫不再享受政策: '已脱贫(不再享受政策)',
  },
  attribute: {
    一般户: '一般贫困户',
    低保户: '低保贫困户',
    五保户: '特困供养贫困户',
    五保贫困户: '特困供养贫困户',
    分散供养五保户: '特困供养贫困户',
    集中供养五保户: '特困供养贫困户',
    分散供养五保贫困户: '特困供养贫困户',
    集中供养五保贫困户: '特困供养贫困户',
    特困户: '特困供养贫困户',
    特困供养户: '特困供养贫困户',
  },
  health: { 长期慢性病患者: '长期慢性病', 患有大病: '大病', 残疾人: '残疾' },
};

export type SuggestionSource = 'remembered' | 'known' | 'similar';

export interface Suggestion {
  /** The list entry, or null: keep the file's value as it is. */
  code: string | null;
  source: SuggestionSource;
}

/** Drops brackets, spaces and punctuation, for comparing spellings. */
const bare = (s: string) => cleanCode(s).replace(/[()（）【】[\]、，,.。·\-—_/\\:：]/g, '');

/**
 * What a file's value most likely stands for in `list`, given the office's active entries and
 * the choices remembered for this list (raw → entry or null).
 */
export function suggestCode(list: string, raw: string, entries: readonly string[], remembered: ReadonlyMap<string, string | null>): Suggestion | null {
  const value = cleanCode(raw);
  if (remembered.has(value)) {
    const code = remembered.get(value)!;
    if (code === null || entries.includes(code)) return { code, source: 'remembered' };
  }
  const b = bare(value);
  const known = KNOWN_SYNONYMS[list]?.[value] ?? KNOWN_SYNONYMS[list]?.[b];
  if (known && entries.includes(known)) return { code: known, source: 'known' };
  // The same entry spelt with other brackets, spaces or punctuation.
  const same = entries.filter((e) => bare(e) === b);
  if (same.length === 1) return { code: same[0], source: 'known' };
  if (b.length < 2) return null;
  // One entry that the value begins with or that begins with the value (长期慢性病患者 → 长期慢性病).
  const similar = entries.filter((e) => {
    const be = bare(e);
    return be.length >= 2 && (b.startsWith(be) || be.startsWith(b));
  });
  return similar.length === 1 ? { code: similar[0], source: 'similar' } : null;
}

/** Whether a suggestion is applied without the user (the CLI, or an import started without the step). */
export const appliesUnasked = (s: Suggestion | null): s is Suggestion => s !== null && s.source !== 'similar';
