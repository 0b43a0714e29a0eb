/**
 * Backups and restore: a backup holds a checked, consistent copy and says what it holds; a
 * restore brings the data back and sets the replaced database aside as a backup of its own;
 * damaged, truncated, foreign, newer and other-county files are refused by name with the live
 * database untouched; automatic backups are made once a day and the last N kept; a full or
 * read-only disk gives a plain message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import Sqlite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir, xinshaoApp } from './helpers/app';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { mountTmpfs, unmountAll } from '../support/mounts';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { autoBackup, autoBackupDue, backupFolder, createBackup, inspectBackup, listBackups, restoreBackup, setBackupKeep } from '../../electron/core/backup/backup-service';
import { readBackupArchive } from '../../electron/core/files/backup-archive';

afterEach(cleanup);

const disks = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-backup-disks-'));
beforeAll(() => {
  mountTmpfs(path.join(disks, 'full'), 'size=256k');
  mountTmpfs(path.join(disks, 'ro'), 'size=64m', {}, true);
});
afterAll(() => {
  unmountAll();
  fs.rmSync(disks, { recursive: true, force: true });
});

type T = Awaited<ReturnType<typeof xinshaoApp>>;

async function withRoster(households = 60): Promise<T> {
  const t = await xinshaoApp();
  const file = path.join(tempDir(), 'roster.xlsx');
  await writeRosterXlsx(file, countyRows({ households, seed: 11 }));
  const ctx = t.app.ctx();
  await commitImport(ctx, (await previewImport(ctx, file)).token);
  return t;
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n.endsWith('.part'));

describe('backup', () => {
  it('writes one .fpbak holding a checked copy: the manifest counts match the database and its hash the copy inside', async () => {
    const t = await withRoster();
    const out = path.join(tempDir(), '新邵县备份.fpbak');
    const progress: number[] = [];
    const s = await createBackup(t.app, out, 'manual', { onProgress: (p) => progress.push(p) });
    expect(s).toMatchObject({ kind: 'manual', households: t.count('household'), persons: t.count('person'), county: { code: '430522', name: '新邵县' }, operator: '张三' });
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    const { manifest } = (await readBackupArchive(out)) as { manifest: { counts: Record<string, number>; schemaVersion: number } };
    expect(manifest.counts.household).toBe(t.count('household'));
    expect(manifest.counts.township).toBe(t.count('township'));
    expect(manifest.schemaVersion).toBe(t.app.db.schemaVersion);
    // Nothing left beside the database or the backup.
    expect(leftovers(t.dir)).toEqual([]);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['新邵县备份.fpbak']);
  });

  it('refuses a full disk and a read-only folder in plain words, leaving nothing there and the database as it was', async () => {
    const t = await withRoster();
    const before = t.count('household');
    await expect(createBackup(t.app, path.join(disks, 'full', 'b.fpbak'), 'manual')).rejects.toMatchObject({ info: { code: 'STORAGE', key: 'backup.noSpace' } });
    await expect(createBackup(t.app, path.join(disks, 'ro', 'b.fpbak'), 'manual')).rejects.toMatchObject({ info: { key: 'file.writeDenied' } });
    expect(fs.readdirSync(path.join(disks, 'full'))).toEqual([]);
    expect(fs.readdirSync(path.join(disks, 'ro'))).toEqual([]);
    expect(leftovers(t.dir)).toEqual([]);
    expect(t.count('household')).toBe(before);
    expect(t.app.db.raw.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});

describe('restore', () => {
  it('brings the backup back, sets the replaced database aside as a backup, and that one restores too', async () => {
    const t = await withRoster();
    const out = path.join(tempDir(), 'b.fpbak');
    const atBackup = t.count('household');
    await createBackup(t.app, out, 'manual');
    // A change after the backup: one household removed.
    const h = await t.app.db.kysely.selectFrom('household').select('id').executeTakeFirstOrThrow();
    await t.call('roster.household.delete', { id: h.id });
    expect(t.count('household')).toBe(atBackup - 1);

    const shown = await inspectBackup(t.app, out);
    expect(shown.households).toBe(atBackup);
    const r = await restoreBackup(t.app, out);
    expect(t.count('household')).toBe(atBackup);
    expect(await t.call('roster.totals', {})).toMatchObject({ households: atBackup });
    expect(r.setAside).toMatchObject({ kind: 'beforeRestore', households: atBackup - 1 });
    const list = await listBackups(t.app);
    expect(list.backups.map((b) => b.name)).toContain(r.setAside.name);
    expect(leftovers(t.dir)).toEqual([]);

    // The set-aside database is a backup like any other.
    await restoreBackup(t.app, path.join(backupFolder(t.app), r.setAside.name));
    expect(t.count('household')).toBe(atBackup - 1);
  });

  it('refuses by name a foreign file, a truncated copy, a changed database, a newer format and another county; the live data stays', async () => {
    const t = await withRoster();
    const dir = tempDir();
    const good = path.join(dir, 'good.fpbak');
    await createBackup(t.app, good, 'manual');
    const before = t.count('household');

    const foreign = path.join(dir, '照片.fpbak');
    fs.writeFileSync(foreign, 'not a zip at all, a photo perhaps');
    await expect(restoreBackup(t.app, foreign)).rejects.toMatchObject({ info: { key: 'backup.notBackup', params: { name: '照片.fpbak' } } });

    const truncated = path.join(dir, 'half.fpbak');
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreBackup(t.app, truncated)).rejects.toMatchObject({ info: { key: 'backup.damaged', params: { name: 'half.fpbak' } } });

    // Same manifest, the database inside changed by one byte.
    const { manifest } = await readBackupArchive(good);
    const dbCopy = path.join(dir, 'db.sqlite');
    await restoreInto(good, dbCopy);
    const flipped = fs.readFileSync(dbCopy);
    flipped[flipped.length - 100] ^= 0xff;
    await zipOf(path.join(dir, 'changed.fpbak'), manifest, flipped);
    await expect(restoreBackup(t.app, path.join(dir, 'changed.fpbak'))).rejects.toMatchObject({ info: { key: 'backup.damaged' } });

    const m = manifest as Record<string, unknown>;
    await zipOf(path.join(dir, 'newer.fpbak'), { ...m, schemaVersion: 999, appVersion: '9.0.0' }, fs.readFileSync(dbCopy));
    await expect(restoreBackup(t.app, path.join(dir, 'newer.fpbak'))).rejects.toMatchObject({ info: { key: 'backup.newer', params: { version: '9.0.0' } } });

    await zipOf(path.join(dir, 'other.fpbak'), { ...m, county: { code: '430521', name: '邵东县' } }, fs.readFileSync(dbCopy));
    await expect(restoreBackup(t.app, path.join(dir, 'other.fpbak'))).rejects.toMatchObject({ info: { key: 'backup.otherCounty', params: { county: '邵东县', current: '新邵县' } } });

    await zipOf(path.join(dir, 'odd.fpbak'), { hello: 'world' }, Buffer.from('x'));
    await expect(restoreBackup(t.app, path.join(dir, 'odd.fpbak'))).rejects.toMatchObject({ info: { key: 'backup.notBackup' } });

    expect(t.count('household')).toBe(before);
    expect(leftovers(t.dir)).toEqual([]);
    expect(fs.existsSync(backupFolder(t.app)) ? fs.readdirSync(backupFolder(t.app)) : []).toEqual([]);
  });
});

describe('automatic backups', () => {
  it('are due once a day, go to the backups folder, and only the last N are kept', async () => {
    const t = await withRoster(10);
    const now = new Date();
    expect(autoBackupDue(t.app, now)).toBe(true);
    await autoBackup(t.app);
    expect(autoBackupDue(t.app, now)).toBe(false);
    // Older days' backups (named by their day) beyond the number kept are removed, newest kept.
    const folder = backupFolder(t.app);
    const first = fs.readdirSync(folder)[0];
    for (const day of ['20261120', '20261121', '20261122', '20261123']) fs.copyFileSync(path.join(folder, first), path.join(folder, `auto-${day}-080000.fpbak`));
    fs.copyFileSync(path.join(folder, first), path.join(folder, '手动备份.fpbak'));
    await setBackupKeep(t.app, 3);
    const left = fs.readdirSync(folder).sort();
    expect(left).toEqual([first, 'auto-20261122-080000.fpbak', 'auto-20261123-080000.fpbak', '手动备份.fpbak'].sort());
    await expect(setBackupKeep(t.app, 0)).rejects.toMatchObject({ info: { key: 'backup.keep', field: 'keep' } });
    expect((await listBackups(t.app)).keep).toBe(3);
  });
});

async function restoreInto(backup: string, target: string): Promise<void> {
  const { extractDatabase } = await import('../../electron/core/files/backup-archive');
  await extractDatabase(backup, target);
  new Sqlite(target, { readonly: true }).close();
}

function zipOf(file: string, manifest: unknown, db: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json');
    zip.addBuffer(db, 'fupin.sqlite', { compress: false });
    zip.end();
    zip.outputStream.pipe(fs.createWriteStream(file)).on('close', resolve).on('error', reject);
  });
}
