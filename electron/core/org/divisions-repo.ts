/** SQL for townships and villages. */
import type { Insertable, Updateable } from 'kysely';
import type { Conn } from '../db/rows';
import type { TownshipTable, VillageTable } from '../db/schema';
import type { Township, Village } from '../../../shared/domain/org';

export async function listTownships(db: Conn): Promise<Township[]> {
  const rows = await db
    .selectFrom('township as t')
    .leftJoin('village as v', 'v.township_id', 't.id')
    .select((eb) => ['t.id', 't.code', 't.name', 't.updated_at', eb.fn.count<number>('v.id').as('village_count')])
    .groupBy('t.id')
    .orderBy('t.code')
    .execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, updatedAt: r.updated_at, villageCount: Number(r.village_count) }));
}

export async function getTownship(db: Conn, id: string): Promise<Township | undefined> {
  return (await listTownships(db)).find((t) => t.id === id);
}

export async function townshipByCode(db: Conn, code: string) {
  return db.selectFrom('township').select(['id', 'name', 'code']).where('code', '=', code).executeTakeFirst();
}

export async function townshipById(db: Conn, id: string) {
  return db.selectFrom('township').select(['id', 'name', 'code']).where('id', '=', id).executeTakeFirst();
}

export async function townshipRefs(db: Conn, id: string) {
  const villages = await db.selectFrom('village').select('name').where('township_id', '=', id).orderBy('code').execute();
  const groups = await db
    .selectFrom('work_group_township as l')
    .innerJoin('work_group as g', 'g.id', 'l.group_id')
    .select('g.name')
    .where('l.township_id', '=', id)
    .orderBy('g.name')
    .execute();
  return { villages: villages.map((r) => r.name), groups: groups.map((r) => r.name) };
}

function villageQuery(db: Conn) {
  return db
    .selectFrom('village as v')
    .innerJoin('township as t', 't.id', 'v.township_id')
    .select(['v.id', 'v.code', 'v.name', 'v.township_id', 't.name as township_name', 'v.is_poor', 'v.population', 'v.updated_at'])
    .orderBy('v.code');
}

function toVillage(r: Awaited<ReturnType<ReturnType<typeof villageQuery>['execute']>>[number]): Village {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    townshipId: r.township_id,
    townshipName: r.township_name,
    isPoor: r.is_poor === 1,
    population: r.population,
    updatedAt: r.updated_at,
  };
}

export async function listVillages(db: Conn, townshipId?: string): Promise<Village[]> {
  let q = villageQuery(db);
  if (townshipId) q = q.where('v.township_id', '=', townshipId);
  return (await q.execute()).map(toVillage);
}

export async function getVillage(db: Conn, id: string): Promise<Village | undefined> {
  const r = await villageQuery(db).where('v.id', '=', id).executeTakeFirst();
  return r && toVillage(r);
}

export async function villageByCode(db: Conn, code: string) {
  return db.selectFrom('village').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
}

export async function existingVillageIds(db: Conn, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('village').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function existingTownshipIds(db: Conn, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('township').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function villageRefs(db: Conn, id: string) {
  const units = await db
    .selectFrom('support_unit_village as l')
    .innerJoin('support_unit as u', 'u.id', 'l.unit_id')
    .select('u.name')
    .where('l.village_id', '=', id)
    .orderBy('u.name')
    .execute();
  const teams = await db
    .selectFrom('village_team as t')
    .innerJoin('village as v', 'v.id', 't.village_id')
    .select('v.name')
    .where('t.village_id', '=', id)
    .execute();
  const households = await db.selectFrom('household').select('head_name').where('village_id', '=', id).orderBy('number').limit(5).execute();
  const householdCount = Number(
    (await db.selectFrom('household').select((eb) => eb.fn.countAll<number>().as('n')).where('village_id', '=', id).executeTakeFirstOrThrow()).n,
  );
  return { units: units.map((r) => r.name), teams: teams.map((r) => r.name), households: { count: householdCount, names: households.map((r) => r.head_name) } };
}

export type TownshipRow = Insertable<TownshipTable>;
export type VillageRow = Insertable<VillageTable>;
export type VillagePatch = Updateable<VillageTable>;
