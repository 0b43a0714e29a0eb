/** The suggested name of a manual backup, in the UI language: 「新邵县扶贫数据备份-20261203-0915.fpbak」. */
import type { App } from '../app/app';
import { readSettings } from '../settings/repo';
import { fileStamp } from '../../../shared/rules/datetime';
import { formatMessage, type Lang } from '../../../shared/i18n/messages';

export async function backupFileName(app: App, lang: Lang): Promise<string> {
  const s = await readSettings(app.db.kysely);
  const d = app.ctx().now();
  const stamp = fileStamp(d).slice(0, 13); // to the minute
  return formatMessage('dialog.backup.file', { county: s.get('county.name') ?? '', stamp }, lang).replace(/[\\/:*?"<>|]/g, '');
}
