/**
 * The main-side entry for every call: check the name is in the contract, validate the payload
 * with its zod schema (nothing is applied when it fails), run the handler, and turn any failure
 * into error data with a Chinese message.
 */
import { z } from 'zod';
import { contract, type CallName } from '../../../shared/ipc/contract';
import type { Envelope } from '../../../shared/ipc/define';
import { AppError, toErrorInfo, type ErrorContext } from '../errors';
import type { Handlers } from './handlers';

z.config(z.locales.zhCN());

export type Dispatch = (name: string, payload: unknown) => Promise<Envelope<unknown>>;

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}：${i.message}` : i.message))
    .join('；');
}

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * `guard` (electron/core/auth/access.ts) runs after validation and before the handler: it refuses
 * a call the session may not make, or narrows its input (a township operator's filters).
 * `ctx` lets a storage fault say how much room is left in the data folder.
 */
export function createDispatcher(handlers: Handlers, log?: (line: string) => void, guard?: (name: string, input: unknown) => Promise<unknown>, ctx: ErrorContext = {}): Dispatch {
  return async (name, payload) => {
    if (!isCallName(name)) return { ok: false, error: new AppError('FORBIDDEN', 'forbidden').info };
    const parsed = contract[name].input.safeParse(payload);
    if (!parsed.success) {
      return { ok: false, error: new AppError('BAD_PAYLOAD', 'bad.payload', { detail: describe(parsed.error) }).info };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const input = guard ? await guard(name, parsed.data) : parsed.data;
      return { ok: true, value: await handler(input) };
    } catch (e) {
      return { ok: false, error: toErrorInfo(e, log, ctx) };
    }
  };
}
