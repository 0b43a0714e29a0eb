/** Wall-chart templates: list, read, save (version + 1 on every save), delete, restore defaults. */
import { z } from 'zod';
import type { Ctx } from '../context';
import { stamps, updateStamps } from '../context';
import { AppError, validation } from '../errors';
import { KIND_LEVEL, templateBodySchema, type TemplateBody, type TemplateSummary, type WallchartTemplate } from '../../../shared/domain/wallchart';
import { builtinTemplates } from './defaults';
import * as repo from './template-repo';

const LEVEL_ZH = { village: '村', township: '乡镇', county: '县' } as const;

export function toTemplate(r: repo.TemplateRow): WallchartTemplate {
  return { id: r.id, name: r.name, builtin: r.builtin, version: r.version, body: parseBody(r.body), updatedAt: r.updated_at, updatedBy: r.updated_by };
}

function parseBody(json: string): TemplateBody {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('VALIDATION', 'wallchart.body.invalid', { detail: 'JSON' });
  }
  return checkBody(raw);
}

/** Validates a template body: schema, kind vs level, columns, custom paper. */
export function checkBody(raw: unknown): TemplateBody {
  const r = templateBodySchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new AppError('VALIDATION', 'wallchart.body.invalid', { detail: `${first.path.join('.')}: ${first.message}` });
  }
  const b = r.data;
  if (KIND_LEVEL[b.kind] !== b.level) throw validation('wallchart.levelKind', 'level', { kind: b.kind, level: LEVEL_ZH[KIND_LEVEL[b.kind]] });
  const seen = new Set<string>();
  for (const c of b.columns) {
    if (seen.has(c)) throw validation('wallchart.columns.twice', 'columns', { column: c });
    seen.add(c);
  }
  if (b.paper.size === 'custom' && (b.paper.widthMm === null || b.paper.heightMm === null)) throw validation('wallchart.custom.size', 'paper');
  return b;
}

const summary = (r: repo.TemplateRow): TemplateSummary => ({
  id: r.id,
  name: r.name,
  builtin: r.builtin,
  kind: r.kind as TemplateSummary['kind'],
  level: r.level,
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** Installs the built-ins that are not in the database yet (first use, or a newer app). */
export async function ensureDefaults(ctx: Ctx): Promise<void> {
  for (const b of builtinTemplates()) {
    if (await repo.rowByBuiltin(ctx.db.kysely, b.builtin)) continue;
    let name = b.name;
    // An office's own template may already carry the name.
    for (let k = 2; await repo.rowByName(ctx.db.kysely, name); k++) name = `${b.name}（内置${k > 2 ? k - 1 : ''}）`;
    await repo.insertTemplate(ctx.db.kysely, { id: ctx.newId(), name, builtin: b.builtin, kind: b.body.kind, level: b.body.level, version: 1, body: JSON.stringify(b.body), ...stamps(ctx) });
  }
}

export async function listTemplates(ctx: Ctx): Promise<TemplateSummary[]> {
  await ensureDefaults(ctx);
  return (await repo.listRows(ctx.db.kysely)).map(summary);
}

export async function getTemplate(ctx: Ctx, id: string): Promise<WallchartTemplate> {
  const r = await repo.getRow(ctx.db.kysely, id);
  if (!r) throw new AppError('NOT_FOUND', 'wallchart.notFound');
  return toTemplate(r);
}

/** The template by name, or (for the CLI) the built-in by key. */
export async function findTemplate(ctx: Ctx, nameOrKey: string): Promise<WallchartTemplate | null> {
  await ensureDefaults(ctx);
  const r = (await repo.rowByName(ctx.db.kysely, nameOrKey)) ?? (await repo.rowByBuiltin(ctx.db.kysely, nameOrKey));
  return r ? toTemplate(r) : null;
}

export const saveInput = z.strictObject({
  id: z.string().min(1).max(64).optional(),
  name: z.string().max(60),
  /** The version the editor started from: a save over a newer version is refused. */
  baseVersion: z.number().int().min(1).optional(),
  body: z.unknown(),
});
export type SaveTemplateInput = z.output<typeof saveInput>;

export async function saveTemplate(ctx: Ctx, input: SaveTemplateInput): Promise<WallchartTemplate> {
  const name = input.name.trim();
  if (name === '') throw validation('wallchart.name.empty', 'name');
  const body = checkBody(input.body);
  return ctx.db.transaction(async (tx) => {
    const clash = await repo.rowByName(tx, name);
    if (clash && clash.id !== input.id) throw validation('wallchart.name.duplicate', 'name', { name });
    if (!input.id) {
      const row = { id: ctx.newId(), name, builtin: null, kind: body.kind, level: body.level, version: 1, body: JSON.stringify(body), ...stamps(ctx) };
      await repo.insertTemplate(tx, row);
      return toTemplate(row);
    }
    const old = await repo.getRow(tx, input.id);
    if (!old) throw new AppError('NOT_FOUND', 'wallchart.notFound');
    if (input.baseVersion !== undefined && input.baseVersion !== old.version) {
      throw new AppError('CONFLICT', 'wallchart.stale', { name: old.name, by: old.updated_by, version: old.version });
    }
    const patch = { name, kind: body.kind, level: body.level, version: old.version + 1, body: JSON.stringify(body), ...updateStamps(ctx) };
    await repo.updateTemplate(tx, old.id, patch);
    return toTemplate({ ...old, ...patch });
  });
}

/** Writes a template exactly as given (import): same id, name and version as in the file. */
export async function putTemplate(ctx: Ctx, t: { id: string; name: string; version: number; body: TemplateBody }, existing: repo.TemplateRow | undefined): Promise<WallchartTemplate> {
  return ctx.db.transaction(async (tx) => {
    let name = t.name;
    const clash = await repo.rowByName(tx, name);
    if (clash && clash.id !== t.id) name = `${t.name}（导入）`;
    const fields = { name, kind: t.body.kind, level: t.body.level, version: t.version, body: JSON.stringify(t.body) };
    if (existing) {
      await repo.updateTemplate(tx, t.id, { ...fields, ...updateStamps(ctx) });
      return toTemplate({ ...existing, ...fields, ...updateStamps(ctx) });
    }
    const row = { id: t.id, builtin: null, ...fields, ...stamps(ctx) };
    await repo.insertTemplate(tx, row);
    return toTemplate(row);
  });
}

export async function deleteTemplate(ctx: Ctx, id: string): Promise<void> {
  const r = await repo.getRow(ctx.db.kysely, id);
  if (!r) throw new AppError('NOT_FOUND', 'wallchart.notFound');
  if (r.builtin) throw new AppError('CONFLICT', 'wallchart.builtin.delete', { name: r.name });
  await repo.deleteTemplate(ctx.db.kysely, id);
}

/** Puts the built-ins back as shipped (a new version each, so copies in circulation count as older). */
export async function restoreDefaults(ctx: Ctx): Promise<TemplateSummary[]> {
  await ensureDefaults(ctx);
  for (const b of builtinTemplates()) {
    const r = await repo.rowByBuiltin(ctx.db.kysely, b.builtin);
    if (!r || r.body === JSON.stringify(b.body)) continue;
    await repo.updateTemplate(ctx.db.kysely, r.id, { name: r.name, kind: b.body.kind, level: b.body.level, version: r.version + 1, body: JSON.stringify(b.body), ...updateStamps(ctx) });
  }
  return listTemplates(ctx);
}
