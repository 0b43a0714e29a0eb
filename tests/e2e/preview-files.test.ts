/**
 * The preview without injected dialogs, as `npm run preview` runs it: importing asks for a file
 * in the page (a file picker), the chosen workbook is uploaded and imported; exporting hands
 * the browser a download of the written workbook. Chromium + the real services.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { browser, closeBrowser, completeSetup, seen, SCREENS } from './harness';
import { startPreviewServer } from '../../electron/preview/server';
import { writeCountyXlsx } from '../support/roster-xlsx';
import { readTable } from '../../electron/core/files/read-table';

const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-preview-e2e-'));
afterAll(async () => {
  await closeBrowser();
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('preview: files through the browser', { timeout: 180_000 }, () => {
  it('imports a workbook picked in the page and downloads the export', async () => {
    const file = path.join(temp, '新邵县花名册.xlsx');
    await writeCountyXlsx(file, { households: 12, seed: 3 });
    const server = await startPreviewServer({ dataDir: path.join(temp, 'data') });
    const context = await (await browser()).newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    try {
      await page.goto(server.url);
      await completeSetup(page);
      await page.getByRole('navigation').getByText('花名册', { exact: true }).click();
      await page.getByRole('button', { name: '导入', exact: true }).first().click();
      await page.getByRole('dialog').getByRole('button', { name: '选择文件…' }).click();
      // The preview's own picker over the page, titled like the native dialog.
      const picker = page.getByRole('dialog', { name: '选择要导入的花名册' });
      await seen(picker);
      fs.mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENS, '90-preview-file-picker.png') });
      await picker.locator('input[type=file]').setInputFiles(file);
      await seen(page.getByText('表头在第 1 行'));
      await page.getByRole('button', { name: '下一步：核对代码值' }).click();
      await seen(page.getByText('目前尚未写入任何数据', { exact: false }));
      await page.getByRole('button', { name: /^确认导入/ }).click();
      await seen(page.getByText('导入完成'));
      await page.getByRole('button', { name: '完成' }).click();
      await seen(page.getByText('共 12 户'));

      // Export: the browser downloads the workbook under the dialog's default name.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: '导出', exact: true }).click();
      const d = await download;
      expect(d.suggestedFilename()).toBe('新邵县贫困人口花名册.xlsx');
      const saved = path.join(temp, d.suggestedFilename());
      await d.saveAs(saved);
      const table = await readTable(saved);
      let rows = 0;
      for await (const _ of table.rows()) rows++;
      await table.close();
      const persons = Number(server.app!.db.raw.prepare('SELECT count(*) FROM person').pluck().get());
      expect(persons).toBeGreaterThan(12);
      expect(rows).toBe(persons + 1); // a header and one row per person
      await seen(page.getByText(`已导出 12 户 ${persons} 人`));
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
