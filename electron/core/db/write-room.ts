/**
 * Room on the disk before a bulk write. Measured on a 30,000-household import (98,515 persons,
 * 16 KB pages) with the audit log (one entry per household, migration 0016): the database file
 * grew by 116.7 MB (~1,240 bytes per person row, indexes and audit entries included) and the
 * write-ahead log held 117.4 MB (~1,250 bytes per row) until its checkpoint copied it back: the
 * write needs about twice its size until then (234 MB for that import; the estimate below: 260 MB).
 * Before the audit log it was ~750 + ~790 bytes per row. On a 110 MB disk such an import used to
 * report success and then leave the disk full with its checkpoint failing.
 */
import path from 'node:path';
import { AppError } from '../errors';
import { freeBytes } from '../files/free-space';
import { bytesText } from '../../../shared/rules/size';

/** Bytes per written row, in the database file and again in the WAL. */
export const BYTES_PER_ROW = 1300;
/** SQLite's own headroom (journal of the schema pages, the -shm file, statistics). */
const MARGIN = 4 * 1024 * 1024;

export function bulkWriteBytes(rows: number): number {
  return rows > 0 ? rows * BYTES_PER_ROW * 2 + MARGIN : 0;
}

/** Refuses, before anything is written, a write of `rows` rows the database's disk has no room for. */
export function requireRoomForRows(dbFile: string, rows: number): void {
  const need = bulkWriteBytes(rows);
  if (need === 0) return;
  const free = freeBytes(path.dirname(dbFile));
  if (free !== null && free < need) throw new AppError('STORAGE', 'storage.importNoSpace', { rows, need: bytesText(need), free: bytesText(free) });
}
