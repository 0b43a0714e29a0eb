/** SQL of the import's remembered value mapping (值对照, migration 0013). */
import type { Conn } from '../db/rows';

/** list → (file value → chosen entry, or null: kept as it is). */
export async function rememberedValues(db: Conn): Promise<Map<string, Map<string, string | null>>> {
  const out = new Map<string, Map<string, string | null>>();
  for (const r of await db.selectFrom('value_map').select(['list', 'raw', 'code_name']).execute()) {
    const m = out.get(r.list) ?? new Map<string, string | null>();
    m.set(r.raw, r.code_name);
    out.set(r.list, m);
  }
  return out;
}

export interface RememberInput {
  list: string;
  raw: string;
  code: string | null;
}

/** Saves the user's choices (one row per list and value; a changed choice bumps its version). */
export async function rememberValues(db: Conn, choices: readonly RememberInput[], at: string, by: string, newId: () => string): Promise<void> {
  for (const c of choices) {
    await db
      .insertInto('value_map')
      .values({ id: newId(), list: c.list, raw: c.raw, code_name: c.code, version: 1, created_at: at, updated_at: at, updated_by: by })
      .onConflict((oc) =>
        oc.columns(['list', 'raw']).doUpdateSet((eb) => ({
          code_name: c.code,
          version: eb('version', '+', 1),
          updated_at: at,
          updated_by: by,
        })).where('value_map.code_name', 'is not', c.code),
      )
      .execute();
  }
}

/** The office's active entries per list. */
export async function activeEntries(db: Conn): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await db.selectFrom('code_item').select(['list', 'name']).where('active', '=', 1).orderBy('list').orderBy('sort').execute()) {
    const l = out.get(r.list) ?? [];
    l.push(r.name);
    out.set(r.list, l);
  }
  return out;
}
