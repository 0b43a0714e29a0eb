/**
 * The first thing an office does: import its own national export, written as the national
 * system writes it (household fields blank on member rows, the phone on the head's row only,
 * 2017-era 「已脱贫」, 「五保户」, 「家庭人均纯收入(元)」, amounts as 「3,200元」, an extra 备注 column),
 * through the real screens in Chromium; then the home page must show the file's own totals.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, completeSetup, openSession, seen, type Session } from './harness';
import { realisticExport } from '../support/realistic-export';
import { writeXlsx } from '../../electron/core/files/xlsx-write';

let s: Session | undefined;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-import-real-'));
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
const HOUSEHOLDS = 120;

async function importThroughScreens(page: Page, s: Session, shots: string) {
  await nav(page, '花名册');
  await page.getByRole('button', { name: '导入', exact: true }).first().click();
  await dialog(page).getByRole('button', { name: '选择文件…' }).click();
  await seen(dialog(page).getByText('表头在第 1 行'));
  // Headers with units are matched; the extra column is shown as not imported.
  await expect(dialog(page).getByLabel('「家庭人均纯收入(元)」导入为').inputValue()).resolves.toBe('人均纯收入');
  await expect(dialog(page).getByLabel('「人数（人）」导入为').inputValue()).resolves.toBe('人数');
  await expect(dialog(page).getByLabel('「身份证号码」导入为').inputValue()).resolves.toBe('证件号码 *');
  await expect(dialog(page).getByLabel('「备注」导入为').inputValue()).resolves.toBe('不导入');
  await seen(dialog(page).getByText('有 1 列不导入', { exact: false }));
  await s.shot(`${shots}-mapping`);
  await dialog(page).getByRole('button', { name: '下一步：核对代码值' }).click();

  // 值对照: each legacy value once, with its count and the suggested entry.
  const values = dialog(page).getByRole('table', { name: '代码值对照' });
  await seen(values);
  await seen(values.getByRole('row', { name: /脱贫属性\s*已脱贫/ }));
  await expect(values.getByLabel('「已脱贫」记为').inputValue()).resolves.toBe('已脱贫(享受政策)');
  await expect(values.getByLabel('「五保户」记为').inputValue()).resolves.toBe('特困供养贫困户');
  await expect(values.getByRole('row').count()).resolves.toBe(3); // header + 2 values
  await s.shot(`${shots}-values`);
  await dialog(page).getByRole('button', { name: '下一步：预览' }).click();
  await seen(dialog(page).getByText('目前尚未写入任何数据', { exact: false }));
  await seen(dialog(page).getByText('已按代码值对照替换'));
  // Blank household fields on member rows are not differences.
  await expect(dialog(page).getByText('与同户第一行不一致', { exact: false }).count()).resolves.toBe(0);
  await s.shot(`${shots}-preview`);
  await dialog(page).getByRole('button', { name: /^确认导入/ }).click();
  await seen(dialog(page).getByText('导入完成'));
  await dialog(page).getByRole('button', { name: '完成' }).click();
  await dialog(page).waitFor({ state: 'detached' });
}

/** The same export saved as .xls by LibreOffice (made from realisticExport({ households: 120, seed: 2017 })). */
const XLS_COPY = path.resolve(import.meta.dirname, '..', 'fixtures', 'xls', 'realistic-export.xls');

describe('importing a realistic national export (Chromium + real services)', { timeout: 180_000 }, () => {
  it.each([
    ['xlsx', '60-import-real'],
    ['xls', '62-import-real-xls'],
  ])('from %s: maps headers and legacy values, reports no false differences, and the home page shows the file’s totals', async (kind, shots) => {
    const x = realisticExport({ households: HOUSEHOLDS, seed: 2017 });
    let file = XLS_COPY;
    if (kind === 'xlsx') {
      file = path.join(temp, '全国系统导出-花名册.xlsx');
      await writeXlsx(file, [{ name: '贫困人口花名册', columns: x.headers.map((h) => ({ header: h })), rows: x.rows }], { sharedStrings: false });
    }
    s = await openSession({ dialogs: { openFile: async () => file } });
    const { page } = s;
    await completeSetup(page);
    await importThroughScreens(page, s, shots);

    await nav(page, '首页');
    await seen(page.getByTestId('roster-households').getByText(String(x.expected.households), { exact: true }));
    await seen(page.getByTestId('roster-persons').getByText(String(x.expected.persons), { exact: true }));
    await seen(page.getByTestId('roster-exited').getByText(String(x.expected.exited), { exact: true }));
    await seen(page.getByTestId('roster-remaining').getByText(String(x.expected.remaining), { exact: true }));
    await s.shot(`${shots}-home`);

    // Every household's income came in (from 「家庭人均纯收入(元)」, text amounts included).
    const app = s.server.app!;
    const withIncome = (await app.db.kysely.selectFrom('household').select('id').where('reported_income_fen', 'is not', null).execute()).length;
    expect(withIncome).toBe(x.expected.households);
    const statuses = (await app.db.kysely.selectFrom('household').select('status').distinct().execute()).map((r) => r.status).sort();
    expect(statuses).not.toContain('已脱贫');
    const attributes = (await app.db.kysely.selectFrom('household').select('attribute').distinct().execute()).map((r) => r.attribute);
    expect(attributes).not.toContain('五保户');
    // The phone, written on the head's row only, is the household's.
    const phones = (await app.db.kysely.selectFrom('household').select('id').where('phone', '!=', '').execute()).length;
    expect(phones).toBe(x.expected.households);
    // Every name and ID as in the source.
    const persons = new Map((await app.db.kysely.selectFrom('person').select(['id_number', 'name']).execute()).map((p) => [p.id_number, p.name]));
    expect(persons.size).toBe(x.expected.persons);
    for (const r of x.rows) expect(persons.get(r[7])).toBe(r[6]);
  });
});
