/**
 * 花名册 end to end: import a generated national-layout workbook (one row with a bad ID check
 * digit), confirm the mapping, preview, commit; fix the rejected household in the form; find it
 * by the last 6 ID digits; export. Then the household page, data checks and settings.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, completeSetup, openSession, seen, type Session } from './harness';
import { countyRows } from '../support/synthetic-county';
import { writeCountyXlsx, writeRosterXlsx } from '../support/roster-xlsx';
import { checkChar, maskIdNumber } from '../../shared/rules/id-number';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { saveCadre } from '../../electron/core/org/people-service';
import { savePairing } from '../../electron/core/roster/household-service';
import { saveVillage } from '../../electron/core/org/divisions-service';
import { rosterTotals } from '../../electron/core/roster/roster-service';

let s: Session | undefined;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-roster-e2e-'));
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
async function pick(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByLabel(new RegExp(`^${label}( \\*)?$`)).click(); // a required field's label ends in ' *'
  await page.getByRole('option', { name: option, exact: true }).click();
}

// Column indexes of the national layout (NATIONAL_HEADERS).
const C = { township: 1, village: 2, group: 3, number: 4, name: 6, id: 7, size: 8, relation: 9 };
const HOUSEHOLDS = 20;

/**
 * The generated county with the head of a small household given a wrong check digit. That
 * household is moved into the village of another household of its township, so the village
 * exists after the import and the household can be added by hand there.
 */
function workbookRows() {
  const rows = [...countyRows({ households: HOUSEHOLDS, seed: 7 })].map((r) => [...r]);
  const heads = rows.filter((r) => r[C.relation] === '户主');
  const head = heads.find((h) => Number(h[C.size]) <= 2 && heads.some((o) => o !== h && o[C.township] === h[C.township]))!;
  const other = heads.find((o) => o !== head && o[C.township] === head[C.township])!;
  const members = rows.filter((r) => r[C.number] === head[C.number]);
  for (const m of members) m[C.village] = other[C.village];
  const goodId = head[C.id];
  const wrong = goodId.slice(0, 17) + (goodId[17] === '0' ? '1' : '0');
  const household = members.map((m) => [...m]);
  head[C.id] = wrong;
  return { rows, badRow: rows.indexOf(head) + 2, household, goodId, wrongId: wrong, persons: rows.length };
}

