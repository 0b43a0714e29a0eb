/** What audit entries are about, in words: the household's number and head, a member's name. */
import type { Conn } from '../db/rows';

export async function labelsFor(db: Conn, rows: readonly { record_type: string; record_id: string; household_id: string | null }[]) {
  const hIds = [...new Set(rows.map((r) => r.household_id).filter((x): x is string => !!x))];
  const pIds = [...new Set(rows.filter((r) => r.record_type === 'person').map((r) => r.record_id))];
  const households = new Map<string, { number: string; headName: string }>();
  const persons = new Map<string, string>();
  for (let i = 0; i < hIds.length; i += 500) {
    const part = hIds.slice(i, i + 500);
    for (const h of await db.selectFrom('household').select(['id', 'number', 'head_name']).where('id', 'in', part).execute()) households.set(h.id, { number: h.number, headName: h.head_name });
  }
  for (let i = 0; i < pIds.length; i += 500) {
    const part = pIds.slice(i, i + 500);
    for (const p of await db.selectFrom('person').select(['id', 'name']).where('id', 'in', part).execute()) persons.set(p.id, p.name);
  }
  return { households, persons };
}

export async function householdByNumber(db: Conn, number: string): Promise<string | undefined> {
  const r = await db.selectFrom('household').select('id').where('number', '=', number).executeTakeFirst();
  return r?.id;
}
