/**
 * Backups and restore. A backup is a consistent snapshot of the database (VACUUM INTO on a worker
 * thread's own connection, never a raw copy of the WAL database), checked (integrity_check, rows
 * per table, SHA-256) and packed with its manifest into one .fpbak file by the one atomic write.
 * Automatic backups go to <data folder>/backups (at start and daily, the last N kept); manual
 * ones wherever the user saves them. A restore checks the file (a damaged, foreign, newer-app or
 * other-county file is refused by name), unpacks and checks the database beside the live one,
 * backs the live one up into the backups folder (set aside, never deleted), then swaps the files
 * with one rename while the database is closed, and opens it again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { APP_VERSION, type App } from '../app/app';
import { AppError } from '../errors';
import { checkInWorker, snapshotInWorker, type FileCheck, type WorkerFailure } from '../db/backup-file';
import { LATEST_VERSION } from '../db/migrations';
import { cleanStaleTemps, tempPathFor, toWriteError } from '../files/atomic-write';
import { extractDatabase, readBackupArchive, writeBackupArchive } from '../files/backup-archive';
import { readSettings, writeSetting } from '../settings/repo';
import { bytesText } from '../../../shared/rules/size';
import { freeBytes } from '../files/free-space';
import { fileStamp } from '../../../shared/rules/datetime';
import { backupManifest, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, DEFAULT_BACKUP_KEEP, MAX_BACKUP_KEEP, type BackupKind, type BackupList, type BackupManifest, type BackupSummary } from '../../../shared/domain/backup';

export const BACKUP_DIR = 'backups';
export const BACKUP_EXT = '.fpbak';
const KEEP_KEY = 'backup.keep';

export interface BackupProgress {
  signal?: AbortSignal;
  /** Share done, 0..1. */
  onProgress?: (share: number) => void;
}

export function backupFolder(app: Pick<App, 'dataDir'>): string {
  return path.join(app.dataDir, BACKUP_DIR);
}

const PREFIX: Record<Exclude<BackupKind, 'manual'>, string> = { auto: 'auto-', beforeRestore: 'before-restore-' };

export function summaryOf(name: string, m: BackupManifest): BackupSummary {
  return {
    name,
    kind: m.kind,
    createdAt: m.createdAt,
    operator: m.operator,
    county: m.county,
    appVersion: m.appVersion,
    schemaVersion: m.schemaVersion,
    households: m.counts.household ?? 0,
    persons: m.counts.person ?? 0,
    ledgerItems: m.counts.ledger_item ?? 0,
    bytes: m.database.bytes,
    auditHead: m.auditHead,
  };
}

function requireSpace(dir: string, need: number): void {
  const free = freeBytes(dir);
  if (free !== null && free < need) throw new AppError('STORAGE', 'backup.noSpace', { need: bytesText(need), free: bytesText(free), folder: dir });
}

function workerError(r: WorkerFailure, file: string): unknown {
  const err = Object.assign(new Error(r.message), { code: r.code });
  return toWriteError(err, file);
}

/**
 * Writes a backup of the app's database to `target` (a .fpbak file). The manifest names the
 * operator, the county, the counts per table and the audit head.
 */
export async function createBackup(app: App, target: string, kind: BackupKind, opts: BackupProgress = {}): Promise<BackupSummary> {
  const db = app.db;
  const ctx = app.ctx();
  const dbBytes = fs.statSync(db.file).size + walBytes(db.file);
  // The snapshot beside the database, then the archive at the target: room for both.
  requireSpace(app.dataDir, dbBytes);
  requireSpace(path.dirname(target), dbBytes);
  const snapshot = tempPathFor(path.join(app.dataDir, 'snapshot.sqlite'));
  opts.onProgress?.(0);
  try {
    const r = await snapshotInWorker(db.file, snapshot, { nativeBinding: db.nativeBinding, signal: opts.signal });
    if (!r.ok) throw workerError(r, target);
    if (r.integrity !== 'ok') throw new AppError('STORAGE', 'backup.sourceDamaged', { detail: r.integrity.slice(0, 200) });
    opts.onProgress?.(0.5);
    const settings = await readSettings(db.kysely);
    const county = settings.get('county.code') ? { code: settings.get('county.code')!, name: settings.get('county.name') ?? '' } : null;
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: APP_VERSION,
      schemaVersion: r.schemaVersion,
      createdAt: ctx.now().toISOString(),
      operator: ctx.operator,
      county,
      kind,
      counts: r.counts,
      auditHead: r.auditHead,
      database: { bytes: r.bytes, sha256: r.sha256 },
    };
    await writeBackupArchive(target, snapshot, manifest, { signal: opts.signal, onProgress: (b) => opts.onProgress?.(0.5 + (0.5 * b) / Math.max(1, r.bytes)) });
    opts.onProgress?.(1);
    return summaryOf(path.basename(target), manifest);
  } finally {
    fs.rmSync(snapshot, { force: true });
  }
}

