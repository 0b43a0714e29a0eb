/**
 * SQL of the audit log (migration 0016). Entries are written by triggers only; this reads them,
 * and walks the chain for `audit verify`.
 */
import type { Conn } from '../db/rows';
import type { Database } from '../db/open';
import { entryHash, HASHED_COLUMNS } from './audit-hash';

export interface AuditRow {
  seq: number;
  at: string;
  operator: string;
  /** The account's name for a login; null when the operator is not an account. */
  operator_name: string | null;
  record_type: string;
  record_id: string;
  action: 'insert' | 'update' | 'delete';
  township_id: string | null;
  township_name: string | null;
  household_id: string | null;
  changes: string;
}

export interface AuditFilter {
  /** A login or an operator's name. */
  operator?: string;
  recordTypes?: readonly string[];
  /** ISO instants: entries at or after `since`, before `until`. */
  since?: string;
  until?: string;
  townshipId?: string;
  householdId?: string;
  /** Entries older than this sequence number (the next page). */
  beforeSeq?: number;
}

export async function auditHead(db: Conn): Promise<{ seq: number; hash: string } | null> {
  const r = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return r ?? null;
}

function filtered(db: Conn, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as l')
    .leftJoin('account as a', 'a.login', 'l.operator')
    .leftJoin('township as t', 't.id', 'l.township_id');
  if (f.operator) {
    const o = f.operator;
    q = q.where((eb) => eb.or([eb('l.operator', '=', o), eb('a.name', '=', o), eb('a.login', '=', o)]));
  }
  if (f.recordTypes?.length) q = q.where('l.record_type', 'in', [...f.recordTypes]);
  if (f.since) q = q.where('l.at', '>=', f.since);
  if (f.until) q = q.where('l.at', '<', f.until);
  if (f.townshipId) q = q.where('l.township_id', '=', f.townshipId);
  if (f.householdId) q = q.where('l.household_id', '=', f.householdId);
  if (f.beforeSeq !== undefined) q = q.where('l.seq', '<', f.beforeSeq);
  return q;
}

/** Newest first, at most `limit`. */
export function listAudit(db: Conn, f: AuditFilter, limit: number): Promise<AuditRow[]> {
  return filtered(db, f)
    .select([
      'l.seq',
      'l.at',
      'l.operator',
      'a.name as operator_name',
      'l.record_type',
      'l.record_id',
      'l.action',
      'l.township_id',
      't.name as township_name',
      'l.household_id',
      'l.changes',
    ])
    .orderBy('l.seq', 'desc')
    .limit(limit)
    .execute() as Promise<AuditRow[]>;
}

export async function countAudit(db: Conn, f: AuditFilter): Promise<number> {
  const r = await filtered(db, { ...f, beforeSeq: undefined })
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Operators that appear in the log (for the screen's filter). */
export async function auditOperators(db: Conn): Promise<{ operator: string; name: string | null }[]> {
  return db
    .selectFrom('audit_log as l')
    .leftJoin('account as a', 'a.login', 'l.operator')
    .select(['l.operator', 'a.name'])
    .distinct()
    .orderBy('l.operator')
    .execute();
}

export interface ChainResult {
  /** Entries checked. */
  checked: number;
  head: { seq: number; hash: string } | null;
  /** The first entry that does not verify, and why. */
  broken: { seq: number; reason: 'hash' | 'link' | 'gap' } | null;
}

const BATCH = 20_000;

/**
 * Walks the chain from the first entry: each entry's prev_hash must be the previous entry's hash,
 * sequence numbers must follow without a gap, and each hash must be the SHA-256 of its stored
 * columns. Reads in batches, each holding the connection briefly, so the app stays responsive.
 */
export async function verifyChain(db: Database, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<ChainResult> {
  const total = await db.exclusive((raw) => raw.prepare('SELECT count(*) FROM audit_log').pluck().get() as number);
  const cols = ['prev_hash', 'hash', ...HASHED_COLUMNS].join(', ');
  let prev: string | null = null;
  let expectSeq = 1;
  let checked = 0;
  for (;;) {
    signal?.throwIfAborted();
    const step = await db.exclusive((raw) => {
      const rows = raw.prepare(`SELECT ${cols} FROM audit_log WHERE seq >= ? ORDER BY seq LIMIT ?`).raw().all(expectSeq, BATCH) as unknown[][];
      for (const r of rows) {
        const seq = r[2] as number;
        if (seq !== expectSeq) return { broken: { seq: expectSeq, reason: 'gap' as const }, n: 0 };
        if ((r[0] as string | null) !== prev) return { broken: { seq, reason: 'link' as const }, n: 0 };
        const values = r.slice(2) as (string | number | null)[];
        if (entryHash(prev, values) !== r[1]) return { broken: { seq, reason: 'hash' as const }, n: 0 };
        prev = r[1] as string;
        expectSeq++;
        checked++;
      }
      return { broken: null, n: rows.length };
    });
    onProgress?.(checked, total);
    if (step.broken) return { checked, head: prev ? { seq: expectSeq - 1, hash: prev } : null, broken: step.broken };
    if (step.n < BATCH) break;
  }
  return { checked, head: prev ? { seq: expectSeq - 1, hash: prev } : null, broken: null };
}
