/** `backup OUT`, `backup list`, `restore FILE [--yes]`: the same services as 设置 → 数据备份 (and the rescue screen's, for a damaged database). */
import fs from 'node:fs';
import path from 'node:path';
import type { App } from '../core/app/app';
import { backupFileName } from '../core/backup/backup-names';
import { createBackup, inspectBackup, listBackups, restoreBackup } from '../core/backup/backup-service';
import { bytesText } from '../../shared/rules/size';
import { shortHead } from '../../shared/rules/audit-text';
import type { BackupSummary } from '../../shared/domain/backup';
import type { CommandResult } from './commands';
import { withApp } from './with-app';
import { DAMAGED_KEY, toErrorInfo } from '../core/errors';
import { rescueInspect, rescueRestore } from '../core/backup/rescue';

const KIND = { auto: '自动', manual: '手动', beforeRestore: '恢复前留存' } as const;

/** One backup in one line: when, what kind, by whom, how much. */
export function backupLine(b: BackupSummary): string {
  const when = new Date(b.createdAt).toLocaleString('zh-CN', { hour12: false });
  return `${when}  ${KIND[b.kind]}  ${b.county?.name ?? '（未设置县）'}  ${b.households} 户 ${b.persons} 人  ${bytesText(b.bytes)}  操作员 ${b.operator || '—'}  审计日志 ${shortHead(b.auditHead)}  ${b.name}`;
}

export async function backupCommand(app: App, out: string): Promise<CommandResult> {
  const target = fs.existsSync(out) && fs.statSync(out).isDirectory() ? path.join(out, await backupFileName(app, 'zh-CN')) : out;
  const b = await createBackup(app, path.resolve(target), 'manual');
  return { json: { file: path.resolve(target), ...b }, text: `已备份到 ${path.resolve(target)}\n${backupLine(b)}` };
}

export async function backupListCommand(app: App): Promise<CommandResult> {
  const l = await listBackups(app);
  const text = [`备份文件夹 ${l.folder}（自动备份保留 ${l.keep} 份）`, ...(l.backups.length ? l.backups.map(backupLine) : ['还没有备份'])].join('\n');
  return { json: l, text };
}

export async function restoreCommand(app: App, file: string, yes: boolean): Promise<CommandResult> {
  const b = await inspectBackup(app, path.resolve(file));
  if (!yes) {
    return {
      json: { done: false, backup: b },
      text: `备份内容：${backupLine(b)}\n恢复会用它替换当前数据（当前数据先另存为一份备份，不会删除）。确认恢复请加 --yes`,
      exitCode: 1,
    };
  }
  const r = await restoreBackup(app, path.resolve(file));
  return {
    json: { done: true, backup: r.restored, setAside: r.setAside },
    text: `已恢复：${backupLine(r.restored)}\n原来的数据已另存为备份：${r.setAside.name}`,
  };
}

/** Whether the data folder's database is damaged: found at open, or by the check of the whole file (health.ts). */
export async function databaseDamaged(dataDir: string): Promise<boolean> {
  try {
    return await withApp(dataDir, async (app) => (await app.db.health).state === 'damaged');
  } catch (e) {
    if (toErrorInfo(e, () => {}).key === DAMAGED_KEY) return true;
    throw e;
  }
}

/**
 * `restore FILE` on a damaged database, as the rescue screen does: nothing is read from it but its
 * county (no --operator: its accounts may not read); the backup takes its place and the damaged
 * file is moved into the backups folder, never deleted.
 */
export async function rescueCommand(dataDir: string, file: string, yes: boolean): Promise<CommandResult> {
  const b = await rescueInspect({ dataDir }, path.resolve(file));
  if (!yes) {
    return {
      json: { done: false, damaged: true, backup: b },
      text: `数据库文件已损坏。备份内容：${backupLine(b)}\n恢复会用它替换损坏的数据库（损坏的文件移到 backups 文件夹中保留，不会删除）。确认恢复请加 --yes`,
      exitCode: 1,
    };
  }
  const r = await rescueRestore({ dataDir }, path.resolve(file));
  return {
    json: { done: true, damaged: true, backup: r.restored, damagedFile: r.damagedFile },
    text: `已恢复：${backupLine(r.restored)}\n损坏的数据库已保存为 backups 文件夹中的 ${r.damagedFile}`,
  };
}
