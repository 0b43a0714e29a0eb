/**
 * Opens a data folder and gives the dispatcher for it. When the folder cannot be opened
 * (read-only, not a database, written by a newer app) every call answers with that error,
 * so the window still opens and says why in plain words.
 */
import { openApp, type App } from '../app/app';
import type { OpenOptions } from '../db/open';
import { toErrorInfo } from '../errors';
import { createDispatcher, type Dispatch } from './dispatch';
import { createHandlers } from './handlers';
import type { Dialogs } from '../app/dialogs';
import { startAutoBackups } from '../backup/auto';
import { makeGuard } from '../auth/access';

export async function serveDataDir(dataDir: string, opts: OpenOptions = {}, dialogs?: Dialogs, extra: { autoBackups?: boolean } = {}): Promise<{ app: App | undefined; dispatch: Dispatch }> {
  try {
    const app = await openApp(dataDir, opts);
    if (extra.autoBackups) {
      // At start and daily while the app runs (the app and `npm run preview`; tests opt out).
      const auto = startAutoBackups(app);
      const close = app.close;
      app.close = async () => {
        auto.stop();
        await close();
      };
    }
    return { app, dispatch: createDispatcher(createHandlers(app, { dialogs }), undefined, makeGuard(app)) };
  } catch (e) {
    const error = toErrorInfo(e);
    return { app: undefined, dispatch: async () => ({ ok: false, error }) };
  }
}
