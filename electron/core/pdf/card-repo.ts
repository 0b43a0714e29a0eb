/** Reads for the household card (明白卡): one household, or every household of a village. */
import { byGroupThenNumber } from '../../../shared/roster/group-order';
import { sql } from 'kysely';
import type { Conn } from '../db/rows';

export async function villageHouseholdIds(db: Conn, villageId: string): Promise<string[]> {
  const rows = (await db.selectFrom('household').select(['id', 'group_name', 'number']).where('village_id', '=', villageId).execute()).sort(byGroupThenNumber);
  return rows.map((r) => r.id);
}

export async function householdIdByNumber(db: Conn, number: string): Promise<string | undefined> {
  return (await db.selectFrom('household').select('id').where('number', '=', number).executeTakeFirst())?.id;
}

export async function villageByCode(db: Conn, code: string) {
  return db.selectFrom('village').select(['id', 'name']).where('code', '=', code).executeTakeFirst();
}

export async function villageExists(db: Conn, id: string): Promise<boolean> {
  return !!(await db.selectFrom('village').select('id').where('id', '=', id).executeTakeFirst());
}

export async function cardHousehold(db: Conn, id: string) {
  return db
    .selectFrom('household as h')
    .innerJoin('village as v', 'v.id', 'h.village_id')
    .innerJoin('township as t', 't.id', 'v.township_id')
    .selectAll('h')
    .select(['v.name as village_name', 't.name as township_name'])
    .where('h.id', '=', id)
    .executeTakeFirst();
}

export async function cardMembers(db: Conn, id: string) {
  return db
    .selectFrom('person')
    .select(['name', 'relation', 'gender', 'birth_date', 'id_number', 'health', 'skill', 'school_status', 'insured'])
    .where('household_id', '=', id)
    .orderBy('sort')
    .execute();
}

/** The household's headline income: the latest year not after `year` (a later year is a plan, not an income). */
export async function latestIncome(db: Conn, id: string, year: number) {
  return db.selectFrom('income').selectAll().where('household_id', '=', id).where('year', '<=', year).orderBy('year', 'desc').limit(1).executeTakeFirst();
}

export async function lineFor(db: Conn, year: number): Promise<number | null> {
  return (await db.selectFrom('poverty_line').select('amount_fen').where('year', '=', year).executeTakeFirst())?.amount_fen ?? null;
}

/** Pairings in force on `today`, latest first, with the cadre's unit, post and work phone. */
export async function activeCadres(db: Conn, id: string, today: string) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('cadre as c', 'c.id', 'p.cadre_id')
    .select(['c.name', 'c.unit', 'c.post', 'c.phone', 'p.start_date'])
    .where('p.household_id', '=', id)
    .where((eb) => eb.or([eb('p.end_date', 'is', null), eb('p.end_date', '>=', today)]))
    .orderBy(sql`p.start_date IS NULL`)
    .orderBy('p.start_date', 'desc')
    .execute();
}

export async function measuresOfYear(db: Conn, id: string, year: number) {
  return db
    .selectFrom('measure as m')
    .leftJoin('support_unit as u', 'u.id', 'm.support_unit_id')
    .select(['m.category', 'm.content', 'm.amount_fen', 'm.date', 'u.name as unit_name'])
    .where('m.household_id', '=', id)
    .where('m.year', '=', year)
    .orderBy(sql`m.date IS NULL`)
    .orderBy('m.date')
    .execute();
}

export async function villageName(db: Conn, id: string): Promise<string | undefined> {
  return (await db.selectFrom('village').select('name').where('id', '=', id).executeTakeFirst())?.name;
}
