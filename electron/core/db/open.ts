import fs from 'node:fs';
import path from 'node:path';
import { AsyncLocalStorage } from 'node:async_hooks';
import Sqlite from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import { AppError } from '../errors';
import { migrate, schemaVersion } from './migrate';
import { LATEST_VERSION, migrations } from './migrations';
import type { DB } from './schema';
import type { Conn } from './rows';
import { checkpointInWorker, type CheckpointResult } from './checkpoint';
import { registerAuditFunctions } from './audit-functions';
import { tempPathFor } from '../files/atomic-write';
import { checkHealthInWorker, claimRunMarker, type HealthResult } from './health';

export const DB_FILE = 'fupin.sqlite';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export interface Database {
  /** Typed query builder: what the repositories use for single statements. */
  kysely: Kysely<DB>;
  /**
   * The one gate for writes that belong together: a transaction (BEGIN IMMEDIATE) holding the
   * connection until `fn` settles; nothing else (a Kysely query, a raw fast path of another call)
   * runs on the connection meanwhile. Called again inside `fn`, it joins the open transaction.
   */
  transaction<T>(fn: (trx: Conn) => Promise<T>): Promise<T>;
  /**
   * The raw connection for SQLite-only fast paths, inside repositories only: `fn` runs (sync)
   * while the gate holds the connection, so it never lands inside another call's open transaction.
   * Inside `transaction`'s `fn` it runs at once, as part of that transaction.
   */
  exclusive<T>(fn: (raw: Sqlite.Database) => T): Promise<T>;
  /**
   * The bare connection: for electron/core/db (migrations, backups) and tests that inspect the
   * file. Application code never touches it (tests/unit/db-gate.test.ts checks the sources).
   */
  raw: Sqlite.Database;
  file: string;
  /** The schema version after opening (migrations ran). */
  schemaVersion: number;
  /** The better-sqlite3 native build in use (worker threads open their own connections with it). */
  nativeBinding?: string;
  /**
   * Starts copying the WAL into the database file on a worker thread (after a bulk write that
   * turned the automatic checkpoint off); close() waits for it. Resolves when it is done.
   */
  checkpointSoon(): Promise<CheckpointResult>;
  /**
   * The check of the whole file started at open on a worker thread (health.ts): quick_check, or
   * integrity_check after a run that did not close cleanly. 'damaged' means: offer a restore.
   */
  health: Promise<HealthResult>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path to a better-sqlite3 native build (the Electron build lives beside the Node one). */
  nativeBinding?: string;
  now?: () => Date;
  /** Refuse instead of creating a new database (admin commands other than init). */
  mustExist?: boolean;
  /** Who the audit log names for the changes made now (see audit-functions.ts). */
  actor?: () => string | null;
}

/** Makes sure the data folder exists and can be written, without writing the database yet. */
export function prepareDataDir(dir: string): void {
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(dir);
  } catch {
    /* does not exist yet */
  }
  if (st && !st.isDirectory()) throw new AppError('STORAGE', 'dataDir.notDir', { path: dir });
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
  } catch {
    throw new AppError('STORAGE', 'dataDir.readOnly', { path: dir });
  }
}

function looksLikeSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n === 0 || head.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
}

/**
 * Opens (creating if needed) the database in `dataDir`: refuses non-SQLite files and databases
 * from a newer app before touching them, backs up with SQLite's online backup before any
 * migration of an existing database, then migrates.
 */
