/** Backups and restore (设置 → 数据备份与恢复); merged into the contract in contract.ts. */
import { z } from 'zod';
import { call, id, nothing, taskId, text } from './define';
import type { BackupList, BackupSummary } from '../domain/backup';
import { MAX_BACKUP_KEEP } from '../domain/backup';

const createInput = z.strictObject({ taskId });
/** A backup in the data folder's backups folder, by its file name (never a path). */
const listedInput = z.strictObject({ name: text(200) });
const restoreInput = z.strictObject({ token: id, taskId });
const keepInput = z.strictObject({ keep: z.number().int().min(1).max(MAX_BACKUP_KEEP) });

/** A backup picked for a restore: what it holds, and the token the restore names it by. */
export interface PickedBackup {
  token: string;
  backup: BackupSummary;
}
export interface RestoreDone {
  restored: BackupSummary;
  /** The replaced database, kept as a backup in the backups folder. */
  setAside: BackupSummary;
}

/** A restore over a damaged database (the rescue screen): the damaged file's name in the backups folder. */
export interface RescueDone {
  restored: BackupSummary;
  damagedFile: string;
}

export const backupContract = {
  'backup.list': call<typeof nothing, BackupList>(nothing),
  /** Asks where to save (a file dialog), then writes the backup there. */
  'backup.create': call<typeof createInput, (BackupSummary & { folder: string }) | null>(createInput),
  /** Asks for a backup file (a file dialog) and says what it holds. */
  'backup.pick': call<typeof nothing, PickedBackup | null>(nothing),
  'backup.inspect': call<typeof listedInput, PickedBackup>(listedInput),
  'backup.restore': call<typeof restoreInput, RestoreDone>(restoreInput),
  'backup.keep': call<typeof keepInput, BackupList>(keepInput),
  /** Only while the database is damaged: restores a listed or picked backup in its place. */
  'backup.rescue': call<typeof restoreInput, RescueDone>(restoreInput),
};
