/** SQL of accounts. */
import type { Conn } from '../db/rows';
import type { AccountTable } from '../db/schema';

export type AccountRow = AccountTable & { township_name: string | null };

const base = (db: Conn) => db.selectFrom('account as a').leftJoin('township as t', 't.id', 'a.township_id').selectAll('a').select('t.name as township_name');

export async function countAccounts(db: Conn): Promise<number> {
  const r = await db.selectFrom('account').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export function listAccounts(db: Conn): Promise<AccountRow[]> {
  return base(db).orderBy('a.created_at').execute();
}

export function accountByLogin(db: Conn, login: string): Promise<AccountRow | undefined> {
  return base(db).where('a.login', '=', login).executeTakeFirst();
}

export function accountById(db: Conn, id: string): Promise<AccountRow | undefined> {
  return base(db).where('a.id', '=', id).executeTakeFirst();
}

export async function insertAccount(db: Conn, row: AccountTable): Promise<void> {
  await db.insertInto('account').values(row).execute();
}

export async function updateAccount(db: Conn, id: string, patch: Partial<Omit<AccountTable, 'id' | 'created_at'>> & { updated_at: string; updated_by: string }): Promise<void> {
  await db
    .updateTable('account')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Counts a wrong password; from `freeTries` on, the next try must wait `waitAfter(count)` seconds. */
export async function recordFailure(db: Conn, id: string, retryAfter: string | null): Promise<void> {
  await db
    .updateTable('account')
    .set((eb) => ({ failed_count: eb('failed_count', '+', 1), retry_after: retryAfter }))
    .where('id', '=', id)
    .execute();
}

export async function clearFailures(db: Conn, id: string): Promise<void> {
  await db.updateTable('account').set({ failed_count: 0, retry_after: null }).where('id', '=', id).execute();
}

export async function countActiveAdmins(db: Conn): Promise<number> {
  const r = await db
    .selectFrom('account')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
