/**
 * The ledger's closed loop as a pure state machine (建账 → 对账 → 销号):
 * 待整改 → 整改中 → 待验收 → 已销号; 待验收 can go back to 整改中 (not accepted), and a closed
 * item can be reopened (已销号 → 整改中) with a reason. Closing needs a verification note, who
 * verified and the date. No clock inside: callers pass "today".
 */
import type { LedgerStatus, LedgerVerification } from '../domain/ledger';

export interface RuleError {
  key: string;
  field?: string;
  params?: Record<string, string | number>;
}

/** Allowed moves from each state; the buttons shown for an item come from here. */
export const TRANSITIONS: Record<LedgerStatus, readonly LedgerStatus[]> = {
  pending: ['in_progress'],
  in_progress: ['awaiting_check'],
  awaiting_check: ['closed', 'in_progress'],
  closed: ['in_progress'],
};

export const STATUS_ZH: Record<LedgerStatus, string> = {
  pending: '待整改',
  in_progress: '整改中',
  awaiting_check: '待验收',
  closed: '已销号',
};

export function allowedTransitions(from: LedgerStatus): readonly LedgerStatus[] {
  return TRANSITIONS[from];
}

export interface TransitionRequest {
  from: LedgerStatus;
  to: LedgerStatus;
  note: string;
  verification?: LedgerVerification | null;
  /** YYYY-MM-DD of today and of the item's creation. */
  today: string;
  createdDate: string;
  /** The item's 责任人 and 整改措施: both needed before it can be checked (待验收) or closed. */
  responsiblePerson?: string;
  measures?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Why a transition is refused, or null when it may happen. */
export function checkTransition(r: TransitionRequest): RuleError | null {
  if (!TRANSITIONS[r.from].includes(r.to)) {
    return { key: 'ledger.transition.refused', params: { from: STATUS_ZH[r.from], to: STATUS_ZH[r.to] } };
  }
  const note = r.note.trim();
  if (r.from === 'closed' && !note) return { key: 'ledger.reopen.reason', field: 'note' };
  if (r.from === 'awaiting_check' && r.to === 'in_progress' && !note) return { key: 'ledger.return.reason', field: 'note' };
  // Nobody can check work nobody owned or that was never described.
  if (r.to === 'awaiting_check' || r.to === 'closed') {
    const missing = [!r.responsiblePerson?.trim() && '责任人', !r.measures?.trim() && '整改措施'].filter(Boolean);
    if (missing.length) return { key: 'ledger.check.missing', params: { fields: missing.join('、') } };
  }
  if (r.to === 'closed') {
    const v = r.verification;
    if (!v || !v.note.trim()) return { key: 'ledger.close.note', field: 'verification.note' };
    if (!v.by.trim()) return { key: 'ledger.close.by', field: 'verification.by' };
    if (!v.date || !isDay(v.date)) return { key: 'ledger.close.date', field: 'verification.date' };
    if (v.date > r.today) return { key: 'ledger.close.future', field: 'verification.date', params: { today: r.today } };
    if (v.date < r.createdDate) return { key: 'ledger.close.beforeCreated', field: 'verification.date', params: { created: r.createdDate } };
  }
  return null;
}

/** 整改时限 must be a real date, not before the day the item is created. */
export function checkDeadline(deadline: string, createdDate: string): RuleError | null {
  if (!isDay(deadline)) return { key: 'ledger.deadline.format', field: 'deadline' };
  if (deadline < createdDate) return { key: 'ledger.deadline.beforeCreated', field: 'deadline', params: { created: createdDate } };
  return null;
}
