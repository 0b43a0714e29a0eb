/** A damaged database for the storage-fault tests (unit and e2e): one page overwritten with garbage. */
import fs from 'node:fs';
import Sqlite from 'better-sqlite3';
import { prng } from './prng';

/**
 * Overwrites with garbage the person table's data page nearest the middle of the file (the
 * database closed): the damage an office meets, unnoticed by reading the org list or a search.
 */
export function corruptMiddlePage(file: string, which: 'middle' | 'last' = 'middle'): number {
  const db = new Sqlite(file, { readonly: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  // Not the first or last leaf in key order: those are read at open (PRAGMA optimize estimates each table's size by its last page).
  const all = db.prepare("SELECT pageno FROM dbstat WHERE name = 'person' AND pagetype = 'leaf' ORDER BY path").pluck().all() as number[];
  db.close();
  const leaves = which === 'last' ? all.slice(-1) : all.slice(1, -1);
  const page = leaves.reduce((best, p) => (Math.abs(p - pages / 2) < Math.abs(best - pages / 2) ? p : best));
  const rand = prng(page);
  const garbage = Buffer.from(Array.from({ length: pageSize }, () => Math.floor(rand() * 256)));
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, garbage, 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
  return page;
}
