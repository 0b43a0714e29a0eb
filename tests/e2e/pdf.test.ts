/**
 * PDF printouts end to end: 导出 PDF on the roster list (the save dialog answers with a temp
 * path), the file checked with poppler, 打开 recorded, and the notice naming the person whose
 * name has a character the font lacks; then 打印明白卡 on the household page.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, seen, type Session } from './harness';
import { cardVillage, IDS } from '../unit/pdf-fixture';
import { cleanup } from '../unit/helpers/app';
import { pdfInfo, pdfPages, pdfToPng } from '../support/pdf';

let s: Session | undefined;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-pdf-e2e-'));
afterEach(async () => {
  await s?.close();
  s = undefined;
});
afterAll(async () => {
  await closeBrowser();
  await cleanup();
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('PDF printouts (Chromium + real services)', { timeout: 120_000 }, () => {
  it('exports the roster PDF from the list and prints a household card', async () => {
    const saved: string[] = [];
    let next = path.join(temp, '花名册.pdf');
    s = await openSession({
      prepare: async (dir) => {
        const t = await cardVillage(dir);
        await t.app.close();
      },
      dialogs: {
        saveFile: async ({ defaultName }) => {
          saved.push(defaultName);
          return next;
        },
      },
    });
    const { page } = s;
    // 设置 → 公文与公示: the complaint phone the public version prints (a wrong one is refused in words).
    await page.getByRole('navigation').getByText('设置', { exact: true }).click();
    const phone = page.getByRole('textbox', { name: /监督电话/ });
    await phone.fill('12ab');
    await page.getByRole('button', { name: '保存公文设置' }).click();
    await seen(page.getByText(/监督电话应为 7 到 20 位数字/));
    await phone.fill('0739-3621234');
    await page.getByRole('button', { name: '保存公文设置' }).click();
    await seen(page.getByText('已保存'));
    await s.shot('59-settings-documents');
    await page.getByRole('navigation').getByText('花名册', { exact: true }).click();
    await seen(page.getByText('共 2 户'));
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await page.getByRole('menuitem', { name: /公示版/ }).click();
    // The notice period, asked before writing (default from today for 7 days).
    await page.getByLabel(/公示开始日期/).fill('2026-12-03');
    await page.getByLabel(/公示结束日期/).fill('2026-12-09');
    await page.getByRole('button', { name: '生成' }).click();
    await seen(page.getByText('已生成花名册 PDF：2 户 7 人，共 1 页'));
    await seen(page.getByTestId('pdf-missing').getByText('王𠮷祥（户编号 430522100201000002）：𠮷'));
    await s.shot('60-roster-pdf-exported');
    expect(saved[0]).toBe('新邵县贫困人口花名册（公示版）.pdf');
    expect(pdfInfo(next)).toMatchObject({ pages: 1, widthMm: 297, heightMm: 210 });
    const text = pdfPages(next)[0];
    expect(text).toContain('陈德明');
    expect(text).toContain('长青村 小计：2 户 7 人');
    expect(text).not.toContain(IDS.head);
    expect(text.replace(/\s+/g, '')).toContain('公示期：2026年12月3日至2026年12月9日。如有异议，请在公示期内向新邵县脱贫攻坚领导小组办公室反映。监督电话：0739-3621234');
    pdfToPng(next, 'test-output/pdf', { dpi: 50 });
    await page.getByRole('button', { name: '打开' }).first().click();
    await expect.poll(() => s!.opened).toEqual([next]);

    // The household page: 打印明白卡.
    next = path.join(temp, '明白卡.pdf');
    await page.getByText('陈德明', { exact: true }).first().click();
    await page.getByRole('button', { name: '打印明白卡' }).click();
    await seen(page.getByText('已生成扶贫明白卡：1 户，共 1 页'));
    await s.shot('61-household-card-printed');
    expect(saved[1]).toBe('陈德明扶贫明白卡.pdf');
    expect(pdfPages(next)[0]).toContain('建档立卡贫困户扶贫明白卡');
  });
});
