/**
 * The preview server under raw HTTP: bad requests never stop it, the token is only in the page,
 * every call is checked for Host and Origin, a busy port is one plain line, and file dialogs
 * become uploads and downloads through the page (never a path from the page).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PortBusyError, startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import { cleanup, tempDir } from './helpers/app';
import { cli } from '../support/cli';
import { writeCountyXlsx } from '../support/roster-xlsx';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const servers: PreviewServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  await cleanup();
});

/** A stand-in for the built renderer: the same head and module script the real one has. */
function rendererDir(): string {
  const d = tempDir();
  fs.writeFileSync(path.join(d, 'index.html'), '<!doctype html><html><head><title>x</title></head><body><script type="module" src="./main.js"></script></body></html>');
  fs.writeFileSync(path.join(d, 'main.js'), 'console.log(1)');
  return d;
}

async function start(dataDir = path.join(tempDir(), 'data')) {
  const s = await startPreviewServer({ dataDir, rendererDir: rendererDir() });
  servers.push(s);
  const port = Number(new URL(s.url).port);
  return { s, port, origin: `http://127.0.0.1:${port}` };
}

interface Res {
  status: number;
  body: Buffer;
  text: string;
}

function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: Buffer | string }): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: { host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, body, text: body.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

async function tokenOf(port: number): Promise<string> {
  const page = await request(port, { path: '/' });
  const m = /<meta name="fupin-preview-token" content="([0-9a-f]+)"/.exec(page.text);
  expect(m, 'token in the page').not.toBeNull();
  return m![1];
}

/** A call as the page makes it: POST with the token and the page's own Origin. */
async function call(port: number, token: string, name: string, input: unknown = {}, headers: Record<string, string> = {}) {
  const r = await request(port, {
    method: 'POST',
    path: `/api/${name}`,
    headers: { origin: `http://127.0.0.1:${port}`, 'x-preview-token': token, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });
  return { status: r.status, step: r.status === 200 ? JSON.parse(r.text) : undefined };
}

async function alive(port: number) {
  expect((await request(port, { path: '/' })).status).toBe(200);
}

describe('bad requests never stop the preview', () => {
  it('a bad %-escape in a page path or a call name is refused with 400', async () => {
    const { port } = await start();
    const token = await tokenOf(port);
    expect((await request(port, { path: '/%E0%A4%A' })).status).toBe(400);
    expect((await request(port, { path: '/assets/%' })).status).toBe(400);
    await alive(port);
    const r = await request(port, { method: 'POST', path: '/api/%E0%A4%A', headers: { origin: `http://127.0.0.1:${port}`, 'x-preview-token': token }, body: '{}' });
    expect(r.status).toBe(400);
    await alive(port);
  });

  it('the same from another site’s <img> is refused before it is read', async () => {
    const { port } = await start();
    const img = { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'image' };
    expect((await request(port, { path: '/%E0%A4%A', headers: img })).status).toBe(403);
    expect((await request(port, { path: '/', headers: img })).status).toBe(403);
    await alive(port);
  });

  it('a body over the limit gets 413 and bad JSON a plain refusal; the server goes on', async () => {
    const { port } = await start();
    const token = await tokenOf(port);
    const huge = await request(port, {
      method: 'POST',
      path: '/api/app.status',
      headers: { origin: `http://127.0.0.1:${port}`, 'x-preview-token': token },
      body: Buffer.alloc(25 * 1024 * 1024, 0x20),
    }).catch(() => ({ status: 413 }) as Res); // the server may close before the whole body is sent
    expect(huge.status).toBe(413);
    await alive(port);
    const bad = await request(port, { method: 'POST', path: '/api/app.status', headers: { origin: `http://127.0.0.1:${port}`, 'x-preview-token': token }, body: '{"oops' });
    expect(bad.status).toBe(200);
    expect(JSON.parse(bad.text).result).toMatchObject({ ok: false, error: { code: 'BAD_PAYLOAD' } });
    await alive(port);
  });
});

describe('the token and who may call', () => {
  it('the token is in the page only: the bridge script holds none', async () => {
    const { port } = await start();
    const token = await tokenOf(port);
    const bridge = await request(port, { path: '/__preview-bridge.js' });
    expect(bridge.status).toBe(200);
    expect(bridge.text).toContain('fupin-preview-token'); // it reads the page's <meta>
    expect(bridge.text).not.toContain(token);
    // Another site including it with <script src> is refused outright.
    const script = await request(port, { path: '/__preview-bridge.js', headers: { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' } });
    expect(script.status).toBe(403);
  });

  it('a call needs the token, a POST, this host and its own Origin', async () => {
    const { port } = await start();
    const token = await tokenOf(port);
    const ok = await call(port, token, 'app.status');
    expect(ok.status).toBe(200);
    expect(ok.step.result.ok).toBe(true);
    expect((await call(port, 'wrong', 'app.status')).status).toBe(403);
    expect((await call(port, token, 'app.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await call(port, token, 'app.status', {}, { origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await call(port, token, 'app.status', {}, { origin: 'null' })).status).toBe(403);
    // No Origin at all (not a browser page): refused.
    const bare = await request(port, { method: 'POST', path: '/api/app.status', headers: { 'x-preview-token': token }, body: '{}' });
    expect(bare.status).toBe(403);
    // Another Host name (DNS rebinding) is refused; localhost:PORT is this server too.
    expect((await call(port, token, 'app.status', {}, { host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).status).toBe(421);
    const local = await call(port, token, 'app.status', {}, { host: `localhost:${port}`, origin: `http://localhost:${port}` });
    expect(local.status).toBe(200);
    expect((await request(port, { method: 'GET', path: '/api/app.status', headers: { 'x-preview-token': token, origin: `http://127.0.0.1:${port}` } })).status).toBe(403);
  });
});

describe('a busy port', () => {
  it('is reported in one plain line, exit 1', { timeout: 60_000 }, async () => {
    const { port } = await start();
    await expect(startPreviewServer({ dataDir: path.join(tempDir(), 'd2'), rendererDir: rendererDir(), port })).rejects.toBeInstanceOf(PortBusyError);
    const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['electron/preview/main.ts', '--port', String(port), '--data-dir', path.join(tempDir(), 'd3')], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 50_000,
      env: { ...process.env, FUPIN_RENDERER_DIR: rendererDir() },
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`端口 ${port} 已被占用，请用 --port 指定其他端口`);
    expect(r.stdout).toBe('');
  });
});

describe('file dialogs through the page', () => {
  async function ready() {
    const dataDir = path.join(tempDir(), 'data');
    expect((await cli('--data-dir', dataDir, 'init', '--county-code', '430522', '--county-name', '新邵县')).code).toBe(0);
    const x = await start(dataDir);
    return { ...x, token: await tokenOf(x.port) };
  }
  const ours = () => fs.readdirSync(os.tmpdir()).filter((d) => d.startsWith(`fupin-preview-${process.pid}-`));
  const filesIn = (d: string): string[] => fs.readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));

  it('an open dialog asks the page for a file; the upload is read by the import, under a plain name', async () => {
    const { port, token, origin } = await ready();
    const src = path.join(tempDir(), '花名册.xlsx');
    await writeCountyXlsx(src, { households: 20 });
    const first = await call(port, token, 'roster.import.pickFile');
    expect(first.step.dialog).toMatchObject({ kind: 'open', title: '选择要导入的花名册' });
    expect(first.step.dialog.accept).toContain('.xlsx');
    // The page sends the bytes and a name; a name with folders in it is cut to its last part.
    const up = await request(port, {
      method: 'POST',
      path: `/__preview/pick/${first.step.dialog.id}`,
      headers: { origin, 'x-preview-token': token, 'x-file-name': encodeURIComponent('../../花名册.xlsx') },
      body: fs.readFileSync(src),
    });
    expect(up.status).toBe(200);
    const picked = JSON.parse(up.text).result;
    expect(picked).toMatchObject({ ok: true, value: { name: '花名册.xlsx' } });
    expect(fs.existsSync(path.join(os.tmpdir(), '..', '花名册.xlsx'))).toBe(false);
    const inspect = await call(port, token, 'roster.import.inspect', { fileToken: picked.value.fileToken, sheet: 0 });
    expect(inspect.step.result).toMatchObject({ ok: true, value: { name: '花名册.xlsx', format: 'xlsx' } });
    // A second answer to the same picker is refused.
    const again = await request(port, { method: 'POST', path: `/__preview/pick/${first.step.dialog.id}`, headers: { origin, 'x-preview-token': token, 'x-cancel': '1' } });
    expect(again.status).toBe(404);
  });

  it('cancelling the picker answers the call with "cancelled"; a pick needs the token too', async () => {
    const { port, token, origin } = await ready();
    const first = await call(port, token, 'roster.import.pickFile');
    const id = first.step.dialog.id;
    expect((await request(port, { method: 'POST', path: `/__preview/pick/${id}`, headers: { origin, 'x-cancel': '1' } })).status).toBe(403);
    const r = await request(port, { method: 'POST', path: `/__preview/pick/${id}`, headers: { origin, 'x-preview-token': token, 'x-cancel': '1' } });
    expect(JSON.parse(r.text).result).toEqual({ ok: true, value: null });
  });

  it('a save dialog writes into the preview’s folder; the page downloads the file once and it is removed', async () => {
    const { port, token, origin } = await ready();
    const r = await call(port, token, 'roster.export', { filter: {}, taskId: '6f0c1a9e-8d2b-4c3e-9f4a-0b1c2d3e4f50' });
    expect(r.step.result.ok).toBe(true);
    expect(r.step.downloads).toEqual([{ id: expect.any(String), name: '新邵县贫困人口花名册.xlsx' }]);
    const [dir] = ours();
    expect(filesIn(path.join(os.tmpdir(), dir)).map((f) => path.basename(f))).toContain('新邵县贫困人口花名册.xlsx');
    const d = await request(port, { method: 'POST', path: `/__preview/download/${r.step.downloads[0].id}`, headers: { origin, 'x-preview-token': token } });
    expect(d.status).toBe(200);
    expect(d.body.subarray(0, 2).toString()).toBe('PK');
    // Removed once sent (just after the last byte went out).
    await vi.waitFor(() => expect(filesIn(path.join(os.tmpdir(), dir))).toEqual([]));
    expect((await request(port, { method: 'POST', path: `/__preview/download/${r.step.downloads[0].id}`, headers: { origin, 'x-preview-token': token } })).status).toBe(404);
  });

  it('closing the preview removes its folder', async () => {
    const { s, port, token } = await ready();
    await call(port, token, 'roster.import.pickFile'); // a picker left open
    expect(ours()).toHaveLength(1);
    await s.close();
    servers.splice(servers.indexOf(s), 1);
    expect(ours()).toEqual([]);
  });
});
