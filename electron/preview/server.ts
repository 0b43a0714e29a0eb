/**
 * Preview server: the built renderer in a browser, with the REAL services behind `window.api`.
 * A developer and test tool bound to 127.0.0.1 only. Every request must name this server in
 * its Host header (127.0.0.1:PORT or localhost:PORT: no DNS rebinding); every call must also
 * come from the page itself (Origin of the same host) and carry the per-run token, which is
 * written into the page (a <meta>, readable only by the page) and never served as a script.
 * A bad request (bad %-escape, huge or broken body) is answered with an error status; it never
 * stops the server.
 *
 * A call runs in steps (browser-dialogs.ts): POST /api/NAME answers either the result or a
 * file picker to show; the page answers a picker with POST /__preview/pick/ID (the file's bytes,
 * or x-cancel), which again answers the next step; files the call saved are fetched with
 * POST /__preview/download/ID.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';
import type { App } from '../core/app/app';
import { AppError } from '../core/errors';
import { serveDataDir } from '../core/ipc/serve';
import type { Dialogs } from '../core/app/dialogs';
import { BrowserDialogs, CallChannel, type CallStep } from './browser-dialogs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The built renderer; FUPIN_RENDERER_DIR lets parallel work build and serve its own copy. */
export const RENDERER_DIR = process.env.FUPIN_RENDERER_DIR ?? path.join(ROOT, 'dist', 'renderer');
const MAX_BODY = 20 * 1024 * 1024;
/** The largest file the page may upload through a picker. */
export const MAX_UPLOAD_MB = 512;
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
  readonly app: App | undefined;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(readonly status: number) {
    super(String(status));
  }
}

