import path from 'node:path';
import { formatError, type ErrorInfo } from '../../shared/i18n/messages';
import { bytesText } from '../../shared/rules/size';
import { freeBytes } from './files/free-space';
import { DAMAGED_KEY } from '../../shared/i18n/messages-storage';

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

/** The key of the error a damaged database gives (the app then offers a restore). */
export { DAMAGED_KEY };

export interface ErrorContext {
  /** The open data folder: a full disk says how much is left on it; EACCES there means read-only. */
  dataDir?: string;
}

const inside = (file: unknown, dir: string) => typeof file === 'string' && !path.relative(dir, path.resolve(file)).startsWith('..');

/**
 * A storage fault in plain words, with what to do: SQLite's result codes (extended ones such as
 * SQLITE_IOERR_SHMSIZE or SQLITE_READONLY_DBMOVED included) and the system's. Undefined when `e`
 * is none of them.
 */
export function storageFault(e: unknown, ctx: ErrorContext = {}): AppError | undefined {
  const err = e as { code?: unknown; path?: unknown } | undefined;
  const code = typeof err?.code === 'string' ? err.code : '';
  // SQLite's primary result code (SQLITE_IOERR_SHMSIZE → SQLITE_IOERR).
  const base = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  // SQLITE_IOERR_SHMSIZE: the -shm file could not be grown, met when a full disk is opened.
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_SHMSIZE' || code === 'ENOSPC' || code === 'EDQUOT') {
    const free = ctx.dataDir ? freeBytes(ctx.dataDir) : null;
    return free === null ? new AppError('STORAGE', 'storage.fullUnknown') : new AppError('STORAGE', 'storage.full', { free: bytesText(free) });
  }
  if (base === 'SQLITE_CORRUPT' || base === 'SQLITE_NOTADB') return new AppError('STORAGE', DAMAGED_KEY);
  if (base === 'SQLITE_BUSY' || base === 'SQLITE_LOCKED') return new AppError('STORAGE', 'db.locked');
  if (base === 'SQLITE_READONLY' || code === 'EROFS') return new AppError('STORAGE', 'storage.readOnly');
  if ((code === 'EACCES' || code === 'EPERM') && ctx.dataDir && inside(err?.path, ctx.dataDir)) return new AppError('STORAGE', 'storage.readOnly');
  if (base === 'SQLITE_IOERR' || code === 'EIO') return new AppError('STORAGE', 'storage.io');
  return undefined;
}

/** Turns any thrown value into error data. Storage faults say what happened and what to do;
 *  other unexpected errors get a generic message, their details going to the log only by class
 *  name and code, since messages may quote personal data. */
export function toErrorInfo(e: unknown, log: (line: string) => void = (l) => console.error(l), ctx: ErrorContext = {}): ErrorInfo {
  if (e instanceof AppError) return e.info;
  const code = (e as { code?: unknown })?.code;
  const fault = storageFault(e, ctx);
  if (fault) {
    log(`[storage] ${String(code)}`);
    return fault.info;
  }
  log(`[internal error] ${(e as Error)?.name ?? typeof e}${code ? ` ${String(code)}` : ''}`);
  return new AppError('INTERNAL', 'internal').info;
}
