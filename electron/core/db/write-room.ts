/**
 * Room on the disk before a bulk write. Measured on a 30,000-household import (97,887 persons,
 * 16 KB pages): the database file grew by 73.5 MB (~750 bytes per person row, indexes included)
 * and the write-ahead log held 77 MB (~790 bytes per row) until its checkpoint copied it back:
 * the write needs about twice its size until then. On a 110 MB disk such an import used to
 * report success and then leave the disk full with its checkpoint failing.
 */
import path from 'node:path';
import { AppError } from '../errors';
import { freeBytes } from '../files/free-space';
import { bytesText } from '../../../shared/rules/size';

/** Bytes per written row, in the database file and again in the WAL. */
export const BYTES_PER_ROW = 800;
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
