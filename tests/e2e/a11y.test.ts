/**
 * Accessibility: axe-core (the pinned devDependency) runs inside the real renderer in Chromium
 * over the main screens and dialogs, in Chinese and English. No serious or critical violation
 * may remain (colour contrast, names of buttons, menus with their items, keyboard reach...).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openSession, seen, type Session } from './harness';
import { openApp } from '../../electron/core/app/app';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { DEFAULT_COUNTY } from '../../shared/domain/org';
import { seedVillage } from '../unit/wallchart-fixture';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});
afterAll(closeBrowser);

async function prepare(dir: string): Promise<void> {
  const app = await openApp(dir);
  try {
    const dispatch = createDispatcher(createHandlers(app), () => {});
    const call = async (name: string, input: unknown) => {
      const r = await dispatch(name as never, input as never);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as never;
    };
    await call('app.setup', { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: '张三', townships: DEFAULT_COUNTY.townships });
    await app.refresh();
    const townships: { id: string; code: string }[] = await call('org.townships.list', {});
    await seedVillage(app, call as never, { households: 12, townshipId: townships.find((t) => t.code === '430522100')!.id });
  } finally {
    await app.close();
  }
}

interface Found {
  screen: string;
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** Runs axe over the whole document and returns the serious and critical violations. */
async function audit(page: Page, screen: string): Promise<Found[]> {
  await page.waitForTimeout(450); // transitions done: contrast is measured on the steady colours
  const has = await page.evaluate(() => 'axe' in window);
  if (!has) await page.evaluate(axeSource); // through the devtools protocol: the page CSP (script-src self) stays on
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} :: ${n.failureSummary.split('\n').slice(1, 2).join(' ')}`) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ screen, ...v }));
}

async function visit(page: Page, hash: string, ready: () => Promise<void>): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await ready();
}

async function closeDialog(page: Page): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (let i = 0; i < 3 && (await dialog.count()); i++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
  }
  await dialog.waitFor({ state: 'detached' });
}

const report = (found: Found[]) => found.map((f) => `[${f.screen}] ${f.id} (${f.impact}): ${f.help}\n    ${f.nodes.join('\n    ')}`).join('\n');

describe('accessibility: axe-core over the screens and dialogs (Chromium + real services)', { timeout: 300_000 }, () => {
  it('the first-run setup screen has no serious or critical violation', async () => {
    s = await openSession();
    await seen(s.page.getByText('430522203 迎光乡'));
    const found = await audit(s.page, 'setup');
    expect(report(found)).toBe('');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`the main screens and dialogs have no serious or critical violation (${lang})`, async () => {
      s = await openSession({ prepare });
      const { page } = s;
      const found: Found[] = [];
      const nav = page.getByRole('navigation');
      await seen(nav.getByText('首页', { exact: true }));
      if (lang === 'en') {
        await visit(page, '#/settings', () => seen(page.getByText('English', { exact: true })));
        await page.getByText('English', { exact: true }).click();
        await seen(nav.getByText('Roster', { exact: true }));
      }
      const T = (zh: string, en: string) => (lang === 'zh' ? zh : en);

      await visit(page, '#/home', () => seen(page.getByTestId('count-townships')));
      found.push(...(await audit(page, 'home')));

      await visit(page, '#/roster', () => seen(page.getByRole('table').getByRole('link')));
      found.push(...(await audit(page, 'roster')));

      // 导出 PDF menu, opened.
      await page.getByRole('button', { name: T('导出 PDF', 'Export PDF') }).first().click();
      await seen(page.getByRole('menu'));
      found.push(...(await audit(page, 'pdf-menu')));
      await page.keyboard.press('Escape');

      for (const tab of [T('按村统计', 'By village'), T('疑点核查', 'Checks')]) {
        const t = page.getByRole('tab', { name: tab });
        if (await t.count()) {
          await t.click();
          found.push(...(await audit(page, `roster-${tab}`)));
        }
      }

      await visit(page, '#/roster', () => seen(page.getByRole('table').getByRole('link')));
      await page.getByRole('table').getByRole('link').first().click();
      const statusButton = page.getByRole('button', { name: T('变更状态', 'Change status') });
      await seen(statusButton);
      found.push(...(await audit(page, 'household')));

      await statusButton.click();
      await seen(page.getByRole('dialog'));
      found.push(...(await audit(page, 'status-dialog')));
      await closeDialog(page);

      await page.getByRole('button', { name: T('新增措施', 'Add measure') }).click();
      await seen(page.getByRole('dialog'));
      found.push(...(await audit(page, 'measure-dialog')));
      await closeDialog(page);

      // 导入 wizard, first step.
      await visit(page, '#/roster', () => seen(page.getByRole('table').getByRole('link')));
      await page.getByRole('button', { name: T('导入', 'Import'), exact: true }).first().click();
      await seen(page.getByRole('dialog'));
      found.push(...(await audit(page, 'import-wizard')));
      await closeDialog(page);

      await visit(page, '#/wallcharts', () => seen(page.getByTestId('preview-info')));
      found.push(...(await audit(page, 'wallcharts')));

      await visit(page, '#/inspections', () => seen(page.getByRole('tab').first()));
      found.push(...(await audit(page, 'inspections')));
      await visit(page, '#/inspections/templates', () => seen(page.getByRole('tab').first()));
      found.push(...(await audit(page, 'inspection-templates')));

      await visit(page, '#/ledger', () => seen(page.getByRole('tab').first()));
      found.push(...(await audit(page, 'ledger')));
      await visit(page, '#/ledger/monthly', () => seen(page.getByRole('tab').first()));
      found.push(...(await audit(page, 'ledger-monthly')));

      for (const tab of ['townships', 'villages', 'units', 'cadres', 'teams']) {
        await visit(page, `#/org/${tab}`, () => seen(page.getByRole('tab').first()));
        found.push(...(await audit(page, `org-${tab}`)));
      }

      await visit(page, '#/audit', () => seen(page.getByRole('table', { name: T('审计日志', 'Audit log') }).getByRole('link').first()));
      found.push(...(await audit(page, 'audit-log')));

      await visit(page, '#/settings', () => seen(page.getByText('English', { exact: true })));
      found.push(...(await audit(page, 'settings')));
      const tabs = page.getByRole('tab');
      for (let i = 1; i < (await tabs.count()); i++) {
        await tabs.nth(i).click();
        found.push(...(await audit(page, `settings-tab-${i}`)));
      }
      await s.shot(`a11y-settings-${lang}`);

      expect(report(found)).toBe('');
    });
  }
});
