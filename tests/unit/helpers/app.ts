/**
 * Shared helpers for the unit tests: fresh temporary data folders, apps opened on them and
 * closed afterwards, a dispatcher used the way the renderer uses it, and valid ID numbers.
 * Each test file calls `afterEach(cleanup)`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { openApp, type App } from '../../../electron/core/app/app';
import { createDispatcher, type Dispatch } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { makeGuard } from '../../../electron/core/auth/access';
import { DEFAULT_COUNTY } from '../../../shared/domain/org';
import { checkChar } from '../../../shared/rules/id-number';
import type { CallInput, CallName, CallOutput } from '../../../shared/ipc/contract';
import type { ErrorInfo } from '../../../shared/i18n/messages';
import type { OpenOptions } from '../../../electron/core/db/open';

const dirs: string[] = [];
const apps: App[] = [];

/** A new empty folder under the OS temp dir, removed after the test. */
export function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-test-'));
  dirs.push(d);
  return d;
}

/** Registers an app opened by the test itself so that it is closed after the test. */
export function track(app: App): App {
  apps.push(app);
  return app;
}

export async function cleanup(): Promise<void> {
  for (const a of apps.splice(0)) {
    try {
      await a.close();
    } catch {
      /* already closed by the test */
    }
  }
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export interface TestApp {
  dir: string;
  app: App;
  dispatch: Dispatch;
  /** Calls like the renderer; throws (failing the test) when the call is refused. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Calls expecting a refusal; returns the error data. */
  fail(name: string, input: unknown): Promise<ErrorInfo>;
  /** Number of rows in a table, read directly from SQLite. */
  count(table: string): number;
}

export async function openTestApp(opts: OpenOptions & { dir?: string } = {}): Promise<TestApp> {
  const dir = opts.dir ?? tempDir();
  const app = track(await openApp(dir, opts));
  const dispatch = createDispatcher(createHandlers(app), () => {}, makeGuard(app));
  return {
    dir,
    app,
    dispatch,
    async call(name, input) {
      const r = await dispatch(name, input);
      if (!r.ok) throw new Error(`${name} refused: ${r.error.code} ${r.error.message}`);
      return r.value as never;
    },
    async fail(name, input) {
      const r = await dispatch(name, input);
      expect(r.ok, `${name} should have been refused`).toBe(false);
      if (r.ok) throw new Error('unreachable');
      return r.error;
    },
    count(table) {
      return (app.db.raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    },
  };
}

export const OPERATOR = '张三';

/** First-run setup with the Xinshao default and its 15 townships. */
export async function setUpXinshao(t: TestApp, operator = OPERATOR): Promise<void> {
  await t.call('app.setup', {
    countyCode: DEFAULT_COUNTY.code,
    countyName: DEFAULT_COUNTY.name,
    operator,
    townships: DEFAULT_COUNTY.townships,
  });
}

/** A fresh app, set up as Xinshao, with the township list at hand. */
export async function xinshaoApp(opts: OpenOptions = {}) {
  const t = await openTestApp(opts);
  await setUpXinshao(t);
  const townships = await t.call('org.townships.list', {});
  const byCode = (code: string) => townships.find((x) => x.code === code)!;
  return { ...t, townships, byCode };
}

/** A valid 18-digit ID number: area + birth (YYYYMMDD) + 2-digit sequence + gender digit + check char. */
export function idNumber(birth = '19800101', seq = '00', genderDigit = 1, area = '430522'): string {
  const first17 = `${area}${birth}${seq}${genderDigit}`;
  if (first17.length !== 17) throw new Error(`bad test ID prefix ${first17}`);
  return first17 + checkChar(first17);
}

/** The same number with a different (wrong) check character. */
export function withWrongCheck(id: string): string {
  const wrong = id[17] === '0' ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
