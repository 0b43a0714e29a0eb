/**
 * Builds the `window.api` object: one named method per contract call, each forwarding to its
 * own channel. The Electron preload passes `ipcRenderer.invoke`; the preview bridge passes an
 * HTTP POST to the local preview server. Both expose exactly this object.
 */
import { callNames, type Api, type CallName } from './contract';
import type { Envelope } from './define';

export type Invoke = (name: CallName, input: unknown) => Promise<Envelope<unknown>>;

export function createApi(invoke: Invoke): Api {
  const api: Record<string, (input: unknown) => Promise<Envelope<unknown>>> = {};
  for (const name of callNames) api[name] = (input: unknown) => invoke(name, input ?? {});
  return Object.freeze(api) as unknown as Api;
}