async function bridgeScript(): Promise<string> {
  const r = await build({
    entryPoints: [path.join(import.meta.dirname, 'bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
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
        req.removeAllListeners('data');
        reject(new HttpError(413));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    throw new HttpError(400);
  }
}

/** An upload into `file`, at most MAX_UPLOAD_MB; a partial file is removed. */
async function receive(req: http.IncomingMessage, file: string, name: string): Promise<void> {
  const max = MAX_UPLOAD_MB * 1024 * 1024;
  if (Number(req.headers['content-length'] ?? 0) > max) throw new AppError('VALIDATION', 'preview.uploadTooLarge', { name, max: MAX_UPLOAD_MB });
  let size = 0;
  try {
    await pipeline(
      req,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const c of source) {
          size += c.length;
          if (size > max) throw new AppError('VALIDATION', 'preview.uploadTooLarge', { name, max: MAX_UPLOAD_MB });
          yield c;
        }
      },
      fs.createWriteStream(file, { mode: 0o600 }),
    );
  } catch (e) {
    fs.rmSync(file, { force: true });
    throw e instanceof AppError ? e : new AppError('VALIDATION', 'preview.uploadFailed', { name });
  }
}

/**
 * `dialogs` stands in for the native file dialogs (tests pass the files they want "picked");
 * without it the page picks and downloads files itself (BrowserDialogs).
 */
export async function startPreviewServer(opts: { dataDir: string; port?: number; rendererDir?: string; now?: () => Date; dialogs?: Dialogs; autoBackups?: boolean }): Promise<PreviewServer> {
  const rendererDir = opts.rendererDir ?? RENDERER_DIR;
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
    throw new Error(`找不到已构建的界面（${rendererDir}），请先运行 npm run build:renderer`);
  }
  const token = randomBytes(24).toString('hex');
  const bridge = await bridgeScript();
  const indexHtml = fs
    .readFileSync(path.join(rendererDir, 'index.html'), 'utf8')
    // The token first, then the bridge that reads it, both before the app's own script.
    .replace('<script type="module"', `<meta name="fupin-preview-token" content="${token}" />\n    <script src="./__preview-bridge.js"></script>\n    <script type="module"`);

  const browserDialogs = opts.dialogs ? undefined : new BrowserDialogs();
  const served = await serveDataDir(opts.dataDir, { now: opts.now }, opts.dialogs ?? browserDialogs, { autoBackups: opts.autoBackups });

  let hosts: string[] = [];
  const json = (res: http.ServerResponse, step: CallStep) => res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(step));

  /** Runs one call; its steps go to `channel` (a picker, then the result with its downloads). */
  const start = (name: string, payload: unknown): CallChannel => {
    const channel = new CallChannel();
    const run = () => served.dispatch(name, payload);
    const done = browserDialogs ? browserDialogs.calls.run(channel, run) : run();
    void done.then(
      (result) => (browserDialogs ? browserDialogs.finish(channel, result) : channel.push({ result, downloads: [] })),
      () => channel.push({ result: { ok: false, error: new AppError('INTERNAL', 'internal').info }, downloads: [] }),
    );
    return channel;
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Frame-Options', 'DENY'); // no other page may frame this one (clickjacking)
    const host = req.headers.host ?? '';
    if (!hosts.includes(host)) throw new HttpError(421);
    // Another site's page may link here, but not pull in scripts, images or data from here.
    const site = req.headers['sec-fetch-site'];
    if ((site === 'cross-site' || site === 'same-site') && req.headers['sec-fetch-mode'] !== 'navigate') throw new HttpError(403);
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) throw new HttpError(403);
    const pathname = decodePath((req.url ?? '/').split('?')[0]);

    if (pathname.startsWith('/api/') || pathname.startsWith('/__preview/')) {
      // Calls: POST from this page only (browsers send Origin with every POST), with the token.
      if (req.method !== 'POST' || origin === undefined || req.headers['x-preview-token'] !== token) throw new HttpError(403);
      if (pathname.startsWith('/api/')) {
        let payload: unknown;
        try {
          const body = await readBody(req);
          payload = body ? JSON.parse(body) : {};
        } catch (e) {
          if (e instanceof HttpError) throw e;
          payload = undefined; // not JSON: the dispatcher refuses it as a bad payload
        }
        json(res, await start(pathname.slice(5), payload).next());
        return;
      }
      const [, , kind, id] = pathname.split('/');
      if (kind === 'pick' && browserDialogs) {
        const pick = browserDialogs.pick(id);
        if (!pick) throw new HttpError(404);
        if (req.headers['x-cancel']) {
          req.resume();
          browserDialogs.answer(id, null);
        } else {
          let name = '';
          try {
            name = decodeURIComponent(String(req.headers['x-file-name'] ?? ''));
          } catch {
            // a name that is not valid UTF-8: the upload is kept under a plain one
          }
          const file = browserDialogs.uploadPath(name);
          try {
            await receive(req, file, path.basename(file));
            browserDialogs.answer(id, file);
          } catch (e) {
            req.resume();
            browserDialogs.answer(id, e as Error);
          }
        }
        json(res, await pick.channel.next());
        return;
      }
      if (kind === 'download' && browserDialogs) {
        req.resume();
        const d = browserDialogs.takeDownload(id);
        if (!d || !fs.existsSync(d.file)) throw new HttpError(404);
        res.writeHead(200, {
          'content-type': 'application/octet-stream',
          'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(d.name)}`,
        });
        try {
          await pipeline(fs.createReadStream(d.file), res);
        } finally {
          browserDialogs.sent(d);
        }
        return;
      }
      throw new HttpError(404);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405);
    if (pathname === '/' || pathname === '/index.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end(indexHtml);
      return;
    }
    if (pathname === '/__preview-bridge.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] }).end(bridge);
      return;
    }
    const file = path.normalize(path.join(rendererDir, pathname));
    if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) throw new HttpError(404);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    await pipeline(fs.createReadStream(file), res);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) {
        const status = e instanceof HttpError ? e.status : 500;
        // Closing after a refused body: the rest of it is not read.
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...(status === 413 ? { connection: 'close' } : {}) }).end(String(status));
      } else res.destroy();
    });
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (e: NodeJS.ErrnoException) => {
    browserDialogs?.close();
    await served.app?.close();
    throw e.code === 'EADDRINUSE' ? new PortBusyError(opts.port ?? 0) : e;
  });
  const port = (server.address() as { port: number }).port;
  hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    url: `http://${hosts[0]}/`,
    // A getter: a damaged database's rescue opens the folder again after the restore.
    get app() {
      return served.app;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      browserDialogs?.close();
      await served.app?.close();
    },
  };
}

/** The port is taken (often another preview still running). */
export class PortBusyError extends Error {
  constructor(readonly port: number) {
    super(`端口 ${port} 已被占用，请用 --port 指定其他端口`);
  }
}
