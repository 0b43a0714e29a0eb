/** Small helpers for the file-layer tests: temp folders and expecting a refusal in bounded time. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { AppError } from '../../electron/core/errors';
import type { ErrorInfo } from '../../shared/i18n/messages';

const dirs: string[] = [];

/** A new empty folder under the OS temp dir; removeTempDirs() deletes them. */
export function tempDir(prefix = 'fupin-files-'): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
}

export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/**
 * Runs `work` expecting an AppError within `ms` (a hang fails the test instead of stalling it).
 * Returns the error's data.
 */
export async function refusal(work: () => Promise<unknown>, ms = 5000): Promise<ErrorInfo> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  let caught: unknown = 'no error';
  try {
    const r = await Promise.race([work().then(() => 'done' as const), timeout]);
    if (r === 'timeout') caught = `still running after ${ms} ms`;
  } catch (e) {
    caught = e;
  } finally {
    clearTimeout(timer);
  }
  expect(caught, 'expected an AppError').toBeInstanceOf(AppError);
  return (caught as AppError).info;
}

/** Peak RSS while `work` runs, sampled every 10 ms and at each call of the returned probe. */
export function rssSampler() {
  let peak = process.memoryUsage().rss;
  const sample = () => {
    const r = process.memoryUsage().rss;
    if (r > peak) peak = r;
  };
  const timer = setInterval(sample, 10);
  return {
    sample,
    stop(): number {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
