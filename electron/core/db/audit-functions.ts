/**
 * The SQL functions the audit triggers call (migration 0016), registered on every connection the
 * app opens before anything is written: who is acting, the time, and the chain's hash.
 */
import type Sqlite from 'better-sqlite3';
import { entryHash, type HashValue } from '../audit/audit-hash';

export interface AuditSource {
  /** Who is acting now (the signed-in login, or the operator of 设置); null: the row's own stamp. */
  actor?: () => string | null;
  now?: () => Date;
}

export function registerAuditFunctions(raw: Sqlite.Database, src: AuditSource = {}): void {
  raw.function('audit_actor', { deterministic: false }, () => {
    const a = src.actor?.();
    return a ? a : null;
  });
  raw.function('audit_now', { deterministic: false }, () => (src.now ? src.now() : new Date()).toISOString());
  raw.function('audit_hash', { deterministic: true, varargs: true }, (prev: unknown, ...values: unknown[]) =>
    entryHash(prev as string | null, values as HashValue[]),
  );
}
