/** Runs every rule over one household and turns the findings into one flag per rule. */
import { formatMessage, type Lang } from '../../../../shared/i18n/messages';
import { QUALITY_RULES, qualityRule } from '../../../../shared/roster/quality-rules';
import type { QualityFlag } from '../../../../shared/domain/roster';
import type { Env, Finding, Household } from './facts';
import { causeWithoutMember, cadreOnRoll, exitBelowLine, exitedUnsecured, headCount, householdFields, noCadre, sizeMismatch } from './rules-household';
import { duplicateId, invalidId, memberFields, sameGenderCouple, schoolAge, supportedWithWorker, workInfo, youngInHighSchool, type Rule } from './rules-members';

const RULES: Rule[] = [
  householdFields,
  memberFields,
  invalidId,
  duplicateId,
  causeWithoutMember,
  supportedWithWorker,
  workInfo,
  noCadre,
  cadreOnRoll,
  sameGenderCouple,
  youngInHighSchool,
  schoolAge,
  exitBelowLine,
  headCount,
  sizeMismatch,
  exitedUnsecured,
];

const ORDER = new Map(QUALITY_RULES.map((r, i) => [r.code, i]));
const SEP: Record<Lang, string> = { 'zh-CN': '；', en: '; ' };

export function findings(h: Household, env: Env): Finding[] {
  const out: Finding[] = [];
  for (const rule of RULES) rule(h, env, out);
  return out;
}

/** One entry per rule, in catalogue order, with the details of its findings joined. */
export function groupFindings(found: Finding[], lang: Lang = 'zh-CN'): { rule: string; detail: string }[] {
  if (found.length === 0) return [];
  const byRule = new Map<string, string[]>();
  for (const f of found) {
    const text = formatMessage(f.key, f.params, lang);
    const list = byRule.get(f.rule);
    if (list) list.push(text);
    else byRule.set(f.rule, [text]);
  }
  return [...byRule.entries()]
    .sort((a, b) => (ORDER.get(a[0]) ?? 999) - (ORDER.get(b[0]) ?? 999))
    .map(([rule, texts]) => ({ rule, detail: texts.join(SEP[lang]) }));
}

export function toFlag(rule: string, detail: string): QualityFlag {
  const info = qualityRule(rule);
  return { rule, title: info?.title ?? rule, severity: info?.severity ?? 'warning', detail };
}
