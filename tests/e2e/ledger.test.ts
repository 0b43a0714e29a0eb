/**
 * 整改台账 end to end: the home page shows an overdue item; create an item, start it, record
 * progress, attach evidence, submit for checking, try to close without verification (refused
 * beside the field), close with verification, find it under 已销号, export; the monthly tab.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { closeBrowser, completeSetup, openSession, SCREENS, seen, type Session } from './harness';
import { pdfText, pdfToPng } from '../support/pdf';
import { createLedgerItem, today as ledgerToday } from '../../electron/core/ledger/ledger-service';
import { saveTask } from '../../electron/core/ledger/monthly-service';
import { addDays } from '../../shared/ledger/views';

let s: Session | undefined;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-ledger-e2e-'));
afterEach(async () => {
  await s?.close();
  s = undefined;
});
afterAll(async () => {
  await closeBrowser();
  fs.rmSync(temp, { recursive: true, force: true });
});

const dialog = (page: Page) => page.getByRole('dialog');
const nav = (page: Page, name: string) => page.getByRole('navigation').getByText(name, { exact: true }).click();
const drawer = (page: Page) => page.getByTestId('ledger-detail');
/** A view of the segmented control, by its label with the count (e.g. 已逾期 1). */
const viewTab = (page: Page, label: string) => page.getByRole('radiogroup', { name: '台账视图' }).locator('label').filter({ hasText: new RegExp(`^${label}$`) });

