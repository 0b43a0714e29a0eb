import type { z } from 'zod';
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
