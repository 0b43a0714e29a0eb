/** Bench harness: each figure is measured in this run, next to a reference measured in the same run. */

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** What the figure is compared with, measured in the same run. */
  reference?: { name: string; value: number };
  /** A target from the issue, in the figure's unit; `value <= target` passes. */
  target?: number;
  note?: string;
}

export interface Bench {
  name: string;
  run(): Promise<Figure[]>;
}

export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

/** Best of n runs (setup runs before each, outside the timing). */
export async function bestOf(n: number, setup: () => void | Promise<void>, fn: () => void | Promise<void>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    await setup();
    best = Math.min(best, (await timed(fn)).ms);
  }
  return best;
}

export function ratio(f: Figure): number | undefined {
  return f.reference && f.reference.value > 0 ? f.value / f.reference.value : undefined;
}
