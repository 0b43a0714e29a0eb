/** 设置 → 数据备份与恢复: the backup calls. Files are picked in the main process; the renderer names them by token only. */
import path from 'node:path';
import type { App } from '../app/app';
import type { Handlers } from './handlers';
import type { HandlerDeps } from './handlers-roster';
import { dialogText } from '../app/dialog-text';
import { backupFileName } from '../backup/backup-names';
import { createBackup, inspectBackup, listBackups, listedBackupPath, restoreBackup, setBackupKeep } from '../backup/backup-service';
import { AppError } from '../errors';

type BackupCalls = Pick<Handlers, 'backup.list' | 'backup.create' | 'backup.pick' | 'backup.inspect' | 'backup.restore' | 'backup.keep' | 'backup.rescue'>;

export function backupHandlers(app: App, deps: HandlerDeps): BackupCalls {
  const picked = async (file: string) => ({ token: deps.files.issue(file), backup: await inspectBackup(app, file) });
  return {
    'backup.list': () => listBackups(app),
    'backup.create': async (i) => {
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({ title: tx('dialog.backup'), defaultName: await backupFileName(app, tx.lang), filters: tx.filter('backup', ['fpbak']) });
      if (!out) return null;
      const target = out.toLowerCase().endsWith('.fpbak') ? out : `${out}.fpbak`;
      const made = await deps.tasks.run(i.taskId, 'backup', (signal, report) => createBackup(app, target, 'manual', { signal, onProgress: (s) => report(Math.round(s * 1000), 1000) }));
      return { ...made, folder: path.dirname(target) };
    },
    'backup.pick': async () => {
      const tx = await dialogText(app);
      const file = await deps.dialogs.openFile({ title: tx('dialog.restore'), filters: tx.filter('backup', ['fpbak']) });
      return file ? picked(file) : null;
    },
    'backup.inspect': (i) => picked(listedBackupPath(app, i.name)),
    'backup.restore': async (i) => {
      const file = deps.files.resolve(i.token);
      if (!file) throw new AppError('CONFLICT', 'backup.stale');
      return deps.tasks.run(i.taskId, 'restore', (signal, report) => restoreBackup(app, file, { signal, onProgress: (s) => report(Math.round(s * 1000), 1000) }));
    },
    'backup.keep': async (i) => {
      await setBackupKeep(app, i.keep);
      return listBackups(app);
    },
    // The database opened whole: a restore goes through backup.restore (which sets it aside as a backup).
    'backup.rescue': async () => Promise.reject(new AppError('CONFLICT', 'storage.rescueNotNeeded')),
  };
}
