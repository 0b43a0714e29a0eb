/**
 * The preview's stand-in for the Electron preload: the same `createApi` object on
 * `window.api`, with each call sent to the local preview server instead of over IPC. The
 * session token is read from the page's own <meta> (this script holds none). When a call opens
 * a file dialog, the server asks for a file: this shows a picker, uploads the chosen file and
 * goes on; files a call saved are downloaded by the browser when it ends (see server.ts).
 */
import { createApi } from '../../shared/ipc/bridge';
import type { Envelope } from '../../shared/ipc/define';
import type { CallStep } from './browser-dialogs';

const token = document.querySelector<HTMLMetaElement>('meta[name="fupin-preview-token"]')?.content ?? '';
const en = !(document.documentElement.lang || navigator.language).startsWith('zh');
const TEXT = en
  ? { note: 'Preview in a browser: the file is uploaded to the preview on this computer.', cancel: 'Cancel', failed: 'The preview did not answer' }
  : { note: '浏览器预览：所选文件会上传给本机的预览服务。', cancel: '取消', failed: '预览服务没有响应' };

async function post(url: string, body: BodyInit | undefined, headers: Record<string, string>): Promise<CallStep> {
  const res = await fetch(url, { method: 'POST', headers: { ...headers, 'x-preview-token': token }, body });
  if (!res.ok) return { result: { ok: false, error: { code: 'INTERNAL', key: 'internal', message: `${TEXT.failed} (${res.status})` } }, downloads: [] };
  return (await res.json()) as CallStep;
}

/** A picker over the page; resolves with the chosen file, or null when cancelled. */
function pickFile(title: string, accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const back = document.createElement('div');
    back.setAttribute('data-preview-picker', '');
    back.style.cssText = 'position:fixed;inset:0;z-index:100000;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center';
    const box = document.createElement('div');
    box.setAttribute('role', 'dialog');
    box.setAttribute('aria-modal', 'true');
    box.setAttribute('aria-label', title);
    box.style.cssText = 'background:#fff;color:#1a1a1a;padding:20px 24px;border-radius:8px;min-width:360px;max-width:90vw;font:15px/1.6 sans-serif;box-shadow:0 8px 30px rgba(0,0,0,.3)';
    const h = document.createElement('h2');
    h.textContent = title;
    h.style.cssText = 'margin:0 0 8px;font-size:18px';
    const note = document.createElement('p');
    note.textContent = TEXT.note;
    note.style.cssText = 'margin:0 0 12px;color:#444;font-size:13px';
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.setAttribute('aria-label', title);
    const cancel = document.createElement('button');
    cancel.type = 'button';
    cancel.textContent = TEXT.cancel;
    cancel.style.cssText = 'margin-left:12px';
    const done = (f: File | null) => {
      back.remove();
      resolve(f);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    cancel.addEventListener('click', () => done(null));
    back.addEventListener('keydown', (e) => e.key === 'Escape' && done(null));
    box.append(h, note, input, cancel);
    back.append(box);
    document.body.append(back);
    input.focus();
  });
}

async function download(id: string, name: string): Promise<void> {
  const res = await fetch(`./__preview/download/${encodeURIComponent(id)}`, { method: 'POST', headers: { 'x-preview-token': token } });
  if (!res.ok) return;
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const api = createApi(async (name, input) => {
  let step = await post(`./api/${encodeURIComponent(name)}`, JSON.stringify(input), { 'content-type': 'application/json' });
  while ('dialog' in step) {
    const { id, title, accept } = step.dialog;
    const file = await pickFile(title, accept);
    const url = `./__preview/pick/${encodeURIComponent(id)}`;
    step = file
      ? await post(url, file, { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) })
      : await post(url, undefined, { 'x-cancel': '1' });
  }
  for (const d of step.downloads) await download(d.id, d.name);
  return step.result as Envelope<unknown>;
});
Object.defineProperty(globalThis, 'api', { value: api, writable: false, configurable: false });
