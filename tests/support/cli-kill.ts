/**
 * The CLI as an office runs it (`node scripts/cli.mjs`, the bundled build), for the tests that
 * kill it with SIGKILL at random moments: a measured full run, and a run killed after some ms.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const LAUNCHER = path.join(ROOT, 'scripts', 'cli.mjs');

/** Builds the CLI bundle when it is stale (call in beforeAll: the first build takes seconds). */
export function buildCliBundle(): void {
  spawnSync(process.execPath, [LAUNCHER, 'help'], { cwd: ROOT, timeout: 120_000 });
}

/** A moment within a run of `duration` ms (start-up included), spread over the whole run. */
export const within = (rand: () => number, duration: number) => 100 + rand() * Math.max(0, duration - 100) * 0.9;

/**
 * Runs the CLI and kills it after `ms` (unless it ended first); resolves with whether it was
 * killed and how long it ran (for a run that ended: a fresh measure of the whole run).
 */
export function runKilledAfter(args: string[], ms: number): Promise<{ killed: boolean; code: number | null; ms: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === 'SIGKILL', code, ms: performance.now() - t0 });
    });
  });
}

/** A whole run of the CLI, in ms; throws when it fails. */
export function timed(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}`);
  return performance.now() - t0;
}