describe('整改台账 end to end (Chromium + real services)', { timeout: 180_000 }, () => {
  it('home shows an overdue item; an item goes from 待整改 to 已销号 only with verification; export', async () => {
    const evidence = path.join(temp, '入户核实照片.jpg');
    fs.writeFileSync(evidence, Buffer.alloc(2048, 7));
    // Save dialogs accept the suggested name in the temp folder.
    s = await openSession({ dialogs: { openFile: async () => evidence, saveFile: async (o) => path.join(temp, o.defaultName) } });
    const { page } = s;
    await completeSetup(page);

    // An item entered 30 days ago with a deadline 10 days ago: overdue today.
    const app = s.server.app!;
    const ctx = app.ctx();
    const today = ledgerToday(ctx);
    const past = { ...ctx, now: () => new Date(ctx.now().getTime() - 30 * 86_400_000) };
    await createLedgerItem(past, {
      sourceKind: 'notice',
      sourceText: '市扶贫办通报',
      category: '资金使用',
      description: '产业扶贫项目资金拨付滞后',
      measures: '督促项目单位报账',
      leadUnit: '县财政局',
      responsibleUnit: '严塘镇',
      responsiblePerson: '王五',
      deadline: addDays(today, -10),
    });
    await saveTask(ctx, { month: today.slice(0, 7), title: '上报产业项目进度', unit: '严塘镇', deadline: addDays(today, 2) });

    // The home page loaded before the item existed: go elsewhere and back to read it afresh.
    await nav(page, '组织机构');
    await nav(page, '首页');
    const overdue = page.getByTestId('home-overdue');
    await seen(overdue.getByText('产业扶贫项目资金拨付滞后'));
    await seen(overdue.getByText('逾期 10 天'));
    await seen(page.getByTestId('home-week').getByText('上报产业项目进度'));
    await s.shot('70-home-ledger');
    // The card links to the item.
    await overdue.getByText('产业扶贫项目资金拨付滞后').click();
    await seen(drawer(page).getByText('市扶贫办通报', { exact: false }));
    await page.keyboard.press('Escape');

    await nav(page, '整改台账');
    await seen(viewTab(page, '已逾期 1'));
    // Any part of a row opens its item, not only the description.
    await page.getByRole('row', { name: /产业扶贫项目资金拨付滞后/ }).getByRole('cell').first().click();
    await seen(drawer(page).getByText('市扶贫办通报', { exact: false }));
    await page.keyboard.press('Escape');

    // New item.
    await page.getByRole('button', { name: '新增问题' }).click();
    const form = dialog(page);
    await form.getByLabel(/^问题来源说明/).fill('2026年第三季度督查·酿溪镇');
    await form.getByLabel(/^问题类别/).click();
    await page.getByRole('option', { name: '精准识别', exact: true }).click();
    await form.getByLabel(/^问题描述/).fill('长青村 2 户家庭收入核算漏计务工收入');
    await form.getByLabel(/^整改措施/).fill('重新入户核算收入');
    await form.getByLabel(/^责任单位/).fill('酿溪镇');
    await form.getByLabel(/^责任人/).fill('李四');
    // A deadline before today is refused beside the field.
    await form.getByLabel(/^整改时限/).fill(addDays(today, -1));
    await form.getByRole('button', { name: '保存' }).click();
    await seen(form.getByText('整改时限不能早于今天'));
    await form.getByLabel(/^整改时限/).fill(addDays(today, 15));
    await s.shot('70b-ledger-form');
    await form.getByRole('button', { name: '保存' }).click();

    // The new item opens in the drawer, 待整改.
    await seen(drawer(page).getByText('长青村 2 户家庭收入核算漏计务工收入'));
    await seen(drawer(page).getByText('待整改'));
    await drawer(page).getByRole('button', { name: '开始整改' }).click();
    await dialog(page).last().getByRole('button', { name: '开始整改' }).click();
    await seen(drawer(page).getByText('整改中', { exact: true }));

    await drawer(page).getByLabel('记录进展').fill('已入户核实 1 户');
    await drawer(page).getByRole('button', { name: '记录进展' }).click();
    await seen(drawer(page).getByText('已入户核实 1 户'));

    await drawer(page).getByRole('button', { name: '添加佐证材料' }).click();
    await seen(drawer(page).getByTestId('ledger-evidence').getByText('入户核实照片.jpg'));
    await drawer(page).getByTestId('ledger-evidence').getByRole('button', { name: '打开' }).click();
    await expect.poll(() => s!.opened.length).toBe(1);
    expect(fs.readFileSync(s.opened[0]).equals(fs.readFileSync(evidence))).toBe(true);

    await drawer(page).getByRole('button', { name: '提交验收' }).click();
    await dialog(page).last().getByRole('button', { name: '提交验收' }).click();
    await seen(drawer(page).getByText('待验收', { exact: true }));
    // Only the transitions of 待验收 are offered.
    await expect(drawer(page).getByRole('button', { name: '开始整改' }).count()).resolves.toBe(0);

    // Closing without verification: refused, the message beside the field; still 待验收.
    await drawer(page).getByRole('button', { name: '验收销号' }).click();
    const close = dialog(page).last();
    await close.getByRole('button', { name: '确认销号' }).click();
    await seen(close.getByText('销号前请填写验收意见'));
    await s.shot('71-ledger-close-refused');
    await close.getByLabel(/^验收意见/).fill('抽查 2 户，收入已修正');
    await close.getByRole('button', { name: '确认销号' }).click();
    await seen(close.getByText('销号前请填写验收人'));
    await close.getByLabel(/^验收人/).fill('县督查组');
    await close.getByRole('button', { name: '确认销号' }).click();
    await seen(drawer(page).getByText('已销号', { exact: true }));
    await seen(page.getByTestId('ledger-verification').getByText(/抽查 2 户，收入已修正/));
    await s.shot('72-ledger-drawer-closed');
    await page.keyboard.press('Escape');

    // Under 已销号.
    await viewTab(page, '已销号 1').click();
    await seen(page.getByRole('table').getByText('长青村 2 户家庭收入核算漏计务工收入'));
    await expect(page.getByRole('table').getByText('产业扶贫项目资金拨付滞后').count()).resolves.toBe(0);
    await s.shot('73-ledger-closed-view');

    // Export the 全部 view.
    await viewTab(page, '全部 2').click();
    await seen(page.getByRole('table').getByText('产业扶贫项目资金拨付滞后'));
    await s.shot('74-ledger-all');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    await seen(page.getByText('已导出 2 条'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(temp, '新邵县整改台账-全部.xlsx'));
    const rows = wb.worksheets[0].getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
    expect(rows.map((r) => [r[0], r[3], r[11]])).toEqual([
      [1, '产业扶贫项目资金拨付滞后', '待整改'],
      [2, '长青村 2 户家庭收入核算漏计务工收入', '已销号'],
    ]);

    // The monthly tab with its ranking.
    await page.getByRole('tab', { name: '月度责任分解' }).click();
    await seen(page.getByText('上报产业项目进度'));
    await page.getByRole('button', { name: '标记完成' }).click();
    await dialog(page).getByLabel('完成情况说明').fill('已按时上报');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await seen(page.getByText(`${today} 完成`));
    await seen(page.getByRole('table', { name: /月度考核/ }).getByText('100.0%'));
    await s.shot('75-ledger-monthly');
    await page.getByRole('button', { name: '生成月度通报（PDF）' }).click();
    await seen(page.getByText('已生成月度通报'));
    const bulletin = path.join(temp, `新邵县${Number(today.slice(0, 4))}年${Number(today.slice(5, 7))}月工作责任分解任务完成情况通报.pdf`);
    const text = pdfText(bulletin).replace(/\s+/g, '');
    expect(text).toContain('工作责任分解任务完成情况通报');
    expect(text).toContain('严塘镇（100.0%）');
    pdfToPng(bulletin, path.join(SCREENS, '..', 'ledger-e2e'), { dpi: 40 });
  });
});
