/** Validation rules for templates and score entry, shared by the service and the forms. */
import { SCORE_MODES, type ScoreEntry, type TemplateItem, type TemplateSection } from '../domain/inspection';
import { allItems, points } from './scoring';

export interface RuleError {
  key: string;
  field?: string;
  params?: Record<string, string | number>;
}

export const LIMITS = { sections: 30, items: 200, title: 120, guidance: 500, note: 500, maxTenths: 1000 } as const;

/** A template's sections: titles, item modes, max and per-occurrence points. */
export function checkSections(sections: readonly TemplateSection[]): RuleError | null {
  if (sections.length === 0) return { key: 'insp.template.noSections', field: 'sections' };
  if (sections.length > LIMITS.sections) return { key: 'insp.template.tooMany', field: 'sections', params: { max: LIMITS.sections } };
  const items = allItems(sections);
  if (items.length > LIMITS.items) return { key: 'insp.template.tooMany', field: 'sections', params: { max: LIMITS.items } };
  const ids = new Set<string>();
  for (const [si, s] of sections.entries()) {
    const where = { section: si + 1 };
    if (!s.title.trim()) return { key: 'insp.section.title', field: `sections.${si}.title`, params: where };
    if (s.items.length === 0) return { key: 'insp.section.empty', field: `sections.${si}`, params: { title: s.title } };
    for (const [ii, it] of s.items.entries()) {
      const f = `sections.${si}.items.${ii}`;
      const p = { title: it.title || `第 ${ii + 1} 项` };
      if (!it.title.trim()) return { key: 'insp.item.title', field: `${f}.title`, params: { section: s.title, n: ii + 1 } };
      if (it.title.length > LIMITS.title) return { key: 'insp.item.tooLong', field: `${f}.title`, params: { max: LIMITS.title } };
      if (it.guidance.length > LIMITS.guidance) return { key: 'insp.item.tooLong', field: `${f}.guidance`, params: { max: LIMITS.guidance } };
      if (!SCORE_MODES.includes(it.mode)) return { key: 'insp.item.mode', field: `${f}.mode`, params: p };
      if (!Number.isInteger(it.max) || !Number.isInteger(it.per)) return { key: 'insp.item.max', field: `${f}.max`, params: p };
      if (it.mode === 'veto') {
        if (it.max !== 0) return { key: 'insp.item.vetoMax', field: `${f}.max`, params: p };
      } else if (it.max <= 0 || it.max > LIMITS.maxTenths) {
        return { key: 'insp.item.max', field: `${f}.max`, params: p };
      }
      if (it.mode === 'deduct' && (it.per <= 0 || it.per > it.max)) return { key: 'insp.item.per', field: `${f}.per`, params: { ...p, max: points(it.max) } };
      if (it.id) {
        if (ids.has(it.id)) return { key: 'insp.item.dupId', field: f, params: p };
        ids.add(it.id);
      }
    }
  }
  return null;
}

/** One entered value against its item: range, whole occurrences, veto note. */
export function checkScore(item: TemplateItem, entry: ScoreEntry | undefined): RuleError | null {
  const v = entry?.value ?? null;
  const p = { title: item.title, max: points(item.max) };
  const field = `score.${item.id}`;
  if (v === null) return { key: 'insp.score.missing', field, params: p };
  if (!Number.isInteger(v) || v < 0) return { key: 'insp.score.negative', field, params: p };
  switch (item.mode) {
    case 'points':
      if (v > item.max) return { key: 'insp.score.aboveMax', field, params: p };
      break;
    case 'deduct':
      if (v > 1000) return { key: 'insp.score.occurrences', field, params: p };
      break;
    case 'passfail':
    case 'veto':
      if (v !== 0 && v !== 1) return { key: 'insp.score.flag', field, params: p };
      break;
  }
  if (item.mode === 'veto' && v === 1 && !(entry?.note ?? '').trim()) return { key: 'insp.score.vetoNote', field, params: p };
  if ((entry?.note ?? '').length > LIMITS.note) return { key: 'insp.item.tooLong', field, params: { max: LIMITS.note } };
  return null;
}

/** The value a fresh sheet starts with: no deductions, passed, no veto; points must be typed. */
export function defaultValue(item: TemplateItem): number | null {
  return item.mode === 'points' ? null : item.mode === 'passfail' ? 1 : 0;
}
