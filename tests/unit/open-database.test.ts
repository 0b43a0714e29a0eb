/** Data folders and files the app must refuse, without changing anything on disk. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../electron/core/errors';
import { LATEST_VERSION, migrations } from '../../electron/core/db/migrations';
import { migrate } from '../../electron/core/db/migrate';
import { DB_FILE, openDatabase } from '../../electron/core/db/open';
import { openApp } from '../../electron/core/app/app';
import { cleanup, tempDir, track } from './helpers/app';
import { registerAuditFunctions } from '../../electron/core/db/audit-functions';

afterEach(cleanup);

/** Runs `open` expecting an AppError; returns its info. */
async function refusal(open: () => Promise<unknown>) {
  let caught: unknown;
  try {
    const opened = (await open()) as { close?: () => Promise<void> };
    await opened.close?.();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected the open to be refused').toBeInstanceOf(AppError);
  return (caught as AppError).info;
}

function snapshot(file: string) {
  return { bytes: fs.readFileSync(file), mtimeMs: fs.statSync(file).mtimeMs, size: fs.statSync(file).size };
}

function listing(dir: string) {
  return fs.readdirSync(dir).sort();
}

describe('a database from a newer version of the app', () => {
  function newerDatabase(dir: string) {
    const raw = new Sqlite(path.join(dir, DB_FILE));
    registerAuditFunctions(raw);
    migrate(raw, migrations);
    raw.prepare("INSERT INTO setting VALUES ('county.name', '新邵县', '2030-01-01', '未来')").run();
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
  }

  it('is refused with db.newer and left byte-for-byte unchanged', async () => {
    const dir = tempDir();
    newerDatabase(dir);
    const file = path.join(dir, DB_FILE);
    const before = snapshot(file);
    const filesBefore = listing(dir);

    const info = await refusal(() => openDatabase(dir));
    expect(info.code).toBe('STORAGE');
    expect(info.key).toBe('db.newer');
    expect(info.params).toEqual({ found: LATEST_VERSION + 1, supported: LATEST_VERSION });
    expect(info.message).toContain('请升级软件');
    expect(info.message).toContain('未做任何修改');

    expect(snapshot(file)).toEqual(before);
    expect(listing(dir)).toEqual(filesBefore); // no backup, no WAL files
  });

  it('is refused the same way when the app opens the folder', async () => {
    const dir = tempDir();
    newerDatabase(dir);
    const before = snapshot(path.join(dir, DB_FILE));
    expect((await refusal(() => openApp(dir).then(track))).key).toBe('db.newer');
    expect(snapshot(path.join(dir, DB_FILE))).toEqual(before);
  });
});

describe('a file that is not a SQLite database', () => {
  it.each([
    ['a text file', Buffer.from('乡镇,行政村\n酿溪镇,长青村\n', 'utf8')],
    ['a short binary file', Buffer.from([0x50, 0x4b, 0x03, 0x04])],
    ['a file with a SQLite header and garbage after it', Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4096, 0x5a)])],
  ])('%s at fupin.sqlite is refused with db.notSqlite and left unchanged', async (_label, content) => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, content);
    fs.utimesSync(file, new Date('2020-01-01T00:00:00Z'), new Date('2020-01-01T00:00:00Z'));
    const before = snapshot(file);

    const info = await refusal(() => openDatabase(dir));
    expect(info.code).toBe('STORAGE');
    expect(info.key).toBe('db.notSqlite');
    expect(info.message).toBe(`文件「${file}」不是本软件的数据库，或已损坏；未做任何修改`);

    expect(snapshot(file)).toEqual(before);
    expect(listing(dir)).toEqual([DB_FILE]);
  });

  it('an empty fupin.sqlite is treated as a new database', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, DB_FILE), '');
    const db = await openDatabase(dir);
    try {
      expect(db.raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    } finally {
      await db.close();
    }
  });
});

