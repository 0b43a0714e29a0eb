/** The suggested name of a manual backup, in the UI language: 「新邵县扶贫数据备份-20261203-0915.fpbak」. */
import type { App } from '../app/app';
import { readSettings } from '../settings/repo';
import { formatMessage, type Lang } from '../../../shared/i18n/messages';

export async function backupFileName(app: App, lang: Lang): Promise<string> {
  const s = await readSettings(app.db.kysely);
  const d = app.ctx().now();
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
  return formatMessage('dialog.backup.file', { county: s.get('county.name') ?? '', stamp }, lang).replace(/[\\/:*?"<>|]/g, '');
}
