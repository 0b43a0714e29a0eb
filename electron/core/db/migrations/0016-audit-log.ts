import type BetterSqlite3 from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * 审计日志: one entry per change of a record, written by triggers in the same statement (so in
 * the same transaction) as the change, whichever path made it: a form, a bulk import, a cascade.
 *
 * An entry holds when, who (the app's current operator, `audit_actor()`), the record's type and
 * id, the action, the township and household it belongs to (for filtering and a household's
 * history), and `changes`: a JSON object of the changed fields — for an update each
 * `[before, after]`, for an insert its non-empty values, for a delete its values before. (A
 * roster import writes one entry per household, its members' changes under `members`: see
 * electron/core/audit/audit-writer.ts.) Bookkeeping
 * columns (stamps, version, derived sort and search keys) are left out, so an update that changes
 * nothing writes nothing.
 *
 * Entries are hash-chained: `hash` = SHA-256 over the previous entry's hash and this entry's
 * stored columns (`audit_hash()`, electron/core/audit/audit-hash.ts), and triggers refuse UPDATE
 * and DELETE on the log. Both functions are registered on every connection the app opens
 * (electron/core/db/audit-functions.ts); a tool without them cannot write audited tables at all.
 *
 * A later migration that adds a column to an audited table calls `rebuildAuditTriggers` for it
 * (tests/unit/audit.test.ts checks that every column is covered).
 */

interface Audited {
  table: string;
  /** SQL over the row alias R giving the record id. */
  id: string;
  township?: string;
  household?: string;
  /** Columns left out of `changes` besides the common bookkeeping ones. */
  skip?: string[];
  /** Columns whose values are never written to the log, only that they changed. */
  redact?: string[];
}

const VIA_VILLAGE = '(SELECT township_id FROM village WHERE id = R.village_id)';
const VIA_HOUSEHOLD = '(SELECT v.township_id FROM household h JOIN village v ON v.id = h.village_id WHERE h.id = R.household_id)';

export const AUDITED: readonly Audited[] = [
  { table: 'setting', id: 'R.key', skip: ['key'] },
  { table: 'township', id: 'R.id', township: 'R.id' },
  { table: 'village', id: 'R.id', township: 'R.township_id' },
  { table: 'work_group', id: 'R.id' },
  { table: 'work_group_township', id: "R.group_id || '|' || R.township_id", township: 'R.township_id' },
  { table: 'support_unit', id: 'R.id' },
  { table: 'support_unit_village', id: "R.unit_id || '|' || R.village_id", township: VIA_VILLAGE },
  { table: 'cadre', id: 'R.id' },
  { table: 'village_team', id: 'R.id', township: VIA_VILLAGE },
  { table: 'village_team_member', id: "R.team_id || '|' || R.cadre_id" },
  // Sign-in bookkeeping is not a change of the account; a password's hash never enters the log.
  { table: 'account', id: 'R.id', township: 'R.township_id', skip: ['failed_count', 'retry_after'], redact: ['password_hash'] },
  { table: 'code_item', id: 'R.id' },
  { table: 'value_map', id: 'R.id' },
  { table: 'poverty_line', id: 'CAST(R.year AS TEXT)', skip: ['year'] },
  { table: 'household', id: 'R.id', township: VIA_VILLAGE, household: 'R.id' },
  { table: 'person', id: 'R.id', township: VIA_HOUSEHOLD, household: 'R.household_id' },
  { table: 'household_status', id: 'R.id', township: VIA_HOUSEHOLD, household: 'R.household_id' },
  { table: 'income', id: 'R.id', township: VIA_HOUSEHOLD, household: 'R.household_id' },
  { table: 'measure', id: 'R.id', township: VIA_HOUSEHOLD, household: 'R.household_id' },
  { table: 'pairing', id: 'R.id', township: VIA_HOUSEHOLD, household: 'R.household_id' },
  { table: 'ledger_item', id: 'R.id' },
  { table: 'ledger_progress', id: 'R.id' },
  { table: 'ledger_transition', id: 'R.id' },
  { table: 'ledger_evidence', id: 'R.id' },
  { table: 'monthly_task', id: 'R.id' },
  { table: 'wallchart_template', id: 'R.id' },
  { table: 'insp_template', id: 'R.id' },
  { table: 'insp_template_version', id: 'R.id' },
  { table: 'insp_round', id: 'R.id' },
  { table: 'insp_round_template', id: "R.round_id || '|' || R.target_type" },
  { table: 'insp_group', id: 'R.id' },
  { table: 'insp_target', id: 'R.id' },
  { table: 'insp_score', id: 'R.id' },
  { table: 'insp_evidence', id: 'R.id' },
];

/** Tables that are not records of the office: derived results, fixed lists, the log itself. */
export const NOT_AUDITED: readonly string[] = ['audit_log', 'quality_result', 'quality_run', 'group_numeral'];

/** Bookkeeping columns: never a change of their own. */
export const BOOKKEEPING = new Set(['id', 'created_at', 'updated_at', 'updated_by', 'version', 'sort_key', 'id_rev']);

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

function columnsOf(db: BetterSqlite3.Database, table: string): string[] {
  return (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).filter((c) => !BOOKKEEPING.has(c));
}

/** The columns of `table` whose changes its triggers record. */
export function auditedColumns(db: BetterSqlite3.Database, a: Audited): string[] {
  return columnsOf(db, a.table).filter((c) => !a.skip?.includes(c));
}

function triggersSql(db: BetterSqlite3.Database, a: Audited): string {
  const cols = auditedColumns(db, a);
  if (cols.length === 0) throw new Error(`audit: ${a.table} has no columns to record`);
  const val = (row: 'OLD' | 'NEW', c: string) => (a.redact?.includes(c) ? "'***'" : `${row}.${q(c)}`);
  const set = (row: 'OLD' | 'NEW', c: string) => `${row}.${q(c)} IS NOT NULL AND ${row}.${q(c)} <> ''`;
  const changes = (pick: (c: string) => string) => `json_patch('{}', json_object(${cols.map((c) => `${lit(c)}, ${pick(c)}`).join(', ')}))`;
  const entry = (row: 'OLD' | 'NEW', action: string, ch: string) => {
    const r = (sql: string) => sql.replace(/\bR\./g, `${row}.`);
    // Without an operator set (a test calling a service directly), the row's own stamp says who.
    const hasBy = (db.prepare('SELECT count(*) FROM pragma_table_info(?) WHERE name = ?').pluck().get(a.table, 'updated_by') as number) > 0;
    const by = row === 'NEW' && hasBy ? 'NEW.updated_by' : 'NULL';
    return `INSERT INTO audit_in (record_type, record_id, action, township_id, household_id, changes, fallback_operator)
        VALUES (${lit(a.table)}, ${r(a.id)}, ${lit(action)}, ${a.township ? r(a.township) : 'NULL'}, ${a.household ? r(a.household) : 'NULL'}, ${ch}, ${by});`;
  };
  const name = (what: string) => q(`audit_${a.table}_${what}`);
  return `
    DROP TRIGGER IF EXISTS ${name('insert')};
    DROP TRIGGER IF EXISTS ${name('update')};
    DROP TRIGGER IF EXISTS ${name('delete')};
    CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${q(a.table)} BEGIN
      ${entry('NEW', 'insert', changes((c) => `CASE WHEN ${set('NEW', c)} THEN ${val('NEW', c)} END`))}
    END;
    CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${q(a.table)}
    WHEN ${cols.map((c) => `OLD.${q(c)} IS NOT NEW.${q(c)}`).join(' OR ')}
    BEGIN
      ${entry('NEW', 'update', changes((c) => `CASE WHEN OLD.${q(c)} IS NOT NEW.${q(c)} THEN json_array(${val('OLD', c)}, ${val('NEW', c)}) END`))}
    END;
    CREATE TRIGGER ${name('delete')} AFTER DELETE ON ${q(a.table)} BEGIN
      ${entry('OLD', 'delete', changes((c) => `CASE WHEN ${set('OLD', c)} THEN ${val('OLD', c)} END`))}
    END;`;
}

/** (Re)creates the audit triggers of one table from its current columns. */
export function rebuildAuditTriggers(db: BetterSqlite3.Database, table: string): void {
  const a = AUDITED.find((x) => x.table === table);
  if (!a) throw new Error(`audit: ${table} is not an audited table`);
  db.exec(triggersSql(db, a));
}

export const m0016: Migration = {
  version: 16,
  name: 'audit log',
  up: (db) => {
    db.exec(`
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        operator TEXT NOT NULL,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
        township_id TEXT,
        household_id TEXT,
        changes TEXT NOT NULL,
        prev_hash TEXT,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_by_household ON audit_log (household_id, seq) WHERE household_id IS NOT NULL;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
      END;
      -- The one way in: the chain (sequence, previous hash, own hash) is made here.
      CREATE VIEW audit_in AS
        SELECT record_type, record_id, action, township_id, household_id, changes, operator AS fallback_operator FROM audit_log WHERE 0;
      CREATE TRIGGER audit_in_insert INSTEAD OF INSERT ON audit_in BEGIN
        INSERT INTO audit_log (seq, at, operator, record_type, record_id, action, township_id, household_id, changes, prev_hash, hash)
        SELECT s, t, o, NEW.record_type, NEW.record_id, NEW.action, NEW.township_id, NEW.household_id, NEW.changes, p,
               audit_hash(p, s, t, o, NEW.record_type, NEW.record_id, NEW.action, NEW.township_id, NEW.household_id, NEW.changes)
        FROM (SELECT COALESCE((SELECT seq FROM audit_log ORDER BY seq DESC LIMIT 1), 0) + 1 AS s,
                     (SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1) AS p,
                     audit_now() AS t,
                     COALESCE(audit_actor(), NEW.fallback_operator, '') AS o);
      END;
    `);
    for (const a of AUDITED) db.exec(triggersSql(db, a));
  },
};
