import { randomUUID } from 'node:crypto';
import type { Database } from './db/open';

/**
 * What every service function receives: the database, who is acting, and the clock.
 * Tests inject a fixed clock; later, operator accounts fill in `operator`.
 */
export interface Ctx {
  db: Database;
  operator: string;
  now: () => Date;
  newId: () => string;
}

/**
 * A version-7 UUID (RFC 9562): time-ordered, so rows written together sit together in the
 * primary-key index (bulk imports stay fast), and still unique across workstations.
 */
let lastMs = 0;
let seq = 0;
export function uuidv7(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    ms = lastMs;
    seq = (seq + 1) & 0xfff;
  } else {
    lastMs = ms;
    seq = 0;
  }
  // randomUUID draws from a pooled random buffer: far cheaper than randomBytes per id.
  const r = randomUUID();
  const t = ms.toString(16).padStart(12, '0');
  // 48-bit time, version 7 with a 12-bit per-millisecond counter, then randomUUID's variant and random bits.
  return `${t.slice(0, 8)}-${t.slice(8)}-7${seq.toString(16).padStart(3, '0')}-${r.slice(19)}`;
}

export function makeCtx(db: Database, operator: string, now: () => Date = () => new Date()): Ctx {
  return { db, operator, now, newId: uuidv7 };
}

/** Creation and update stamps for a new row. */
export function stamps(ctx: Ctx) {
  const t = ctx.now().toISOString();
  return { created_at: t, updated_at: t, updated_by: ctx.operator };
}

export function updateStamps(ctx: Ctx) {
  return { updated_at: ctx.now().toISOString(), updated_by: ctx.operator };
}
