/**
 * File dialogs for the preview in a browser, behind the same `Dialogs` seam as Electron's.
 * A call that opens a dialog is answered in steps (see server.ts): the call's response asks the
 * page for a file, the page shows a file picker and uploads the chosen file into this
 * preview's private temporary folder, and the service gets that copy's path. A save dialog
 * gives the service a path in the same folder; when the call ends the page downloads the file,
 * which is then deleted. The page only ever sends file contents and a name, never a path.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dialogs, FileFilter } from '../core/app/dialogs';
import type { Envelope } from '../../shared/ipc/define';

/** What the page is asked to do next for a call: show a picker, or take the result (and downloads). */
export type CallStep =
  | { dialog: { id: string; kind: 'open'; title: string; accept: string } }
  | { result: Envelope<unknown>; downloads: { id: string; name: string }[] };

interface Download {
  id: string;
  name: string;
  file: string;
  /** Files the preview wrote for this download (not the user's own, e.g. evidence) are deleted once sent. */
  temporary: boolean;
}

/** One call from the page: its steps, in order, as the page asks for them. */
export class CallChannel {
  private readonly queue: CallStep[] = [];
  private wake: (() => void) | undefined;
  readonly downloads: Download[] = [];

  push(step: CallStep): void {
    this.queue.push(step);
    this.wake?.();
  }

  async next(): Promise<CallStep> {
    while (!this.queue.length) await new Promise<void>((r) => (this.wake = r));
    this.wake = undefined;
    return this.queue.shift() as CallStep;
  }
}

/** How long a picker may stay open before the dialog counts as cancelled (a closed tab never answers). */
const PICK_TIMEOUT_MS = 30 * 60_000;
const PREFIX = 'fupin-preview-';

/** A file name from the page or a dialog, reduced to a plain name: no folders, no control characters. */
export function safeName(name: string, fallback = '文件'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '').replace(/^[.\s]+/, '').trim().slice(0, 120);
  return clean || fallback;
}

/** Folders left by preview runs that were killed: removed when their process is gone. */
function removeStale(): void {
  for (const d of fs.readdirSync(os.tmpdir())) {
    const m = d.startsWith(PREFIX) ? /^(\d+)-/.exec(d.slice(PREFIX.length)) : null;
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(path.join(os.tmpdir(), d), { recursive: true, force: true });
    }
  }
}

export class BrowserDialogs implements Dialogs {
  readonly calls = new AsyncLocalStorage<CallChannel>();
  /** This run's own folder (mode 0700) for uploads and files to download. */
  readonly dir: string;
  private readonly picks = new Map<string, { channel: CallChannel; resolve: (file: string | null) => void; reject: (e: unknown) => void }>();
  private readonly ready = new Map<string, Download>();

  constructor() {
    try {
      removeStale();
    } catch {
      // another user's folders, or none: nothing to clean
    }
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${process.pid}-`));
    fs.chmodSync(this.dir, 0o700);
  }

  /** A fresh sub-folder for one file, so names never collide. */
  private slot(): string {
    const d = path.join(this.dir, randomUUID());
    fs.mkdirSync(d, { mode: 0o700 });
    return d;
  }

  openFile(opts: { title: string; filters: FileFilter[] }): Promise<string | null> {
    const channel = this.calls.getStore();
    if (!channel) return Promise.resolve(null);
    const id = randomUUID();
    const exts = opts.filters.flatMap((f) => f.extensions).filter((e) => e !== '*');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.answer(id, null), PICK_TIMEOUT_MS);
      this.picks.set(id, {
        channel,
        resolve: (f) => (clearTimeout(timer), resolve(f)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      channel.push({ dialog: { id, kind: 'open', title: opts.title, accept: exts.map((e) => `.${e}`).join(',') } });
    });
  }

  async saveFile(opts: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null> {
    const channel = this.calls.getStore();
    if (!channel) return null;
    const name = safeName(opts.defaultName, `导出.${opts.filters[0]?.extensions[0] ?? 'dat'}`);
    const file = path.join(this.slot(), name);
    channel.downloads.push({ id: randomUUID(), name, file, temporary: true });
    return file;
  }

  async openPath(file: string): Promise<void> {
    const channel = this.calls.getStore();
    // A file this preview wrote was downloaded already (and deleted); the user's own files are sent.
    if (!channel || file.startsWith(this.dir + path.sep) || !fs.existsSync(file)) return;
    channel.downloads.push({ id: randomUUID(), name: path.basename(file), file, temporary: false });
  }

  /** The pick a page is answering, if this run asked for it. */
  pick(id: string): { channel: CallChannel } | undefined {
    return this.picks.get(id);
  }

  /** The page's answer to a picker: the uploaded copy's path, null for cancelled, or an error. */
  answer(id: string, file: string | null | Error): void {
    const p = this.picks.get(id);
    if (!p) return;
    this.picks.delete(id);
    if (file instanceof Error) p.reject(file);
    else p.resolve(file);
  }

  /** Where an upload for this pick is written. */
  uploadPath(name: string): string {
    return path.join(this.slot(), safeName(name));
  }

  /** The call has ended: its result with the files for the page to download (those that were written). */
  finish(channel: CallChannel, result: Envelope<unknown>): void {
    const downloads: { id: string; name: string }[] = [];
    for (const d of channel.downloads) {
      if (fs.existsSync(d.file) && result.ok) {
        this.ready.set(d.id, d);
        downloads.push({ id: d.id, name: d.name });
      } else if (d.temporary) fs.rmSync(path.dirname(d.file), { recursive: true, force: true });
    }
    channel.push({ result, downloads });
  }

  /** A file waiting to be downloaded, handed out once. */
  takeDownload(id: string): Download | undefined {
    const d = this.ready.get(id);
    this.ready.delete(id);
    return d;
  }

  /** Removes a sent download's temporary copy. */
  sent(d: Download): void {
    if (d.temporary) fs.rmSync(path.dirname(d.file), { recursive: true, force: true });
  }

  close(): void {
    for (const id of [...this.picks.keys()]) this.answer(id, null);
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
