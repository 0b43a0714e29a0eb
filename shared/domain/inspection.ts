/** Inspection, assessment and ranking (督查考核 · 排队通报): domain.md §5. Points are integer tenths. */

/** The four built-in target types; an office may add its own (any other non-empty key, shown as is). */
export const BUILTIN_TARGET_TYPES = ['township', 'work_group', 'support_unit', 'village_team'] as const;
export type BuiltinTargetType = (typeof BUILTIN_TARGET_TYPES)[number];
export const TARGET_TYPE_NAMES: Record<BuiltinTargetType, string> = {
  township: '乡镇',
  work_group: '工作推进组',
  support_unit: '帮扶单位',
  village_team: '驻村工作队',
};
export function targetTypeName(type: string): string {
  return (TARGET_TYPE_NAMES as Record<string, string>)[type] ?? type;
}

/**
 * How an item is scored (the entered `value` means):
 * - points:   points given, in tenths, 0..max
 * - deduct:   occurrences; score = max − min(occurrences × per, max)
 * - passfail: 1 pass (max) / 0 fail (0)
 * - veto:     1 = the veto applies (一票否决: the target fails outright; a note is required) / 0 = not
 */
export const SCORE_MODES = ['points', 'deduct', 'passfail', 'veto'] as const;
export type ScoreMode = (typeof SCORE_MODES)[number];
export const SCORE_MODE_NAMES: Record<ScoreMode, string> = { points: '评分', deduct: '按次扣分', passfail: '达标/不达标', veto: '一票否决' };

export interface TemplateItem {
  /** Stable across versions while the item is kept (results refer to it). */
  id: string;
  title: string;
  mode: ScoreMode;
  /** Max points in tenths (0 for veto items). */
  max: number;
  /** Deduction per occurrence in tenths (deduct mode only, else 0). */
  per: number;
  guidance: string;
}
export interface TemplateSection {
  title: string;
  items: TemplateItem[];
}

export interface TemplateSummary {
  id: string;
  targetType: string;
  name: string;
  version: number;
  /** Sum of the items' max, tenths. */
  totalMax: number;
  itemCount: number;
  /** Rounds that used any version of this template. */
  usedBy: string[];
  updatedAt: string;
  updatedBy: string;
}
export interface TemplateDetail extends TemplateSummary {
  versionId: string;
  sections: TemplateSection[];
}

export const CAMPAIGN_THEMES = ['春季行动', '夏季攻势', '秋季突破', '冬季总攻'] as const;

export type RoundStatus = 'open' | 'finished';

export interface RoundSummary {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  theme: string;
  status: RoundStatus;
  finishedAt: string | null;
  targetCount: number;
  doneCount: number;
  updatedAt: string;
}

export interface InspectionGroup {
  id: string;
  name: string;
  inspectors: string[];
}

export interface RoundTarget {
  id: string;
  type: string;
  refId: string | null;
  name: string;
  groupId: string | null;
  done: boolean;
  selfScore: number | null;
  /** Current total (tenths) from the saved scores; null while not scored. */
  total: number | null;
  vetoed: boolean;
}

export interface RoundDetail extends RoundSummary {
  groups: InspectionGroup[];
  targets: RoundTarget[];
  /** Template version used per target type. */
  templates: { type: string; templateId: string; name: string; version: number; versionId: string; totalMax: number }[];
}

/** A target the registry offers for a new round. */
export interface Candidate {
  type: string;
  refId: string;
  name: string;
}

export interface ScoreEntry {
  itemId: string;
  value: number | null;
  note: string;
}

export interface EvidenceFile {
  id: string;
  itemId: string | null;
  originalName: string;
  sha256: string;
  size: number;
  at: string;
  by: string;
}

/** One target's score sheet: the items of its round's template version and what was entered. */
export interface TargetSheet {
  round: { id: string; name: string; status: RoundStatus };
  target: RoundTarget;
  sections: TemplateSection[];
  totalMax: number;
  scores: (ScoreEntry & { ledgerSeq: number | null })[];
  evidence: EvidenceFile[];
  /** Previous / next target of the same round (by type, then order), for "save and next". */
  nextTargetId: string | null;
}

export interface RankedTarget {
  targetId: string;
  name: string;
  type: string;
  /** null for targets not yet scored (listed after the ranked ones). */
  rank: number | null;
  total: number;
  selfScore: number | null;
  deductedItems: number;
  vetoed: boolean;
  done: boolean;
  group: string;
}

export interface TypeRanking {
  type: string;
  typeName: string;
  totalMax: number;
  rows: RankedTarget[];
}

export interface Finding {
  targetId: string;
  targetName: string;
  type: string;
  itemId: string;
  section: string;
  item: string;
  mode: ScoreMode;
  score: number;
  max: number;
  note: string;
  ledgerSeq: number | null;
}

export interface RoundResults {
  round: RoundSummary;
  rankings: TypeRanking[];
  findings: Finding[];
  /** The tie rule in words, shown on screen and printed in the bulletin. */
  tieRule: string;
}

export interface LatestRanking {
  roundId: string;
  roundName: string;
  finishedAt: string | null;
  types: { type: string; typeName: string; top: RankedTarget[]; bottom: RankedTarget[] }[];
}
