/**
 * The preview's stand-in for the Electron preload: the same `createApi` object on
 * `window.api`, with each call sent to the local preview server instead of over IPC.
 */
import { createApi } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/ipc/define';

declare const __PREVIEW_TOKEN__: string;

const api = createApi(async (name, input) => {
  const res = await fetch(`./api/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-preview-token': __PREVIEW_TOKEN__ },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Envelope<unknown>;
});
Object.defineProperty(globalThis, 'api', { value: api, writable: false, configurable: false });
