/** What every CLI command shares: opening the data folder for one command, and reading an option. */
import { openApp, type App } from '../core/app/app';
import type { CommandInput } from './commands';
import { AppError } from '../core/errors';
import { actAs } from '../core/auth/auth-service';
import { formatMessage } from '../../shared/i18n/messages';

/** Opens the data folder; only init and seed-demo may create a new database. */
export async function withApp<T>(dataDir: string, fn: (app: App) => Promise<T>, create = false): Promise<T> {
  const app = await openApp(dataDir, { mustExist: !create });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/**
 * Opens the data folder for a command that writes. On a database with accounts it needs
 * `--operator LOGIN` (an active account allowed to make such changes: a county administrator);
 * what it writes is recorded under that account's name.
 */
export async function withWriter<T>(dataDir: string, operator: string | undefined, fn: (app: App) => Promise<T>, create = false): Promise<T> {
  return withApp(
    dataDir,
    async (app) => {
      if (app.auth.hasAccounts) {
        if (!operator) throw new AppError('VALIDATION', 'auth.cliOperator');
        const s = await actAs(app, operator);
        if (s.role !== 'admin') throw new AppError('FORBIDDEN', 'auth.forbidden', { role: formatMessage(`auth.role.${s.role}`) });
      }
      return fn(app);
    },
    create,
  );
}

/** A command's option by name, including the ones a subcommand declares for itself. */
export const opt = (input: CommandInput, name: string) => (input.options as Record<string, string | boolean | undefined>)[name];
