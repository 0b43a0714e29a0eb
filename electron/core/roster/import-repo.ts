/**
 * SQL of the roster import: reading what the planner compares against, and applying a plan in
 * one transaction. SQLite-only fast path (prepared statements over better-sqlite3); a server
 * database gets its own module behind the same two functions.
 */
import type Sqlite from 'better-sqlite3';
import type { FieldKey } from '../../../shared/roster/layout';
import { cleanCode, reverseId } from '../../../shared/roster/values';
import type { HouseholdTable, PersonTable } from '../db/schema';
import { householdFields, householdValues, personFields, personValues, signature } from './import-values';
import type { ImportContext, ImportPlan } from './import-types';

export function loadImportContext(raw: Sqlite.Database, fields: readonly FieldKey[]): ImportContext {
  const townships = raw.prepare('SELECT id, code, name FROM township').all() as { id: string; code: string; name: string }[];
  const townshipsByName = new Map(townships.map((t) => [t.name, t]));
  const tName = new Map(townships.map((t) => [t.id, t.name]));
  const villageRows = raw.prepare('SELECT id, township_id, name FROM village').all() as { id: string; township_id: string; name: string }[];
  const villages = new Map(villageRows.map((v) => [`${v.township_id}|${v.name}`, v.id]));
  const vInfo = new Map(villageRows.map((v) => [v.id, v]));
  const codes = new Map<string, Set<string>>();
  for (const r of raw.prepare('SELECT list, name FROM code_item WHERE active = 1').all() as { list: string; name: string }[]) {
    const set = codes.get(r.list) ?? new Set<string>();
    set.add(cleanCode(r.name));
    codes.set(r.list, set);
  }

  // Households with their members, in one pass over persons ordered by household.
  const personHousehold = new Map<string, string>();
  const households = new Map<string, { id: string; head: string; signature: string }>();
  const hh = new Map<string, HouseholdTable>();
  for (const h of raw.prepare('SELECT * FROM household').iterate() as Iterable<HouseholdTable>) hh.set(h.id, h);
  let current: HouseholdTable | undefined;
  let members: PersonTable[] = [];
  const flush = () => {
    if (!current) return;
    const v = vInfo.get(current.village_id)!;
    const values = householdValues(current, tName.get(v.township_id) ?? '', v.name);
    households.set(current.number, { id: current.id, head: current.head_name, signature: signature(values, members.map(personValues), fields) });
    hh.delete(current.id);
  };
  for (const p of raw.prepare('SELECT * FROM person ORDER BY household_id, sort').iterate() as Iterable<PersonTable>) {
    if (current?.id !== p.household_id) {
      flush();
      current = hh.get(p.household_id);
      members = [];
    }
    members.push(p);
    personHousehold.set(p.id_number, current!.number);
  }
  flush();
  for (const h of [...hh.values()]) {
    current = h;
    members = [];
    flush();
  }
  return { townshipsByName, villages, codes, personHousehold, households };
}

const HOUSEHOLD_COLUMNS: Partial<Record<FieldKey, keyof HouseholdTable>> = {
  group: 'group_name',
  status: 'status',
  exitYear: 'exit_year',
  attribute: 'attribute',
  mainCause: 'main_cause',
  dangerousHouse: 'dangerous_house',
  waterSafe: 'water_safe',
  waterDifficult: 'water_difficult',
  income: 'reported_income_fen',
  phone: 'phone',
  identifiedYear: 'identified_year',
  monitorType: 'monitor_type',
};
const PERSON_COLUMNS: Partial<Record<FieldKey, keyof PersonTable>> = {
  personNumber: 'number',
  name: 'name',
  relation: 'relation',
  ethnicity: 'ethnicity',
  education: 'education',
  schoolStatus: 'school_status',
  health: 'health',
  skill: 'skill',
  workStatus: 'work_status',
  workMonths: 'work_months',
  insured: 'insured',
  personPhone: 'phone',
};
const INTEGER: ReadonlySet<string> = new Set(['exit_year', 'identified_year', 'reported_income_fen', 'work_months']);
const toColumn = (col: string, v: string | undefined) => (INTEGER.has(col) ? (v ? Number(v) : null) : (v ?? ''));

