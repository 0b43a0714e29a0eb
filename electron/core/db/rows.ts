import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { DB } from './schema';

/** A connection or a transaction: every repository function takes either. */
export type Conn = Kysely<DB> | Transaction<DB>;

type IdTable = { [K in keyof DB]: DB[K] extends { id: string } ? K : never }[keyof DB];

/** Plain row writes shared by the per-domain repositories (tables with an `id` key). */
export async function insertRow<T extends IdTable>(db: Conn, table: T, row: Insertable<DB[T]>): Promise<void> {
  await (db as Kysely<DB>).insertInto(table).values(row as never).execute();
}

export async function updateRow<T extends IdTable>(db: Conn, table: T, id: string, patch: Updateable<DB[T]>): Promise<boolean> {
  const r = await (db as Kysely<any>).updateTable(table as string).set(patch as never).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteRow(db: Conn, table: IdTable, id: string): Promise<boolean> {
  const r = await (db as Kysely<any>).deleteFrom(table as string).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Replaces the link rows of one owner (e.g. the townships a work group covers). */
export async function replaceLinks<T extends 'work_group_township' | 'support_unit_village' | 'village_team_member'>(
  db: Conn,
  table: T,
  ownerCol: string,
  otherCol: string,
  ownerId: string,
  otherIds: readonly string[],
): Promise<void> {
  const k = db as Kysely<any>;
  await k.deleteFrom(table as string).where(ownerCol, '=', ownerId).execute();
  if (otherIds.length === 0) return;
  await k
    .insertInto(table as string)
    .values([...new Set(otherIds)].map((o) => ({ [ownerCol]: ownerId, [otherCol]: o })))
    .execute();
}

/** Groups link rows into owner → list of ids. */
export function groupLinks(rows: { owner: string; other: string }[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rows) {
    const list = m.get(r.owner);
    if (list) list.push(r.other);
    else m.set(r.owner, [r.other]);
  }
  return m;
}
