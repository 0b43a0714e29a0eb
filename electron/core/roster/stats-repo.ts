/** SQL of the roster statistics: households and persons by township, status and monitoring type. */
import { sql } from 'kysely';
import type { Conn } from '../db/rows';

/** One row per (township, status, monitoring type) present in the roster. */
export async function statusCounts(db: Conn, townshipId?: string) {
  let q = db
    .selectFrom('household as h')
    .innerJoin('village as v', 'v.id', 'h.village_id')
    .select(['v.township_id', 'h.status', 'h.monitor_type', sql<number>`count(*)`.as('households'), sql<number>`sum(h.size)`.as('persons')])
    .groupBy(['v.township_id', 'h.status', 'h.monitor_type']);
  if (townshipId) q = q.where('v.township_id', '=', townshipId);
  return q.execute();
}
