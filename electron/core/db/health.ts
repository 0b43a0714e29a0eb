/**
 * Is the database file whole? A page damaged in the middle of the file goes unnoticed at open
 * (the org list and search still work; the check and the export fail later). After every open a
 * worker thread's own read-only connection runs PRAGMA quick_check (30k households, 98k persons,
 * 119 MB with the audit log: 440-580 ms on the shared two-core test machine, about ten times that
 * at 300k: too slow for the main thread at start), or the full integrity_check (2.1-3.0 s at 30k)
 * when the previous run did not close cleanly. A run is marked by a file
 * `.open-<pid>` in the data folder, created at open and removed at a clean close; one whose
 * process is gone means a crash (or a kill) happened.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url ?? __filename);
const MARKER = /^\.open-(\d+)$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface RunMarker {
  /** A previous run left its marker behind: it did not close cleanly. */
  unclean: boolean;
  release(): void;
}

const held = new Map<string, number>();

/** Marks this run in `dataDir`; says whether an earlier one ended without closing. Never throws. */
export function claimRunMarker(dataDir: string): RunMarker {
  const mine = path.join(dataDir, `.open-${process.pid}`);
  let unclean = false;
  if (!held.has(mine)) {
    let names: string[] = [];
    try {
      names = fs.readdirSync(dataDir);
    } catch {
      /* the open fails elsewhere, in plain words */
    }
    for (const n of names) {
      const m = MARKER.exec(n);
      if (!m || alive(Number(m[1]))) continue;
      unclean = true;
      fs.rmSync(path.join(dataDir, n), { force: true });
    }
    try {
      fs.writeFileSync(mine, '');
    } catch {
      /* a read-only folder is refused at open */
    }
  }
  held.set(mine, (held.get(mine) ?? 0) + 1);
  let released = false;
  return {
    unclean,
    release() {
      if (released) return;
      released = true;
      const n = (held.get(mine) ?? 1) - 1;
      if (n > 0) return void held.set(mine, n);
      held.delete(mine);
      fs.rmSync(mine, { force: true });
    },
  };
}

export interface HealthResult {
  /** 'ok', 'damaged', or 'unknown' when the check could not run (the database is then trusted). */
  state: 'ok' | 'damaged' | 'unknown';
  check: 'quick_check' | 'integrity_check';
  ms: number;
}

const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Sqlite = require(workerData.module);
let db;
try {
  db = new Sqlite(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  db.pragma('busy_timeout = 5000');
  const t0 = Date.now();
  const rows = db.pragma(workerData.check + '(1)');
  const ok = rows.length === 1 && Object.values(rows[0])[0] === 'ok';
  parentPort.postMessage({ state: ok ? 'ok' : 'damaged', ms: Date.now() - t0 });
} catch (e) {
  const code = String((e && e.code) || '');
  parentPort.postMessage({ state: code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' ? 'damaged' : 'unknown', ms: 0 });
} finally {
  if (db) db.close();
}
`;

/**
 * Starts the check on a worker thread; the promise resolves when it is done (never rejects).
 * A running check is never stopped: terminating a worker inside better-sqlite3's native code
 * brings the whole process down (seen in tests: "Worker exited unexpectedly"). Closing the
 * database waits for it instead; it must anyway, since the worker's read connection keeps the
 * write-ahead log from being folded back at close (a restore then refuses to swap the file).
 */
export function checkHealthInWorker(file: string, full: boolean, nativeBinding?: string): Promise<HealthResult> {
  const check = full ? 'integrity_check' : 'quick_check';
  return new Promise<HealthResult>((resolve) => {
    let settled = false;
    const done = (r: Omit<HealthResult, 'check'>) => {
      if (!settled) resolve({ ...r, check });
      settled = true;
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: require.resolve('better-sqlite3'), file, nativeBinding, check } });
    } catch {
      done({ state: 'unknown', ms: 0 });
      return;
    }
    worker.once('message', done);
    worker.once('error', () => done({ state: 'unknown', ms: 0 }));
    worker.once('exit', () => done({ state: 'unknown', ms: 0 }));
  });
}
