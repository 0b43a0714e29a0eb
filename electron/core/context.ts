import { randomBytes } from 'node:crypto';
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
    seq++;
    ms = lastMs;
  } else {
    seq = 0;
    lastMs = ms;
  }
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  // 12 bits of a per-millisecond counter keep ids from one process in order.
  b[6] = 0x70 | ((seq >> 8) & 0x0f);
  b[7] = seq & 0xff;
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
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
