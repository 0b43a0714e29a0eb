/**
 * The backup file (.fpbak): a zip holding `manifest.json` and `fupin.sqlite` (stored, not
 * compressed: a county database is written at disk speed). One file to carry on a USB stick;
 * the manifest says what it holds without unpacking it. Written through the one atomic write
 * (a pulled stick or a full disk leaves nothing behind); read with limits (a crafted file
 * cannot make the app read a huge manifest or unpack more than it declares).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { AppError } from '../errors';
import { writeStreamAtomic } from './atomic-write';

export const MANIFEST_ENTRY = 'manifest.json';
export const DATABASE_ENTRY = 'fupin.sqlite';
const MAX_MANIFEST = 1024 * 1024;

/** Writes the archive `target` from the checked database copy `dbFile` and its manifest. */
export async function writeBackupArchive(target: string, dbFile: string, manifest: object, opts: { signal?: AbortSignal; onProgress?: (bytes: number) => void } = {}): Promise<void> {
  await writeStreamAtomic(
    target,
    async (w) => {
      const zip = new yazl.ZipFile();
      zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), MANIFEST_ENTRY, { compress: true });
      let bytes = 0;
      const counted = fs.createReadStream(dbFile, { highWaterMark: 1024 * 1024 }).pipe(
        new Transform({
          transform(chunk: Buffer, _enc, cb) {
            bytes += chunk.length;
            opts.onProgress?.(bytes);
            cb(null, chunk);
          },
        }),
      );
      zip.addReadStream(counted, DATABASE_ENTRY, { compress: false, size: fs.statSync(dbFile).size });
      zip.end();
      await pipeline(zip.outputStream, w.stream, { signal: opts.signal });
    },
    opts.signal,
  );
}

function open(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (err, zip) => (err ? reject(err) : resolve(zip!))),
  );
}

function entries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const found = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      found.set(e.fileName, e);
      zip.readEntry();
    });
    zip.once('end', () => resolve(found));
    zip.once('error', reject);
    zip.readEntry();
  });
}

function entryStream(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(err) : resolve(s!))));
}

export interface OpenedArchive {
  manifest: unknown;
  /** Size of the database inside, as the archive declares it. */
  databaseBytes: number;
}

const notOurs = (file: string) => new AppError('VALIDATION', 'backup.notBackup', { name: basename(file) });
const damaged = (file: string) => new AppError('VALIDATION', 'backup.damaged', { name: basename(file) });
const basename = (f: string) => f.split(/[\\/]/).pop() ?? f;

/** Reads the manifest; a file that is no zip, or a zip without our entries, is not a backup. */
export async function readBackupArchive(file: string): Promise<OpenedArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await open(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EPERM') throw new AppError('STORAGE', 'backup.unreadable', { name: basename(file) });
    // A zip whose end is missing (a copy broken off) cannot be told from a foreign file by its
    // head alone: a file starting like a zip is called damaged.
    throw startsLikeZip(file) ? damaged(file) : notOurs(file);
  }
  try {
    const found = await entries(zip).catch(() => {
      throw damaged(file);
    });
    const m = found.get(MANIFEST_ENTRY);
    const d = found.get(DATABASE_ENTRY);
    if (!m || !d) throw notOurs(file);
    if (m.uncompressedSize > MAX_MANIFEST) throw notOurs(file);
    const chunks: Buffer[] = [];
    try {
      for await (const c of await entryStream(zip, m)) chunks.push(c as Buffer);
    } catch {
      throw damaged(file);
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      throw notOurs(file);
    }
    return { manifest, databaseBytes: d.uncompressedSize };
  } finally {
    zip.close();
  }
}

function startsLikeZip(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const b = Buffer.alloc(4);
      fs.readSync(fd, b, 0, 4, 0);
      return b.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

/** Unpacks the database into `target` (a new file); returns its SHA-256 and size. */
export async function extractDatabase(file: string, target: string, opts: { signal?: AbortSignal; onProgress?: (bytes: number) => void } = {}): Promise<{ sha256: string; bytes: number }> {
  const zip = await open(file).catch(() => {
    throw damaged(file);
  });
  try {
    const d = (await entries(zip)).get(DATABASE_ENTRY);
    if (!d) throw notOurs(file);
    const hash = crypto.createHash('sha256');
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        hash.update(chunk);
        bytes += chunk.length;
        opts.onProgress?.(bytes);
        cb(null, chunk);
      },
    });
    const src = await entryStream(zip, d).catch(() => {
      throw damaged(file);
    });
    const out = fs.createWriteStream(target, { flags: 'wx' });
    try {
      await pipeline(src, count, out, { signal: opts.signal });
    } catch (e) {
      if (opts.signal?.aborted) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code && /^E(NOSPC|ROFS|ACCES|PERM|IO|NOENT)$/.test(code)) throw e;
      throw damaged(file);
    }
    const fd = fs.openSync(target, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return { sha256: hash.digest('hex'), bytes };
  } finally {
    zip.close();
  }
}