describe('a data folder that is not usable', () => {
  it('is refused with dataDir.notDir when the path is a regular file, which is left alone', async () => {
    const dir = tempDir();
    const notDir = path.join(dir, '数据.txt');
    fs.writeFileSync(notDir, '不是文件夹');
    const info = await refusal(() => openDatabase(notDir));
    expect(info.code).toBe('STORAGE');
    expect(info.key).toBe('dataDir.notDir');
    expect(info.params).toEqual({ path: notDir });
    expect(info.message).toBe(`数据目录「${notDir}」不是文件夹`);
    expect(fs.readFileSync(notDir, 'utf8')).toBe('不是文件夹');
    expect(listing(dir)).toEqual(['数据.txt']);
  });

  // Tests run as root in CI, where chmod does not stop writes. sysfs refuses mkdir even to root
  // (EPERM). Not /proc/self/…: there mkdir answers ENOENT although the parent exists, and
  // Node's recursive mkdirSync then retries forever. The premise is checked in a child process
  // with a time limit so that a different machine fails here instead of hanging.
  it('is refused with dataDir.readOnly when the folder cannot be created, and nothing is created', async () => {
    const unwritable = '/sys/fupin-test';
    const premise = spawnSync(process.execPath, ['-e', `require('fs').mkdirSync(${JSON.stringify(unwritable)}, { recursive: true })`], {
      timeout: 10_000,
      encoding: 'utf8',
    });
    expect(premise.status, `premise: mkdir must fail quickly here (${premise.stderr})`).toBe(1);
    expect(premise.stderr).toMatch(/EPERM|EACCES|EROFS/);

    const info = await refusal(() => openDatabase(unwritable));
    expect(info.code).toBe('STORAGE');
    expect(info.key).toBe('dataDir.readOnly');
    expect(info.params).toEqual({ path: unwritable });
    expect(info.message).toBe(`数据目录「${unwritable}」无法写入，请选择有写入权限的文件夹`);
    expect(fs.existsSync(unwritable)).toBe(false);
  });

  it('is refused with dataDir.readOnly when an existing folder cannot be written', async () => {
    const existing = '/proc/self/fdinfo';
    expect(fs.statSync(existing).isDirectory()).toBe(true);
    expect(() => fs.writeFileSync(path.join(existing, 'probe'), ''), 'premise: writing must fail here').toThrow();
    const info = await refusal(() => openApp(existing).then(track));
    expect(info.key).toBe('dataDir.readOnly');
    expect(fs.existsSync(path.join(existing, DB_FILE))).toBe(false);
  });

  it('creates a missing data folder (and its parents) for a new installation', async () => {
    const dir = path.join(tempDir(), '扶贫', '数据');
    const app = track(await openApp(dir));
    expect(fs.statSync(dir).isDirectory()).toBe(true);
    expect(fs.existsSync(path.join(dir, DB_FILE))).toBe(true);
    // The write probe does not stay behind.
    expect(listing(dir).filter((f) => f.startsWith('.write-test'))).toEqual([]);
    expect((await app.status()).ready).toBe(false);
  });
});

describe('the background checkpoint (after a bulk write)', () => {
  it('moves the WAL into the database file on a worker thread; close waits for it; a failure is harmless', async () => {
    const dir = tempDir();
    const db = await openDatabase(dir);
    const raw = db.raw;
    raw.pragma('wal_autocheckpoint = 0'); // as a bulk import does
    raw.exec('CREATE TABLE bulk (n INTEGER, t TEXT)');
    const ins = raw.prepare('INSERT INTO bulk VALUES (?, ?)');
    raw.transaction(() => {
      for (let i = 0; i < 20_000; i++) ins.run(i, `第${i}行`.repeat(5));
    })();
    raw.pragma('wal_autocheckpoint = 1000');
    const wal = path.join(dir, `${DB_FILE}-wal`);
    expect(fs.statSync(wal).size).toBeGreaterThan(1_000_000); // the rows are in the WAL only
    const r = await db.checkpointSoon();
    expect(r.ok, r.message).toBe(true);
    expect(r.log).toBeGreaterThan(50);
    expect(r.checkpointed).toBe(r.log);
    // Started and not awaited: closing waits for it, and the data is all there afterwards.
    void db.checkpointSoon();
    await db.close();
    const again = new Sqlite(path.join(dir, DB_FILE), { readonly: true });
    expect(again.prepare('SELECT count(*) FROM bulk').pluck().get()).toBe(20_000);
    again.close();
    // A checkpoint that cannot run (no such file) reports it instead of throwing.
    const { checkpointInWorker } = await import('../../electron/core/db/checkpoint');
    expect((await checkpointInWorker(path.join(dir, 'missing.sqlite'))).ok).toBe(false);
    // One that takes too long is stopped (closing the app must never hang on it), and none starts after closing.
    expect(await checkpointInWorker(path.join(dir, DB_FILE), undefined, 1)).toEqual({ ok: false, message: 'timed out' });
    expect((await db.checkpointSoon()).ok).toBe(false);
  });
});
