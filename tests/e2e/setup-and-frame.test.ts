import fs from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, completeSetup, openSession, seen, type Session } from './harness';
import { openDatabase } from '../../electron/core/db/open';

let s: Session | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});
afterAll(closeBrowser);

describe('first run and the app frame (Chromium + real services)', { timeout: 120_000 }, () => {
  it('asks for the operator, refuses an empty one, then shows the Chinese frame with all sections', async () => {
    s = await openSession();
    const { page } = s;
    expect(await page.getByLabel('县级行政区划代码').inputValue()).toBe('430522');
    expect(await page.getByLabel('县名称').inputValue()).toBe('新邵县');
    await seen(page.getByText('430522203 迎光乡'));
    await s.shot('01-setup');

    await page.getByRole('button', { name: '完成设置' }).click();
    await seen(page.getByText('请填写操作员姓名'));
    const before = await s.server.app!.status();
    expect(before.ready).toBe(false);

    await completeSetup(page);
    const nav = page.getByRole('navigation');
    for (const label of ['首页', '花名册', '挂图作战', '督查考核', '整改台账', '报送材料', '组织机构', '设置']) {
      await seen(nav.getByText(label, { exact: true }));
    }
    await seen(page.getByText('操作员：张三'));
    await expect.poll(() => page.getByTestId('count-townships').textContent()).toContain('15');
    await s.shot('02-home');

    await nav.getByText('报送材料', { exact: true }).click();
    await seen(page.getByText('此功能尚在建设中'));

    const after = await s.server.app!.status();
    expect(after).toMatchObject({ ready: true, operator: '张三', county: { code: '430522', name: '新邵县' } });
  });

  it('switches to English in 设置 and keeps the choice after a reload', async () => {
    s = await openSession();
    const { page } = s;
    await completeSetup(page);
    await page.getByRole('navigation').getByText('设置', { exact: true }).click();
    await s.shot('03-settings');
    await page.getByText('English', { exact: true }).click();
    await seen(page.getByRole('navigation').getByText('Organisation', { exact: true }));
    await page.reload();
    await seen(page.getByRole('navigation').getByText('Roster', { exact: true }));
    await s.shot('04-settings-en');
    await page.getByText('中文（简体）').click();
    await seen(page.getByRole('navigation').getByText('花名册', { exact: true }));
  });

  it('says in plain words when the data folder holds a file that is not a database, and leaves it alone', async () => {
    const junk = 'this is not a database\n'.repeat(100);
    s = await openSession({
      prepare: (dir) => {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(`${dir}/fupin.sqlite`, junk);
      },
    });
    await seen(s.page.getByText('不是本软件的数据库'));
    await s.shot('05-error-not-sqlite');
    expect(fs.readFileSync(`${s.dataDir}/fupin.sqlite`, 'utf8')).toBe(junk);
  });

  it('refuses a database written by a newer version of the app', async () => {
    s = await openSession({
      prepare: async (dir) => {
        const db = await openDatabase(dir);
        db.raw.pragma('user_version = 999');
        await db.close();
      },
    });
    await seen(s.page.getByText('数据库由更新版本的软件创建'));
    await s.shot('06-error-newer');
  });

  it('says in plain words when the data folder cannot be written, and creates nothing', async () => {
    // sysfs refuses mkdir even for root, so this holds in CI too.
    s = await openSession({ dataDir: '/sys/fupin-e2e-data' });
    await seen(s.page.getByText('无法写入，请选择有写入权限的文件夹'));
    await seen(s.page.getByText('无法打开数据目录'));
    await s.shot('07-error-read-only');
    expect(fs.existsSync('/sys/fupin-e2e-data')).toBe(false);
  });
});
