/**
 * Storage faults as an office meets them: a full disk, a read-only disk or file, another program
 * holding the database, a damaged file. Each reaches the user as its own plain message with what
 * to do, never 程序内部错误. A page overwritten in the middle of the file is found at open
 * (quick_check on a worker; integrity_check after a run that was killed) and the app offers the
 * latest good backup; restoring it sets the damaged file aside (never deleted) and the roster is
 * back. An import the disk has no room for is refused before anything is written.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import Sqlite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, openTestApp, setUpXinshao, tempDir, track, xinshaoApp } from './helpers/app';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { mountTmpfs, unmountAll } from '../support/mounts';
import { corruptMiddlePage } from '../support/corrupt';
import { cli } from '../support/cli';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { autoBackup, backupFolder } from '../../electron/core/backup/backup-service';
import { setHashParamsForTests } from '../../electron/core/auth/auth-service';
import { serveDataDir, type Served } from '../../electron/core/ipc/serve';
import { openApp, type App } from '../../electron/core/app/app';
import { noDialogs } from '../../electron/core/app/dialogs';
import { openDatabase, DB_FILE } from '../../electron/core/db/open';
import { toErrorInfo } from '../../electron/core/errors';
import { freeBytes } from '../../electron/core/files/free-space';
import type { ErrorInfo } from '../../shared/i18n/messages';

const INTERNAL = '程序内部错误';
const PW = 'Xinshao#2017';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LAUNCHER = path.join(ROOT, 'scripts', 'cli.mjs');

const disks = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-fault-disks-'));
const served: Served[] = [];

beforeAll(() => setHashParamsForTests({ N: 2 ** 10, r: 8, p: 1 }));
afterEach(async () => {
  for (const s of served.splice(0)) await s.app?.close();
  await cleanup();
});
afterAll(() => {
  unmountAll();
  fs.rmSync(disks, { recursive: true, force: true });
});

let disk = 0;
/** A fresh tmpfs of `size` (e.g. '16m'), as the data folder's disk. */
function smallDisk(size: string): string {
  const dir = path.join(disks, `d${disk++}`);
  mountTmpfs(dir, `size=${size}`);
  return dir;
}

