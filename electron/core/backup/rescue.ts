/**
 * Restoring when the live database is damaged (the app opens in its rescue state: serve.ts).
 * Nothing here reads the damaged database beyond its county (when that still reads): the backups
 * in <data folder>/backups are listed from their manifests, a chosen one is unpacked and checked
 * beside the live file, the damaged file (with its write-ahead log) is set aside by renaming it
 * into the backups folder as damaged-<stamp>.sqlite — never deleted — and the checked copy takes
 * its place. The caller then opens the data folder again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { checkInWorker } from '../db/backup-file';
import { DB_FILE } from '../db/open';
import { tempPathFor } from '../files/atomic-write';
import { extractDatabase } from '../files/backup-archive';
import { freeBytes } from '../files/free-space';
import { bytesText } from '../../../shared/rules/size';
import { BACKUP_EXT, backupFolder, checkedManifest, inspectBackupFile, summaryOf, type BackupProgress } from './backup-service';
import { readCountyOfFile } from './rescue-repo';
import { DEFAULT_BACKUP_KEEP, type BackupList, type BackupSummary } from '../../../shared/domain/backup';
import { fileStamp } from '../../../shared/rules/datetime';

export interface RescueTarget {
  dataDir: string;
  nativeBinding?: string;
  now?: () => Date;
}

const countyOf = (t: RescueTarget) => readCountyOfFile(path.join(t.dataDir, DB_FILE), t.nativeBinding);

export function rescueInspect(t: RescueTarget, file: string): Promise<BackupSummary> {
  return inspectBackupFile(file, countyOf(t));
}

/** The backups in the data folder's backups folder, newest first (unreadable ones left out). */
export async function rescueList(t: RescueTarget): Promise<BackupList> {
  const folder = backupFolder(t);
  let names: string[] = [];
  try {
    names = fs.readdirSync(folder).filter((n) => n.endsWith(BACKUP_EXT) && !n.startsWith('.'));
  } catch {
    /* no backup yet */
  }
  const county = countyOf(t);
  const backups: BackupSummary[] = [];
  for (const n of names) {
    try {
      backups.push(await inspectBackupFile(path.join(folder, n), county));
    } catch {
      /* a damaged or foreign file is not offered */
    }
  }
  backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { folder, keep: DEFAULT_BACKUP_KEEP, backups };
}


/** Puts the backup in place of the damaged database; returns what it holds and the damaged file's new name. */
export async function rescueRestore(t: RescueTarget, file: string, opts: BackupProgress = {}): Promise<{ restored: BackupSummary; damagedFile: string }> {
  const name = path.basename(file);
  const m = await checkedManifest(file, countyOf(t));
  const restored = summaryOf(name, m);
  const free = freeBytes(t.dataDir);
  if (free !== null && free < restored.bytes) throw new AppError('STORAGE', 'backup.noSpace', { need: bytesText(restored.bytes), free: bytesText(free), folder: t.dataDir });
  const live = path.join(t.dataDir, DB_FILE);
  const incoming = tempPathFor(path.join(t.dataDir, 'restore.sqlite'));
  opts.onProgress?.(0);
  try {
    const got = await extractDatabase(file, incoming, { signal: opts.signal, onProgress: (b) => opts.onProgress?.((0.6 * b) / Math.max(1, restored.bytes)) });
    if (got.bytes !== m.database.bytes || got.sha256 !== m.database.sha256) throw new AppError('VALIDATION', 'backup.damaged', { name });
    const check = await checkInWorker(incoming, { nativeBinding: t.nativeBinding, signal: opts.signal });
    if (!check.ok || check.integrity !== 'ok' || check.schemaVersion !== m.schemaVersion) throw new AppError('VALIDATION', 'backup.damaged', { name });
    opts.onProgress?.(0.9);
    opts.signal?.throwIfAborted();
    // The damaged file (and its log, which may hold the newest writes) set aside, never deleted.
    const folder = backupFolder(t);
    fs.mkdirSync(folder, { recursive: true });
    const damagedFile = `damaged-${fileStamp((t.now ?? (() => new Date()))())}.sqlite`;
    if (fs.existsSync(live)) fs.renameSync(live, path.join(folder, damagedFile));
    // (An empty one is only what a read of the county left behind.)
    const wal = `${live}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) fs.renameSync(wal, path.join(folder, `${damagedFile}-wal`));
    fs.rmSync(wal, { force: true });
    fs.rmSync(`${live}-shm`, { force: true });
    fs.renameSync(incoming, live);
    opts.onProgress?.(1);
    return { restored, damagedFile };
  } finally {
    fs.rmSync(incoming, { force: true });
  }
}
