/**
 * Small tmpfs mounts for the storage-fault tests: a full disk (size=1m) or a read-only one
 * (remounted ro: chmod does not stop root, which these tests run as). Unmount after the tests.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const mounted: string[] = [];

export function mountTmpfs(dir: string, options: string, files: Record<string, string> = {}, readOnly = false): void {
  fs.mkdirSync(dir, { recursive: true });
  execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  mounted.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(`${dir}/${name}`, text);
  if (readOnly) execFileSync('mount', ['-o', 'remount,ro', dir]);
}

export function unmountAll(): void {
  for (const d of mounted.splice(0).reverse()) execFileSync('umount', [d]);
}
