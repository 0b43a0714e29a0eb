/** Free space on the disk holding a folder (statfs), for the checks before a big write. */
import fs from 'node:fs';

/** Bytes an ordinary user may still write in `dir` (null when the system cannot say). */
export function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}
