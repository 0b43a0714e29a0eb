/**
 * Checklists (检查表): list, save (every save is a new version; rounds keep the version they
 * used), delete (refused while any round used it), export and import as a versioned JSON file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { stamps, updateStamps, type Ctx } from '../context';
import { AppError, validation } from '../errors';
import { deleteRow, insertRow, updateRow } from '../db/rows';
import * as repo from './template-repo';
import { checkSections } from '../../../shared/inspection/rules';
import { maxOf } from '../../../shared/inspection/scoring';
import { SCORE_MODES, type ScoreMode, type TemplateDetail, type TemplateSection } from '../../../shared/domain/inspection';
import { writeFileAtomic } from '../files/atomic-write';

export interface TemplateInput {
  id?: string;
  targetType: string;
  name: string;
  sections: TemplateSection[];
}

export const listTemplates = (ctx: Ctx) => repo.listTemplates(ctx.db.kysely);

export async function getTemplate(ctx: Ctx, id: string): Promise<TemplateDetail> {
  const t = (await repo.listTemplates(ctx.db.kysely, id))[0];
  if (!t) throw new AppError('NOT_FOUND', 'notFound');
  return t;
}

/** Items keep their id across versions; new items get a fresh one. */
function clean(ctx: Ctx, input: TemplateInput): TemplateInput {
  const targetType = input.targetType.trim();
  const name = input.name.trim();
  if (!targetType) throw validation('insp.template.type', 'targetType');
  if (!name) throw validation('insp.template.name', 'name');
  if (name.length > 60) throw validation('name.tooLong', 'name', { max: 60 });
  const sections = input.sections.map((s) => ({
    title: s.title.trim(),
    items: s.items.map((i) => ({
      id: i.id || ctx.newId(),
      title: i.title.trim(),
      mode: i.mode,
      max: i.mode === 'veto' ? 0 : i.max,
      per: i.mode === 'deduct' ? i.per : 0,
      guidance: i.guidance.trim(),
    })),
  }));
  const err = checkSections(sections);
  if (err) throw validation(err.key, err.field ?? 'sections', err.params);
  return { id: input.id, targetType, name, sections };
}

export async function saveTemplate(ctx: Ctx, input: TemplateInput): Promise<TemplateDetail> {
  const t = clean(ctx, input);
  const id = await ctx.db.transaction(async (trx) => {
    const other = await repo.templateByName(trx, t.name);
    if (other && other.id !== t.id) throw validation('name.duplicate', 'name', { name: t.name });
    let tid = t.id;
    let version = 1;
    if (tid) {
      const cur = (await repo.listTemplates(trx, tid))[0];
      if (!cur) throw new AppError('NOT_FOUND', 'notFound');
      version = cur.version + 1;
      await updateRow(trx, 'insp_template', tid, { target_type: t.targetType, name: t.name, version, ...updateStamps(ctx) });
    } else {
      tid = ctx.newId();
      await insertRow(trx, 'insp_template', { id: tid, target_type: t.targetType, name: t.name, version, ...stamps(ctx) });
    }
    await insertRow(trx, 'insp_template_version', {
      id: ctx.newId(),
      template_id: tid,
      version,
      name: t.name,
      sections: JSON.stringify(t.sections),
      total_max: maxOf(t.sections),
      ...stamps(ctx),
    });
    return tid;
  });
  return getTemplate(ctx, id);
}

export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    const t = (await repo.listTemplates(trx, id))[0];
    if (!t) throw new AppError('NOT_FOUND', 'notFound');
    if (t.usedBy.length) {
      const rounds = t.usedBy.slice(0, 3).join('、') + (t.usedBy.length > 3 ? ` 等 ${t.usedBy.length} 轮` : '');
      throw new AppError('IN_USE', 'insp.template.inUse', { name: t.name, rounds });
    }
    await deleteRow(trx, 'insp_template', id);
  });
}

// ---- file format -------------------------------------------------------------------------

export const FILE_FORMAT = 'fupin-inspection-template';
export const FILE_VERSION = 1;
const MAX_FILE = 1024 * 1024;

/** The exported file: points as plain numbers (8.5), for people who read it. */
export function templateFile(t: TemplateDetail) {
  return {
    format: FILE_FORMAT,
    formatVersion: FILE_VERSION,
    targetType: t.targetType,
    name: t.name,
    version: t.version,
    sections: t.sections.map((s) => ({
      title: s.title,
      items: s.items.map((i) => ({ title: i.title, mode: i.mode, max: i.max / 10, per: i.per / 10, guidance: i.guidance })),
    })),
  };
}

export async function exportTemplate(ctx: Ctx, id: string, file: string): Promise<void> {
  const t = await getTemplate(ctx, id);
  await writeFileAtomic(file, JSON.stringify(templateFile(t), null, 2) + '\n');
}

/** Reads a template file into an input (new template; a name already taken gets a suffix). */
export function parseTemplateFile(file: string): TemplateInput {
  const name = path.basename(file);
  let raw: unknown;
  try {
    if (fs.statSync(file).size > MAX_FILE) throw new AppError('VALIDATION', 'insp.file.tooLarge', { name });
    raw = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', 'insp.file.unreadable', { name });
  }
  const o = raw as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.format !== FILE_FORMAT) throw new AppError('VALIDATION', 'insp.file.format', { name });
  const fv = Number(o.formatVersion);
  if (!Number.isInteger(fv) || fv > FILE_VERSION) throw new AppError('VALIDATION', 'insp.file.version', { name, found: String(o.formatVersion) });
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const tenths = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 10) : NaN);
  if (!Array.isArray(o.sections)) throw new AppError('VALIDATION', 'insp.file.unreadable', { name });
  const sections: TemplateSection[] = (o.sections as Record<string, unknown>[]).map((s) => ({
    title: str(s?.title),
    items: (Array.isArray(s?.items) ? (s.items as Record<string, unknown>[]) : []).map((i) => ({
      id: '',
      title: str(i?.title),
      mode: (SCORE_MODES as readonly string[]).includes(str(i?.mode)) ? (str(i?.mode) as ScoreMode) : ('?' as ScoreMode),
      max: tenths(i?.max),
      per: tenths(i?.per ?? 0),
      guidance: str(i?.guidance),
    })),
  }));
  return { targetType: str(o.targetType), name: str(o.name), sections };
}

export async function importTemplate(ctx: Ctx, file: string): Promise<TemplateDetail> {
  const input = parseTemplateFile(file);
  let name = input.name.trim();
  for (let n = 2; name && (await repo.templateByName(ctx.db.kysely, name)); n++) name = `${input.name.trim()}（导入${n > 2 ? n - 1 : ''}）`;
  return saveTemplate(ctx, { ...input, name });
}
