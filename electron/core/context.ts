import { randomFillSync } from 'node:crypto';
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
 * primary-key index (bulk imports stay fast), and still unique across workstations. Within one
 * millisecond a 12-bit counter keeps the order (past 4,096 ids the clock is moved on by one
 * millisecond); the last 62 bits are random. A county import makes 160,000 of these, so the
 * random bytes come from a pooled buffer and hex digits from a table.
 */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const POOL = Buffer.alloc(8 * 1024);
let poolAt = POOL.length;
let lastMs = 0;
let seq = 0;
let timeHex = '';
export function uuidv7(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    seq++;
    if (seq > 0xfff) {
      lastMs++;
      seq = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    seq = 0;
  }
  if (seq === 0 || !timeHex) {
    const t = ms.toString(16).padStart(12, '0');
    timeHex = `${t.slice(0, 8)}-${t.slice(8)}-7`;
  }
  if (poolAt + 8 > POOL.length) {
    randomFillSync(POOL);
    poolAt = 0;
  }
  const b = POOL;
  const i = poolAt;
  poolAt += 8;
  // Variant 10xx in the top bits of the fourth group, then random bits.
  return `${timeHex}${(0x1000 + seq).toString(16).slice(1)}-${HEX[(b[i] & 0x3f) | 0x80]}${HEX[b[i + 1]]}-${HEX[b[i + 2]]}${HEX[b[i + 3]]}${HEX[b[i + 4]]}${HEX[b[i + 5]]}${HEX[b[i + 6]]}${HEX[b[i + 7]]}`;
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
