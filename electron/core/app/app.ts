/**
 * One open data folder: the database plus who is operating. The Electron main process, the
 * preview server, the CLI and the tests each open one of these and call the same services.
 */
import { makeCtx, type Ctx } from '../context';
import { openDatabase, type Database, type OpenOptions } from '../db/open';
import { loadSettings } from '../settings/service';
import { cleanSavedFolders, cleanStaleTemps, recordSaveFoldersIn } from '../files/atomic-write';
import { EVIDENCE_DIR } from '../files/evidence-store';
import fs from 'node:fs';
import path from 'node:path';
import type { AppStatus } from '../../../shared/domain/app';
import pkg from '../../../package.json';
import { DEFAULT_IDLE_MINUTES, type Role } from '../../../shared/domain/account';
import { countAccounts, idleMinutes, sessionOut } from '../auth/auth-service';
import { accountById } from '../auth/account-repo';

export const APP_VERSION: string = pkg.version;

/** Who is signed in (see electron/core/auth). */
export interface Session {
  accountId: string;
  login: string;
  name: string;
  role: Role;
  townshipId: string | null;
  townshipName: string | null;
  /** Date.now() of the last call that was not a progress poll. */
  lastActivity: number;
  locked: boolean;
}

export interface AuthState {
  /** Whether the database has any account (until then nothing is enforced). */
  hasAccounts: boolean;
  session: Session | null;
  /** The screen locks after this long without a call. */
  idleMs: number;
}

export interface App {
  dataDir: string;
  db: Database;
  auth: AuthState;
  /** A service context for one call, carrying the current operator. */
  ctx(): Ctx;
  status(): Promise<AppStatus>;
  /** Re-reads settings after setup or a change of operator. */
  refresh(): Promise<void>;
  /**
   * Closes the database once the calls holding it are done, lets `work` replace its file
   * (a restore), and opens it again (migrating an older one). When `work` fails, the database
   * it left is opened again.
   */
  swapDatabase(work: (file: string) => void | Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function openApp(dataDir: string, options: OpenOptions = {}): Promise<App> {
  // The audit log names the signed-in login; without accounts, the operator of 设置.
  let operator = '';
  let opened: App | undefined;
  const actor = () => opened?.auth.session?.login ?? (operator || null);
  const opts: OpenOptions = { ...options, actor };
  let db = await openDatabase(dataDir, opts);
  cleanDataDirTemps(dataDir);
  const now = opts.now ?? (() => new Date());
  const app: App = {
    dataDir,
    get db() {
      return db;
    },
    auth: { hasAccounts: false, session: null, idleMs: DEFAULT_IDLE_MINUTES * 60_000 },
    // The signed-in account writes in its name; without accounts, the operator of 设置.
    ctx: () => makeCtx(db, app.auth.session?.name ?? operator, now),
    async status() {
      const s = await loadSettings({ db });
      return {
        ready: s.county !== null && s.operator !== null,
        county: s.county,
        operator: s.operator,
        language: s.language,
        sample: s.sample,
        dataDir,
        schemaVersion: db.schemaVersion,
        appVersion: APP_VERSION,
        accounts: app.auth.hasAccounts,
        session: sessionOut(app.auth.session),
        locked: !!app.auth.session?.locked,
        idleMinutes: Math.round(app.auth.idleMs / 60_000),
      };
    },
    async refresh() {
      operator = (await loadSettings({ db })).operator ?? '';
      app.auth.hasAccounts = (await countAccounts({ db })) > 0;
      app.auth.idleMs = (await idleMinutes(app)) * 60_000;
      // After a restore the account may not exist (or differ): signed in only if it still does.
      const s = app.auth.session;
      if (s) {
        const row = await accountById(db.kysely, s.accountId);
        app.auth.session = row && row.active === 1 ? { ...s, name: row.name, role: row.role, townshipId: row.township_id, townshipName: row.township_name } : null;
      }
    },
    async swapDatabase(work) {
      const old = db;
      await old.close(); // waits for the call holding the connection
      try {
        await work(old.file);
      } finally {
        db = await openDatabase(dataDir, { ...opts, mustExist: true });
        await app.refresh();
      }
    },
    close: () => db.close(),
  };
  opened = app;
  await app.refresh();
  return app;
}

/** Folders the app saved into lately (for cleanDataDirTemps). */
export const SAVED_FOLDERS_FILE = 'save-folders.json';

/** A killed save leaves a temporary file (often a whole roster): remove those in the data folder
 *  and its evidence folders at start. Export folders are cleaned before each save into them. */
function cleanDataDirTemps(dataDir: string): void {
  const record = path.join(dataDir, SAVED_FOLDERS_FILE);
  cleanSavedFolders(record);
  recordSaveFoldersIn(record);
  cleanStaleTemps(dataDir);
  cleanStaleTemps(path.join(dataDir, 'backups')); // a copy before migrating, killed half-way
  const evidence = path.join(dataDir, EVIDENCE_DIR);
  cleanStaleTemps(evidence);
  let subs: fs.Dirent[] = [];
  try {
    subs = fs.readdirSync(evidence, { withFileTypes: true });
  } catch {
    return;
  }
  for (const d of subs) if (d.isDirectory()) cleanStaleTemps(path.join(evidence, d.name));
}
