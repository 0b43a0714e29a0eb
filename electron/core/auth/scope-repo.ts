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

/** The units a ledger item names (牵头单位, 责任单位), by the item's id or one of its evidence files. */
export async function unitsOfLedgerItem(db: Conn, id: string, via: 'item' | 'evidence' = 'item'): Promise<string[]> {
  const r =
    via === 'item'
      ? await db.selectFrom('ledger_item').select(['lead_unit', 'responsible_unit']).where('id', '=', id).executeTakeFirst()
      : await db
          .selectFrom('ledger_evidence as e')
          .innerJoin('ledger_item as i', 'i.id', 'e.item_id')
          .select(['i.lead_unit', 'i.responsible_unit'])
          .where('e.id', '=', id)
          .executeTakeFirst();
  return r ? [r.lead_unit, r.responsible_unit] : [];
}
