/**
 * The ledger's date views (domain.md §6): overdue, due within 10 days, within 20 days, closed.
 * "Within N days" counts from today inclusive (deadline today = 0 days left) and is cumulative:
 * an item due in 5 days is in both ≤10 and ≤20. Overdue = deadline before today, not closed.
 */
import type { LedgerStatus, LedgerView } from '../domain/ledger';

/** The calendar day of a moment on this computer's clock, YYYY-MM-DD. */
export function localDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** day + n calendar days (n may be negative). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export const VIEW_DAYS = { due10: 10, due20: 20 } as const;

/** Whether an item with this status and deadline shows in a view on `today`. */
export function inView(view: LedgerView, status: LedgerStatus, deadline: string, today: string): boolean {
  switch (view) {
    case 'all':
      return true;
    case 'closed':
      return status === 'closed';
    case 'overdue':
      return status !== 'closed' && deadline < today;
    case 'due10':
    case 'due20':
      return status !== 'closed' && deadline >= today && deadline <= addDays(today, VIEW_DAYS[view]);
  }
}

/** Inclusive deadline range [from, to] and status condition a view means, for the SQL side. */
export function viewRange(view: LedgerView, today: string): { open?: boolean; closed?: boolean; from?: string; to?: string } {
  switch (view) {
    case 'all':
      return {};
    case 'closed':
      return { closed: true };
    case 'overdue':
      return { open: true, to: addDays(today, -1) };
    case 'due10':
    case 'due20':
      return { open: true, from: today, to: addDays(today, VIEW_DAYS[view]) };
  }
}
