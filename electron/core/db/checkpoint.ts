/**
 * Copying the write-ahead log into the database file on a worker thread. A bulk import leaves
 * tens of megabytes in the WAL; SQLite's automatic checkpoint would copy them back at COMMIT, on
 * the main thread (about half a second for a county). Instead the import turns the automatic
 * checkpoint off for its transaction and asks for this one: a second connection on a worker
 * thread does the copy (PASSIVE: it never blocks the main connection's readers or writers).
 * The data is committed and visible the moment COMMIT returns; this only moves it between files.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const require = createRequire(import.meta.url ?? __filename);

// Plain CommonJS run by the worker (no TypeScript needed): one checkpoint, then exit.
const WORKER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const Sqlite = require(workerData.module);
let db;
try {
  db = new Sqlite(workerData.file, { fileMustExist: true, nativeBinding: workerData.nativeBinding });
  db.pragma('busy_timeout = 5000');
  const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
  parentPort.postMessage({ ok: true, busy: r.busy, log: r.log, checkpointed: r.checkpointed });
} catch (e) {
  parentPort.postMessage({ ok: false, message: String((e && e.message) || e) });
} finally {
  if (db) db.close();
}
`;

export interface CheckpointResult {
  ok: boolean;
  /** WAL frames before the checkpoint, and how many of them are now in the database file. */
  log?: number;
  checkpointed?: number;
  message?: string;
}

/** A checkpoint still running after this long is stopped (it may be waiting on a lock): closing must not hang. */
const TIMEOUT_MS = 30_000;

export function checkpointInWorker(file: string, nativeBinding?: string, timeoutMs = TIMEOUT_MS): Promise<CheckpointResult> {
  return new Promise((resolve) => {
    let settled = false;
    let timer: NodeJS.Timeout | undefined;
    const done = (r: CheckpointResult) => {
      if (!settled) resolve(r);
      settled = true;
      clearTimeout(timer);
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: require.resolve('better-sqlite3'), file, nativeBinding } });
    } catch (e) {
      done({ ok: false, message: (e as Error).message });
      return;
    }
    timer = setTimeout(() => {
      done({ ok: false, message: 'timed out' });
      void worker.terminate();
    }, timeoutMs);
    worker.once('message', done);
    worker.once('error', (e) => done({ ok: false, message: e.message }));
    worker.once('exit', () => done({ ok: false, message: 'worker exited' }));
  });
}
