/**
 * The built-in templates, shipped as JSON in resources/templates/ (so an office can see and a
 * packager can replace them), installed into the database on first use and restorable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fontDir } from '../pdf/fonts';
import { templateBodySchema, type TemplateBody } from '../../../shared/domain/wallchart';

export interface BuiltinTemplate {
  builtin: string;
  name: string;
  body: TemplateBody;
}

export const BUILTIN_KEYS = ['village-chart', 'village-pairing', 'township-board', 'county-overview'] as const;

/** Beside the fonts: both follow setResourcesDir (process.resourcesPath in the packaged app). */
const templatesDir = () => path.join(path.dirname(fontDir()), 'templates');

export function builtinTemplates(): BuiltinTemplate[] {
  return BUILTIN_KEYS.map((key) => {
    const raw = JSON.parse(fs.readFileSync(path.join(templatesDir(), `${key}.json`), 'utf8')) as { builtin: string; name: string; body: unknown };
    return { builtin: key, name: String(raw.name), body: templateBodySchema.parse(raw.body) };
  });
}
