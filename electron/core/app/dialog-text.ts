/**
 * The texts of the system file dialogs in the UI language chosen in 设置 (settings.language):
 * handlers ask for keys of shared/i18n/messages-dialogs, never write the words themselves.
 */
import { formatMessage, type Lang } from '../../../shared/i18n/messages';
import type { App } from './app';
import type { FileFilter } from './dialogs';

export interface DialogText {
  lang: Lang;
  (key: string, params?: Record<string, unknown>): string;
  /** One file-type filter: its name in the UI language. */
  filter(kind: 'pdf' | 'xlsx' | 'all' | 'roster' | 'inspectionTemplate' | 'wallchartTemplate' | 'backup', extensions: string[]): FileFilter[];
}

export async function dialogText(app: Pick<App, 'status'>): Promise<DialogText> {
  const lang: Lang = (await app.status()).language === 'en' ? 'en' : 'zh-CN';
  const tx = ((key: string, params?: Record<string, unknown>) => formatMessage(key, params, lang)) as DialogText;
  tx.lang = lang;
  tx.filter = (kind, extensions) => [{ name: formatMessage(`dialog.filter.${kind}`, {}, lang), extensions }];
  return tx;
}
