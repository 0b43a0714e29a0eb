/**
 * The one atomic file write. Every file the app saves (PDFs, cards, charts, xlsx exports,
 * templates, evidence copies) is written to a hidden temporary file beside the target,
 * `.<name>.<pid>-<random>.part`, flushed to disk (fsync) and renamed over the target. Any failure
 * removes the temporary file and throws an AppError in plain words (disk full, read-only or no
 * permission, folder missing / removable drive pulled out, read-write error), so a failed save
 * leaves nothing behind and a failing stream never surfaces as an unhandled 'error' event.
 *
 * A killed process can still leave a temporary file (holding personal data): cleanStaleTemps
 * removes our leftovers at start-up and before each save into a folder.
 */
import crypto from 'node:crypto';
import fs, { promises as fsp, type WriteStream } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

/** Temporary files this process is writing now: never cleaned as leftovers. */
const active = new Set<string>();

/** Our temporary files, today's and older releases' names (`.x.pdf.123-ab.part`, `x.pdf.part`,
 *  `.x.xlsx.123-ab.tmp`, `.x.pdf.123.tmp`, `x.json.tmp-123`, evidence `.incoming-<uuid>`). */
const TEMP_NAME = [
  /^\..+\.\d+-[0-9a-z]+\.part$/,
  // SQLite's own files beside a temporary database (a killed backup snapshot's rollback journal).
  /^\..+\.\d+-[0-9a-z]+\.part-(journal|wal|shm)$/,
  /^.+\.(pdf|xlsx|json)\.part$/i,
  /^\..+\.\d+(-[0-9a-z]+)?\.tmp$/,
  /^.+\.tmp-\d+$/,
  /^\.incoming-[0-9a-f-]{36}$/,
];

/** Leftovers older than this are not being written by anyone (a live write touches its file). */
export const STALE_AFTER_MS = 60_000;

export function isTempName(name: string): boolean {
  return TEMP_NAME.some((re) => re.test(name));
}

