/**
 * One way into the database: every write, Kysely or raw fast path, goes through one gate per
 * connection. The hazard it closes: while a Kysely transaction awaits, a write made on the bare
 * better-sqlite3 handle lands inside it and is rolled back with it. Also: transactions begin
 * IMMEDIATE (a second process waits at the start, not half-way), a transaction called inside
 * another joins it, and application code never touches the bare handle (a scan of the sources).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, openTestApp, tempDir, xinshaoApp } from './helpers/app';
import { insertCadresBulk } from '../../electron/core/org/people-repo';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import type { CadreTable } from '../../electron/core/db/schema';
import { registerAuditFunctions } from '../../electron/core/db/audit-functions';

afterEach(cleanup);

const root = path.resolve(import.meta.dirname, '..', '..');
const at = '2017-04-01T00:00:00.000Z';
const cadre = (id: string): CadreTable => ({ id, name: `干部${id}`, gender: '男', id_number: `T${id}`, unit: '县扶贫办', post: '', phone: '', created_at: at, updated_at: at, updated_by: '张三' });

/** A promise with its resolve handle: a transaction held open at an await of the test's choosing. */
function latch() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}
const tick = () => new Promise<void>((r) => setTimeout(r, 20));

describe('the write gate', () => {
  it('reproduces the hazard on the bare handle: a raw write during an open Kysely transaction is rolled back with it', async () => {
    const { app } = await openTestApp();
    const l = latch();
    const tx = app.db.transaction(async (trx) => {
      await trx.insertInto('cadre').values(cadre('tx')).execute();
      await l.p;
      throw new Error('the edit fails');
    });
    await tick();
    // What services used to do: write on the bare handle while the transaction awaits.
    app.db.raw.prepare('INSERT INTO cadre (id, name, gender, id_number, unit, post, phone, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...Object.values(cadre('bare')));
    l.open();
    await expect(tx).rejects.toThrow('the edit fails');
    // The bare write was nested into the failed transaction: gone without a word.
    expect(app.db.raw.prepare('SELECT id FROM cadre').pluck().all()).toEqual([]);
  });

  it('a raw fast path through the gate waits for the open transaction: the rolled-back edit is gone, the fast path committed', async () => {
    const { app } = await openTestApp();
    const order: string[] = [];
    const l = latch();
    const tx = app.db.transaction(async (trx) => {
      await trx.insertInto('cadre').values(cadre('tx')).execute();
      order.push('tx wrote');
      await l.p;
      throw new Error('the edit fails');
    });
    await tick();
    const bulk = insertCadresBulk(app.db, [cadre('bulk-1'), cadre('bulk-2')]).then(() => order.push('bulk wrote'));
    await tick();
    expect(order).toEqual(['tx wrote']); // still waiting at the gate
    l.open();
    await expect(tx).rejects.toThrow('the edit fails');
    await bulk;
    expect(order).toEqual(['tx wrote', 'bulk wrote']);
    expect(app.db.raw.prepare('SELECT id FROM cadre ORDER BY id').pluck().all()).toEqual(['bulk-1', 'bulk-2']);
  });

  it('both commit when both succeed, in the order they reached the gate', async () => {
    const { app } = await openTestApp();
    const l = latch();
    const tx = app.db.transaction(async (trx) => {
      await trx.insertInto('cadre').values(cadre('a-tx')).execute();
      await l.p;
      await trx.insertInto('cadre').values(cadre('b-tx')).execute();
    });
    await tick();
    const bulk = insertCadresBulk(app.db, [cadre('c-bulk')]);
    l.open();
    await Promise.all([tx, bulk]);
    const rows = app.db.raw.prepare('SELECT id, rowid FROM cadre ORDER BY rowid').all() as { id: string }[];
    expect(rows.map((r) => r.id)).toEqual(['a-tx', 'b-tx', 'c-bulk']);
  });

  it('a Kysely statement of another call waits too, and reads nothing uncommitted', async () => {
    const { app } = await openTestApp();
    const l = latch();
    const tx = app.db.transaction(async (trx) => {
      await trx.insertInto('cadre').values(cadre('tx')).execute();
      await l.p;
      throw new Error('the edit fails');
    });
    await tick();
    const read = app.db.kysely.selectFrom('cadre').select('id').execute();
    l.open();
    await expect(tx).rejects.toThrow();
    await expect(read).resolves.toEqual([]);
  });

  it('a transaction called inside another joins it: both parts commit or roll back together', async () => {
    const { app } = await openTestApp();
    await expect(
      app.db.transaction(async (trx) => {
        await trx.insertInto('cadre').values(cadre('outer')).execute();
        await app.db.transaction(async (inner) => {
          await inner.insertInto('cadre').values(cadre('inner')).execute();
        });
        await insertCadresBulk(app.db, [cadre('raw-inside')]);
        throw new Error('fails after all three');
      }),
    ).rejects.toThrow('fails after all three');
    expect(app.db.raw.prepare('SELECT count(*) FROM cadre').pluck().get()).toBe(0);

    await app.db.transaction(async (trx) => {
      await trx.insertInto('cadre').values(cadre('outer')).execute();
      await app.db.transaction((inner) => inner.insertInto('cadre').values(cadre('inner')).execute());
      await insertCadresBulk(app.db, [cadre('raw-inside')]);
    });
    expect(app.db.raw.prepare('SELECT id FROM cadre ORDER BY id').pluck().all()).toEqual(['inner', 'outer', 'raw-inside']);
  });

  it('a transaction takes the write lock when it begins (BEGIN IMMEDIATE): another connection cannot write meanwhile', async () => {
    const { app } = await openTestApp();
    const other = new Sqlite(app.db.file, { timeout: 0 });
    registerAuditFunctions(other); // another copy of the app
    try {
      const l = latch();
      const tx = app.db.transaction(async () => {
        await l.p; // nothing written yet
      });
      await tick();
      expect(() => other.prepare('INSERT INTO cadre (id, name, gender, id_number, unit, post, phone, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(...Object.values(cadre('other')))).toThrow(
        expect.objectContaining({ code: 'SQLITE_BUSY' }),
      );
      l.open();
      await tx;
    } finally {
      other.close();
    }
  });
});

describe('the import commit', () => {
  it('checks that the roster is unchanged inside its write lock: a change committed by another process while it waited makes it stale', async () => {
    const t = await xinshaoApp();
    const dir = tempDir();
    const rows = [...countyRows({ households: 30, seed: 3 })];
    const first = path.join(dir, 'first.xlsx');
    await writeRosterXlsx(first, rows.slice(0, 40));
    const ctx = t.app.ctx();
    await commitImport(ctx, (await previewImport(ctx, first)).token);
    const all = path.join(dir, 'all.xlsx');
    await writeRosterXlsx(all, rows);
    const preview = await previewImport(ctx, all);

    // Another process takes the write lock, changes a household and commits 400 ms later.
    const script = `
      const Sqlite = require('better-sqlite3');
      const db = new Sqlite(process.argv[1]);
      require(process.argv[2]).registerAuditFunctions(db); // another copy of the app
      db.exec('BEGIN IMMEDIATE');
      db.prepare("UPDATE household SET phone = '13900000000', updated_at = '2100-01-01T00:00:00.000Z' WHERE rowid = (SELECT min(rowid) FROM household)").run();
      process.stdout.write('locked\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400);
      db.exec('COMMIT');
      db.close();
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script, t.app.db.file, path.join(root, 'electron/core/db/audit-functions.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    const before = t.count('household');
    // The commit waits for the lock (busy timeout), then finds the roster changed.
    await expect(commitImport(ctx, preview.token)).rejects.toMatchObject({ info: { code: 'CONFLICT', key: 'roster.import.stale' } });
    await new Promise((r) => child.on('close', r));
    expect(t.count('household')).toBe(before);
    expect(t.app.db.raw.prepare('SELECT count(*) FROM household WHERE phone = ?').pluck().get('13900000000')).toBe(1);
    // Previewed again, it goes in.
    const again = await previewImport(ctx, all);
    await expect(commitImport(ctx, again.token)).resolves.toMatchObject({ householdsWritten: expect.any(Number) });
  });
});

describe('one way into the database (sources)', () => {
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const sources = files(path.join(root, 'electron')).map((f) => ({ file: path.relative(root, f).replaceAll(path.sep, '/'), text: fs.readFileSync(f, 'utf8') }));
  const isDb = (f: string) => f.startsWith('electron/core/db/');
  const isRepo = (f: string) => /(^|\/|-)repo\.ts$/.test(f);

  it('no code outside electron/core/db touches the bare connection', () => {
    const offenders = sources.filter((s) => !isDb(s.file) && /\bdb\.raw\b|\bdb\(\)\.raw\b|\.db\.raw\b/.test(s.text)).map((s) => s.file);
    expect(offenders).toEqual([]);
  });

  it('better-sqlite3 (its types included) appears only in repositories and electron/core/db', () => {
    const offenders = sources.filter((s) => !isDb(s.file) && !isRepo(s.file) && /['"]better-sqlite3['"]/.test(s.text)).map((s) => s.file);
    // electron/main only names the native module's path for the Electron build.
    expect(offenders.filter((f) => !f.startsWith('electron/main/'))).toEqual([]);
  });

  it('transactions and raw fast paths go through the gate: Kysely transactions and exclusive() only where allowed', () => {
    const tx = sources.filter((s) => !isDb(s.file) && /\.transaction\(\)\s*\.execute/.test(s.text)).map((s) => s.file);
    expect(tx).toEqual([]);
    const exclusive = sources.filter((s) => !isDb(s.file) && !isRepo(s.file) && /\.exclusive\(/.test(s.text)).map((s) => s.file);
    expect(exclusive).toEqual([]);
  });
});
