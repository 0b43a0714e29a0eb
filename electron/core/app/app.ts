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

export const APP_VERSION: string = pkg.version;

export interface App {
  dataDir: string;
  db: Database;
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

export async function openApp(dataDir: string, opts: OpenOptions = {}): Promise<App> {
  let db = await openDatabase(dataDir, opts);
  cleanDataDirTemps(dataDir);
  const now = opts.now ?? (() => new Date());
  let operator = '';
  const app: App = {
    dataDir,
    get db() {
      return db;
    },
    ctx: () => makeCtx(db, operator, now),
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
      };
    },
    async refresh() {
      operator = (await loadSettings({ db })).operator ?? '';
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