/** The temporary file for `target`: hidden, beside it, unique. */
export function tempPathFor(target: string): string {
  const rand = crypto.randomBytes(4).toString('hex');
  return path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${rand}.part`);
}

function writeError(key: string, file: string): AppError {
  return new AppError('VALIDATION', key, { name: path.basename(file), folder: path.dirname(path.resolve(file)) });
}

/** A file system failure while saving `file`, in plain words; other errors pass through. */
export function toWriteError(e: unknown, file: string): unknown {
  if (e instanceof AppError) return e;
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ENODEV':
    case 'ENXIO':
      return writeError('file.writeFolderMissing', file);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return writeError('file.writeDenied', file);
    case 'EBUSY':
    case 'ETXTBSY':
      return writeError('file.writeBusy', file);
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return writeError('file.diskFull', file);
    case 'EIO':
      return writeError('file.writeIo', file);
    case 'EISDIR':
      return writeError('file.notAFile', file);
    default:
      return e;
  }
}

/**
 * Removes our leftover temporary files in `dir` (not this process's live ones, and only those not
 * touched for STALE_AFTER_MS). Never throws: a folder that cannot be read is left alone.
 * Returns the names removed.
 */
export function cleanStaleTemps(dir: string, opts: { olderThanMs?: number; now?: number } = {}): string[] {
  const limit = opts.olderThanMs ?? STALE_AFTER_MS;
  const now = opts.now ?? Date.now();
  const removed: string[] = [];
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!isTempName(name)) continue;
    const full = path.join(dir, name);
    if (active.has(path.resolve(full))) continue;
    try {
      const st = fs.lstatSync(full);
      if (!st.isFile() || now - st.mtimeMs < limit) continue;
      fs.rmSync(full, { force: true });
      removed.push(name);
    } catch {
      // gone already, or not ours to remove
    }
  }
  return removed;
}

/** The data folder's record of folders saved into (export folders), so that the next start can
 *  clean a killed save's leftovers there too. Set by openApp; none in a bare test. */
let savedFolders: string | undefined;
const SAVED_FOLDERS_MAX = 30;

export function recordSaveFoldersIn(file: string | undefined): void {
  savedFolders = file;
}

function readSavedFolders(file: string): string[] {
  try {
    const list: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Array.isArray(list) ? list.filter((d): d is string => typeof d === 'string') : [];
  } catch {
    return []; // none yet, or torn by a kill: only a hint
  }
}

function noteSaveFolder(dir: string): void {
  if (!savedFolders) return;
  const list = readSavedFolders(savedFolders);
  if (list.includes(dir)) return;
  try {
    fs.writeFileSync(savedFolders, JSON.stringify([dir, ...list].slice(0, SAVED_FOLDERS_MAX)));
  } catch {
    // the record is a convenience; a save must not fail for it
  }
}

/** At start: cleans the leftovers in every folder saved into lately (see recordSaveFoldersIn). */
export function cleanSavedFolders(file: string): void {
  for (const dir of readSavedFolders(file)) cleanStaleTemps(dir);
}

async function prepare(file: string): Promise<{ target: string; tmp: string }> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  try {
    const st = await fsp.stat(dir);
    if (!st.isDirectory()) throw writeError('file.writeFolderMissing', file);
  } catch (e) {
    throw toWriteError(e, file);
  }
  cleanStaleTemps(dir);
  noteSaveFolder(dir);
  const tmp = tempPathFor(target);
  active.add(tmp);
  return { target, tmp };
}

/** Renames the finished file over the target. On Windows a target open in Excel refuses. */
async function replace(tmp: string, target: string, file: string): Promise<void> {
  try {
    await fsp.rename(tmp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const exists = await fsp.stat(target).then(() => true, () => false);
    if (exists && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) throw writeError('file.writeBusy', file);
    throw e;
  }
}

async function syncFile(tmp: string): Promise<void> {
  const fh = await fsp.open(tmp, 'r+');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

async function discard(tmp: string): Promise<void> {
  await fsp.rm(tmp, { force: true }).catch(() => {});
  active.delete(tmp);
}

/** Writes `data` to `file` atomically (see the module comment). */
export async function writeFileAtomic(file: string, data: Uint8Array | string): Promise<void> {
  const { target, tmp } = await prepare(file);
  try {
    const fh = await fsp.open(tmp, 'wx');
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await replace(tmp, target, file);
    active.delete(tmp);
  } catch (e) {
    await discard(tmp);
    throw toWriteError(e, file);
  }
}

export interface AtomicStreamWrite {
  /** The temporary file's stream: pipe or write into it, then end it. */
  stream: WriteStream;
  /** Aborted with the stream's error the moment the stream fails (disk full, drive removed):
   *  a producer loop should stop on it. */
  failed: AbortSignal;
  /** Waits for the stream to finish, flushes and renames over the target. */
  commit(): Promise<void>;
  /** Destroys the stream and removes the temporary file; returns the error in plain words. */
  abort(e: unknown): Promise<unknown>;
}

/**
 * Opens an atomic streaming write to `file` (PDFKit, exceljs). The stream's 'error' is always
 * listened to; the producer wraps its work in `run`, which commits on success and aborts on
 * failure — or uses commit/abort itself.
 */
export async function openAtomicStream(file: string): Promise<AtomicStreamWrite> {
  const { target, tmp } = await prepare(file);
  const halt = new AbortController();
  const stream = fs.createWriteStream(tmp, { flags: 'wx' });
  stream.on('error', (err) => halt.abort(err));
  const failedP = new Promise<never>((_, reject) => halt.signal.addEventListener('abort', () => reject(halt.signal.reason), { once: true }));
  failedP.catch(() => {});
  try {
    await Promise.race([new Promise((resolve) => stream.once('open', resolve)), failedP]);
  } catch (e) {
    await closeStream(stream);
    await discard(tmp);
    throw toWriteError(e, file);
  }
  return {
    stream,
    failed: halt.signal,
    async commit() {
      try {
        if (!stream.writableEnded) stream.end();
        await Promise.race([new Promise((resolve) => (stream.closed ? resolve(null) : stream.once('close', () => resolve(null)))), failedP]);
        if (halt.signal.aborted) throw halt.signal.reason;
        await syncFile(tmp);
        await replace(tmp, target, file);
        active.delete(tmp);
      } catch (e) {
        await closeStream(stream);
        await discard(tmp);
        throw toWriteError(e, file);
      }
    },
    async abort(e: unknown) {
      // The stream's own failure explains a secondary one (a write after it failed); decided
      // before destroying the stream, which makes further writes fail too.
      const reason = !(e instanceof AppError) && halt.signal.aborted ? halt.signal.reason : e;
      await closeStream(stream);
      await discard(tmp);
      return toWriteError(reason, file);
    },
  };
}

/**
 * Runs `work` against an atomic stream to `file`: the work's result once the file is in place;
 * on the stream's failure the work is abandoned at once. An abort by the caller's `signal`
 * passes through unchanged.
 */
export async function writeStreamAtomic<T>(file: string, work: (w: AtomicStreamWrite) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const w = await openAtomicStream(file);
  const failedP = new Promise<never>((_, reject) =>
    w.failed.aborted ? reject(w.failed.reason) : w.failed.addEventListener('abort', () => reject(w.failed.reason), { once: true }),
  );
  failedP.catch(() => {});
  try {
    const p = work(w);
    p.catch(() => {}); // when the stream failed first, this rejection is already reported
    const result = await Promise.race([p, failedP]);
    await w.commit();
    return result;
  } catch (e) {
    const byCaller = !!signal?.aborted && e === signal.reason;
    const err = await w.abort(e);
    throw byCaller ? e : err;
  }
}

/** Windows cannot delete a file that is still open: let the handle close first. */
async function closeStream(out: WriteStream): Promise<void> {
  if (out.closed) return;
  const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
  out.destroy();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)))]);
  clearTimeout(timer);
}
