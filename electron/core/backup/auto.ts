/**
 * Automatic backups while the app runs: one shortly after start (unless today's exists) and then
 * whenever the day changes, checked every CHECK_MS. Failures are logged without details (they
 * would name paths) and retried at the next check; they never disturb the app.
 */
import type { App } from '../app/app';
import { autoBackup, autoBackupDue } from './backup-service';

const CHECK_MS = 60 * 60 * 1000;
const FIRST_AFTER_MS = 10_000;

export interface AutoBackups {
  /** The check now (what the timers call); resolves when its backup, if due, is written. */
  tick(): Promise<'made' | 'notDue' | 'failed'>;
  stop(): void;
}

export function startAutoBackups(app: App, opts: { firstAfterMs?: number; everyMs?: number; now?: () => Date } = {}): AutoBackups {
  let running: Promise<'made' | 'notDue' | 'failed'> | null = null;
  let stopped = false;
  const tick = () => {
    if (stopped) return Promise.resolve('notDue' as const);
    running ??= (async () => {
      try {
        if (!autoBackupDue(app, (opts.now ?? (() => new Date()))())) return 'notDue' as const;
        if (!(await app.status()).ready) return 'notDue' as const; // nothing to keep before setup
        await autoBackup(app);
        return 'made' as const;
      } catch {
        console.warn('[backup] automatic backup failed; it is tried again later');
        return 'failed' as const;
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const first = setTimeout(() => void tick(), opts.firstAfterMs ?? FIRST_AFTER_MS);
  const every = setInterval(() => void tick(), opts.everyMs ?? CHECK_MS);
  first.unref?.();
  every.unref?.();
  return {
    tick,
    stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