function walBytes(file: string): number {
  try {
    return fs.statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

/** How many automatic backups are kept (设置). */
export async function backupKeep(app: App): Promise<number> {
  const v = Number((await readSettings(app.db.kysely)).get(KEEP_KEY));
  return Number.isInteger(v) && v >= 1 && v <= MAX_BACKUP_KEEP ? v : DEFAULT_BACKUP_KEEP;
}

export async function setBackupKeep(app: App, keep: number): Promise<void> {
  if (!Number.isInteger(keep) || keep < 1 || keep > MAX_BACKUP_KEEP) throw new AppError('VALIDATION', 'backup.keep', { max: MAX_BACKUP_KEEP }, { field: 'keep' });
  const ctx = app.ctx();
  await writeSetting(app.db.kysely, KEEP_KEY, String(keep), ctx.now().toISOString(), ctx.operator);
  await pruneAutoBackups(app);
}

/** The backups in the data folder's backups folder, newest first (unreadable files left out). */
export async function listBackups(app: App): Promise<BackupList> {
  const folder = backupFolder(app);
  let names: string[] = [];
  try {
    names = fs.readdirSync(folder).filter((n) => n.endsWith(BACKUP_EXT) && !n.startsWith('.'));
  } catch {
    /* no backup yet */
  }
  const backups: BackupSummary[] = [];
  for (const name of names) {
    try {
      backups.push(await inspectBackup(app, path.join(folder, name)));
    } catch {
      /* a damaged file is shown when it is picked, not in the list */
    }
  }
  backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { folder, keep: await backupKeep(app), backups };
}

/** A listed backup's path by its name (only names in the backups folder). */
export function listedBackupPath(app: Pick<App, 'dataDir'>, name: string): string {
  if (name !== path.basename(name) || !name.endsWith(BACKUP_EXT) || name.startsWith('.')) throw new AppError('NOT_FOUND', 'backup.notFound', { name });
  const file = path.join(backupFolder(app), name);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', 'backup.notFound', { name });
  return file;
}

/** The county a backup must belong to (the open database's), or null before the county is set. */
export type CountyCheck = { code: string; name: string } | null;

async function countyOf(app: App): Promise<CountyCheck> {
  const here = await readSettings(app.db.kysely);
  const code = here.get('county.code');
  return code ? { code, name: here.get('county.name') ?? code } : null;
}

/** What a backup file holds; refuses a foreign, damaged, newer or other county's file by name. */
export async function inspectBackup(app: App, file: string): Promise<BackupSummary> {
  return summaryOf(path.basename(file), await checkedManifest(file, await countyOf(app)));
}

/** inspectBackup for a county known by other means (a damaged database's rescue); null: no county check. */
export async function inspectBackupFile(file: string, county: CountyCheck): Promise<BackupSummary> {
  return summaryOf(path.basename(file), await checkedManifest(file, county));
}

/** The backup's manifest, checked (see inspectBackup). */
export async function checkedManifest(file: string, county: CountyCheck): Promise<BackupManifest> {
  const name = path.basename(file);
  const opened = await readBackupArchive(file);
  const parsed = backupManifest.safeParse(opened.manifest);
  if (!parsed.success) {
    const m = opened.manifest as { format?: unknown; formatVersion?: unknown; appVersion?: unknown };
    if (m?.format === BACKUP_FORMAT && typeof m.formatVersion === 'number' && m.formatVersion > BACKUP_FORMAT_VERSION) {
      throw new AppError('VALIDATION', 'backup.newer', { name, version: String(m.appVersion ?? ''), current: APP_VERSION });
    }
    throw new AppError('VALIDATION', 'backup.notBackup', { name });
  }
  const m = parsed.data;
  if (m.formatVersion > BACKUP_FORMAT_VERSION || m.schemaVersion > LATEST_VERSION) throw new AppError('VALIDATION', 'backup.newer', { name, version: m.appVersion, current: APP_VERSION });
  if (opened.databaseBytes !== m.database.bytes) throw new AppError('VALIDATION', 'backup.damaged', { name });
  if (county && m.county && m.county.code !== county.code) throw new AppError('VALIDATION', 'backup.otherCounty', { name, county: m.county.name, current: county.name });
  return m;
}

/**
 * Replaces the app's database with the backup's. The live database is first backed up into the
 * backups folder (kind beforeRestore); a failure at any step before the swap leaves it as it was.
 */
export async function restoreBackup(app: App, file: string, opts: BackupProgress = {}): Promise<{ restored: BackupSummary; setAside: BackupSummary }> {
  const name = path.basename(file);
  const m = await checkedManifest(file, await countyOf(app));
  const restored = summaryOf(name, m);
  requireSpace(app.dataDir, restored.bytes * 2 + fs.statSync(app.db.file).size);
  const incoming = tempPathFor(path.join(app.dataDir, 'restore.sqlite'));
  opts.onProgress?.(0);
  try {
    const got = await extractDatabase(file, incoming, { signal: opts.signal, onProgress: (b) => opts.onProgress?.((0.3 * b) / Math.max(1, restored.bytes)) });
    if (got.bytes !== m.database.bytes || got.sha256 !== m.database.sha256) throw new AppError('VALIDATION', 'backup.damaged', { name });
    const check: FileCheck | WorkerFailure = await checkInWorker(incoming, { nativeBinding: app.db.nativeBinding, signal: opts.signal });
    if (!check.ok || check.integrity !== 'ok' || check.schemaVersion !== m.schemaVersion) throw new AppError('VALIDATION', 'backup.damaged', { name });
    opts.onProgress?.(0.4);
    // The live database, set aside as a backup of its own before anything is replaced.
    const folder = backupFolder(app);
    fs.mkdirSync(folder, { recursive: true });
    const setAside = await createBackup(app, path.join(folder, `${PREFIX.beforeRestore}${fileStamp(app.ctx().now())}${BACKUP_EXT}`), 'beforeRestore', {
      signal: opts.signal,
      onProgress: (s) => opts.onProgress?.(0.4 + 0.5 * s),
    });
    opts.signal?.throwIfAborted();
    await app.swapDatabase((live) => {
      // A clean close leaves no write-ahead log; one that is still there holds writes that would
      // be applied to the wrong file.
      if (walBytes(live) > 0) throw new AppError('STORAGE', 'backup.walPending');
      for (const side of ['-wal', '-shm']) fs.rmSync(`${live}${side}`, { force: true });
      fs.renameSync(incoming, live);
    });
    opts.onProgress?.(1);
    return { restored, setAside };
  } finally {
    fs.rmSync(incoming, { force: true });
  }
}

/** Whether today's automatic backup is still to be made (none yet today, local time). */
export function autoBackupDue(app: App, now: Date): boolean {
  const today = fileStamp(now).slice(0, 8);
  let names: string[] = [];
  try {
    names = fs.readdirSync(backupFolder(app));
  } catch {
    return true;
  }
  return !names.some((n) => n.startsWith(`${PREFIX.auto}${today}`) && n.endsWith(BACKUP_EXT));
}

/** Makes the automatic backup (into the backups folder) and keeps the last N. */
export async function autoBackup(app: App, opts: BackupProgress = {}): Promise<BackupSummary> {
  const folder = backupFolder(app);
  fs.mkdirSync(folder, { recursive: true });
  cleanStaleTemps(folder);
  const made = await createBackup(app, path.join(folder, `${PREFIX.auto}${fileStamp(app.ctx().now())}${BACKUP_EXT}`), 'auto', opts);
  await pruneAutoBackups(app);
  return made;
}

/** Removes automatic backups beyond the newest N (manual and set-aside ones are never removed). */
export async function pruneAutoBackups(app: App): Promise<string[]> {
  const keep = await backupKeep(app);
  let names: string[] = [];
  try {
    names = fs.readdirSync(backupFolder(app)).filter((n) => n.startsWith(PREFIX.auto) && n.endsWith(BACKUP_EXT));
  } catch {
    return [];
  }
  const old = names.sort().reverse().slice(keep);
  for (const n of old) fs.rmSync(path.join(backupFolder(app), n), { force: true });
  return old;
}
