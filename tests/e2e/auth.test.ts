/**
 * Accounts in Chromium against the real services: setup creates the administrator and signs it
 * in; 设置 → 账号管理 adds a read-only account; signing out and in (a wrong password refused in
 * plain words); the lock screen and unlocking; a read-only account's write refused by the main
 * process; an office upgraded from before accounts is asked to create its administrator.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ADMIN, closeBrowser, completeSetup, openSession, seen, type Session } from './harness';
import { setUpXinshao, openTestApp, cleanup } from '../unit/helpers/app';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
  await cleanup();
});
afterAll(closeBrowser);

const nav = (s: Session, name: string) => s.page.getByRole('navigation').getByText(name, { exact: true }).click();

describe('登录、锁屏与账号', { timeout: 120_000 }, () => {
  it('setup signs the administrator in; a read-only account is added, signs in, and its writes are refused', async () => {
    s = await openSession();
    const { page } = s;
    await completeSetup(page);
    await seen(page.getByText('操作员：张三（县级管理员）'));

    await nav(s, '设置');
    await seen(page.getByRole('heading', { name: '账号管理' }));
    await page.getByRole('button', { name: '添加账号' }).click();
    const dlg = page.getByRole('dialog');
    await dlg.getByLabel(/^登录名/).fill('zhaoliu');
    await dlg.getByLabel(/^姓名/).fill('赵六');
    await dlg.getByLabel(/^角色/).click();
    await page.getByRole('option', { name: '只读' }).click();
    await dlg.getByLabel(/^密码/).fill('Zhao#liu2017');
    await dlg.getByLabel(/^再次输入密码/).fill('Zhao#liu2017');
    await dlg.getByRole('button', { name: '保存' }).click();
    await seen(page.getByRole('cell', { name: 'zhaoliu' }));
    await s.shot('92-accounts');

    await page.getByRole('button', { name: '退出登录' }).click();
    await seen(page.getByRole('heading', { name: '登录' }));
    await page.getByLabel(/^登录名/).fill('zhaoliu');
    await page.getByLabel(/^密码/).fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await seen(page.getByText('登录名或密码不正确'));
    await s.shot('93-login-wrong');
    await page.getByLabel(/^密码/).fill('Zhao#liu2017');
    await page.getByRole('button', { name: '登录' }).click();
    await seen(page.getByText('操作员：赵六（只读）'));

    // A write through the UI is refused by the main process with the role named.
    await nav(s, '组织机构');
    await page.getByRole('button', { name: '新增' }).click();
    const form = page.getByRole('dialog');
    await form.getByLabel('乡镇代码').fill('430522999');
    await form.getByLabel('乡镇名称').fill('测试乡');
    await form.getByLabel('乡镇名称').press('Enter');
    await seen(page.getByText('当前账号（只读）不能进行此操作'));
    const towns = await s.server.app!.db.kysely.selectFrom('township').select('code').where('code', '=', '430522999').execute();
    expect(towns).toEqual([]);
  });

  it('locks by hand and after idle in the main process; the password unlocks', async () => {
    s = await openSession();
    const { page } = s;
    await completeSetup(page);
    await page.getByRole('button', { name: '锁屏' }).click();
    await seen(page.getByRole('heading', { name: '屏幕已锁定' }));
    await s.shot('94-locked');
    await page.getByLabel(/^密码/).fill('not-the-password');
    await page.getByRole('button', { name: '解锁' }).click();
    await seen(page.getByText('登录名或密码不正确'));
    await page.getByLabel(/^密码/).fill(ADMIN.password);
    await page.getByRole('button', { name: '解锁' }).click();
    await seen(page.getByRole('navigation').getByText('花名册', { exact: true }));

    // Idle past the lock time: the next call is refused and the lock screen shows.
    s.server.app!.auth.session!.lastActivity -= 16 * 60_000;
    await nav(s, '花名册');
    await seen(page.getByRole('heading', { name: '屏幕已锁定' }));
  });

  it('asks an office set up before accounts existed to create its administrator first', async () => {
    s = await openSession({
      noAccounts: true,
      prepare: async (dir) => {
        const t = await openTestApp({ dir } as Parameters<typeof openTestApp>[0]);
        await setUpXinshao(t);
        await t.app.close();
      },
    });
    const { page } = s;
    await seen(page.getByRole('heading', { name: '创建县级管理员账号' }));
    await page.getByLabel(/^密码/).fill(ADMIN.password);
    await page.getByLabel(/^再次输入密码/).fill('different-one');
    await seen(page.getByText('两次输入的密码不一致'));
    await page.getByLabel(/^再次输入密码/).fill(ADMIN.password);
    await s.shot('95-create-admin');
    await page.getByRole('button', { name: '创建并登录' }).click();
    await seen(page.getByText('操作员：张三（县级管理员）'));
    expect((await s.server.app!.status()).accounts).toBe(true);
  });
});
