import { z } from 'zod';
import type { ErrorInfo } from '../i18n/messages';

/** One IPC call: a zod schema for its input and (as a type only) its result. */
export interface CallDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom field carrying the result type; never read at run time. */
  output?: O;
}

export function call<I extends z.ZodType, O>(input: I): CallDef<I, O> {
  return { input };
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

/** Field schemas every part of the contract uses. */
export const id = z.string().min(1).max(64);
export const text = (max: number) => z.string().max(max);
export const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export const byId = z.strictObject({ id });
/** The id the renderer gives a long call, to poll its progress and cancel it. */
export const taskId = z.string().uuid();
export const year = z.number().int().min(1980).max(2100);
export const nothing = z.strictObject({});
