/**
 * 设置 → 数据备份与恢复 in Chromium against the real services: a backup to a chosen place, a
 * household deleted afterwards, the restore (what the backup holds shown first, 取消 keeps the
 * data), the household back on the home page, the replaced data listed as a backup of its own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeBrowser, openSession, seen, type Session } from './harness';
import { xinshaoApp, cleanup } from '../unit/helpers/app';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { deleteHousehold } from '../../electron/core/roster/household-service';

let s: Session | undefined;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-e2e-backup-'));
afterEach(async () => {
  await s?.close();
  s = undefined;
  await cleanup();
});
afterAll(async () => {
  await closeBrowser();
  fs.rmSync(temp, { recursive: true, force: true });
});

const nav = (s: Session, name: string) => s.page.getByRole('navigation').getByText(name, { exact: true }).click();

describe('数据备份与恢复', { timeout: 120_000 }, () => {
  it('backs up to a chosen file, restores it after a deletion, and keeps the replaced data as a backup', async () => {
    const stick = path.join(temp, 'U盘');
    fs.mkdirSync(stick);
    let households = 0;
    const backupFile = path.join(stick, '新邵县备份.fpbak');
    const asked: string[] = [];
    s = await openSession({
      prepare: async (dir) => {
        const t = await xinshaoApp({ dir } as Parameters<typeof xinshaoApp>[0]);
        const file = path.join(temp, 'roster.xlsx');
        await writeRosterXlsx(file, countyRows({ households: 40, seed: 5 }));
        const ctx = t.app.ctx();
        await commitImport(ctx, (await previewImport(ctx, file)).token);
        households = t.count('household');
        await t.app.close();
      },
      dialogs: {
        saveFile: async ({ defaultName }) => {
          asked.push(defaultName);
          return backupFile;
        },
        openFile: async () => backupFile,
      },
    });
    const { page } = s;
    await nav(s, '设置');
    await seen(page.getByRole('heading', { name: '数据备份与恢复' }));
    await seen(page.getByText('数据目录中还没有备份'));

    await page.getByRole('button', { name: '立即备份到…' }).click();
    await seen(page.getByText(/^已备份：新邵县备份\.fpbak/));
    expect(asked[0]).toMatch(/^新邵县扶贫数据备份-\d{8}-\d{4}\.fpbak$/);
    expect(fs.existsSync(backupFile)).toBe(true);

    // A household deleted after the backup.
    const app = s.server.app!;
    const one = await app.db.kysely.selectFrom('household').select('id').executeTakeFirstOrThrow();
    await deleteHousehold(app.ctx(), one.id);
    await nav(s, '首页');
    await seen(page.getByTestId('roster-households').getByText(String(households - 1), { exact: true }));

    // Restore: what the backup holds first; 取消 changes nothing.
    await nav(s, '设置');
    await page.getByRole('button', { name: '从备份文件恢复…' }).click();
    const dlg = page.getByRole('dialog', { name: '用备份替换当前数据？' });
    await seen(dlg.getByText(`${households} 户`, { exact: false }));
    await seen(dlg.getByText('新邵县（430522）'));
    await s.shot('90-backup-restore-confirm');
    await dlg.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(await app.db.kysely.selectFrom('household').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual({ n: households - 1 });

    await page.getByRole('button', { name: '从备份文件恢复…' }).click();
    await dlg.getByRole('button', { name: '恢复', exact: true }).click();
    await seen(page.getByText(/^已恢复 .* 的备份；原来的数据已另存为「before-restore-\d{8}-\d{6}\.fpbak」/), 30_000);
    // The replaced data is listed, with one household fewer.
    await seen(page.getByRole('cell', { name: '恢复前留存' }));
    await seen(page.getByRole('cell', { name: `${households - 1} 户`, exact: false }));
    await s.shot('91-backup-settings');

    await nav(s, '首页');
    await seen(page.getByTestId('roster-households').getByText(String(households), { exact: true }));
  });
});
