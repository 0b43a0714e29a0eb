import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { messageTable, type ErrorInfo, type Lang, formatError } from '@shared/i18n/messages';
import { zhCN } from './zh-CN';
import { en } from './en';
import { orgEn, orgZh } from '../features/org/locales';
import { rosterEn, rosterZh } from '../features/roster/locales';
import { ledgerZh } from '../features/ledger/locales';
import { ledgerEn } from '../features/ledger/locales-en';
import { inspectionZh } from '../features/inspection/locales';
import { inspectionEn } from '../features/inspection/locales-en';
import { pdfEn, pdfZh } from '../features/roster/PdfExportLocales';
import { wallchartZh } from '../features/wallchart/locales';
import { wallchartEn } from '../features/wallchart/locales-en';
import { auditZh } from '../features/audit/locales';
import { auditEn } from '../features/audit/locales-en';

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN, msg: messageTable('zh-CN'), org: orgZh, roster: rosterZh, ledger: ledgerZh, inspection: inspectionZh, pdf: pdfZh, wallchart: wallchartZh, audit: auditZh },
    en: { translation: en, msg: messageTable('en'), org: orgEn, roster: rosterEn, ledger: ledgerEn, inspection: inspectionEn, pdf: pdfEn, wallchart: wallchartEn, audit: auditEn },
  },
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
});
dayjs.locale('zh-cn');

export function setLanguage(lang: Lang): void {
  void i18n.changeLanguage(lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
}

/** An error from the main process, in the user's language. */
export function errorText(info: Pick<ErrorInfo, 'key' | 'params' | 'parts' | 'code'>): string {
  return formatError(info, (i18n.language as Lang) === 'en' ? 'en' : 'zh-CN');
}

/** 「名称（说明）」 in the UI language: full-width brackets in Chinese, "name (detail)" in English. */
export function withParen(name: string, detail: string | number): string {
  return i18n.t('common.paren', { name, detail });
}

/** A list of names joined as the UI language does: 、 in Chinese, ", " in English. */
export function joinList(items: readonly string[]): string {
  return items.join(i18n.t('common.listSep'));
}

export default i18n;
