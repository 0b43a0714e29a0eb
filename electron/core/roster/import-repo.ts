/**
 * SQL of the roster import: reading what the planner compares against, and applying a plan in
 * one transaction. SQLite-only fast path (prepared statements over better-sqlite3); a server
 * database gets its own module behind the same two functions.
 */
import type Sqlite from 'better-sqlite3';
import { auditAppender, IMPORT_AUDITED, noMembers, rowChanges, type HouseholdEntry } from '../audit/audit-write-repo';
import type { FieldKey } from '../../../shared/roster/layout';
import { cleanCode, reverseId } from '../../../shared/roster/values';
import { groupSortKey } from '../../../shared/roster/group-order';
import type { HouseholdTable, PersonTable } from '../db/schema';
import type { Database } from '../db/open';
import { AppError } from '../errors';
import { householdFields, householdValues, personFields, personValues, signature } from './import-values';
import { valueAt, valueOf } from './import-rows';
import type { ImportContext, ImportPlan } from './import-types';

function loadImportContext(raw: Sqlite.Database, fields: readonly FieldKey[]): ImportContext {
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
/** A stored text as its column's value: a number (or null) for an INTEGER column. */
const asValue = (integer: boolean, v: string | undefined) => (integer ? (v ? Number(v) : null) : (v ?? ''));
const toColumn = (col: string, v: string | undefined) => asValue(INTEGER.has(col), v);

const BULK_THRESHOLD = 5000;
/** The page cache of a bulk write, in KiB (the connection's usual one is 128 MB, see db/open.ts). */
const BULK_CACHE_KIB = 32_768;
/**
 * Secondary indexes used only for searching and listing, not by the import itself, and the
 * trigger that fills a missing sort key (the importer writes every key itself).
 */
const SEARCH_INDEXES =
  "SELECT type, name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND ((type = 'index' AND name IN ('person_name', 'person_id_rev', 'person_phone', 'person_head', 'household_by_status', 'household_phone', 'household_sort', 'household_village')) OR (type = 'trigger' AND name = 'household_sort_insert'))";

export interface ApplyResult {
  villagesCreated: number;
  householdsWritten: number;
  personsWritten: number;
  personsRemoved: number;
  /** Written by the bulk path: the caller checkpoints the WAL in the background. */
  bulk?: boolean;
}

/** Birth date and gender of a valid, normalised 18-character ID number, as parseIdNumber reads them. */
const birthDateOf = (id: string) => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
const genderOf = (id: string) => (Number(id[16]) % 2 === 1 ? '男' : '女');

/** Status-history rows written per statement (9 values each). */
const STATUS_BATCH = 100;

/** The audit triggers an import replaces with its own entries (audit-write-repo.ts). */
const AUDIT_TRIGGERS = `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name IN (${IMPORT_AUDITED.map(() => '?').join(', ')}) AND name LIKE 'audit%'`;
/** A member's entry inside its household's: the household and the order are the household's. */
const MEMBER_SKIP = new Set(['household_id', 'sort']);
const MOVED_SKIP = new Set(['sort']);

/**
 * Writes a plan in ONE transaction: new villages, then households and members (members matched
 * by ID number keep their stable id, also when they move between households), then members
 * that updated households no longer list. Only the fields the file maps are written. Members of
 * households that are new and whose people are registered nowhere are inserted plainly (no
 * conflict possible: the preview's stamp guarantees the database has not changed since); new
 * households get their list order key (`sort_key`) here, so the triggers have nothing to redo.
 */
function applyImportPlan(
  raw: Sqlite.Database,
  plan: ImportPlan,
  stamp: { at: string; by: string; today: string; isExited?: (status: string) => boolean },
  newId: () => string,
  seen: string,
): ApplyResult & { bulk: boolean } {
  const store = plan.rows;
  const get = (f: FieldKey, i: number) => valueOf(store, f, i);
  const hcols = householdFields(plan.fields).map((f) => [f, HOUSEHOLD_COLUMNS[f]] as const).filter((x): x is [FieldKey, keyof HouseholdTable] => !!x[1]);
  const pcols = personFields(plan.fields).map((f) => [f, PERSON_COLUMNS[f]] as const).filter((x): x is [FieldKey, keyof PersonTable] => !!x[1]);
  // Each mapped column's values, found once (not by field name per row).
  const pcolIndex = pcols.map(([f]) => store.column.get(f)!);
  const pInteger = pcols.map(([, c]) => INTEGER.has(c));
  // One argument list per person, refilled for each (the last three: the stamps).
  const pargs: unknown[] = new Array(7 + pcols.length + 3);
  pargs[7 + pcols.length] = stamp.at;
  pargs[8 + pcols.length] = stamp.at;
  pargs[9 + pcols.length] = stamp.by;
  const hNames = hcols.map(([, c]) => c);
  const pNames = pcols.map(([, c]) => c);
  const groupMapped = plan.fields.includes('group');

  const insVillage = raw.prepare('INSERT INTO village (id, township_id, code, name, is_poor, population, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, 0, NULL, ?, ?, ?)');
  const insHousehold = raw.prepare(
    `INSERT INTO household (id, number, village_id, head_name, size, sort_key, ${hNames.join(', ')}${hNames.length ? ', ' : ''}created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ${hNames.map(() => '?, ').join('')}?, ?, ?)`,
  );
  const updHousehold = raw.prepare(
    `UPDATE household SET village_id = ?, head_name = ?, size = ?, ${hNames.map((c) => `${c} = ?, `).join('')}updated_at = ?, updated_by = ? WHERE id = ?`,
  );
  const getStatus = raw.prepare('SELECT status FROM household WHERE id = ?').pluck();
  const statusSql = (n: number) =>
    `INSERT INTO household_status (id, household_id, status, monitor_type, effective_date, note, created_at, updated_at, updated_by) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
  const insStatus = raw.prepare(statusSql(1));
  const insStatusBatch = raw.prepare(statusSql(STATUS_BATCH));
  const personHead = `INSERT INTO person (id, household_id, id_number, id_rev, gender, birth_date, sort, ${pNames.join(', ')}${pNames.length ? ', ' : ''}created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ${pNames.map(() => '?, ').join('')}?, ?, ?)`;
  const insPerson = raw.prepare(personHead);
  const upsertPerson = raw.prepare(
    `${personHead}
     ON CONFLICT(id_number) DO UPDATE SET household_id = excluded.household_id, gender = excluded.gender, birth_date = excluded.birth_date,
       sort = excluded.sort, ${pNames.map((c) => `${c} = excluded.${c}, `).join('')}updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const listMembers = raw.prepare('SELECT id_number FROM person WHERE household_id = ?').pluck();
  const lastVillageCode = raw.prepare('SELECT max(code) FROM village WHERE township_id = ?').pluck();
  const townshipCodes = new Map((raw.prepare('SELECT id, code FROM township').all() as { id: string; code: string }[]).map((t) => [t.id, t.code]));
  // A village the registry lacks gets the next free code under its township (2xx: villages).
  const villageCode = (townshipId: string) => {
    const last = lastVillageCode.get(townshipId) as string | null;
    return last ? String(BigInt(last) + 1n) : `${townshipCodes.get(townshipId)}201`;
  };
  // Everyone the plan places somewhere: never deleted, even when listed under another household.
  const placed = new Set<string>();
  for (const h of plan.households) if (!h.allNew) for (const i of h.members) placed.add(get('idNumber', i));
  const delPerson = raw.prepare('DELETE FROM person WHERE id_number = ?');
  const rowOfHousehold = raw.prepare('SELECT * FROM household WHERE id = ?');
  const rowOfPerson = raw.prepare('SELECT * FROM person WHERE id_number = ?');
  const hInsertCols = ['id', 'number', 'village_id', 'head_name', 'size', 'sort_key', ...hNames];
  const zip = (cols: readonly string[], vals: readonly unknown[]) => {
    const o: Record<string, unknown> = {};
    for (let k = 0; k < cols.length; k++) o[cols[k]] = vals[k];
    return o;
  };
  const personName = (r: Record<string, unknown> | undefined) => String(r?.name ?? '');
  // An added member in its household's audit entry: its id, ID number and the mapped fields
  // (gender and birth date follow from the ID number).
  const memberCols = ['id', 'id_number', ...pNames];
  const addedRow = () => {
    const r: (string | number | null)[] = [pargs[0] as string, pargs[2] as string];
    for (let n = 0; n < pNames.length; n++) {
      const v = pargs[7 + n] as string | number | null;
      r.push(v === '' ? null : v);
    }
    return r;
  };

  const result: ApplyResult = { villagesCreated: 0, householdsWritten: 0, personsWritten: 0, personsRemoved: 0 };
  // A big first import writes faster into a table without its search indexes; they are rebuilt
  // (from their own stored definitions) before the transaction commits.
  let added = 0;
  for (const h of plan.households) if (h.action === 'add') added += h.members.length;
  const bulk = added >= BULK_THRESHOLD;
  const rebuild = bulk ? (raw.prepare(SEARCH_INDEXES).all() as { type: 'index' | 'trigger'; name: string; sql: string }[]) : [];
  // A bulk write also skips the per-row foreign-key lookups (every household, village and person
  // it links is one it has just written or read: nothing can dangle, and an import never deletes
  // a household), and leaves the WAL for the caller to checkpoint off the main thread
  // (Database.checkpointSoon) instead of copying it back at COMMIT. And it runs with a smaller
  // page cache (BULK_CACHE_KIB): its rows are appended, so the pages it fills are not read again
  // until the index rebuild, and a cache holding them all only held memory (the whole new
  // database: +60 MB of RSS for 30k households). SQLite writes them to the WAL when the cache is
  // full, where the commit would have written them anyway. All three are set back after.
  const settings = bulk
    ? { fk: raw.pragma('foreign_keys', { simple: true }), ckpt: raw.pragma('wal_autocheckpoint', { simple: true }), cache: raw.pragma('cache_size', { simple: true }) }
    : null;
  if (settings) {
    raw.pragma('foreign_keys = OFF');
    raw.pragma('wal_autocheckpoint = 0');
    raw.pragma(`cache_size = -${BULK_CACHE_KIB}`);
  }
  try {
    write();
  } finally {
    if (settings) {
      raw.pragma(`foreign_keys = ${settings.fk ? 'ON' : 'OFF'}`);
      raw.pragma(`wal_autocheckpoint = ${Number(settings.ckpt)}`);
      raw.pragma(`cache_size = ${Number(settings.cache)}`);
    }
  }
  return { ...result, bulk };

  function write() {
    raw.transaction(() => {
      // Inside the write lock (BEGIN IMMEDIATE): no other import or edit, of this process or
      // another, can slip in between this check and the rows written on its strength.
      if (rosterStamp(raw) !== seen) throw new AppError('CONFLICT', 'roster.import.stale');
      // The audit log gets one entry per household from here (audit-write-repo.ts) instead of
      // the triggers' one per row; they are back before COMMIT (in this transaction).
      const auditTriggers = raw.prepare(AUDIT_TRIGGERS).all(...IMPORT_AUDITED) as { name: string; sql: string }[];
      for (const t of auditTriggers) raw.exec(`DROP TRIGGER "${t.name.replace(/"/g, '')}"`);
      const audit = auditAppender(raw);
      for (const ix of rebuild) raw.exec(`DROP ${ix.type === 'trigger' ? 'TRIGGER' : 'INDEX'} "${ix.name.replace(/"/g, '')}"`);
      const villages = new Map<string, { id: string; code: string }>(
        (raw.prepare('SELECT id, township_id, name, code FROM village').all() as { id: string; township_id: string; name: string; code: string }[]).map((v) => [
          `${v.township_id}|${v.name}`,
          { id: v.id, code: v.code },
        ]),
      );
      for (const v of plan.newVillages) {
        const id = newId();
        const code = villageCode(v.townshipId);
        insVillage.run(id, v.townshipId, code, v.name, stamp.at, stamp.at, stamp.by);
        villages.set(`${v.townshipId}|${v.name}`, { id, code });
        result.villagesCreated++;
      }
      const statuses: unknown[] = [];
      /**
       * The history entry an import writes. An exited household with a 脱贫年度 has been exited
       * since that year, not since the import: the entry is dated the year's end (the exit is
       * confirmed at the year-end assessment), or today for this year's exits.
       */
      const since = (value: string, exitYear: string) => {
        if (!exitYear || !stamp.isExited?.(value)) return stamp.today;
        const end = `${exitYear}-12-31`;
        return end < stamp.today ? end : stamp.today;
      };
      const status = (householdId: string, value: string, monitorType: string, exitYear = '') => {
        const date = since(value, exitYear);
        statuses.push(newId(), householdId, value, monitorType, date, date === stamp.today ? '导入' : `导入（脱贫年度 ${exitYear}）`, stamp.at, stamp.at, stamp.by);
        if (statuses.length === STATUS_BATCH * 9) insStatusBatch.run(statuses.splice(0));
      };
      // Households are written in the list's order (township, village, group, number), so that
      // rows that are listed together are stored together: a page of the roster list then reads a
      // few dozen database pages instead of one per household, and the same holds for the
      // heads' entries in the person index (ids are time-ordered, given in this order).
      const keyed = plan.households
        .filter((h) => h.action !== 'unchanged')
        .map((h) => {
          const village = villages.get(`${h.townshipId}|${h.villageName}`)!;
          const group = groupMapped ? get('group', h.members[0]) : '';
          return { h, village, key: `${townshipCodes.get(h.townshipId)}\u0001${village.code}\u0001${groupSortKey(group)}\u0001${h.number}` };
        })
        .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      for (const { h, village, key: sortKey } of keyed) {
        const first = h.members[0];
        const headRow = h.members.find((i) => get('relation', i) === '户主') ?? first;
        const head = headRow === undefined ? '' : get('name', headRow);
        const hvals = hcols.map(([f, c]) => toColumn(c, get(f, first)));
        let id = h.existingId;
        const newStatus = get('status', first);
        const monitorType = get('monitorType', first);
        let entry: HouseholdEntry;
        if (!id) {
          id = newId();
          const hargs = [id, h.number, village.id, head, h.members.length, sortKey, ...hvals];
          insHousehold.run(...hargs, stamp.at, stamp.at, stamp.by);
          if (newStatus) status(id, newStatus, monitorType, get('exitYear', first));
          entry = { householdId: id, townshipId: h.townshipId, action: 'insert', changes: rowChanges(null, zip(hInsertCols, hargs))!, members: noMembers(memberCols) };
        } else {
          const before = getStatus.get(id) as string;
          const old = rowOfHousehold.get(id) as Record<string, unknown>;
          updHousehold.run(village.id, head, h.members.length, ...hvals, stamp.at, stamp.by, id);
          if (plan.fields.includes('status') && newStatus !== before) status(id, newStatus, monitorType, get('exitYear', first));
          entry = { householdId: id, townshipId: h.townshipId, action: 'update', changes: rowChanges(old, rowOfHousehold.get(id) as Record<string, unknown>) ?? {}, members: noMembers(memberCols) };
        }
        result.householdsWritten++;
        const insert = h.allNew ? insPerson : upsertPerson;
        const keep = h.existingId ? new Set<string>() : null;
        for (let m = 0; m < h.members.length; m++) {
          const i = h.members[m];
          const idNumber = get('idNumber', i);
          pargs[0] = newId();
          pargs[1] = id;
          pargs[2] = idNumber;
          pargs[3] = reverseId(idNumber);
          pargs[4] = genderOf(idNumber);
          pargs[5] = birthDateOf(idNumber);
          pargs[6] = m + 1;
          for (let n = 0; n < pcolIndex.length; n++) pargs[7 + n] = asValue(pInteger[n], valueAt(store, pcolIndex[n], i));
          if (h.allNew) {
            insert.run(pargs);
            entry.members.added.push(addedRow());
          } else {
            const old = rowOfPerson.get(idNumber) as Record<string, unknown> | undefined;
            insert.run(pargs);
            const now = rowOfPerson.get(idNumber) as Record<string, unknown>;
            // A member who moved in from another household keeps the change of household_id.
            if (!old) entry.members.added.push(addedRow());
            else {
              const changes = rowChanges(old, now, old.household_id === id ? MEMBER_SKIP : MOVED_SKIP);
              if (changes) entry.members.changed.push({ id: now.id as string, name: personName(now), changes: changes as Record<string, [never, never]> });
            }
          }
          keep?.add(idNumber);
          result.personsWritten++;
        }
        // A new household has no one else to remove.
        for (const idNumber of h.existingId ? (listMembers.all(id) as string[]) : []) {
          if (!keep!.has(idNumber) && !placed.has(idNumber)) {
            const old = rowOfPerson.get(idNumber) as Record<string, unknown>;
            delPerson.run(idNumber);
            entry.members.removed.push({ id: old.id as string, name: personName(old), values: rowChanges(old, null, MEMBER_SKIP) as Record<string, never> });
            result.personsRemoved++;
          }
        }
        const m = entry.members;
        if (entry.action === 'insert' || Object.keys(entry.changes).length || m.added.length || m.changed.length || m.removed.length) audit.household(entry, stamp.by);
      }
      for (let k = 0; k < statuses.length; k += 9) insStatus.run(statuses.slice(k, k + 9));
      audit.flush();
      for (const t of auditTriggers) raw.exec(t.sql);
      for (const ix of rebuild) raw.exec(ix.sql);
      // Fresh statistics after a bulk change, so the list queries keep using their indexes
      // (inside the transaction: committed with the rows, not in a second commit of its own).
      raw.exec('PRAGMA analysis_limit = 400; ANALYZE;');
    }).immediate();
  }
}

/** Changes whenever the roster or the village registry changes: a preview is only committed on the data it saw. */
function rosterStamp(raw: Sqlite.Database): string {
  const row = raw
    .prepare(
      `SELECT (SELECT count(*) FROM household) AS h, (SELECT max(updated_at) FROM household) AS hu,
              (SELECT count(*) FROM person) AS p, (SELECT max(updated_at) FROM person) AS pu,
              (SELECT count(*) FROM village) AS v, (SELECT max(updated_at) FROM village) AS vu,
              (SELECT count(*) FROM township) AS t, (SELECT max(updated_at) FROM township) AS tu,
              (SELECT count(*) FROM code_item WHERE active = 1) AS c`,
    )
    .get() as Record<string, unknown>;
  return JSON.stringify(row);
}

/**
 * What a preview plans against, read at one moment through the connection's gate: the stamp of
 * the roster (checked again when the plan is written) and the lookups the plan needs.
 */
export function readImportBase(db: Database, fields: readonly FieldKey[]): Promise<{ stamp: string; context: ImportContext }> {
  return db.exclusive((raw) => ({ stamp: rosterStamp(raw), context: loadImportContext(raw, fields) }));
}

/**
 * Writes a previewed plan in one write transaction, refused (roster.import.stale) when the roster
 * changed since the preview read `seen`. `bulk`: the WAL was left for Database.checkpointSoon.
 */
export function writeImportPlan(
  db: Database,
  seen: string,
  plan: ImportPlan,
  stamp: { at: string; by: string; today: string; isExited?: (status: string) => boolean },
  newId: () => string,
): Promise<ApplyResult & { bulk: boolean }> {
  return db.exclusive((raw) => applyImportPlan(raw, plan, stamp, newId, seen));
}
