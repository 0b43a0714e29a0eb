/**
 * Evidence files (佐证材料) for inspections and the ledger: copied into the data folder under
 * evidence/, named by their SHA-256 so the same file is kept once, and opened from there. The
 * owning domain keeps its own rows (original name, hash, size) pointing at the stored file.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../errors';
import { toWriteError, writeStreamAtomic } from './atomic-write';

export const EVIDENCE_DIR = 'evidence';
export const EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

export interface StoredEvidence {
  /** The file's name as the user had it, shown in lists. */
  originalName: string;
  /** Hex SHA-256 of the content; also the stored file's name (plus the extension). */
  sha256: string;
  size: number;
  /** Path relative to the data folder, e.g. evidence/ab/ab12….pdf */
  storedPath: string;
}

const fileError = (key: string, name: string) => new AppError('VALIDATION', key, { name });

/** Copies `source` into the data folder (hashing while copying); refuses empty, huge or unreadable files. */
export async function storeEvidence(dataDir: string, source: string, maxBytes = EVIDENCE_MAX_BYTES): Promise<StoredEvidence> {
  const originalName = path.basename(source);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(source);
  } catch {
    throw fileError('file.notFound', originalName);
  }
  if (!stat.isFile()) throw fileError('file.notAFile', originalName);
  if (stat.size === 0) throw fileError('evidence.empty', originalName);
  if (stat.size > maxBytes) {
    const mbText = (n: number) => (n / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
    throw new AppError('VALIDATION', 'evidence.tooLarge', { name: originalName, size: mbText(stat.size), max: mbText(maxBytes) });
  }
  // Hash first (the stored name is the hash), then copy through the one atomic write: a failed or
  // killed copy leaves no half file under the hash name (and cleanStaleTemps removes its temp).
  const hash = crypto.createHash('sha256');
  try {
    await pipeline(fs.createReadStream(source), async function* (chunks: AsyncIterable<Buffer>) {
      for await (const c of chunks) hash.update(c);
    });
  } catch {
    throw fileError('file.unreadable', originalName);
  }
  const sha256 = hash.digest('hex');
  const ext = path.extname(originalName).toLowerCase().replace(/[^.a-z0-9]/g, '').slice(0, 10);
  const rel = path.join(EVIDENCE_DIR, sha256.slice(0, 2), sha256 + ext);
  const dest = path.join(dataDir, rel);
  try {
    fs.mkdirSync(path.dirname(dest), { recursive: true });
  } catch (e) {
    throw toWriteError(e, dest);
  }
  if (!fs.existsSync(dest)) {
    try {
      await writeStreamAtomic(dest, (w) => pipeline(fs.createReadStream(source), w.stream, { end: false }));
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw fileError('file.unreadable', originalName);
    }
  }
  return { originalName, sha256, size: stat.size, storedPath: rel.split(path.sep).join('/') };
}

/** The absolute path of a stored evidence file, refusing anything that points outside evidence/. */
export function evidencePath(dataDir: string, storedPath: string, originalName = path.basename(storedPath)): string {
  const root = path.resolve(dataDir, EVIDENCE_DIR) + path.sep;
  const full = path.resolve(dataDir, storedPath);
  if (!full.startsWith(root) || !fs.existsSync(full)) throw fileError('evidence.missing', originalName);
  return full;
}
