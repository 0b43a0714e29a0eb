/** What every CLI command shares: opening the data folder for one command, and reading an option. */
import { openApp, type App } from '../core/app/app';
import type { CommandInput } from './commands';

/** Opens the data folder; only init and seed-demo may create a new database. */
export async function withApp<T>(dataDir: string, fn: (app: App) => Promise<T>, create = false): Promise<T> {
  const app = await openApp(dataDir, { mustExist: !create });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

/** A command's option by name, including the ones a subcommand declares for itself. */
export const opt = (input: CommandInput, name: string) => (input.options as Record<string, string | boolean | undefined>)[name];
