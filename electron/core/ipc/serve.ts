/**
 * Opens a data folder and gives the dispatcher for it. When the folder cannot be opened
 * (read-only, not a database, written by a newer app) every call answers with that error,
 * so the window still opens and says why in plain words.
 *
 * A damaged database (found at open, by the check of the whole file that runs after open, or by
 * any call meeting SQLITE_CORRUPT) puts the folder in its rescue state: every call answers the
 * plain "damaged" error except those a restore needs (the backups listed, one inspected or
 * picked, restored by backup.rescue, and the task progress); after the restore the folder is
 * opened again and calls go to the app as before.
 */
import { openApp, type App } from '../app/app';
import type { OpenOptions } from '../db/open';
import { AppError, DAMAGED_KEY, toErrorInfo } from '../errors';
import type { ErrorInfo } from '../../../shared/i18n/messages';
import { meansDamaged } from '../../../shared/i18n/messages-storage';
import { createDispatcher, type Dispatch } from './dispatch';
import { createHandlers, type Handlers } from './handlers';
import { noDialogs, FileTokens, type Dialogs } from '../app/dialogs';
import { Tasks } from '../app/tasks';
import { startAutoBackups } from '../backup/auto';
import { makeGuard } from '../auth/access';
import { listedBackupPath } from '../backup/backup-service';
import { rescueInspect, rescueList, rescueRestore, type RescueTarget } from '../backup/rescue';
import { dialogText } from '../app/dialog-text';
import type { AppStatus } from '../../../shared/domain/app';
import { callNames } from '../../../shared/ipc/contract';
import { RESCUE_CALLS, rescueAllows } from '../../../shared/ipc/access';

export interface Served {
  /** The open app; undefined while the folder could not be opened or is in its rescue state. */
  readonly app: App | undefined;
  dispatch: Dispatch;
}

/** How long the first app.status waits for the check of the file (a small county's is done by then). */
const STATUS_WAITS_FOR_CHECK_MS = 400;

export async function serveDataDir(dataDir: string, opts: OpenOptions = {}, dialogs?: Dialogs, extra: { autoBackups?: boolean } = {}): Promise<Served> {
  let app: App | undefined;
  let current: Dispatch;
  let stopAuto = () => {};
  const ctx = { dataDir };

  const rescue = (): Dispatch => rescueDispatcher({ dataDir, nativeBinding: opts.nativeBinding, now: opts.now }, dialogs ?? noDialogs, open);
  const enterRescue = async () => {
    const was = app;
    app = undefined;
    current = rescue();
    stopAuto();
    await was?.close().catch(() => {});
  };

  /**
   * The folder could not be opened: every call answers why. A storage fault may pass (space
   * freed, the USB stick back): app.status (the window's 重试) then tries the open again.
   */
  let failure: ErrorInfo | undefined;
  let retry: Promise<void> | undefined;
  const failed: Dispatch = async (name, payload) => {
    if (name === 'app.status' && failure?.code === 'STORAGE') {
      retry ??= open().finally(() => (retry = undefined));
      await retry;
      if (current !== failed) return current(name, payload);
    }
    return { ok: false, error: failure! };
  };

  async function open(): Promise<void> {
    let opened: App;
    try {
      opened = await openApp(dataDir, opts);
    } catch (e) {
      const error = toErrorInfo(e, undefined, ctx);
      if (error.key === DAMAGED_KEY) current = rescue();
      else {
        failure = error;
        current = failed;
      }
      return;
    }
    app = opened;
    if (extra.autoBackups) {
      // At start and daily while the app runs (the app and `npm run preview`; tests opt out).
      const auto = startAutoBackups(opened);
      stopAuto = () => auto.stop();
      const close = opened.close;
      opened.close = async () => {
        auto.stop();
        await close();
      };
    }
    const inner = createDispatcher(createHandlers(opened, { dialogs }), undefined, makeGuard(opened), ctx);
    const db = opened.db;
    let checked = false;
    void db.health.then((h) => {
      checked = true;
      if (h.state === 'damaged' && app === opened && opened.db === db) void enterRescue();
    });
    const normal: Dispatch = async (name, payload) => {
      if (!checked && name === 'app.status') await Promise.race([db.health, new Promise((r) => setTimeout(r, STATUS_WAITS_FOR_CHECK_MS))]);
      if (current !== normal) return current(name, payload);
      const r = await inner(name, payload);
      if (!r.ok && meansDamaged(r.error.key) && current === normal) await enterRescue();
      // The app was closed under the call (the check found the file damaged meanwhile): the rescue state answers.
      if (!r.ok && current !== normal) return current(name, payload);
      return r;
    };
    current = normal;
  }

  await open();
  return {
    get app() {
      return app;
    },
    dispatch: (name, payload) => current(name, payload),
  };
}

/**
 * The calls answered while the database is damaged (RESCUE_CALLS in shared/ipc/access.ts, without
 * a session: the accounts are in the damaged file); `reopen` opens the folder after a restore.
 */
function rescueDispatcher(t: RescueTarget, dialogs: Dialogs, reopen: () => Promise<void>): Dispatch {
  const files = new FileTokens();
  const tasks = new Tasks();
  const damaged = () => new AppError('STORAGE', DAMAGED_KEY);
  const picked = async (file: string) => ({ token: files.issue(file), backup: await rescueInspect(t, file) });
  const handlers = Object.fromEntries(callNames.map((n) => [n, () => Promise.reject(damaged())])) as unknown as Handlers;
  const rescue: Pick<Handlers, (typeof RESCUE_CALLS)[number]> = {
    'backup.list': () => rescueList(t),
    'backup.inspect': (i) => picked(listedBackupPath(t, i.name)),
    'backup.pick': async () => {
      // The language setting is in the damaged database: the dialog speaks the default language.
      const tx = await dialogText({ status: async () => ({ language: 'zh-CN' }) as AppStatus });
      const file = await dialogs.openFile({ title: tx('dialog.restore'), filters: tx.filter('backup', ['fpbak']) });
      return file ? picked(file) : null;
    },
    'backup.rescue': async (i) => {
      const file = files.resolve(i.token);
      if (!file) throw new AppError('CONFLICT', 'backup.stale');
      const done = await tasks.run(i.taskId, 'restore', (signal, report) => rescueRestore(t, file, { signal, onProgress: (s) => report(Math.round(s * 1000), 1000) }));
      await reopen();
      return done;
    },
    'tasks.progress': async (i) => tasks.progress(i.taskId),
    'tasks.cancel': async (i) => tasks.cancel(i.taskId),
  };
  Object.assign(handlers, rescue);
  const guard = async (name: string, input: unknown) => {
    if (!rescueAllows(name)) throw damaged();
    return input;
  };
  return createDispatcher(handlers, undefined, guard, { dataDir: t.dataDir });
}
