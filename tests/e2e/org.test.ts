import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, completeSetup, openSession, seen, type Session } from './harness';
import { checkChar } from '../../shared/rules/id-number';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});
afterAll(closeBrowser);

const dialog = (page: Page) => page.getByRole('dialog');
async function tab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
}
async function pick(page: Page, label: string, option: string) {
  await dialog(page).getByLabel(label).click();
  await page.getByRole('option', { name: option }).click();
}
async function save(page: Page) {
  await dialog(page).getByRole('button', { name: '保存' }).click();
  await dialog(page).waitFor({ state: 'detached' });
}

const ID17 = '43052219850312004';
const CADRE_ID = ID17 + checkChar(ID17); // born 1985-03-12, 17th digit 4 → 女

describe('组织机构 end to end (Chromium + real services)', { timeout: 120_000 }, () => {
  it('adds a township, a village, a supporting unit linked to it and a cadre; all still there after a reload', async () => {
    s = await openSession();
    const { page } = s;
    await completeSetup(page);
    await page.getByRole('navigation').getByText('组织机构', { exact: true }).click();

    // 乡镇: keyboard only (Enter saves).
    await page.getByRole('button', { name: '新增' }).click();
    await dialog(page).getByLabel('乡镇代码').fill('430522300');
    await dialog(page).getByLabel('乡镇名称').fill('示范镇');
    await s.shot('10-org-township-form');
    await dialog(page).getByLabel('乡镇名称').press('Enter');
    await dialog(page).waitFor({ state: 'detached' });
    await seen(page.getByRole('cell', { name: '示范镇', exact: true }));
    await s.shot('11-org-townships');

    // 行政村 under it: the code must start with the township's code.
    await tab(page, '行政村');
    await page.getByRole('button', { name: '新增' }).first().click();
    await pick(page, '所属乡镇', '示范镇');
    const code = dialog(page).getByLabel('行政村代码');
    await code.fill('430522100201');
    await dialog(page).getByLabel('村名').fill('幸福村');
    await seen(dialog(page).getByText('行政村代码应为 12 位数字，并以所属乡镇代码 430522300 开头'));
    await s.shot('12-org-village-bad-code');
    await code.fill('430522300201');
    await dialog(page).getByLabel('是否贫困村').check();
    await dialog(page).getByLabel('人口数').fill('1260');
    await save(page);
    await seen(page.getByRole('cell', { name: '幸福村', exact: true }));
    await s.shot('13-org-villages');

    // 帮扶单位 supporting that village.
    await tab(page, '帮扶单位');
    await page.getByRole('button', { name: '新增' }).first().click();
    await dialog(page).getByLabel('单位名称').fill('县农业农村局');
    await dialog(page).getByLabel('帮扶村').click();
    await page.getByRole('option', { name: /幸福村/ }).click();
    await dialog(page).getByLabel('单位名称').click(); // close the dropdown
    await save(page);
    await seen(page.getByRole('cell', { name: '县农业农村局', exact: true }));
    await s.shot('14-org-units');

    // 帮扶责任人: a wrong check digit is refused as you type; the right one fills gender.
    await tab(page, '帮扶责任人');
    await page.getByRole('button', { name: '新增' }).first().click();
    await dialog(page).getByLabel('姓名').fill('李秀英');
    const idInput = dialog(page).getByLabel('身份证号码');
    await idInput.fill(ID17 + (CADRE_ID.endsWith('0') ? '1' : '0'));
    await idInput.blur();
    await seen(dialog(page).getByText('身份证号码校验位不正确，请核对'));
    await s.shot('15-org-cadre-bad-id');
    await idInput.fill(CADRE_ID.toLowerCase());
    await seen(dialog(page).getByText('出生日期 1985-03-12'));
    await dialog(page).getByLabel('工作单位').fill('县农业农村局');
    await dialog(page).getByLabel('职务').fill('科员');
    await dialog(page).getByLabel('联系电话').fill('13907391234');
    await save(page);
    await seen(page.getByRole('cell', { name: '李秀英', exact: true }));
    // The list masks ID numbers.
    await seen(page.getByText(`430522********${CADRE_ID.slice(-4)}`));
    expect(await page.getByText(CADRE_ID).count()).toBe(0);
    await s.shot('16-org-cadres');

    // Reload: everything is still there, read back from the database.
    await page.reload();
    await page.getByRole('navigation').getByText('组织机构', { exact: true }).click();
    await seen(page.getByRole('cell', { name: '示范镇', exact: true }));
    await tab(page, '行政村');
    await seen(page.getByRole('cell', { name: '幸福村', exact: true }));
    await tab(page, '帮扶单位');
    await seen(page.getByRole('cell', { name: '县农业农村局', exact: true }));
    await seen(page.getByText('幸福村'));
    await tab(page, '帮扶责任人');
    await seen(page.getByRole('cell', { name: '李秀英', exact: true }));

    const ctx = s.server.app!.ctx();
    const cadres = await s.server.app!.db.kysely.selectFrom('cadre').selectAll().execute();
    expect(cadres).toHaveLength(1);
    expect(cadres[0]).toMatchObject({ name: '李秀英', gender: '女', id_number: CADRE_ID, updated_by: '张三' });
    expect(ctx.operator).toBe('张三');
  });

  it('refuses to delete a township that still has villages, and says which', async () => {
    s = await openSession();
    const { page } = s;
    await completeSetup(page);
    const app = s.server.app!;
    const t = (await app.db.kysely.selectFrom('township').select(['id']).where('code', '=', '430522101').executeTakeFirstOrThrow()).id;
    const { saveVillage } = await import('../../electron/core/org/divisions-service');
    await saveVillage(app.ctx(), { townshipId: t, code: '430522101201', name: '桃花村', isPoor: true, population: null });

    await page.getByRole('navigation').getByText('组织机构', { exact: true }).click();
    await page.getByRole('button', { name: '删除 严塘镇' }).click();
    await dialog(page).getByRole('button', { name: '删除' }).click();
    await seen(page.getByText('无法删除「严塘镇」：仍被 1 个行政村（桃花村）引用，请先解除这些关联'));
    await s.shot('17-org-delete-refused');
    const still = await app.db.kysely.selectFrom('township').select('id').where('id', '=', t).execute();
    expect(still).toHaveLength(1);

    // An unreferenced township can be deleted after confirming.
    await page.getByRole('button', { name: '删除 迎光乡' }).click();
    await dialog(page).getByRole('button', { name: '删除' }).click();
    await page.getByRole('cell', { name: '迎光乡', exact: true }).waitFor({ state: 'detached' });
    expect(await app.db.kysely.selectFrom('township').select('id').where('code', '=', '430522203').execute()).toHaveLength(0);
  });
});
