/**
 * Template files: the county designs a chart once and every township imports the same file.
 * A file names its format and format version, carries the template (id, name, version, body)
 * and a SHA-256 checksum of the template, so a damaged or hand-edited file is refused.
 * Importing a newer version of the same template updates it; an older one is refused.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import type { WallchartTemplate } from '../../../shared/domain/wallchart';
import { checkBody, ensureDefaults, getTemplate, putTemplate } from './template-service';
import * as repo from './template-repo';
import { writeFileAtomic } from '../files/atomic-write';

export const FORMAT = 'fupin-wallchart-template';
export const FORMAT_VERSION = 1;
const MAX_BYTES = 1024 * 1024;

interface FileTemplate {
  id: string;
  name: string;
  builtin: string | null;
  version: number;
  body: unknown;
}

/** Canonical JSON (sorted keys) of the template: what the checksum covers. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}
const checksum = (t: FileTemplate) => createHash('sha256').update(canonical(t)).digest('hex');

export function templateFileText(t: WallchartTemplate, exportedBy: string, at: Date): string {
  const template: FileTemplate = { id: t.id, name: t.name, builtin: t.builtin, version: t.version, body: t.body };
  return JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, exportedAt: at.toISOString(), exportedBy, template, checksum: `sha256:${checksum(template)}` }, null, 2) + '\n';
}

export async function exportTemplateFile(ctx: Ctx, id: string, file: string): Promise<{ name: string; version: number }> {
  const t = await getTemplate(ctx, id);
  await writeFileAtomic(file, templateFileText(t, ctx.operator, ctx.now()));
  return { name: t.name, version: t.version };
}

export interface ImportResult {
  template: WallchartTemplate;
  outcome: 'added' | 'updated';
  previousVersion: number | null;
}

export async function importTemplateFile(ctx: Ctx, file: string): Promise<ImportResult> {
  const name = path.basename(file);
  let text: string;
  try {
    if (fs.statSync(file).size > MAX_BYTES) throw new AppError('VALIDATION', 'wallchart.file.foreign', { name });
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', 'wallchart.file.unreadable', { name });
  }
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch {
    throw new AppError('VALIDATION', 'wallchart.file.notJson', { name });
  }
  if (!doc || typeof doc !== 'object' || doc.format !== FORMAT || typeof doc.formatVersion !== 'number') throw new AppError('VALIDATION', 'wallchart.file.foreign', { name });
  if (doc.formatVersion > FORMAT_VERSION) throw new AppError('VALIDATION', 'wallchart.file.formatNewer', { found: doc.formatVersion, supported: FORMAT_VERSION });
  const t = doc.template as FileTemplate | undefined;
  if (!t || typeof t !== 'object' || typeof t.id !== 'string' || typeof t.name !== 'string' || !Number.isInteger(t.version) || t.version < 1) {
    throw new AppError('VALIDATION', 'wallchart.file.foreign', { name });
  }
  const plain: FileTemplate = { id: t.id, name: t.name, builtin: t.builtin ?? null, version: t.version, body: t.body };
  if (doc.checksum !== `sha256:${checksum(plain)}`) throw new AppError('VALIDATION', 'wallchart.file.checksum', { name });
  const body = checkBody(plain.body);

  await ensureDefaults(ctx);
  // The same template: by id, or (for a county's edit of a built-in) by the built-in it came from.
  const local = (await repo.getRow(ctx.db.kysely, plain.id)) ?? (plain.builtin ? await repo.rowByBuiltin(ctx.db.kysely, plain.builtin) : undefined);
  if (local) {
    if (plain.version < local.version) throw new AppError('CONFLICT', 'wallchart.file.older', { name: local.name, file: plain.version, local: local.version });
    if (plain.version === local.version) throw new AppError('CONFLICT', 'wallchart.file.same', { name: local.name, version: local.version });
    const saved = await putTemplate(ctx, { id: local.id, name: local.builtin ? local.name : plain.name, version: plain.version, body }, local);
    return { template: saved, outcome: 'updated', previousVersion: local.version };
  }
  const saved = await putTemplate(ctx, { id: plain.id, name: plain.name, version: plain.version, body }, undefined);
  return { template: saved, outcome: 'added', previousVersion: null };
}
