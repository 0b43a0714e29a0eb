/** Storage faults in plain words (a full disk, a drive error, a read-only folder, a damaged database): same shape as messages.ts. */

/** The key of the error a damaged database gives: the main process then answers only a restore, the renderer shows the rescue screen. */
export const DAMAGED_KEY = 'storage.damaged';

/** Errors that mean the live database is damaged: the one above, and a backup whose check of the live database found damage. */
export function meansDamaged(key: string): boolean {
  return key === DAMAGED_KEY || key === 'backup.sourceDamaged';
}

const zh = {
  'storage.full': '磁盘空间已满，操作未完成，数据未被修改。请清理数据目录所在的磁盘（现在还剩 {{free}}），然后重试',
  'storage.fullUnknown': '磁盘空间已满，操作未完成，数据未被修改。请清理数据目录所在的磁盘，然后重试',
  'storage.io': '读写磁盘时出错，操作未完成。请检查数据目录所在的磁盘或 U 盘是否连接正常，然后重试',
  'storage.readOnly': '数据目录无法写入（磁盘为只读，或没有写入权限），操作未完成。请把数据目录移到可以写入的位置，或修改文件夹权限',
  'storage.damaged': '数据库文件已损坏，重试无效。请从最近的备份恢复；损坏的文件会移到备份文件夹中保留，不会删除',
  'storage.rescueNotNeeded': '数据库完好，请在「设置 → 数据备份与恢复」中恢复备份',
  'storage.importNoSpace': '磁盘空间不足：导入这 {{rows}} 行约需 {{need}}，数据目录所在的磁盘只剩 {{free}}。请清理磁盘后再导入；未写入任何数据',
};

const en: Record<keyof typeof zh, string> = {
  'storage.full': 'The disk is full: the operation did not complete and no data was changed. Free some space on the data folder\'s disk ({{free}} left) and retry',
  'storage.fullUnknown': 'The disk is full: the operation did not complete and no data was changed. Free some space on the data folder\'s disk and retry',
  'storage.io': 'The disk could not be read or written: the operation did not complete. Check that the data folder\'s drive or USB stick is connected, then retry',
  'storage.readOnly': 'The data folder cannot be written (the disk is read-only or you lack permission): the operation did not complete. Move the data folder somewhere writable or fix its permissions',
  'storage.damaged': 'The database file is damaged; retrying will not help. Restore the latest backup; the damaged file is kept in the backups folder, not deleted',
  'storage.rescueNotNeeded': 'The database is whole; restore backups under Settings → Backup and restore',
  'storage.importNoSpace': 'Not enough disk space: importing these {{rows}} rows needs about {{need}}, the data folder\'s disk has {{free}} left. Free some space and import again; nothing was written',
};

export const storageMessages = { 'zh-CN': zh, en };
