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

export function makeCtx(db: Database, operator: string, now: () => Date = () => new Date()): Ctx {
  return { db, operator, now, newId: randomUUID };
}

/** Creation and update stamps for a new row. */
export function stamps(ctx: Ctx) {
  const t = ctx.now().toISOString();
  return { created_at: t, updated_at: t, updated_by: ctx.operator };
}

export function updateStamps(ctx: Ctx) {
  return { updated_at: ctx.now().toISOString(), updated_by: ctx.operator };
}
