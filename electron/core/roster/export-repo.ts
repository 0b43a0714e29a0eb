/** SQL of the roster export: households in register order, then their members in batches. */
import type Sqlite from 'better-sqlite3';
import type { Database } from '../db/open';
import type { HouseholdTable, PersonTable } from '../db/schema';

export interface ExportFilter {
  townshipId?: string;
  villageId?: string;
}

export interface ExportHousehold {
  household: HouseholdTable;
  townshipName: string;
  villageName: string;
  members: PersonTable[];
}

const BATCH = 500;

/**
 * Households in the order township code, village code, group, number; members by their order.
 * Each batch is read through the connection's gate (other calls run between batches).
 */
export async function* exportHouseholds(db: Database, filter: ExportFilter = {}): AsyncGenerator<ExportHousehold> {
  const where: string[] = [];
  const args: string[] = [];
  if (filter.townshipId) {
    where.push('t.id = ?');
    args.push(filter.townshipId);
  }
  if (filter.villageId) {
    where.push('v.id = ?');
    args.push(filter.villageId);
  }
  const order = await db.exclusive((raw) =>
    raw
      .prepare(
      'SELECT h.id FROM household h JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id' +
        (where.length ? ' WHERE ' + where.join(' AND ') : '') +
        ' ORDER BY h.sort_key',
      )
      .pluck()
      .all(...args) as string[],
  );
  const getHouseholds = (raw: Sqlite.Database, n: number) =>
    raw.prepare(
      'SELECT h.*, t.name AS township_name, v.name AS village_name FROM household h JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id ' +
        `WHERE h.id IN (${Array(n).fill('?').join(',')})`,
    );
  const getMembers = (raw: Sqlite.Database, n: number) => raw.prepare(`SELECT * FROM person WHERE household_id IN (${Array(n).fill('?').join(',')}) ORDER BY household_id, sort`);
  for (let i = 0; i < order.length; i += BATCH) {
    const ids = order.slice(i, i + BATCH);
    const [households, members] = await db.exclusive((raw) => [
      getHouseholds(raw, ids.length).all(...ids) as (HouseholdTable & { township_name: string; village_name: string })[],
      getMembers(raw, ids.length).all(...ids) as PersonTable[],
    ]);
    const hs = new Map(households.map((h) => [h.id, h]));
    const ms = new Map<string, PersonTable[]>();
    for (const p of members) {
      const list = ms.get(p.household_id) ?? [];
      list.push(p);
      ms.set(p.household_id, list);
    }
    for (const id of ids) {
      const h = hs.get(id)!;
      const { township_name, village_name, ...household } = h;
      yield { household, townshipName: township_name, villageName: village_name, members: ms.get(id) ?? [] };
    }
  }
}
