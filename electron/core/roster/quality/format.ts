/** Text for people: money in the details, and the summary as lines for the CLI. */
import { formatMessage, type Lang } from '../../../../shared/i18n/messages';
import type { QualitySummary } from '../../../../shared/domain/roster';
import { qualityRule } from '../../../../shared/roster/quality-rules';

const group = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 分 → "2,500.00" (always two decimals) or "2,952" (decimals only when not whole yuan). Exact, no float. */
export function fenText(fen: number, decimals: boolean): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  const yuan = group(Math.floor(a / 100));
  const cents = a % 100;
  return decimals || cents !== 0 ? `${sign}${yuan}.${String(cents).padStart(2, '0')}` : `${sign}${yuan}`;
}

/** "2024-03-05 14:07" in local time, from an ISO stamp. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The summary as lines of text: totals, then every rule, then every township with flagged households. */
export function formatSummaryText(summary: QualitySummary, lang: Lang = 'zh-CN'): string {
  const t = (key: string, params?: Record<string, string | number>) => formatMessage(key, params, lang);
  if (summary.ranAt === null) return t('quality.summary.neverRun');
  const lines = [
    t('quality.summary.head', { ranAt: localTime(summary.ranAt), households: summary.households, flagged: summary.flaggedHouseholds }),
    t('quality.summary.byRule'),
  ];
  for (const r of summary.byRule) {
    lines.push(t('quality.summary.rule', { code: r.rule, title: lang === 'en' ? (qualityRule(r.rule)?.titleEn ?? r.title) : r.title, severity: t(`quality.severity.${r.severity}`), count: r.count }));
  }
  lines.push(t('quality.summary.byTownship'));
  const townships = summary.byTownship.filter((x) => x.count > 0);
  for (const x of townships) lines.push(t('quality.summary.township', { name: x.townshipName, count: x.count }));
  if (townships.length === 0) lines.push(t('quality.summary.none'));
  return lines.join('\n');
}
