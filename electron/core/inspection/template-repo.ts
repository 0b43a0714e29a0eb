/** SQL for checklists (insp_template) and their immutable versions. */
import type { Conn } from '../db/rows';
import type { TemplateDetail, TemplateSection, TemplateSummary } from '../../../shared/domain/inspection';

interface Row {
  id: string;
  target_type: string;
  name: string;
  version: number;
  updated_at: string;
  updated_by: string;
  version_id: string;
  sections: string;
  total_max: number;
}

async function usedBy(db: Conn, templateId?: string): Promise<Map<string, string[]>> {
  let q = db
    .selectFrom('insp_round_template as rt')
    .innerJoin('insp_template_version as v', 'v.id', 'rt.version_id')
    .innerJoin('insp_round as r', 'r.id', 'rt.round_id')
    .select(['v.template_id', 'r.name'])
    .orderBy('r.period_start');
  if (templateId) q = q.where('v.template_id', '=', templateId);
  const m = new Map<string, string[]>();
  for (const r of await q.execute()) m.set(r.template_id, [...(m.get(r.template_id) ?? []), r.name]);
  return m;
}

function detail(r: Row, used: Map<string, string[]>): TemplateDetail {
  const sections = JSON.parse(r.sections) as TemplateSection[];
  return {
    id: r.id,
    targetType: r.target_type,
    name: r.name,
    version: r.version,
    versionId: r.version_id,
    totalMax: r.total_max,
    itemCount: sections.reduce((a, s) => a + s.items.length, 0),
    usedBy: used.get(r.id) ?? [],
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    sections,
  };
}

export async function listTemplates(db: Conn, id?: string): Promise<TemplateDetail[]> {
  let q = db
    .selectFrom('insp_template as t')
    .innerJoin('insp_template_version as v', (j) => j.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.version'))
    .select(['t.id', 't.target_type', 't.name', 't.version', 't.updated_at', 't.updated_by', 'v.id as version_id', 'v.sections', 'v.total_max'])
    .orderBy('t.target_type')
    .orderBy('t.name');
  if (id) q = q.where('t.id', '=', id);
  const used = await usedBy(db, id);
  return (await q.execute()).map((r) => detail(r, used));
}

export const summary = ({ sections: _s, versionId: _v, ...rest }: TemplateDetail): TemplateSummary => rest;

export async function templateByName(db: Conn, name: string) {
  return db.selectFrom('insp_template').select(['id']).where('name', '=', name).executeTakeFirst();
}

/** The current version of the (first-named) template of a target type. */
export async function versionForType(db: Conn, type: string) {
  return db
    .selectFrom('insp_template as t')
    .innerJoin('insp_template_version as v', (j) => j.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.version'))
    .select(['v.id', 't.name'])
    .where('t.target_type', '=', type)
    .orderBy('t.name')
    .executeTakeFirst();
}

export async function getVersion(db: Conn, versionId: string) {
  const r = await db
    .selectFrom('insp_template_version as v')
    .innerJoin('insp_template as t', 't.id', 'v.template_id')
    .select(['v.id', 'v.template_id', 'v.version', 'v.name', 'v.sections', 'v.total_max', 't.target_type'])
    .where('v.id', '=', versionId)
    .executeTakeFirst();
  return r && { ...r, sections: JSON.parse(r.sections) as TemplateSection[] };
}

export async function currentVersion(db: Conn, templateId: string) {
  return db
    .selectFrom('insp_template as t')
    .innerJoin('insp_template_version as v', (j) => j.onRef('v.template_id', '=', 't.id').onRef('v.version', '=', 't.version'))
    .select(['v.id', 't.name'])
    .where('t.id', '=', templateId)
    .executeTakeFirst();
}
