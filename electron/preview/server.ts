/**
 * Preview server: the built renderer in a browser, with the REAL services behind `window.api`.
 * A developer and test tool bound to 127.0.0.1 only; every call needs the per-run token and a
 * matching Host header (no other site or host can drive it).
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import type { App } from '../core/app/app';
import { serveDataDir } from '../core/ipc/serve';
import type { Dialogs } from '../core/app/dialogs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The built renderer; FUPIN_RENDERER_DIR lets parallel work build and serve its own copy. */
export const RENDERER_DIR = process.env.FUPIN_RENDERER_DIR ?? path.join(ROOT, 'dist', 'renderer');
const MAX_BODY = 20 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface PreviewServer {
  url: string;
  /** The open data folder, or undefined when it could not be opened (the UI shows why). */
  app: App | undefined;
  close(): Promise<void>;
}

async function bridgeScript(token: string): Promise<string> {
  const r = await build({
    entryPoints: [path.join(import.meta.dirname, 'bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    define: { __PREVIEW_TOKEN__: JSON.stringify(token) },
  });
  return r.outputFiles[0].text;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * `dialogs` stands in for the native file dialogs (tests pass the files they want "picked");
 * without it every dialog answers "cancelled", since a browser page cannot show one for the server.
 */
export async function startPreviewServer(opts: { dataDir: string; port?: number; rendererDir?: string; now?: () => Date; dialogs?: Dialogs }): Promise<PreviewServer> {
  const rendererDir = opts.rendererDir ?? RENDERER_DIR;
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`找不到已构建的界面（${rendererDir}），请先运行 npm run build:renderer`);
  }
  const token = randomBytes(24).toString('hex');
  const bridge = await bridgeScript(token);
  const indexHtml = fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    .replace('<script type="module"', '<script src="./__preview-bridge.js"></script>\n    <script type="module"');

  const { app, dispatch } = await serveDataDir(opts.dataDir, { now: opts.now }, opts.dialogs);

  let host = '';
  const server = http.createServer(async (req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    if (req.headers.host !== host) {
      res.writeHead(421).end();
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST' || req.headers['x-preview-token'] !== token) {
        res.writeHead(403).end();
        return;
      }
      let payload: unknown;
      try {
        const body = await readBody(req);
        payload = body ? JSON.parse(body) : {};
      } catch {
        payload = undefined; // the dispatcher refuses it as a bad payload
      }
      const result = await dispatch(decodeURIComponent(url.pathname.slice(5)), payload);
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(result));
      return;
    }
    if (req.method !== 'GET') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === '/' || url.pathname === '/index.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(indexHtml);
      return;
    }
    if (url.pathname === '/__preview-bridge.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] }).end(bridge);
      return;
    }
    const file = path.normalize(path.join(rendererDir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  host = `127.0.0.1:${port}`;
  return {
    url: `http://${host}/`,
    app,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app?.close();
    },
  };
}
