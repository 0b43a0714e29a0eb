/**
 * Bulk insert of 100k cadre rows through the app's own data layer (the cadre repository's
 * SQLite fast path, on a database opened and migrated by the app) against a bare
 * better-sqlite3 prepared-statement loop on the same schema, in the same run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { openDatabase, type Database } from '../../../electron/core/db/open';
import { insertCadresBulk } from '../../../electron/core/org/people-repo';
import { insertRow } from '../../../electron/core/db/rows';
import { checkChar } from '../../../shared/rules/id-number';
import type { CadreTable } from '../../../electron/core/db/schema';
import { bestOf, type Bench } from '../harness';

const N = 100_000;

function rows(n: number): CadreTable[] {
  const at = '2026-01-01T00:00:00.000Z';
  const out: CadreTable[] = [];
  for (let i = 0; i < n; i++) {
    // Unique 17-digit prefixes (the bench measures storage, not the validity of birth dates).
    const id17 = `430522${19600101 + Math.floor(i / 1000)}${String(i % 1000).padStart(3, '0')}`;
    out.push({
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `干部${i}`,
      gender: i % 2 ? '男' : '女',
      id_number: id17 + checkChar(id17),
      unit: `单位${i % 134}`,
      post: '科员',
      phone: `139${String(i).padStart(8, '0')}`,
      created_at: at,
      updated_at: at,
      updated_by: 'bench',
    });
  }
  return out;
}

function freshDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-bench-'));
}

export const bulkInsert: Bench = {
  name: 'bulk insert 100k cadre rows',
  async run() {
    const data = rows(N);
    const dirs: string[] = [];

    let db: Database | undefined;
    const appMs = await bestOf(
      3,
      async () => {
        await db?.close();
        const d = freshDir();
        dirs.push(d);
        db = await openDatabase(d);
      },
      () => insertCadresBulk(db!, data),
    );
    await db?.close();

    let raw: Sqlite.Database | undefined;
    const bareMs = await bestOf(
      3,
      async () => {
        raw?.close();
        const d = freshDir();
        dirs.push(d);
        // Same schema, same pragmas, nothing of the app.
        const tmp = await openDatabase(d);
        await tmp.close();
        raw = new Sqlite(path.join(d, 'fupin.sqlite'));
        raw.pragma('journal_mode = WAL');
        raw.pragma('synchronous = NORMAL');
        raw.pragma('foreign_keys = ON');
      },
      () => {
        const stmt = raw!.prepare(
          'INSERT INTO cadre (id, name, gender, id_number, unit, post, phone, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        );
        raw!.exec('BEGIN');
        for (const r of data) stmt.run(r.id, r.name, r.gender, r.id_number, r.unit, r.post, r.phone, r.created_at, r.updated_at, r.updated_by);
        raw!.exec('COMMIT');
      },
    );
    raw?.close();

    // The generic typed path (Kysely, one INSERT per row in one transaction), for comparison.
    const d = freshDir();
    dirs.push(d);
    const kdb = await openDatabase(d);
    const kyselyMs = await bestOf(
      1,
      () => undefined,
      () =>
        kdb.kysely.transaction().execute(async (trx) => {
          for (const r of data) await insertRow(trx, 'cadre', r);
        }),
    );
    await kdb.close();
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });

    return [
      { name: 'bulk insert 100k rows, app data layer (repository fast path)', value: appMs, unit: 'ms', reference: { name: 'bare better-sqlite3 loop', value: bareMs } },
      { name: 'insert 100k rows, Kysely row by row in one transaction', value: kyselyMs, unit: 'ms', reference: { name: 'bare better-sqlite3 loop', value: bareMs } },
    ];
  },
};
