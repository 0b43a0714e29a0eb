/**
 * The Electron shell without the Electron binary (it cannot be downloaded here): the real
 * bundles dist/electron/main.cjs and preload.cjs run against a stand-in `electron` module that
 * records what they ask of it. Everything behind the stand-in is real.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames } from '../../shared/ipc/contract';

const root = path.resolve(import.meta.dirname, '..', '..');
const dist = path.join(root, 'dist', 'electron');
const realRequire = createRequire(import.meta.url);

function runBundle(file: string, electron: unknown, argv: string[] = []): void {
  const code = fs.readFileSync(file, 'utf8');
  const module = { exports: {} };
  const req = (id: string) => (id === 'electron' ? electron : realRequire(id));
  const saved = process.argv;
  process.argv = [...saved.slice(0, 2), ...argv];
  try {
    new Function('require', 'module', 'exports', '__dirname', '__filename', code)(req, module, module.exports, path.dirname(file), file);
  } finally {
    process.argv = saved;
  }
}

type Handler = (event: unknown, payload: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>;

describe('Electron main process (real bundle, stand-in electron module)', () => {
  const handlers = new Map<string, Handler>();
  const appListeners = new Map<string, (...a: unknown[]) => void>();
  const windows: { opts: { webPreferences: Record<string, unknown> }; webContents: object; loaded?: string }[] = [];
  let blockedUrls: string[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-shell-'));
  const indexUrl = pathToFileURL(path.join(root, 'dist', 'renderer', 'index.html')).href;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root });
    const electron = {
      app: {
        setPath: () => undefined,
        requestSingleInstanceLock: () => true,
        on: (ev: string, fn: (...a: unknown[]) => void) => appListeners.set(ev, fn),
        whenReady: () => Promise.resolve(),
        isPackaged: false,
        getVersion: () => '0.0.0',
        quit: () => undefined,
      },
      BrowserWindow: class {
        webContents = { id: 1 };
        loaded?: string;
        constructor(public opts: { webPreferences: Record<string, unknown> }) {
          windows.push(this);
        }
        once() {}
        isMinimized() {
          return false;
        }
        loadFile(f: string) {
          this.loaded = f;
          return Promise.resolve();
        }
      },
      ipcMain: { handle: (ch: string, fn: Handler) => handlers.set(ch, fn) },
      Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => undefined },
      dialog: {},
      shell: {},
      session: {
        defaultSession: {
          webRequest: { onBeforeRequest: (filter: { urls: string[] }) => (blockedUrls = filter.urls) },
          setPermissionRequestHandler: () => undefined,
          setPermissionCheckHandler: () => undefined,
        },
      },
    };
    runBundle(path.join(dist, 'main.cjs'), electron, ['--data-dir', dataDir]);
    for (let i = 0; i < 200 && !windows[0]?.loaded; i++) await new Promise((r) => setTimeout(r, 50));
  });

  afterAll(async () => {
    appListeners.get('window-all-closed')?.();
    await new Promise((r) => setTimeout(r, 200));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const own = () => ({ sender: windows[0].webContents, senderFrame: { url: indexUrl } });

  it('opens one sandboxed, isolated window without Node integration, on the built renderer', () => {
    const prefs = windows[0].opts.webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(windows[0].loaded).toBe(path.join(root, 'dist', 'renderer', 'index.html'));
    expect(fs.existsSync(prefs.preload as string)).toBe(true);
  });

  it('registers exactly one channel per contract call, and no other', () => {
    expect([...handlers.keys()].sort()).toEqual([...callNames].sort());
  });

  it('answers our own page with the real services, using the --data-dir folder', async () => {
    const r = (await handlers.get('app.status')!(own(), {})) as { ok: boolean; value?: { dataDir: string; ready: boolean } };
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ dataDir, ready: false });
    expect(fs.existsSync(path.join(dataDir, 'fupin.sqlite'))).toBe(true);
  });

  it('refuses calls from any other page or frame, and invalid payloads', async () => {
    const foreign = await handlers.get('app.status')!({ sender: windows[0].webContents, senderFrame: { url: 'https://example.com/' } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const otherContents = await handlers.get('app.status')!({ sender: { id: 2 }, senderFrame: { url: indexUrl } }, {});
    expect(otherContents).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const bad = await handlers.get('org.townships.save')!(own(), { code: 430522100, name: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
  });

  it('blocks remote requests, navigation and new windows', () => {
    expect(blockedUrls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    const events = new Map<string, (e: { preventDefault: () => void }) => void>();
    let openHandler: (() => { action: string }) | undefined;
    appListeners.get('web-contents-created')!(
      {},
      { on: (ev: string, fn: (e: { preventDefault: () => void }) => void) => events.set(ev, fn), setWindowOpenHandler: (fn: () => { action: string }) => (openHandler = fn) },
    );
    let prevented = false;
    events.get('will-navigate')!({ preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });
});

describe('window.api: the preload and the preview bridge expose the same object', () => {
  it('the preload exposes one method per call, each invoking its own channel', async () => {
    let exposedName = '';
    let api: Record<string, (i: unknown) => Promise<unknown>> = {};
    const invoked: [string, unknown][] = [];
    runBundle(path.join(dist, 'preload.cjs'), {
      contextBridge: {
        exposeInMainWorld: (name: string, value: typeof api) => {
          exposedName = name;
          api = value;
        },
      },
      ipcRenderer: { invoke: async (ch: string, input: unknown) => (invoked.push([ch, input]), { ok: true, value: null }) },
    });
    expect(exposedName).toBe('api');
    expect(Object.keys(api).sort()).toEqual([...callNames].sort());
    expect(Object.isFrozen(api)).toBe(true);
    await api['org.villages.list']({ townshipId: 'x' });
    expect(invoked).toEqual([['org.villages.list', { townshipId: 'x' }]]);

    const bridge = await build({
      entryPoints: [path.join(root, 'electron', 'preview', 'bridge-entry.ts')],
      bundle: true,
      write: false,
      format: 'iife',
      define: { __PREVIEW_TOKEN__: '"t"' },
    });
    const sandbox: { api?: Record<string, unknown>; fetch: unknown } = {
      fetch: async (url: string, init: { headers: Record<string, string>; body: string }) => {
        invoked.push([url, JSON.parse(init.body)]);
        return { json: async () => ({ ok: true, value: null }) };
      },
    };
    // The bridge reads its token from the page's <meta> and the language from <html lang>.
    const document = { querySelector: () => ({ content: 't' }), documentElement: { lang: 'zh-CN' }, createElement: () => ({}), body: { append() {} } };
    new Function('globalThis', 'fetch', 'document', 'navigator', bridge.outputFiles[0].text.replace(/\bwindow\b/g, 'globalThis'))(sandbox, sandbox.fetch, document, { language: 'zh-CN' });
    expect(Object.keys(sandbox.api!).sort()).toEqual(Object.keys(api).sort());
    await (sandbox.api!['org.villages.list'] as (i: unknown) => Promise<unknown>)({ townshipId: 'y' });
    expect(invoked[1]).toEqual(['./api/org.villages.list', { townshipId: 'y' }]);
  });
});