export async function openDatabase(dataDir: string, opts: OpenOptions = {}): Promise<Database> {
  const file = path.join(dataDir, DB_FILE);
  if (opts.mustExist && !fs.existsSync(file)) throw new AppError('NOT_SET_UP', 'db.missing', { path: dataDir });
  prepareDataDir(dataDir);
  const exists = fs.existsSync(file);
  if (exists && (!fs.statSync(file).isFile() || !looksLikeSqlite(file))) throw new AppError('STORAGE', 'db.notSqlite', { path: file });

  let raw: Sqlite.Database;
  try {
    raw = new Sqlite(file, { nativeBinding: opts.nativeBinding });
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new AppError('STORAGE', 'db.notSqlite', { path: file });
    throw e;
  }
  let version: number;
  try {
    registerAuditFunctions(raw, { actor: opts.actor, now: opts.now });
    try {
      version = schemaVersion(raw);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_NOTADB') throw new AppError('STORAGE', 'db.notSqlite', { path: file });
      throw e;
    }
    if (version > LATEST_VERSION) {
      throw new AppError('STORAGE', 'db.newer', { found: version, supported: LATEST_VERSION });
    }
    // A new database gets 16 KB pages (SQLite's default is 4 KB): a county import commits
    // 10-20 % faster and counting the roster reads a quarter of the pages. It only takes
    // effect before the first table is written; existing databases keep theirs.
    if (version === 0) raw.pragma('page_size = 16384');
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // A county roster's indexes (ID numbers, names) take random inserts: with SQLite's default
    // 2 MB page cache a 100k-person import spends most of its time re-reading index pages.
    raw.pragma('cache_size = -131072'); // 128 MB
    raw.pragma('temp_store = MEMORY');
    // Reads come straight from the OS page cache instead of being copied into SQLite's own: the
    // first roster page after opening a 300k-household file drops from ~150 ms to ~10 ms.
    raw.pragma('mmap_size = 268435456'); // 256 MB
    if (version > 0 && version < LATEST_VERSION) {
      const dir = path.join(dataDir, 'backups');
      fs.mkdirSync(dir, { recursive: true });
      // Under a temporary name until whole: a run killed while copying leaves no half copy
      // under the real name (the temporary one is cleaned at the next start).
      const target = path.join(dir, `before-migration-v${version}-${stamp((opts.now ?? (() => new Date()))())}.sqlite`);
      const part = tempPathFor(target);
      await raw.backup(part);
      const fd = fs.openSync(part, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(part, target);
    }
    migrate(raw, migrations);
    version = schemaVersion(raw);
    raw.pragma('analysis_limit = 400');
    raw.pragma('optimize = 0x10002'); // statistics for tables that lack them (cheap when current)
  } catch (e) {
    raw.close();
    throw e;
  }
  const { health, endRun } = startHealthCheck(dataDir, file, opts.nativeBinding);
  const kysely = new Kysely<DB>({ dialect: new ImmediateSqliteDialect(raw) });
  const gate = makeGate(kysely, raw);
  const checkpoints = new Set<Promise<CheckpointResult>>();
  let closing = false;
  return {
    kysely,
    ...gate,
    raw,
    file,
    schemaVersion: version,
    nativeBinding: opts.nativeBinding,
    health,
    checkpointSoon() {
      if (closing) return Promise.resolve({ ok: false, message: 'closing' });
      const p = checkpointInWorker(file, opts.nativeBinding).then((r) => {
        checkpoints.delete(p);
        // Nothing is lost when it fails: SQLite's own checkpoint (back on after the bulk write)
        // or closing the database moves the WAL instead. No details: they would name the path.
        if (!r.ok) console.warn('[db] background checkpoint did not run; SQLite will checkpoint later');
        return r;
      });
      checkpoints.add(p);
      return p;
    },
    close: async () => {
      closing = true;
      await gate.exclusive(() => {}); // the call holding the connection finishes first
      await Promise.all(checkpoints);
      await health; // its read connection would keep the WAL from being folded back
      await kysely.destroy(); // closes the raw connection too
      endRun();
    },
  };
}

/** This run's marker in the data folder and the check of the file (see health.ts). */
function startHealthCheck(dataDir: string, file: string, nativeBinding?: string): { health: Promise<HealthResult>; endRun: () => void } {
  const marker = claimRunMarker(dataDir);
  const health = checkHealthInWorker(file, marker.unclean, nativeBinding);
  return {
    health,
    endRun: () => marker.release(),
  };
}

/**
 * Kysely's SQLite driver already holds its one connection for a whole transaction (a mutex);
 * its transactions begin IMMEDIATE here, so that a second process (the CLI beside the app) waits
 * for the write lock at the start instead of failing half-way with SQLITE_BUSY.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  readonly #database: Sqlite.Database;
  constructor(database: Sqlite.Database) {
    super({ database });
    this.#database = database;
  }
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
  // SQLite rolls a transaction back by itself on a full disk (SQLITE_FULL), a drive error or lack
  // of memory: a ROLLBACK then fails ("no transaction is active") and hides the error that says what happened.
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#database.inTransaction) await super.rollbackTransaction(connection);
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  readonly #database: Sqlite.Database;
  constructor(database: Sqlite.Database) {
    super({ database });
    this.#database = database;
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#database);
  }
}

/** The open transaction of the current async call chain (while `open`). */
interface OpenTransaction {
  trx: Conn;
  open: boolean;
}

/**
 * One gate per connection: Kysely transactions, Kysely statements and raw fast paths all take
 * the driver's connection mutex, so a raw write can no longer slip into another call's
 * transaction (and be rolled back with it) while that transaction awaits.
 */
export function makeGate(kysely: Kysely<DB>, raw: Sqlite.Database): Pick<Database, 'transaction' | 'exclusive'> {
  const current = new AsyncLocalStorage<OpenTransaction>();
  const inside = () => {
    const t = current.getStore();
    return t?.open ? t : undefined;
  };
  return {
    transaction(fn) {
      const t = inside();
      if (t) return fn(t.trx);
      return kysely.transaction().execute(async (trx) => {
        const token: OpenTransaction = { trx, open: true };
        try {
          return await current.run(token, () => fn(trx));
        } finally {
          token.open = false;
        }
      });
    },
    exclusive(fn) {
      if (inside()) return Promise.resolve().then(() => fn(raw));
      return kysely.connection().execute(async () => fn(raw));
    },
  };
}
