/**
 * 挂图作战 end to end: the village template's live preview (pdf.js in a canvas) follows changes
 * of paper and columns; the exported PDF holds the households and the chosen layout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openSession, seen, type Session } from './harness';
import { openApp } from '../../electron/core/app/app';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { DEFAULT_COUNTY } from '../../shared/domain/org';
import { seedVillage, type FixtureVillage } from '../unit/wallchart-fixture';
import { pdfInfo, pdfText } from '../support/pdf';

let s: Session | undefined;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-wallchart-e2e-'));
afterEach(async () => {
  await s?.close();
  s = undefined;
});
afterAll(async () => {
  await closeBrowser();
  fs.rmSync(temp, { recursive: true, force: true });
});

async function prepare(dir: string): Promise<FixtureVillage> {
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
    return await seedVillage(app, call as never, { households: 40, townshipId: townships.find((t) => t.code === '430522100')!.id });
  } finally {
    await app.close();
  }
}

const canvasPicture = (page: Page) => page.getByTestId('preview-canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL());
const canvasSize = (page: Page) => page.getByTestId('preview-canvas').evaluate((c: HTMLCanvasElement) => ({ w: c.width, h: c.height }));

describe('挂图作战 end to end (Chromium + real services)', { timeout: 180_000 }, () => {
  it('previews the village chart live, follows paper and column changes, exports the PDF', async () => {
    const out = path.join(temp, '长青村挂图.pdf');
    let f: FixtureVillage | undefined;
    s = await openSession({ prepare: async (dir) => void (f = await prepare(dir)), dialogs: { saveFile: async () => out } });
    const { page } = s;
    await page.getByRole('navigation').getByText('挂图作战', { exact: true }).click();
    await seen(page.getByText('村级挂图作战表').first());
    const info = page.getByTestId('preview-info');
    await expect.poll(() => info.textContent(), { timeout: 30_000 }).toBe('第 1 张 / 共 1 张 · 841 × 594 毫米');
    // Wait until pdf.js has drawn something: the canvas has A1 landscape proportions.
    await expect.poll(async () => (await canvasSize(page)).w, { timeout: 15_000 }).toBeGreaterThan(0);
    const a1 = await canvasSize(page);
    expect(a1.w / a1.h).toBeCloseTo(841 / 594, 1);
    await s.shot('wallchart-editor');

    // Paper: A3 portrait.
    await page.getByLabel('纸张').click();
    await page.getByRole('option', { name: 'A3', exact: true }).click();
    await page.getByText('纵向', { exact: true }).click();
    await expect.poll(() => info.textContent(), { timeout: 30_000 }).toBe('第 1 张 / 共 1 张 · 297 × 420 毫米');
    await expect.poll(async () => {
      const c = await canvasSize(page);
      return Math.round((c.h / c.w) * 100) / 100;
    }, { timeout: 15_000 }).toBeCloseTo(420 / 297, 1);

    // Columns: drop 帮扶措施, add 联系电话; the drawing changes.
    const before = await canvasPicture(page);
    await page.getByRole('button', { name: '移除 帮扶措施' }).click();
    await page.getByLabel('添加列').click();
    await page.getByRole('option', { name: '联系电话', exact: true }).click();
    await expect.poll(() => page.getByTestId('columns').textContent()).toContain('联系电话');
    await expect.poll(() => canvasPicture(page), { timeout: 30_000 }).not.toBe(before);
    await s.shot('wallchart-editor-a3');

    // Export: written where the dialog said, with the households, masked phones, the new layout.
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await seen(page.getByText(/已生成 长青村挂图\.pdf：1 张/), 30_000);
    expect(pdfInfo(out)).toMatchObject({ pages: 1, widthMm: 297, heightMm: 420 });
    const text = pdfText(out);
    for (const h of f!.heads.slice(0, 10)) expect(text).toContain(h);
    expect(text).toContain('联系电话');
    expect(text).not.toContain('主要帮扶措施');
    expect(text).not.toContain(f!.headPhone);
    await page.getByRole('button', { name: '打开' }).click();
    await expect.poll(() => s!.opened).toEqual([out]);
  });
});
