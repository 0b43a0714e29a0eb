/**
 * Audit entries written by the app itself instead of the triggers, for a roster import: one entry
 * per household written (its fields, and its members' changes under `members`), in the import's
 * own transaction, with the chain continued exactly as the triggers continue it. The import turns
 * the household, person and status triggers off inside that transaction (see import-repo.ts):
 * 158,000 trigger entries for a county cost four times the import itself; these cost a fraction.
 * SQLite-only fast path over the raw connection; callers are repositories.
 */
import type Sqlite from 'better-sqlite3';
import { BOOKKEEPING } from '../db/migrations/0016-audit-log';
import { entryHash } from './audit-hash';

type Row = Record<string, unknown>;
type Value = string | number | null;

/** The triggers a roster import replaces with entries of its own. */
export const IMPORT_AUDITED = ['household', 'person', 'household_status'] as const;

const isSet = (v: unknown) => v !== null && v !== undefined && v !== '';

/** Changes of one row, as the triggers record them (see migration 0016). */
export function rowChanges(before: Row | null, after: Row | null, skip: ReadonlySet<string> = new Set()): Record<string, Value | [Value, Value]> | null {
  const out: Record<string, Value | [Value, Value]> = {};
  const keep = (k: string) => !BOOKKEEPING.has(k) && !skip.has(k);
  if (!before && after) {
    for (const k in after) if (keep(k) && isSet(after[k])) out[k] = after[k] as Value;
    return out;
  }
  if (before && !after) {
    for (const k in before) if (keep(k) && isSet(before[k])) out[k] = before[k] as Value;
    return out;
  }
  let any = false;
  for (const k in after!) {
    if (!keep(k)) continue;
    const b = (before![k] ?? null) as Value;
    const a = (after![k] ?? null) as Value;
    if (b !== a) {
      out[k] = [b, a];
      any = true;
    }
  }
  return any ? out : null;
}

/**
 * A household's members in its entry: those added as rows under `cols` (compact: a county's
 * first import adds 100,000), those changed with their changes, those removed with their values.
 */
export interface MembersChange {
  cols: readonly string[];
  added: Value[][];
  changed: { id: string; name: string; changes: Record<string, [Value, Value]> }[];
  removed: { id: string; name: string; values: Record<string, Value> }[];
}

export interface HouseholdEntry {
  householdId: string;
  townshipId: string | null;
  action: 'insert' | 'update';
  changes: Record<string, Value | [Value, Value]>;
  members: MembersChange;
}

export function noMembers(cols: readonly string[]): MembersChange {
  return { cols, added: [], changed: [], removed: [] };
}

const BATCH = 200;
const COLS = '(seq, at, operator, record_type, record_id, action, township_id, household_id, changes, prev_hash, hash)';

/**
 * Appends entries to the chain on `raw`, inside the caller's transaction; `flush` writes the rest.
 * Nothing else may write the log between the first entry and `flush` (the triggers of other
 * tables: write those rows before, or after the flush).
 */
export function auditAppender(raw: Sqlite.Database) {
  // A database without the log's way in keeps no log (the bench's reference drops it).
  const keeping = raw.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = 'audit_in_insert'").pluck().get() === 1;
  let started = false;
  let seq = 0;
  let prev: string | null = null;
  let operator = '';
  let at = '';
  const start = () => {
    const head = raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
    seq = head?.seq ?? 0;
    prev = head?.hash ?? null;
    // Who and when, from the same functions the triggers call.
    [operator, at] = raw.prepare("SELECT COALESCE(audit_actor(), ''), audit_now()").raw().get() as [string, string];
    started = true;
  };
  const one = raw.prepare(`INSERT INTO audit_log ${COLS} VALUES (${Array(11).fill('?').join(', ')})`);
  const many = raw.prepare(`INSERT INTO audit_log ${COLS} VALUES ${Array(BATCH).fill(`(${Array(11).fill('?').join(', ')})`).join(', ')}`);
  let pending: unknown[] = [];
  let count = 0;
  const fallback = (by: string) => operator || by;
  return {
    household(e: HouseholdEntry, by: string): void {
      if (!keeping) return;
      if (!started) start();
      const m = e.members;
      const ch: Record<string, unknown> = e.changes;
      if (m.added.length || m.changed.length || m.removed.length) {
        const members: Record<string, unknown> = {};
        if (m.added.length) {
          members.cols = m.cols;
          members.added = m.added;
        }
        if (m.changed.length) members.changed = m.changed;
        if (m.removed.length) members.removed = m.removed;
        ch.members = members;
      }
      const text = JSON.stringify(ch);
      seq++;
      const op = fallback(by);
      const values = [seq, at, op, 'household', e.householdId, e.action, e.townshipId, e.householdId, text];
      const hash = entryHash(prev, values);
      pending.push(...values, prev, hash);
      prev = hash;
      count++;
      if (pending.length === BATCH * 11) many.run(pending.splice(0));
    },
    flush(): number {
      for (let k = 0; k < pending.length; k += 11) one.run(pending.slice(k, k + 11));
      pending = [];
      return count;
    },
  };
}