/** Fills the disk holding `dir` to the last byte; returns the filler's path (delete it to free the disk). */
function fillDisk(dir: string): string {
  const filler = path.join(dir, 'filler.bin');
  const fd = fs.openSync(filler, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (let size = chunk.length; ; ) {
      try {
        fs.writeSync(fd, chunk, 0, size);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e;
        if (size === 1) break;
        size = Math.max(1, size >> 1);
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return filler;
}

async function seed(t: { app: App }, households: number, seedNo = 11) {
  const file = path.join(tempDir(), 'roster.xlsx');
  await writeRosterXlsx(file, countyRows({ households, seed: seedNo }));
  const ctx = t.app.ctx();
  await commitImport(ctx, (await previewImport(ctx, file)).token);
}

async function serve(dir: string): Promise<Served> {
  const s = await serveDataDir(dir, {});
  served.push(s);
  return s;
}

async function refused(s: { dispatch: Served['dispatch'] }, name: string, input: unknown): Promise<ErrorInfo> {
  const r = await s.dispatch(name, input);
  expect(r.ok, `${name} should have been refused`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  return r.error;
}

async function answered<T = unknown>(s: { dispatch: Served['dispatch'] }, name: string, input: unknown): Promise<T> {
  const r = await s.dispatch(name, input);
  if (!r.ok) throw new Error(`${name} refused: ${r.error.key} ${r.error.message}`);
  return r.value as T;
}

const plain = (e: ErrorInfo) => expect(e.message).not.toContain(INTERNAL);

/**
 * A set-up county of `households` with an administrator account, its latest good backup in the
 * backups folder, compacted (VACUUM: the data pages are real pages of the roster), closed cleanly.
 */
async function countyWithBackup(households = 300) {
  const t = await xinshaoApp();
  await seed(t, households);
  await t.call('auth.createAdmin', { login: 'admin', name: '张三', password: PW });
  // Statistics current, as in an office's database opened day after day (PRAGMA optimize at open then reads nothing).
  t.app.db.raw.exec('ANALYZE');
  const backup = await autoBackup(t.app);
  const counts = { households: t.count('household'), persons: t.count('person') };
  t.app.db.raw.exec('VACUUM');
  await t.app.close();
  return { dir: t.dir, backup, counts };
}

describe('storage faults in plain words', () => {
  it('a full disk during a write says the disk is full and how much is left; nothing was written', async () => {
    const dir = smallDisk('16m');
    const s = await serve(dir);
    const before = await answered(s, 'org.townships.list', {});
    const filler = fillDisk(dir);
    // First-run setup writes the county and its townships: no room for it.
    const e = await refused(s, 'app.setup', { countyCode: '430522', countyName: '新邵县', operator: '张三', townships: [{ code: '430522100', name: '酿溪镇' }] });
    expect(e).toMatchObject({ code: 'STORAGE', key: 'storage.full' });
    expect(e.message).toContain('磁盘空间已满');
    expect(e.message).toMatch(/还剩 \d/);
    plain(e);
    // ENOSPC from the system (a file the app writes in the data folder) says the same.
    let enospc: unknown;
    try {
      fs.writeFileSync(path.join(dir, 'more.bin'), Buffer.alloc(1024 * 1024));
    } catch (x) {
      enospc = x;
    }
    expect((enospc as NodeJS.ErrnoException).code).toBe('ENOSPC');
    expect(toErrorInfo(enospc, () => {}, { dataDir: dir })).toMatchObject({ code: 'STORAGE', key: 'storage.full' });
    fs.rmSync(filler);
    fs.rmSync(path.join(dir, 'more.bin'), { force: true });
    expect((await answered<{ ready: boolean }>(s, 'app.status', {})).ready).toBe(false);
    expect(await answered(s, 'org.townships.list', {})).toEqual(before);
    expect(s.app!.db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a data folder opened on a full disk says the disk is full, not that the drive failed', async () => {
    const dir = smallDisk('8m');
    const t = await openTestApp({ dir });
    await setUpXinshao(t);
    await t.app.close();
    const filler = fillDisk(dir);
    // SQLite cannot make its shared-memory file: SQLITE_IOERR_SHMSIZE, a full disk in fact.
    const s = await serve(dir);
    const e = await refused(s, 'app.status', {});
    expect(e).toMatchObject({ code: 'STORAGE', key: 'storage.full' });
    plain(e);
    expect(s.app).toBeUndefined();
    // Space freed, the window's 重试 (app.status again) opens the folder.
    fs.rmSync(filler);
    expect(await answered(s, 'app.status', {})).toMatchObject({ ready: true, county: { code: '430522' } });
    expect(s.app).toBeDefined();
  });

  it('a read-only database file or disk says it cannot be written and what to do', async () => {
    const t = await xinshaoApp();
    await t.app.close();
    const file = path.join(t.dir, DB_FILE);
    // The database file write-protected (the folder writable): SQLite opens it read-only and a write meets SQLITE_READONLY.
    expect(spawnSync('mount', ['--bind', file, file]).status).toBe(0);
    expect(spawnSync('mount', ['-o', 'remount,bind,ro', file]).status).toBe(0);
    try {
      const s = await serve(t.dir);
      const status = await s.dispatch('app.status', {});
      const e = status.ok ? await refused(s, 'settings.update', { language: 'en' }) : status.error;
      expect(e).toMatchObject({ code: 'STORAGE', key: 'storage.readOnly' });
      expect(e.message).toContain('无法写入');
      plain(e);
      await s.app?.close();
      served.splice(0);
    } finally {
      spawnSync('umount', [file]);
    }
    // EROFS from the system: a read-only disk.
    const ro = path.join(disks, `ro${disk++}`);
    mountTmpfs(ro, 'size=1m', {}, true);
    let erofs: unknown;
    try {
      fs.writeFileSync(path.join(ro, 'x'), 'x');
    } catch (x) {
      erofs = x;
    }
    expect((erofs as NodeJS.ErrnoException).code).toBe('EROFS');
    const info = toErrorInfo(erofs, () => {}, { dataDir: ro });
    expect(info).toMatchObject({ code: 'STORAGE', key: 'storage.readOnly' });
    plain(info);
  });

  it('another program holding the database says so, naming the likely other copy of the app', async () => {
    const t = await xinshaoApp();
    const other = new Sqlite(path.join(t.dir, DB_FILE));
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const e = await t.fail('settings.update', { language: 'en' });
      expect(e).toMatchObject({ code: 'STORAGE', key: 'db.locked' });
      expect(e.message).toContain('另开的一个扶贫工作台或命令行工具');
      plain(e);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 20_000);

  it('a damaged page met by a call says the file is damaged and that retrying will not help', async () => {
    const { dir } = await countyWithBackup(300);
    corruptMiddlePage(path.join(dir, DB_FILE));
    const t = await openTestApp({ dir }); // the plain dispatcher: no rescue state, the call's own answer
    await t.call('auth.login', { login: 'admin', password: PW });
    // The org list still reads; the quality check, reading every household, meets the damaged page.
    expect((await t.call('org.townships.list', {})).length).toBe(15);
    const hit = await t.fail('roster.check.run', { taskId: randomUUID() });
    expect(hit).toMatchObject({ code: 'STORAGE', key: 'storage.damaged' });
    expect(hit.message).toContain('重试无效');
    expect(hit.message).toContain('备份');
    plain(hit);
  });
});

describe('a damaged database found at open', () => {
  it('quick_check at open finds a page overwritten in the middle; the app enters the rescue state offering the latest good backup', async () => {
    const { dir, backup, counts } = await countyWithBackup(300);
    corruptMiddlePage(path.join(dir, DB_FILE));
    // Before the check the page goes unnoticed: the database opens and the org list reads.
    const plainOpen = track(await openApp(dir, { mustExist: true }));
    expect((await plainOpen.db.health).state).toBe('damaged');
    expect((await plainOpen.db.health).check).toBe('quick_check');
    await plainOpen.close();

    const s = await serve(dir);
    const status = await refused(s, 'app.status', {});
    expect(status).toMatchObject({ code: 'STORAGE', key: 'storage.damaged' });
    plain(status);
    expect(s.app).toBeUndefined();
    // No session is asked for (the accounts are in the damaged file): the backups are listed.
    const list = await answered<{ backups: { name: string; households: number; persons: number }[] }>(s, 'backup.list', {});
    expect(list.backups[0]).toMatchObject({ name: backup.name, households: counts.households, persons: counts.persons });
    // Nothing else is answered.
    expect(await refused(s, 'org.townships.list', {})).toMatchObject({ key: 'storage.damaged' });
    expect(await refused(s, 'auth.login', { login: 'admin', password: PW })).toMatchObject({ key: 'storage.damaged' });
  });

  it('a damaged page that the open itself reads (the roster’s last page) leads to the same rescue state', async () => {
    const { dir, backup } = await countyWithBackup(300);
    corruptMiddlePage(path.join(dir, DB_FILE), 'last');
    const s = await serve(dir);
    expect(await refused(s, 'app.status', {})).toMatchObject({ code: 'STORAGE', key: 'storage.damaged' });
    expect((await answered<{ backups: { name: string }[] }>(s, 'backup.list', {})).backups[0].name).toBe(backup.name);
  });

  it('damage appearing while the app runs, found by a backup’s check, also leads to the rescue state', async () => {
    const { dir, backup } = await countyWithBackup(300);
    const out = path.join(tempDir(), 'b.fpbak');
    const s = await serveDataDir(dir, {}, { ...noDialogs, saveFile: async () => out });
    served.push(s);
    expect(await s.app!.db.health).toMatchObject({ state: 'ok' });
    await answered(s, 'auth.login', { login: 'admin', password: PW });
    corruptMiddlePage(path.join(dir, DB_FILE)); // a sector gone bad under the running app
    const e = await refused(s, 'backup.create', { taskId: randomUUID() });
    expect(e.key).toMatch(/^(storage\.damaged|backup\.sourceDamaged)$/); // the snapshot meets the page, or its check finds it
    plain(e);
    expect(fs.existsSync(out)).toBe(false);
    expect(await refused(s, 'app.status', {})).toMatchObject({ key: 'storage.damaged' });
    expect((await answered<{ backups: { name: string }[] }>(s, 'backup.list', {})).backups[0].name).toBe(backup.name);
  });

  it('a run killed with the database open leaves its marker: the next open runs the full integrity_check', async () => {
    const t = await xinshaoApp();
    await seed(t, 200);
    await t.app.close();
    // The CLI making a backup, killed once it has the database open.
    spawnSync(process.execPath, [LAUNCHER, 'help'], { cwd: ROOT, timeout: 120_000 }); // builds the bundle when stale
    const out = path.join(tempDir(), 'b.fpbak');
    const child = spawn(process.execPath, [LAUNCHER, '--data-dir', t.dir, 'backup', out], { cwd: ROOT, stdio: 'ignore' });
    const marker = `.open-${child.pid}`;
    const exited = new Promise<string | null>((r) => child.on('exit', (_c, sig) => r(sig)));
    for (let i = 0; i < 600 && !fs.existsSync(path.join(t.dir, marker)); i++) await new Promise((r) => setTimeout(r, 10));
    expect(fs.existsSync(path.join(t.dir, marker))).toBe(true);
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(fs.existsSync(path.join(t.dir, marker))).toBe(true);

    const db = await openDatabase(t.dir, { mustExist: true });
    expect(await db.health).toMatchObject({ state: 'ok', check: 'integrity_check' });
    expect(fs.existsSync(path.join(t.dir, marker))).toBe(false);
    await db.close();
    // Closed cleanly: the next open is back to quick_check.
    const again = await openDatabase(t.dir, { mustExist: true });
    expect(await again.health).toMatchObject({ state: 'ok', check: 'quick_check' });
    await again.close();
    expect(fs.readdirSync(t.dir).filter((n) => n.startsWith('.open-'))).toEqual([]);
  }, 60_000);

  it('restoring from the rescue state sets the damaged file aside, never deleted, and the roster opens with the backup’s counts', async () => {
    const { dir, backup, counts } = await countyWithBackup(300);
    corruptMiddlePage(path.join(dir, DB_FILE));
    const damagedBytes = fs.readFileSync(path.join(dir, DB_FILE));
    const s = await serve(dir);
    expect(await refused(s, 'app.status', {})).toMatchObject({ key: 'storage.damaged' });

    const picked = await answered<{ token: string; backup: { households: number } }>(s, 'backup.inspect', { name: backup.name });
    expect(picked.backup.households).toBe(counts.households);
    const done = await answered<{ restored: { name: string }; damagedFile: string }>(s, 'backup.rescue', { token: picked.token, taskId: randomUUID() });
    expect(done.restored.name).toBe(backup.name);
    expect(done.damagedFile).toMatch(/^damaged-\d{8}-\d{6}\.sqlite$/);
    const aside = path.join(backupFolder({ dataDir: dir }), done.damagedFile);
    expect(fs.readFileSync(aside).equals(damagedBytes)).toBe(true);

    // The folder is open again: the restored database asks for the sign-in its accounts need.
    expect(s.app).toBeDefined();
    const status = await answered<{ accounts: boolean; session: unknown }>(s, 'app.status', {});
    expect(status).toMatchObject({ accounts: true, session: null });
    expect(await refused(s, 'roster.query', { offset: 0, limit: 10 })).toMatchObject({ key: 'auth.required' });
    // The rescue calls need no session only in the rescue state: now they are an administrator's again.
    expect(await refused(s, 'backup.list', {})).toMatchObject({ key: 'auth.required' });
    expect(await refused(s, 'backup.rescue', { token: picked.token, taskId: randomUUID() })).toMatchObject({ key: 'auth.required' });
    await answered(s, 'auth.login', { login: 'admin', password: PW });
    expect(await answered(s, 'roster.query', { offset: 0, limit: 10 })).toMatchObject({ total: counts.households });
    expect(s.app!.db.raw.prepare('SELECT count(*) FROM person').pluck().get()).toBe(counts.persons);
    expect(s.app!.db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    // Once whole, the rescue call is refused (a restore then goes through backup.restore).
    expect(await refused(s, 'backup.rescue', { token: picked.token, taskId: randomUUID() })).toMatchObject({ key: 'storage.rescueNotNeeded' });
  }, 60_000);
});

describe('the CLI on a damaged database', () => {
  it('restore FILE shows the backup and says the database is damaged; with --yes it replaces it without --operator and keeps the damaged file', async () => {
    const { dir, backup, counts } = await countyWithBackup(300);
    corruptMiddlePage(path.join(dir, DB_FILE));
    const file = path.join(backupFolder({ dataDir: dir }), backup.name);
    const shown = await cli('--data-dir', dir, 'restore', file);
    expect(shown).toMatchObject({ code: 1, out: expect.stringContaining('数据库文件已损坏') });
    expect(shown.out).toContain(`${counts.households} 户`);
    expect(fs.readdirSync(backupFolder({ dataDir: dir })).filter((n) => n.startsWith('damaged-'))).toEqual([]);
    const done = await cli('--data-dir', dir, 'restore', file, '--yes');
    expect(done).toMatchObject({ code: 0, out: expect.stringMatching(/损坏的数据库已保存为 backups 文件夹中的 damaged-\d{8}-\d{6}\.sqlite/) });
    const app = track(await openApp(dir, { mustExist: true }));
    expect(await app.db.health).toMatchObject({ state: 'ok' });
    expect(app.db.raw.prepare('SELECT count(*) FROM household').pluck().get()).toBe(counts.households);
  }, 60_000);
});

describe('room on the disk before an import', () => {
  it('refuses an import the disk has no room for before the commit, saying how much it needs; the live database is untouched', async () => {
    const dir = smallDisk('8m');
    const t = await openTestApp({ dir });
    await setUpXinshao(t);
    const file = path.join(tempDir(), 'roster.xlsx');
    await writeRosterXlsx(file, countyRows({ households: 600, seed: 5 }));
    const { token } = await previewImport(t.app.ctx(), file);
    const before = { households: t.count('household'), persons: t.count('person'), bytes: fs.statSync(path.join(dir, DB_FILE)).size };
    const free = freeBytes(dir)!;
    const e = await t.fail('roster.import.commit', { token, taskId: randomUUID() });
    expect(e).toMatchObject({ code: 'STORAGE', key: 'storage.importNoSpace' });
    expect(e.message).toMatch(/约需 [\d.]+ MB/);
    expect(e.message).toContain('未写入任何数据');
    plain(e);
    expect({ households: t.count('household'), persons: t.count('person'), bytes: fs.statSync(path.join(dir, DB_FILE)).size }).toEqual(before);
    expect(freeBytes(dir)).toBeGreaterThan(free - 64 * 1024);
    expect(t.app.db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);
});
