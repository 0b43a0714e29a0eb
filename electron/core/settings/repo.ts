/** SQL for key/value settings. */
import type { Conn } from '../db/rows';

export async function readSettings(db: Conn): Promise<Map<string, string>> {
  const rows = await db.selectFrom('setting').select(['key', 'value']).execute();
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function writeSetting(db: Conn, key: string, value: string, at: string, by: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value, updated_at: at, updated_by: by })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at, updated_by: by }))
    .execute();
}