describe('花名册 end to end (Chromium + real services)', { timeout: 180_000 }, () => {
  it('imports a workbook, fixes the rejected household in the form, finds it by ID suffix and exports', async () => {
    const w = workbookRows();
    const file = path.join(temp, '新邵县花名册.xlsx');
    await writeRosterXlsx(file, w.rows);
    const exported = path.join(temp, '导出.xlsx');
    const errorsFile = path.join(temp, '未导入的行.xlsx');
    let saveTo = exported;
    s = await openSession({ dialogs: { openFile: async () => file, saveFile: async () => saveTo } });
    const { page } = s;
    await completeSetup(page);

    await nav(page, '花名册');
    await seen(page.getByText('花名册中还没有贫困户'));
    await s.shot('30-roster-empty');

    // 导入: pick → mapping (detected from the headers) → preview.
    await page.getByRole('button', { name: '导入', exact: true }).first().click();
    await dialog(page).getByRole('button', { name: '选择文件…' }).click();
    await seen(dialog(page).getByText('表头在第 1 行'));
    await expect(dialog(page).getByLabel('「证件号码」导入为').inputValue()).resolves.toBe('证件号码 *');
    await expect(dialog(page).getByLabel('「行政县」导入为').inputValue()).resolves.toBe('行政县');
    await s.shot('31-roster-import-mapping');
    await dialog(page).getByRole('button', { name: '下一步：核对代码值' }).click();
    await seen(dialog(page).getByText('目前尚未写入任何数据', { exact: false }));
    const counts = dialog(page).getByTestId('import-counts');
    const hhRow = counts.getByRole('row', { name: /^户/ });
    await expect(hhRow.getByRole('cell').nth(0).textContent()).resolves.toBe(String(HOUSEHOLDS - 1));
    await expect(hhRow.getByRole('cell').nth(3).textContent()).resolves.toBe('1');
    await seen(dialog(page).getByRole('button', { name: `第 ${w.badRow} 行`, exact: true }).first());
    // 定位到行: the row's own findings.
    await dialog(page).getByRole('button', { name: `第 ${w.badRow} 行`, exact: true }).first().click();
    await seen(dialog(page).getByText(`第 ${w.badRow} 行的问题`));
    await seen(dialog(page).getByText('校验位', { exact: false }));
    await s.shot('32-roster-import-preview');
    expect(await s.server.app!.db.kysely.selectFrom('household').select('id').execute()).toHaveLength(0);

    // The rejected rows can be saved for correction.
    saveTo = errorsFile;
    await dialog(page).getByRole('button', { name: '保存错误行…' }).click();
    await seen(page.getByText('已保存错误行', { exact: false }));
    expect(fs.existsSync(errorsFile)).toBe(true);
    saveTo = exported;

    await dialog(page).getByRole('button', { name: /^确认导入/ }).click();
    await seen(dialog(page).getByText('导入完成'));
    await s.shot('33-roster-import-done');
    await dialog(page).getByRole('button', { name: '完成' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByText(`共 ${HOUSEHOLDS - 1} 户`));
    const imported = await s.server.app!.db.kysely.selectFrom('household').select('id').execute();
    expect(imported).toHaveLength(HOUSEHOLDS - 1);
    await s.shot('34-roster-list');

    // Fix the rejected household by hand: the form checks the ID as you type.
    const [head, ...others] = w.household;
    await page.getByRole('button', { name: '新增户' }).first().click();
    const form = dialog(page);
    await pick(page, form, '乡镇', head[C.township]);
    await pick(page, form, '行政村', head[C.village]);
    await form.getByLabel('户编号', { exact: false }).fill(head[C.number]);
    await form.getByLabel('自然村/组').fill(head[C.group]);
    const m1 = form.getByRole('group', { name: '成员 1' });
    await m1.getByLabel('姓名').fill(head[C.name]);
    const idInput = m1.getByLabel('身份证号码');
    await idInput.fill(w.wrongId);
    await seen(m1.getByText('身份证号码校验位不正确，请核对'));
    await s.shot('35-roster-form-bad-id');
    await idInput.fill(w.goodId.toLowerCase());
    await seen(m1.getByText(/^\d{4}-\d{2}-\d{2} · [男女]$/));
    for (const [i, o] of others.entries()) {
      await form.getByRole('button', { name: '添加成员' }).click();
      const m = form.getByRole('group', { name: `成员 ${i + 2}` });
      await m.getByLabel('姓名').fill(o[C.name]);
      await m.getByLabel('身份证号码').fill(o[C.id]);
      await pick(page, m, '与户主关系', o[C.relation]);
    }
    // Choosing the option already chosen keeps it (it used to clear the field to —).
    await pick(page, m1, '健康状况', '健康');
    await pick(page, m1, '健康状况', '健康');
    await expect(m1.getByLabel(/^健康状况/).inputValue()).resolves.toBe('健康');
    await s.shot('36-roster-form');

    // The server's refusals land at their inputs: a household number in use, then a person
    // registered in another household (with a link to it).
    const takenBy = w.rows.find((r) => r[C.number] !== head[C.number] && r[C.relation] === '户主')!;
    const numberInput = form.getByLabel('户编号', { exact: false });
    await numberInput.fill(takenBy[C.number]);
    await form.getByRole('button', { name: '保存' }).click();
    await seen(form.getByText(`户编号 ${takenBy[C.number]} 已被户主为「${takenBy[C.name]}」的户使用`));
    await numberInput.fill(head[C.number]);
    const extra = others.length + 2;
    await form.getByRole('button', { name: '添加成员' }).click();
    const mx = form.getByRole('group', { name: `成员 ${extra}` });
    await mx.getByLabel('姓名').fill(takenBy[C.name]);
    await mx.getByLabel('身份证号码').fill(takenBy[C.id]);
    await pick(page, mx, '与户主关系', '其他');
    await form.getByRole('button', { name: '保存' }).click();
    await seen(mx.getByText(`此人已登记在户 ${takenBy[C.number]}（户主 ${takenBy[C.name]}），一人只能在一户`));
    await seen(mx.getByRole('link', { name: `打开户 ${takenBy[C.number]} →` }));
    await s.shot('36b-roster-form-person-elsewhere');
    await form.getByRole('button', { name: `移除成员 ${extra}` }).click();
    await form.getByRole('button', { name: '保存' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByRole('heading', { name: `${head[C.name]}户` }));
    await seen(page.getByRole('cell', { name: w.goodId, exact: true }));
    await s.shot('37-roster-household-new');

    // Find it from the list by the last 6 digits of the ID number: the list filters, and the
    // dropdown lists the persons found (other people may share the 6 digits).
    await page.getByRole('link', { name: /返回花名册/ }).click();
    const search = page.getByLabel('搜索', { exact: true });
    await search.fill(w.goodId.slice(-6));
    await seen(page.getByRole('link', { name: head[C.number], exact: true }));
    const hit = page.getByRole('option', { name: new RegExp(`^${head[C.name]}`) });
    await seen(hit);
    // The dropdown masks ID numbers as the list does.
    await expect(hit.textContent()).resolves.toContain(maskIdNumber(w.goodId));
    await expect(hit.textContent()).resolves.not.toContain(w.goodId);
    await s.shot('38-roster-search-suffix');
    // Retyped: the previous text's hits go at once, and ↓ Enter does not open their household.
    await search.fill('查无此人');
    await expect(page.getByRole('option').count()).resolves.toBe(0);
    await search.press('ArrowDown');
    await search.press('Enter');
    await expect(page.getByRole('heading', { name: `${head[C.name]}户` }).count()).resolves.toBe(0);
    await search.fill(w.goodId.slice(-6));
    await seen(hit);
    await hit.click();
    await seen(page.getByRole('heading', { name: `${head[C.name]}户` }));
    await page.getByRole('link', { name: /返回花名册/ }).click();
    await search.fill('');

    // Export everything (the save dialog answers with a temp path).
    await seen(page.getByText(`共 ${HOUSEHOLDS} 户`));
    await page.getByRole('button', { name: '导出', exact: true }).click();
    await seen(page.getByText(`已导出 ${HOUSEHOLDS} 户 ${w.persons} 人`));
    await s.shot('39-roster-exported');
    expect(fs.statSync(exported).size).toBeGreaterThan(1000);
  });

  it('household page: income in yuan, a measure, a paired cadre, a status change, delete; checks, villages, settings', async () => {
    const file = path.join(temp, 'county-30.xlsx');
    await writeCountyXlsx(file, { households: 30, seed: 11 });
    s = await openSession();
    const { page } = s;
    await completeSetup(page);
    const app = s.server.app!;
    const ctx = app.ctx();
    const { token } = await previewImport(ctx, file);
    await commitImport(ctx, token);
    const cadreId17 = '43052219800101003';
    const cadre = await saveCadre(ctx, { name: '刘建华', gender: '男', idNumber: cadreId17 + checkChar(cadreId17), unit: '县农业农村局', post: '科员', phone: '13907390001' });
    // One pairing entered (the last household): 未落实帮扶责任人 is checked on the others.
    const last = await app.db.kysely.selectFrom('household').select('id').orderBy('number', 'desc').executeTakeFirstOrThrow();
    await savePairing(ctx, { householdId: last.id, cadreId: cadre.id, startDate: '2016-03-01', endDate: null });
    const village = await app.db.kysely.selectFrom('village').selectAll().orderBy('code').executeTakeFirstOrThrow();
    await saveVillage(ctx, { id: village.id, townshipId: village.township_id, code: village.code, name: village.name, isPoor: true, population: 1200 });

    await nav(page, '花名册');
    await seen(page.getByText('共 30 户'));

    // Columns: picked in a popover, remembered after a reload; a header sorts.
    await page.getByRole('button', { name: '显示列' }).click();
    await page.getByRole('checkbox', { name: '户主身份证号码' }).check();
    await page.getByRole('checkbox', { name: '帮扶责任人' }).uncheck();
    await s.shot('40a-roster-columns');
    await page.keyboard.press('Escape');
    await page.reload();
    await seen(page.getByRole('columnheader', { name: '户主身份证号码' }));
    expect(await page.getByRole('columnheader', { name: '帮扶责任人' }).count()).toBe(0);
    await page.getByRole('columnheader', { name: /人数/ }).getByRole('button').click();
    await page.getByRole('columnheader', { name: /人数/ }).getByRole('button').click();
    await seen(page.locator('th[aria-sort="descending"]', { hasText: '人数' }));
    const sizes = await page.locator('tbody tr[aria-rowindex] td:nth-child(6)').allTextContents();
    expect(sizes.slice(0, 5).map(Number)).toEqual([...sizes.slice(0, 5).map(Number)].sort((a, b) => b - a));

    await page.getByRole('tab', { name: '按村统计' }).click();
    await seen(page.getByRole('cell', { name: /^\d+\.\d{2}%$/ }));
    await s.shot('40-roster-villages');

    // 疑点核查: run, then the households of one rule.
    await page.getByRole('tab', { name: '疑点核查' }).click();
    await page.getByRole('button', { name: '运行核查' }).click();
    await seen(page.getByText(/上次核查：/));
    await page.getByRole('button', { name: '未落实帮扶责任人' }).click();
    await seen(page.getByText(/未落实帮扶责任人：29 户/));
    await s.shot('41-roster-checks');
    const firstLink = page.getByRole('table').last().getByRole('link').first();
    const number = (await firstLink.textContent())!;
    await firstLink.click();
    await seen(page.getByRole('button', { name: '变更状态' }));
    const hh = await app.db.kysely.selectFrom('household').selectAll().where('number', '=', number).executeTakeFirstOrThrow();

    // Income: typed in yuan, stored in fen; a bad amount is refused at the input.
    await page.getByRole('button', { name: '新增年度收入' }).click();
    await pick(page, dialog(page), '年度', '2019');
    await dialog(page).getByLabel('生产经营性收入').fill('1,200.5');
    await dialog(page).getByLabel('工资性收入').fill('8OO');
    await dialog(page).getByLabel('转移性收入').click();
    await seen(dialog(page).getByText('金额「8OO」无法识别', { exact: false }));
    await dialog(page).getByLabel('工资性收入').fill('800');
    await dialog(page).getByLabel('生产经营性支出').fill('100.25');
    await s.shot('42-roster-income-form');
    await dialog(page).getByLabel('生产经营性支出').press('Enter');
    await dialog(page).waitFor({ state: 'detached' });
    const income = await app.db.kysely.selectFrom('income').selectAll().where('household_id', '=', hh.id).executeTakeFirstOrThrow();
    expect(income).toMatchObject({ year: 2019, production_fen: 120050, wage_fen: 80000, cost_fen: 10025 });
    await seen(page.getByRole('cell', { name: '1,200.50' }));
    await seen(page.getByRole('cell', { name: '3,218' })); // the 2019 poverty line

    // A measure and a paired cadre (searchable picker).
    await page.getByRole('button', { name: '新增措施' }).click();
    await pick(page, dialog(page), '措施类别', '产业扶贫');
    await dialog(page).getByLabel(/^措施内容/).fill('发放油茶苗 200 株');
    await dialog(page).getByLabel('金额').fill('1500');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByRole('cell', { name: '发放油茶苗 200 株' }));
    await page.getByRole('button', { name: '结对帮扶' }).click();
    await dialog(page).getByLabel(/^帮扶责任人/).fill('刘建');
    await page.getByRole('option', { name: /刘建华/ }).click();
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByRole('cell', { name: '刘建华' }));

    // Edit the household: the form opens filled in; Enter saves.
    await page.getByRole('button', { name: '编辑', exact: true }).first().click();
    await seen(dialog(page).getByRole('group', { name: '成员 1' }));
    await expect(dialog(page).getByLabel('户编号', { exact: false }).inputValue()).resolves.toBe(number);
    const phone = dialog(page).getByLabel('联系电话').first();
    await phone.fill('0739-3621234');
    await s.shot('42b-roster-household-edit');
    await phone.press('Enter');
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByRole('cell', { name: '0739-3621234' }));

    // Status change with an effective date and a note: kept in the history. A date before the
    // latest entry (the import's, dated the day of the import) is refused, naming that date.
    const latest = (await app.db.kysely
      .selectFrom('household_status')
      .select((eb) => eb.fn.max('effective_date').as('d'))
      .where('household_id', '=', hh.id)
      .executeTakeFirstOrThrow()).d as string;
    await page.getByRole('button', { name: '变更状态' }).click();
    await pick(page, dialog(page), '新状态', '监测对象');
    await pick(page, dialog(page), '监测对象类型', '边缘易致贫户');
    await dialog(page).getByLabel(/^生效日期/).fill('2021-06-30');
    await dialog(page).getByLabel('说明').fill('突发大病，纳入监测');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await seen(dialog(page).getByText(`变更日期 2021-06-30 早于该户最近一次状态变更的日期 ${latest}`, { exact: false }));
    await s.shot('43a-roster-status-too-early');
    await dialog(page).getByLabel(/^生效日期/).fill(latest);
    await s.shot('43-roster-status-form');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByText('突发大病，纳入监测'));
    await seen(page.getByText(`自 ${latest} 起`).first());
    await s.shot('44-roster-household');

    // Delete: a clear warning first.
    await page.getByRole('button', { name: /^删除此户/ }).click();
    await seen(dialog(page).getByText(/此操作不能撤销/));
    await s.shot('45-roster-delete-confirm');
    await dialog(page).getByRole('button', { name: '删除', exact: true }).click();
    await seen(page.getByText('共 29 户'));
    expect(await app.db.kysely.selectFrom('household').select('id').where('id', '=', hh.id).execute()).toHaveLength(0);

    // Settings: a poverty line and a code-list item, added and deactivated.
    await nav(page, '设置');
    await page.getByRole('button', { name: '新增年度' }).click();
    await dialog(page).getByLabel(/^年度/).fill('2022');
    await dialog(page).getByLabel(/^标准/).fill('4,300');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByRole('cell', { name: '4,300' }));
    expect(await app.db.kysely.selectFrom('poverty_line').selectAll().where('year', '=', 2022).executeTakeFirst()).toMatchObject({ amount_fen: 430000 });
    await page.getByRole('button', { name: '新增代码' }).click();
    await dialog(page).getByLabel(/^名称/).fill('因房');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByRole('cell', { name: '因房' }));
    await page.getByRole('button', { name: '停用 因房' }).click();
    await seen(page.getByRole('button', { name: '启用 因房' }));
    await s.shot('46-settings-codes-lines');

    // An office's own status, counted as exited because the list says so (not by its name).
    const exitedBefore = (await rosterTotals(app.ctx(), {})).exitedHouseholds;
    await page.getByLabel('代码表', { exact: true }).click();
    await page.getByRole('option', { name: '脱贫状态' }).click();
    await page.getByRole('button', { name: '新增代码' }).click();
    await dialog(page).getByLabel(/^名称/).fill('巩固提升户');
    await dialog(page).getByLabel(/^统计为/).click();
    await page.getByRole('option', { name: '已脱贫', exact: true }).click();
    await s.shot('46b-settings-status-kind');
    await dialog(page).getByRole('button', { name: '保存' }).click();
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByRole('row', { name: /巩固提升户.*已脱贫/ }));
    const open = await app.db.kysely.selectFrom('household').select('id').where('status', '=', '未脱贫').executeTakeFirstOrThrow();
    await app.db.kysely.updateTable('household').set({ status: '巩固提升户' }).where('id', '=', open.id).execute();

    await nav(page, '首页');
    await seen(page.getByTestId('roster-households').getByText('29'));
    await seen(page.getByTestId('roster-exited').getByText(String(exitedBefore + 1), { exact: true }));
    await expect.poll(() => page.getByText('已保存').count(), { timeout: 8000 }).toBe(0); // notifications gone from the picture
    await s.shot('47-home-roster');

    // The English twin: same screens, same keys.
    await nav(page, '设置');
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('navigation').getByText('Roster', { exact: true }).click();
    await seen(page.getByText('29 households'));
    await s.shot('48-roster-en');
    await page.getByRole('table', { name: 'Poor households' }).getByRole('link').first().click();
    await seen(page.getByRole('button', { name: 'Change status' }));
    // The data-quality findings are shown in English too (from their message keys).
    await seen(page.getByText('The household has no current paired cadre'));
    await s.shot('49-roster-household-en');
    await page.getByRole('navigation').getByText('Roster', { exact: true }).click();
    await page.getByRole('tab', { name: 'Data checks' }).click();
    await page.getByRole('button', { name: 'No paired cadre' }).click();
    await seen(page.getByRole('cell', { name: 'The household has no current paired cadre' }).first());
    await s.shot('49b-roster-checks-en');
  });
});