const BULK_THRESHOLD = 5000;
/** Secondary indexes used only for searching, not by the import itself. */
const SEARCH_INDEXES =
  "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND name IN ('person_name', 'person_id_rev', 'person_phone', 'household_by_status', 'household_phone')";

export interface ApplyResult {
  villagesCreated: number;
  householdsWritten: number;
  personsWritten: number;
  personsRemoved: number;
}

/**
 * Writes a plan in ONE transaction: new villages, then households and members (members matched
 * by ID number keep their stable id, also when they move between households), then members
 * that updated households no longer list. Only the fields the file maps are written.
 */
export function applyImportPlan(
  raw: Sqlite.Database,
  plan: ImportPlan,
  stamp: { at: string; by: string; today: string },
  newId: () => string,
): ApplyResult {
  const hcols = householdFields(plan.fields).map((f) => [f, HOUSEHOLD_COLUMNS[f]] as const).filter((x): x is [FieldKey, keyof HouseholdTable] => !!x[1]);
  const pcols = personFields(plan.fields).map((f) => [f, PERSON_COLUMNS[f]] as const).filter((x): x is [FieldKey, keyof PersonTable] => !!x[1]);
  const hNames = hcols.map(([, c]) => c);
  const pNames = pcols.map(([, c]) => c);

  const insVillage = raw.prepare('INSERT INTO village (id, township_id, code, name, is_poor, population, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, 0, NULL, ?, ?, ?)');
  const insHousehold = raw.prepare(
    `INSERT INTO household (id, number, village_id, head_name, size, ${hNames.join(', ')}${hNames.length ? ', ' : ''}created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ${hNames.map(() => '?, ').join('')}?, ?, ?)`,
  );
  const updHousehold = raw.prepare(
    `UPDATE household SET village_id = ?, head_name = ?, size = ?, ${hNames.map((c) => `${c} = ?, `).join('')}updated_at = ?, updated_by = ? WHERE id = ?`,
  );
  const getStatus = raw.prepare('SELECT status FROM household WHERE id = ?').pluck();
  const insStatus = raw.prepare(
    'INSERT INTO household_status (id, household_id, status, monitor_type, effective_date, note, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const upsertPerson = raw.prepare(
    `INSERT INTO person (id, household_id, id_number, id_rev, gender, birth_date, sort, ${pNames.join(', ')}${pNames.length ? ', ' : ''}created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ${pNames.map(() => '?, ').join('')}?, ?, ?)
     ON CONFLICT(id_number) DO UPDATE SET household_id = excluded.household_id, gender = excluded.gender, birth_date = excluded.birth_date,
       sort = excluded.sort, ${pNames.map((c) => `${c} = excluded.${c}, `).join('')}updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const listMembers = raw.prepare('SELECT id_number FROM person WHERE household_id = ?').pluck();
  const lastVillageCode = raw.prepare('SELECT max(code) FROM village WHERE township_id = ?').pluck();
  const townshipCode = raw.prepare('SELECT code FROM township WHERE id = ?').pluck();
  // A village the registry lacks gets the next free code under its township (2xx: villages).
  const villageCode = (townshipId: string) => {
    const last = lastVillageCode.get(townshipId) as string | null;
    return last ? String(BigInt(last) + 1n) : `${townshipCode.get(townshipId) as string}201`;
  };
  // Everyone the plan places somewhere: never deleted, even when listed under another household.
  const placed = new Set<string>();
  for (const h of plan.households) for (const m of h.members) placed.add(m.idNumber);
  const delPerson = raw.prepare('DELETE FROM person WHERE id_number = ?');

  const result: ApplyResult = { villagesCreated: 0, householdsWritten: 0, personsWritten: 0, personsRemoved: 0 };
  // A big first import writes faster into a table without its search indexes; they are rebuilt
  // (from their own stored definitions) before the transaction commits.
  let added = 0;
  for (const h of plan.households) if (h.action === 'add') added += h.members.length;
  const rebuild = added >= BULK_THRESHOLD ? (raw.prepare(SEARCH_INDEXES).all() as { name: string; sql: string }[]) : [];
  raw.transaction(() => {
    for (const ix of rebuild) raw.exec(`DROP INDEX "${ix.name.replace(/"/g, '')}"`);
    const villageIds = new Map<string, string>(
      (raw.prepare('SELECT id, township_id, name FROM village').all() as { id: string; township_id: string; name: string }[]).map((v) => [`${v.township_id}|${v.name}`, v.id]),
    );
    for (const v of plan.newVillages) {
      const id = newId();
      insVillage.run(id, v.townshipId, villageCode(v.townshipId), v.name, stamp.at, stamp.at, stamp.by);
      villageIds.set(`${v.townshipId}|${v.name}`, id);
      result.villagesCreated++;
    }
    for (const h of plan.households) {
      if (h.action === 'unchanged') continue;
      const villageId = villageIds.get(`${h.townshipId}|${h.villageName}`)!;
      const head = h.members.find((m) => m.values.relation === '户主')?.values.name ?? h.members[0]?.values.name ?? '';
      const hvals = hcols.map(([f, c]) => toColumn(c, h.values[f]));
      let id = h.existingId;
      const status = h.values.status ?? '';
      if (!id) {
        id = newId();
        insHousehold.run(id, h.number, villageId, head, h.members.length, ...hvals, stamp.at, stamp.at, stamp.by);
        if (status) insStatus.run(newId(), id, status, h.values.monitorType ?? '', stamp.today, '导入', stamp.at, stamp.at, stamp.by);
      } else {
        const before = getStatus.get(id) as string;
        updHousehold.run(villageId, head, h.members.length, ...hvals, stamp.at, stamp.by, id);
        if (plan.fields.includes('status') && status !== before) {
          insStatus.run(newId(), id, status, h.values.monitorType ?? '', stamp.today, '导入', stamp.at, stamp.at, stamp.by);
        }
      }
      result.householdsWritten++;
      const keep = new Set<string>();
      h.members.forEach((m, i) => {
        const pvals = pcols.map(([f, c]) => toColumn(c, m.values[f]));
        upsertPerson.run(newId(), id, m.idNumber, reverseId(m.idNumber), m.gender, m.birthDate, i + 1, ...pvals, stamp.at, stamp.at, stamp.by);
        keep.add(m.idNumber);
        result.personsWritten++;
      });
      // A new household has no one else to remove.
      for (const idNumber of h.existingId ? (listMembers.all(id) as string[]) : []) {
        if (!keep.has(idNumber) && !placed.has(idNumber)) {
          delPerson.run(idNumber);
          result.personsRemoved++;
        }
      }
    }
    for (const ix of rebuild) raw.exec(ix.sql);
  })();
  // Fresh statistics after a bulk change, so the list queries keep using their indexes.
  raw.exec('PRAGMA analysis_limit = 400; ANALYZE;');
  return result;
}

/** Changes whenever the roster or the village registry changes: a preview is only committed on the data it saw. */
export function rosterStamp(raw: Sqlite.Database): string {
  const row = raw
    .prepare(
      `SELECT (SELECT count(*) FROM household) AS h, (SELECT max(updated_at) FROM household) AS hu,
              (SELECT count(*) FROM person) AS p, (SELECT max(updated_at) FROM person) AS pu,
              (SELECT count(*) FROM village) AS v, (SELECT count(*) FROM code_item WHERE active = 1) AS c`,
    )
    .get() as Record<string, unknown>;
  return JSON.stringify(row);
}
