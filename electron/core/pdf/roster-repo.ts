/**
 * Reads for the roster PDF: the households the roster list's filter selects, in register
 * order, then their fields and members in batches, so memory stays bounded at any size.
 */
import type Sqlite from 'better-sqlite3';
import type { Conn } from '../db/rows';
import type { Database } from '../db/open';
import { countRoster, orderedIds } from '../roster/query-repo';
import type { RosterFilter } from '../../../shared/domain/roster';

export interface RosterPdfPerson {
  name: string;
  relation: string;
  gender: string;
  id_number: string;
  phone: string;
}

export interface RosterPdfHousehold {
  id: string;
  number: string;
  village_id: string;
  township_name: string;
  village_name: string;
  group_name: string;
  head_name: string;
  size: number;
  attribute: string;
  main_cause: string;
  status: string;
  planned_exit_year: number | null;
  phone: string;
  members: RosterPdfPerson[];
}

export const BATCH = 500;

/** Household ids in the list's register order (township, village, group, number). */
export async function rosterPdfIds(db: Conn, filter: RosterFilter): Promise<string[]> {
  const n = await countRoster(db, filter);
  if (n === 0) return [];
  return orderedIds(db, { ...filter, sort: 'village', desc: false, offset: 0, limit: n }, 0, n);
}

const placeholders = (n: number) => Array(n).fill('?').join(',');

/** For the page count: village and number of person rows of each household, in the given order. */
export async function shapes(db: Database, ids: string[]): Promise<{ villageId: string; persons: number }[]> {
  const out: { villageId: string; persons: number }[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const rows = await db.exclusive(
      (raw) =>
        raw
          .prepare(
            `SELECT h.id, h.village_id, (SELECT count(*) FROM person p WHERE p.household_id = h.id) AS n FROM household h WHERE h.id IN (${placeholders(batch.length)})`,
          )
          .all(...batch) as { id: string; village_id: string; n: number }[],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of batch) {
      const r = byId.get(id);
      if (r) out.push({ villageId: r.village_id, persons: Math.max(1, r.n) });
    }
  }
  return out;
}

/** The households with their members, in the given order, read BATCH at a time (each through the gate). */
export async function* households(db: Database, ids: string[]): AsyncGenerator<RosterPdfHousehold> {
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const [hs, ps] = await db.exclusive((raw) => readBatch(raw, batch));
    const members = new Map<string, RosterPdfPerson[]>();
    for (const p of ps) {
      const list = members.get(p.household_id) ?? [];
      list.push({ name: p.name, relation: p.relation, gender: p.gender, id_number: p.id_number, phone: p.phone });
      members.set(p.household_id, list);
    }
    const byId = new Map(hs.map((h) => [h.id, h]));
    for (const id of batch) {
      const h = byId.get(id);
      if (h) yield { ...h, members: members.get(id) ?? [] };
    }
  }
}

function readBatch(raw: Sqlite.Database, batch: string[]): [Omit<RosterPdfHousehold, 'members'>[], (RosterPdfPerson & { household_id: string })[]] {
    const hs = raw
      .prepare(
        'SELECT h.id, h.number, h.village_id, t.name AS township_name, v.name AS village_name, h.group_name, h.head_name, h.size, h.attribute, h.main_cause, h.status, h.planned_exit_year, h.phone ' +
          `FROM household h JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id WHERE h.id IN (${placeholders(batch.length)})`,
      )
      .all(...batch) as Omit<RosterPdfHousehold, 'members'>[];
    const ps = raw
      .prepare(`SELECT household_id, name, relation, gender, id_number, phone FROM person WHERE household_id IN (${placeholders(batch.length)}) ORDER BY household_id, sort`)
      .all(...batch) as (RosterPdfPerson & { household_id: string })[];
    return [hs, ps];
}

/** Names for the title's scope line. */
export async function scopeNames(db: Conn, filter: RosterFilter): Promise<{ township?: string; village?: string }> {
  const township = filter.townshipId ? (await db.selectFrom('township').select('name').where('id', '=', filter.townshipId).executeTakeFirst())?.name : undefined;
  const village = filter.villageId ? (await db.selectFrom('village').select('name').where('id', '=', filter.villageId).executeTakeFirst())?.name : undefined;
  return { township, village };
}
