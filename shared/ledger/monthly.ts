/**
 * Monthly assessment of the work responsibility breakdown (工作责任分解表): per unit, the
 * completion rate is tasks done on time (done date ≤ deadline) over tasks assigned; units are
 * ranked by that rate, then by tasks done on time; equal units share a rank (1, 2, 2, 4).
 */
import type { MonthlyAssessment, MonthlyTask, UnitCompletion } from '../domain/ledger';
import { formatMessage, type Lang } from '../i18n/messages';

export function assessMonth(month: string, tasks: readonly Pick<MonthlyTask, 'unit' | 'deadline' | 'doneDate'>[]): MonthlyAssessment {
  const by = new Map<string, UnitCompletion>();
  for (const t of tasks) {
    const u = by.get(t.unit) ?? { unit: t.unit, assigned: 0, done: 0, doneOnTime: 0, rate: 0, rank: 0 };
    u.assigned++;
    if (t.doneDate) {
      u.done++;
      if (t.doneDate <= t.deadline) u.doneOnTime++;
    }
    by.set(t.unit, u);
  }
  const units = [...by.values()].map((u) => ({ ...u, rate: u.assigned ? u.doneOnTime / u.assigned : 0 }));
  units.sort((a, b) => b.rate - a.rate || b.doneOnTime - a.doneOnTime || a.unit.localeCompare(b.unit, 'zh-CN'));
  units.forEach((u, i) => {
    const prev = units[i - 1];
    u.rank = prev && prev.rate === u.rate && prev.doneOnTime === u.doneOnTime ? prev.rank : i + 1;
  });
  return { month, units, assigned: tasks.length, doneOnTime: units.reduce((s, u) => s + u.doneOnTime, 0) };
}

/** A month in the reader's language: "2026-11" → "2026年11月" (printouts, Chinese UI) or "November 2026". */
export function monthLabel(month: string, lang: Lang = 'zh-CN'): string {
  const [y, m] = month.split('-');
  const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(Number(y), Number(m) - 1, 1)));
  return formatMessage('monthly.label', { year: y, month: Number(m), monthName }, lang);
}

export function isMonth(s: string): boolean {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
}

export function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
