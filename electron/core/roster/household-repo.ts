/** SQL for one household and what hangs off it (members, income, measures, pairings, history). */
import type { Conn } from '../db/rows';
import type { PersonTable } from '../db/schema';

export async function householdRow(db: Conn, id: string) {
  return db
    .selectFrom('household as h')
    .innerJoin('village as v', 'v.id', 'h.village_id')
    .innerJoin('township as t', 't.id', 'v.township_id')
    .selectAll('h')
    .select(['v.name as village_name', 't.id as township_id', 't.name as township_name'])
    .where('h.id', '=', id)
    .executeTakeFirst();
}

export async function householdByNumber(db: Conn, number: string) {
  return db.selectFrom('household').select(['id', 'head_name']).where('number', '=', number).executeTakeFirst();
}

export async function members(db: Conn, householdId: string): Promise<PersonTable[]> {
  return db.selectFrom('person').selectAll().where('household_id', '=', householdId).orderBy('sort').execute();
}

/** Where each of these ID numbers is registered now. */
export async function registeredPersons(db: Conn, idNumbers: string[]) {
  if (idNumbers.length === 0) return [];
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select(['p.id', 'p.id_number', 'p.household_id', 'h.number', 'h.head_name'])
    .where('p.id_number', 'in', idNumbers)
    .execute();
}

export async function incomes(db: Conn, householdId: string) {
  return db.selectFrom('income').selectAll().where('household_id', '=', householdId).orderBy('year', 'desc').execute();
}

export async function measures(db: Conn, householdId: string) {
  return db
    .selectFrom('measure as m')
    .leftJoin('support_unit as u', 'u.id', 'm.support_unit_id')
    .selectAll('m')
    .select('u.name as unit_name')
    .where('m.household_id', '=', householdId)
    .orderBy('m.year', 'desc')
    .orderBy('m.date', 'desc')
    .execute();
}

export async function pairings(db: Conn, householdId: string) {
  return db
    .selectFrom('pairing as p')
    .innerJoin('cadre as c', 'c.id', 'p.cadre_id')
    .selectAll('p')
    .select(['c.name as cadre_name', 'c.unit as cadre_unit', 'c.phone as cadre_phone'])
    .where('p.household_id', '=', householdId)
    .orderBy('p.start_date', 'desc')
    .execute();
}

export async function history(db: Conn, householdId: string) {
  return db.selectFrom('household_status').selectAll().where('household_id', '=', householdId).orderBy('effective_date', 'desc').orderBy('created_at', 'desc').execute();
}

/** The effective date of the household's latest status entry (null when it has none). */
export async function latestStatusDate(db: Conn, householdId: string): Promise<string | null> {
  const r = await db.selectFrom('household_status').select((eb) => eb.fn.max('effective_date').as('d')).where('household_id', '=', householdId).executeTakeFirst();
  return (r?.d as string | null | undefined) ?? null;
}

export async function povertyLines(db: Conn) {
  return db.selectFrom('poverty_line').select(['year', 'amount_fen']).orderBy('year').execute();
}

export async function ownerOf(db: Conn, table: 'income' | 'measure' | 'pairing', id: string) {
  return (await db.selectFrom(table).select('household_id').where('id', '=', id).executeTakeFirst())?.household_id;
}

export async function incomeForYear(db: Conn, householdId: string, year: number) {
  return db.selectFrom('income').select('id').where('household_id', '=', householdId).where('year', '=', year).executeTakeFirst();
}

export async function cadreById(db: Conn, id: string) {
  return db.selectFrom('cadre').select(['id', 'id_number']).where('id', '=', id).executeTakeFirst();
}

export async function personHouseholdByIdNumber(db: Conn, idNumber: string) {
  return db
    .selectFrom('person as p')
    .innerJoin('household as h', 'h.id', 'p.household_id')
    .select(['h.number'])
    .where('p.id_number', '=', idNumber)
    .executeTakeFirst();
}

export async function deletePersonsExcept(db: Conn, householdId: string, keep: string[]) {
  let q = db.deleteFrom('person').where('household_id', '=', householdId);
  if (keep.length) q = q.where('id', 'not in', keep);
  await q.execute();
}

export async function unitExists(db: Conn, id: string) {
  return !!(await db.selectFrom('support_unit').select('id').where('id', '=', id).executeTakeFirst());
}

export async function codeItems(db: Conn) {
  return db.selectFrom('code_item').selectAll().orderBy('list').orderBy('sort').execute();
}

export async function codeByName(db: Conn, list: string, name: string) {
  return db.selectFrom('code_item').select('id').where('list', '=', list).where('name', '=', name).executeTakeFirst();
}

export async function saveLine(db: Conn, year: number, amountFen: number, at: string, by: string) {
  await db
    .insertInto('poverty_line')
    .values({ year, amount_fen: amountFen, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('year').doUpdateSet({ amount_fen: amountFen, updated_at: at, updated_by: by }))
    .execute();
}

export async function deleteLine(db: Conn, year: number) {
  await db.deleteFrom('poverty_line').where('year', '=', year).execute();
}
