/**
 * The renderer's typed access to the main process: `window.api` (from the preload or the
 * preview bridge) returns envelopes; `call` unwraps them and throws ApiError with the
 * user-facing message.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api, CallInput, CallName, CallOutput } from '@shared/ipc/contract';
import type { ErrorInfo } from '@shared/i18n/messages';
import { DAMAGED_KEY, meansDamaged } from '@shared/i18n/messages-storage';

declare global {
  interface Window {
    api: Api;
  }
}

export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const method = window.api[name] as (i: CallInput<K>) => Promise<{ ok: true; value: CallOutput<K> } | { ok: false; error: ErrorInfo }>;
  const r = await method(input);
  if (!r.ok) {
    // Signed out or locked meanwhile (idle, another window): the app shows the sign-in or lock screen.
    if (r.error.code === 'UNAUTHENTICATED' || r.error.code === 'LOCKED') window.dispatchEvent(new Event(AUTH_EVENT));
    // The database turned out damaged (a call met a bad page): the app shows the rescue screen.
    if (meansDamaged(r.error.key) && name !== 'app.status') window.dispatchEvent(new Event(AUTH_EVENT));
    throw new ApiError(r.error);
  }
  return r.value;
}

/** Fired when a call was refused because nobody is signed in, the screen is locked or the database is damaged: the app asks app.status again. */
export const AUTH_EVENT = 'fupin:auth';
export { DAMAGED_KEY };

/** Loads a call's result, with reload after a change. */
export function useCall<K extends CallName>(name: K, input: CallInput<K>) {
  const [data, setData] = useState<CallOutput<K> | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input);
  const seq = useRef(0);
  const reload = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const v = await call(name, JSON.parse(key) as CallInput<K>);
      if (mine === seq.current) {
        setData(v);
        setError(undefined);
      }
    } catch (e) {
      if (mine === seq.current) setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', key: 'internal', message: String(e) }));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [name, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload };
}
