/** Runs every rule over one household and turns the findings into one flag per rule. */
import { formatMessage, type Lang } from '../../../../shared/i18n/messages';
import { QUALITY_RULES, qualityRule } from '../../../../shared/roster/quality-rules';
import type { MessageRef, QualityFlag } from '../../../../shared/domain/roster';
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

/** One entry per rule, in catalogue order, with the details of its findings joined (and kept as keys). */
export function groupFindings(found: Finding[], lang: Lang = 'zh-CN'): { rule: string; detail: string; details: MessageRef[] }[] {
  if (found.length === 0) return [];
  const byRule = new Map<string, MessageRef[]>();
  for (const f of found) {
    const ref: MessageRef = f.params ? { key: f.key, params: f.params } : { key: f.key };
    const list = byRule.get(f.rule);
    if (list) list.push(ref);
    else byRule.set(f.rule, [ref]);
  }
  return [...byRule.entries()]
    .sort((a, b) => (ORDER.get(a[0]) ?? 999) - (ORDER.get(b[0]) ?? 999))
    .map(([rule, details]) => ({ rule, detail: detailText(details, lang), details }));
}

/** The findings of one rule as one line of text in a language. */
export function detailText(details: readonly MessageRef[], lang: Lang = 'zh-CN'): string {
  return details.map((d) => formatMessage(d.key, d.params, lang)).join(SEP[lang]);
}

export function toFlag(rule: string, detail: string, details: MessageRef[] = []): QualityFlag {
  const info = qualityRule(rule);
  return { rule, title: info?.title ?? rule, severity: info?.severity ?? 'warning', detail, details };
}
