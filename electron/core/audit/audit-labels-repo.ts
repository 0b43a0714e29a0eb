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

/** Which table a reference field names, by field (and, where a name is shared, by record type). */
export function referenceTable(recordType: string, field: string): 'village' | 'township' | 'cadre' | 'support_unit' | 'work_group' | 'insp_group' | 'household' | null {
  switch (field) {
    case 'village_id':
      return 'village';
    case 'township_id':
      return 'township';
    case 'cadre_id':
    case 'captain_id':
      return 'cadre';
    case 'support_unit_id':
    case 'unit_id':
      return 'support_unit';
    case 'household_id':
      return 'household';
    case 'group_id':
      return recordType === 'insp_target' ? 'insp_group' : 'work_group';
    default:
      return null;
  }
}

/** Names of referenced records (village, township, cadre, unit, group, household number), by table and id. */
export async function referenceNames(db: Conn, wanted: Map<string, Set<string>>): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const [table, set] of wanted) {
    const ids = [...set];
    for (let i = 0; i < ids.length; i += 500) {
      const part = ids.slice(i, i + 500);
      const rows =
        table === 'household'
          ? (await db.selectFrom('household').select(['id', 'number', 'head_name']).where('id', 'in', part).execute()).map((h) => ({ id: h.id, name: `${h.number} ${h.head_name}` }))
          : await db
              .selectFrom(table as 'village')
              .select(['id', 'name'])
              .where('id', 'in', part)
              .execute();
      for (const r of rows) out.set(`${table}:${r.id}`, r.name);
    }
  }
  return out;
}
