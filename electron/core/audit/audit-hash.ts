/**
 * The audit chain's hash: SHA-256 over the previous entry's hash and this entry's stored columns,
 * each length-prefixed in UTF-8 bytes, so that no two different entries hash alike (NULL is not
 * '', 12|3 is not 1|23). The triggers call it through `audit_hash()`; `audit verify` recomputes it.
 */
import { createHash } from 'node:crypto';

export type HashValue = string | number | bigint | null;

/** The stored columns in chain order (after prev_hash). */
export const HASHED_COLUMNS = ['seq', 'at', 'operator', 'record_type', 'record_id', 'action', 'township_id', 'household_id', 'changes'] as const;

function part(v: HashValue): string {
  if (v === null || v === undefined) return 'N;';
  const s = typeof v === 'string' ? v : String(v);
  return `${typeof v === 'string' ? 'S' : 'I'}${Buffer.byteLength(s)}:${s};`;
}

/** Hex SHA-256 of `prev` (null for the first entry) followed by the entry's columns. */
export function entryHash(prev: string | null, values: readonly HashValue[]): string {
  let text = part(prev);
  for (const v of values) text += part(v);
  return createHash('sha256').update(text).digest('hex');
}

/** How an entry's head is shown: sequence number and the first 12 hex digits of its hash. */
export function shortHead(head: { seq: number; hash: string } | null): string {
  return head ? `#${head.seq} ${head.hash.slice(0, 12)}` : '#0';
}
