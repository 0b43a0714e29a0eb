/** Which township a record belongs to (a township operator's calls are checked against it). */
import type { Conn } from '../db/rows';

export async function townshipOfVillage(db: Conn, villageId: string): Promise<string | null> {
  const r = await db.selectFrom('village').select('township_id').where('id', '=', villageId).executeTakeFirst();
  return r?.township_id ?? null;
}

export async function townshipOfHousehold(db: Conn, householdId: string): Promise<string | null> {
  const r = await db.selectFrom('household as h').innerJoin('village as v', 'v.id', 'h.village_id').select('v.township_id').where('h.id', '=', householdId).executeTakeFirst();
  return r?.township_id ?? null;
}

/** The township of an income, measure or pairing record, through its household. */
export async function townshipOfDetail(db: Conn, table: 'income' | 'measure' | 'pairing', id: string): Promise<string | null> {
  const r = await db
    .selectFrom(`${table} as d` as 'income as d')
    .innerJoin('household as h', 'h.id', 'd.household_id')
    .innerJoin('village as v', 'v.id', 'h.village_id')
    .select('v.township_id')
    .where('d.id', '=', id)
    .executeTakeFirst();
  return r?.township_id ?? null;
}
