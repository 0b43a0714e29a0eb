/** SQL for paired cadres and village-based teams. */
import { sql } from 'kysely';
import { groupLinks, type Conn } from '../db/rows';
import type { Cadre, VillageTeam } from '../../../shared/domain/org';
import type { CadreTable } from '../db/schema';
import type { Database } from '../db/open';

function toCadre(r: CadreTable): Cadre {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    idNumber: r.id_number,
    unit: r.unit,
    post: r.post,
    phone: r.phone,
    updatedAt: r.updated_at,
  };
}

export async function listCadres(db: Conn, id?: string): Promise<Cadre[]> {
  let q = db.selectFrom('cadre').selectAll().orderBy('unit').orderBy('name');
  if (id) q = q.where('id', '=', id);
  return (await q.execute()).map(toCadre);
}

export async function cadreByIdNumber(db: Conn, idNumber: string) {
  return db.selectFrom('cadre').select(['id', 'name']).where('id_number', '=', idNumber).executeTakeFirst();
}

export async function existingCadreIds(db: Conn, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('cadre').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function cadreRefs(db: Conn, id: string) {
  const rows = await db
    .selectFrom('village_team as t')
    .innerJoin('village as v', 'v.id', 't.village_id')
    .select('v.name')
    .where((eb) =>
      eb.or([
        eb('t.captain_id', '=', id),
        eb.exists(eb.selectFrom('village_team_member as m').select('m.team_id').whereRef('m.team_id', '=', 't.id').where('m.cadre_id', '=', id)),
      ]),
    )
    .orderBy('v.code')
    .execute();
  const paired = await db
    .selectFrom('pairing as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select('h.head_name')
    .where('p.cadre_id', '=', id)
    .orderBy('h.number')
    .execute();
  return { teams: rows.map((r) => r.name), households: paired.map((r) => r.head_name) };
}

/**
 * Bulk insert for registry imports and benchmarks: one prepared statement in one transaction.
 * SQLite-only fast path; a server database gets its own version behind the same signature.
 */
export function insertCadresBulk(db: Database, rows: readonly CadreTable[]): Promise<void> {
  return db.exclusive((raw) => {
    const stmt = raw.prepare(
      'INSERT INTO cadre (id, name, gender, id_number, unit, post, phone, created_at, updated_at, updated_by) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    raw.transaction(() => {
      for (const r of rows) stmt.run(r.id, r.name, r.gender, r.id_number, r.unit, r.post, r.phone, r.created_at, r.updated_at, r.updated_by);
    }).immediate();
  });
}

export async function listTeams(db: Conn, id?: string): Promise<VillageTeam[]> {
  let q = db
    .selectFrom('village_team as t')
    .innerJoin('village as v', 'v.id', 't.village_id')
    .select(['t.id', 't.village_id', 'v.name as village_name', 't.support_unit_id', 't.captain_id', 't.term_start', 't.term_end', 't.updated_at'])
    .orderBy('v.code');
  if (id) q = q.where('t.id', '=', id);
  const rows = await q.execute();
  let lq = db
    .selectFrom('village_team_member as m')
    .innerJoin('cadre as c', 'c.id', 'm.cadre_id')
    .select(['m.team_id as owner', 'm.cadre_id as other'])
    .orderBy(sql`c.name`);
  if (id) lq = lq.where('m.team_id', '=', id);
  const members = groupLinks(await lq.execute());
  return rows.map((r) => ({
    id: r.id,
    villageId: r.village_id,
    villageName: r.village_name,
    supportUnitId: r.support_unit_id,
    captainId: r.captain_id,
    memberIds: members.get(r.id) ?? [],
    termStart: r.term_start,
    termEnd: r.term_end,
    updatedAt: r.updated_at,
  }));
}

export async function teamByVillage(db: Conn, villageId: string) {
  return db.selectFrom('village_team').select('id').where('village_id', '=', villageId).executeTakeFirst();
}

export async function countAll(db: Conn) {
  const one = async (table: 'township' | 'work_group' | 'support_unit' | 'village_team' | 'cadre') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const v = await db
    .selectFrom('village')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('is_poor').as('poor')])
    .executeTakeFirstOrThrow();
  return {
    townships: await one('township'),
    villages: Number(v.n),
    poorVillages: Number(v.poor ?? 0),
    workGroups: await one('work_group'),
    supportUnits: await one('support_unit'),
    villageTeams: await one('village_team'),
    cadres: await one('cadre'),
  };
}
