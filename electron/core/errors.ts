import { formatError, type ErrorInfo } from '../../shared/i18n/messages';

type Params = Record<string, string | number>;

/** An expected failure with a user-facing message; crosses IPC and the CLI as data. */
export class AppError extends Error {
  readonly info: ErrorInfo;
  constructor(code: ErrorInfo['code'], key: string, params?: Params, extra: Pick<ErrorInfo, 'field' | 'parts'> = {}) {
    const info = { code, key, params, ...extra };
    const message = formatError(info);
    super(message);
    this.info = { ...info, message };
  }
}

export const validation = (key: string, field: string, params?: Params) => new AppError('VALIDATION', key, params, { field });

/** Turns any thrown value into error data. Unexpected errors get a generic message; their
 *  details go to the log only by class name and code, since messages may quote personal data. */
export function toErrorInfo(e: unknown, log: (line: string) => void = (l) => console.error(l)): ErrorInfo {
  if (e instanceof AppError) return e.info;
  const code = (e as { code?: unknown })?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new AppError('STORAGE', 'db.locked').info;
  log(`[internal error] ${(e as Error)?.name ?? typeof e}${code ? ` ${String(code)}` : ''}`);
  return new AppError('INTERNAL', 'internal').info;
}
