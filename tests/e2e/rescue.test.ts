/**
 * A damaged database in Chromium against the real services: a prepared data folder (a county with
 * its administrator and an automatic backup) gets one page in the middle of its database file
 * overwritten; the app opens on the rescue screen (what happened, the latest good backup with its
 * date and counts), 从备份恢复 asks first, the restore brings the sign-in page back, and after
 * signing in the roster holds the backup's households. The damaged file is kept in backups/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ADMIN, closeBrowser, openSession, seen, type Session } from './harness';
import { xinshaoApp, cleanup } from '../unit/helpers/app';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { corruptMiddlePage } from '../support/corrupt';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { autoBackup, createBackup } from '../../electron/core/backup/backup-service';
import { createFirstAdmin } from '../../electron/core/auth/auth-service';
import { DB_FILE } from '../../electron/core/db/open';
import type { BackupSummary } from '../../shared/domain/backup';

let s: Session | undefined;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-e2e-rescue-'));
afterEach(async () => {
  await s?.close();
  s = undefined;
  await cleanup();
});
afterAll(async () => {
  await closeBrowser();
  fs.rmSync(temp, { recursive: true, force: true });
});

/** A county of 300 households with its administrator, the latest good backup made, then one page damaged. */
async function prepareDamaged(dir: string, backupTo?: string): Promise<BackupSummary> {
  const t = await xinshaoApp({ dir } as Parameters<typeof xinshaoApp>[0]);
  const file = path.join(temp, 'roster.xlsx');
  await writeRosterXlsx(file, countyRows({ households: 300, seed: 5 }));
  const ctx = t.app.ctx();
  await commitImport(ctx, (await previewImport(ctx, file)).token);
  await createFirstAdmin(t.app, { login: ADMIN.login, name: '张三', password: ADMIN.password });
  t.app.db.raw.exec('ANALYZE');
  const backup = backupTo ? await createBackup(t.app, backupTo, 'manual') : await autoBackup(t.app);
  t.app.db.raw.exec('VACUUM');
  await t.app.close();
  corruptMiddlePage(path.join(dir, DB_FILE));
  return backup;
}

async function signInAndSeeRoster(s: Session, households: number): Promise<void> {
  await s.page.getByLabel('登录名').fill(ADMIN.login);
  await s.page.getByLabel('密码').fill(ADMIN.password);
  await s.page.getByRole('button', { name: '登录' }).click();
  await seen(s.page.getByTestId('roster-households').getByText(String(households), { exact: true }));
}

describe('数据库损坏时从备份恢复', { timeout: 120_000 }, () => {
  it('opens on the rescue screen, restores the latest good backup after asking, and the roster is back', async () => {
    let backup: BackupSummary | undefined;
    s = await openSession({
      prepare: async (dir) => {
        backup = await prepareDamaged(dir);
      },
    });
    const { page } = s;
    const households = backup!.households;
    await seen(page.getByRole('heading', { name: '数据库文件已损坏' }));
    expect(s.server.app).toBeUndefined(); // the rescue state
    await seen(page.getByText(/重试也无效/));
    await seen(page.getByRole('heading', { name: '最近一份完好的备份' }));
    await seen(page.getByRole('cell', { name: `${households.toLocaleString()} 户`, exact: false }));
    await seen(page.getByRole('cell', { name: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}（自动）$/ }));
    await s.shot('95-rescue');

    // 从备份恢复 asks first; 取消 changes nothing.
    await page.getByRole('button', { name: '从备份恢复' }).click();
    const dlg = page.getByRole('dialog', { name: '用这份备份替换损坏的数据库？' });
    await seen(dlg.getByText(/不会删除/));
    await s.shot('96-rescue-confirm');
    await dlg.getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect(fs.readdirSync(path.join(s.dataDir, 'backups')).filter((n) => n.startsWith('damaged-'))).toEqual([]);

    await page.getByRole('button', { name: '从备份恢复' }).click();
    await dlg.getByRole('button', { name: '恢复', exact: true }).click();
    await seen(page.getByText(/^已恢复 .* 的备份；损坏的文件已保存为 backups 文件夹中的「damaged-\d{8}-\d{6}\.sqlite」/), 30_000);
    expect(fs.readdirSync(path.join(s.dataDir, 'backups')).filter((n) => n.startsWith('damaged-'))).toHaveLength(1);

    // The restored database's accounts: sign in, and the roster is back.
    await signInAndSeeRoster(s, households);
    await s.shot('97-rescue-restored');
  });

  it('without a backup in the data folder says what to do, and restores one picked from a USB stick', async () => {
    const stick = path.join(temp, 'U盘');
    fs.mkdirSync(stick, { recursive: true });
    const onStick = path.join(stick, '新邵县备份.fpbak');
    let backup: BackupSummary | undefined;
    s = await openSession({
      prepare: async (dir) => {
        backup = await prepareDamaged(dir, onStick);
      },
      dialogs: { openFile: async () => onStick },
    });
    const { page } = s;
    await seen(page.getByRole('heading', { name: '数据库文件已损坏' }));
    await seen(page.getByText('数据目录中没有可用的备份'));
    await seen(page.getByText(/交给技术人员尝试修复/));
    await s.shot('98-rescue-no-backup');
    await page.getByRole('button', { name: '从备份文件恢复…' }).click();
    const dlg = page.getByRole('dialog', { name: '用这份备份替换损坏的数据库？' });
    await seen(dlg.getByText(`${backup!.households} 户`, { exact: false }));
    await seen(dlg.getByText('手动', { exact: false }));
    await dlg.getByRole('button', { name: '恢复', exact: true }).click();
    await seen(page.getByText(/^已恢复 .* 的备份；损坏的文件已保存为/), 30_000);
    await signInAndSeeRoster(s, backup!.households);
  });
});
