/** SQL for work promotion groups and supporting units (with the places each covers). */
import { groupLinks, type Conn } from '../db/rows';
import type { SupportUnit, WorkGroup } from '../../../shared/domain/org';

export async function listGroups(db: Conn, id?: string): Promise<WorkGroup[]> {
  let q = db.selectFrom('work_group').select(['id', 'name', 'leader', 'updated_at']).orderBy('name');
  if (id) q = q.where('id', '=', id);
  const rows = await q.execute();
  let lq = db
    .selectFrom('work_group_township as l')
    .innerJoin('township as t', 't.id', 'l.township_id')
    .select(['l.group_id as owner', 'l.township_id as other'])
    .orderBy('t.code');
  if (id) lq = lq.where('l.group_id', '=', id);
  const links = groupLinks(await lq.execute());
  return rows.map((r) => ({ id: r.id, name: r.name, leader: r.leader, updatedAt: r.updated_at, townshipIds: links.get(r.id) ?? [] }));
}

export async function groupByName(db: Conn, name: string) {
  return db.selectFrom('work_group').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

export async function listUnits(db: Conn, id?: string): Promise<SupportUnit[]> {
  let q = db.selectFrom('support_unit').select(['id', 'name', 'updated_at']).orderBy('name');
  if (id) q = q.where('id', '=', id);
  const rows = await q.execute();
  let lq = db
    .selectFrom('support_unit_village as l')
    .innerJoin('village as v', 'v.id', 'l.village_id')
    .select(['l.unit_id as owner', 'l.village_id as other'])
    .orderBy('v.code');
  if (id) lq = lq.where('l.unit_id', '=', id);
  const links = groupLinks(await lq.execute());
  return rows.map((r) => ({ id: r.id, name: r.name, updatedAt: r.updated_at, villageIds: links.get(r.id) ?? [] }));
}

export async function unitByName(db: Conn, name: string) {
  return db.selectFrom('support_unit').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

export async function unitRefs(db: Conn, id: string) {
  const teams = await db
    .selectFrom('village_team as t')
    .innerJoin('village as v', 'v.id', 't.village_id')
    .select('v.name')
    .where('t.support_unit_id', '=', id)
    .orderBy('v.code')
    .execute();
  const measures = await db
    .selectFrom('measure as m')
    .innerJoin('household as h', 'h.id', 'm.household_id')
    .select('h.head_name')
    .where('m.support_unit_id', '=', id)
    .orderBy('h.number')
    .execute();
  return { teams: teams.map((r) => r.name), measures: measures.map((r) => r.head_name) };
}
