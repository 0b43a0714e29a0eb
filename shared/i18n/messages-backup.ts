/** Messages about backups and restores: same shape as messages.ts. */
const zh = {
  'backup.notBackup': '「{{name}}」不是本软件的备份文件（.fpbak），请确认选对了文件',
  'backup.damaged': '备份文件「{{name}}」已损坏或不完整（可能没有复制完），不能用来恢复；请换一个备份',
  'backup.unreadable': '无法读取备份文件「{{name}}」：文件可能已被移走，或没有读取权限',
  'backup.newer': '备份文件「{{name}}」由更新版本的软件（{{version}}）制作，本软件（{{current}}）不能读取；请先升级软件',
  'backup.otherCounty': '备份文件「{{name}}」是「{{county}}」的数据，与本机的「{{current}}」不符，不能恢复',
  'backup.sourceDamaged': '数据库检查发现损坏（{{detail}}），本次没有生成备份；请从最近的正常备份恢复',
  'backup.noSpace': '磁盘空间不足：备份需要约 {{need}}，「{{folder}}」只剩 {{free}}；请清理磁盘或换一个位置',
  'backup.walPending': '数据库还有未写完的内容，暂不能恢复；请重启软件后再试',
  'backup.stale': '这个备份已经打开太久或已被使用，请重新选择',
  'backup.keep': '自动备份保留份数应为 1 到 {{max}} 之间的整数',
  'backup.notFound': '找不到备份「{{name}}」，它可能已被删除',
};

const en: Record<keyof typeof zh, string> = {
  'backup.notBackup': '"{{name}}" is not a backup of this app (.fpbak); check that you picked the right file',
  'backup.damaged': 'The backup "{{name}}" is damaged or incomplete (perhaps not fully copied) and cannot be restored; pick another backup',
  'backup.unreadable': 'The backup "{{name}}" cannot be read: it may have been moved, or it is not readable',
  'backup.newer': 'The backup "{{name}}" was made by a newer version of the app ({{version}}); this version ({{current}}) cannot read it. Update the app first',
  'backup.otherCounty': 'The backup "{{name}}" holds the data of {{county}}, not of {{current}} on this computer: not restored',
  'backup.sourceDamaged': 'The database check found damage ({{detail}}); no backup was made. Restore the latest good backup',
  'backup.noSpace': 'Not enough disk space: the backup needs about {{need}}, "{{folder}}" has {{free}} left. Free some space or pick another place',
  'backup.walPending': 'The database has unfinished writes; restart the app and try again',
  'backup.stale': 'This backup was opened too long ago or was used already; pick it again',
  'backup.keep': 'The number of automatic backups kept must be a whole number from 1 to {{max}}',
  'backup.notFound': 'The backup "{{name}}" was not found; it may have been deleted',
};

export const backupMessages = { 'zh-CN': zh, en };
