/**
 * End-to-end harness: the built renderer served by the preview server in THIS Node process,
 * so `window.api` reaches the real services (same createApi as the Electron preload), in
 * Debian's Chromium driven by playwright-core. A fresh temporary data folder per test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startPreviewServer, type PreviewServer } from '../../electron/preview/server';
import { launchChromium } from '../support/browser';
import { noDialogs, type Dialogs } from '../../electron/core/app/dialogs';
import { createFirstAdmin } from '../../electron/core/auth/auth-service';

export const SCREENS = path.resolve(import.meta.dirname, '..', '..', 'test-output', 'screens');

export interface Session {
  server: PreviewServer;
  page: Page;
  dataDir: string;
  /** Files the app asked the system to open (exported PDFs, evidence), in order. */
  opened: string[];
  /** Saves a full-page PNG under test-output/screens. */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

let shared: { browser: Browser; close: () => Promise<void> } | undefined;

export async function browser(): Promise<Browser> {
  shared ??= await launchChromium();
  return shared.browser;
}

export async function closeBrowser(): Promise<void> {
  await shared?.close();
  shared = undefined;
}

/**
 * `prepare` builds a data folder through the services, without accounts (an office from before
 * accounts): its administrator is created and signed in before the page opens, unless
 * `noAccounts` (the test of that first-start screen itself).
 */
export async function openSession(opts: { dataDir?: string; prepare?: (dir: string) => void | Promise<void>; dialogs?: Partial<Dialogs>; noAccounts?: boolean } = {}): Promise<Session> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-e2e-'));
  const dataDir = opts.dataDir ?? path.join(root, 'data');
  await opts.prepare?.(dataDir);
  const opened: string[] = [];
  const dialogs: Dialogs = { ...noDialogs, openPath: async (file) => void opened.push(file), ...opts.dialogs };
  const server = await startPreviewServer({ dataDir, dialogs });
  if (server.app && !opts.noAccounts && (await server.app.status()).ready && !server.app.auth.hasAccounts) {
    await createFirstAdmin(server.app, { login: ADMIN.login, name: (await server.app.status()).operator ?? '张三', password: ADMIN.password });
  }
  const context = await (await browser()).newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  fs.mkdirSync(SCREENS, { recursive: true });
  return {
    server,
    page,
    dataDir,
    opened,
    shot: async (name) => {
      await page.waitForTimeout(400); // let fades and transitions settle: the picture shows the steady screen
      await page.screenshot({ path: path.join(SCREENS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await context.close();
      await server.close();
      fs.rmSync(root, { recursive: true, force: true });
      if (problems.length) throw new Error(`page errors: ${problems.join(' | ')}`);
    },
  };
}

/** Completes first-run setup through the UI with the Xinshao defaults. */
/** The administrator account completeSetup creates (login, password). */
export const ADMIN = { login: 'admin', password: 'Xinshao#2017' };

export async function completeSetup(page: Page, operator = '张三'): Promise<void> {
  await page.getByLabel('操作员姓名').fill(operator);
  await page.getByLabel(/^密码/).fill(ADMIN.password);
  await page.getByLabel(/^再次输入密码/).fill(ADMIN.password);
  await page.getByRole('button', { name: '完成设置' }).click();
  await page.getByRole('navigation').getByText('组织机构').waitFor();
}

/** Waits until some element matching the locator is visible; fails the test (naming the locator) if none is. */
export async function seen(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.filter({ visible: true }).first().waitFor({ state: 'visible', timeout });
}
