/** The ledger's state machine and date views, as pure rules with the day passed in. */
import { describe, expect, it } from 'vitest';
import { allowedTransitions, checkDeadline, checkTransition, TRANSITIONS } from '../../shared/ledger/state';
import { addDays, inView, viewRange } from '../../shared/ledger/views';
import { LEDGER_STATUSES, type LedgerStatus } from '../../shared/domain/ledger';

const today = '2026-11-25';
const createdDate = '2026-11-01';
const verification = { note: '已入户核实，整改到位', by: '王验收', date: '2026-11-24' };
const req = (from: LedgerStatus, to: LedgerStatus, extra: Partial<Parameters<typeof checkTransition>[0]> = {}) =>
  checkTransition({ from, to, note: '', verification: null, today, createdDate, responsiblePerson: '李村长', measures: '补办低保', ...extra });

describe('transitions', () => {
  const allowed: [LedgerStatus, LedgerStatus][] = [
    ['pending', 'in_progress'],
    ['in_progress', 'awaiting_check'],
    ['awaiting_check', 'closed'],
    ['awaiting_check', 'in_progress'],
    ['closed', 'in_progress'],
  ];
  it('allows exactly the five moves of the closed loop', () => {
    const all = LEDGER_STATUSES.flatMap((f) => LEDGER_STATUSES.map((t) => [f, t] as [LedgerStatus, LedgerStatus]));
    const ok = all.filter(([f, t]) => TRANSITIONS[f].includes(t));
    const key = (p: [string, string]) => p.join('→');
    expect(ok.map(key).sort()).toEqual(allowed.map(key).sort());
  });

  it.each(allowed)('%s → %s passes with what it needs', (from, to) => {
    expect(req(from, to, { note: '原因', verification })).toBeNull();
  });

  it('refuses 待验收 and 销号 while 责任人 or 整改措施 is blank, naming what is missing', () => {
    expect(req('in_progress', 'awaiting_check', { responsiblePerson: '' })).toMatchObject({ key: 'ledger.check.missing', params: { fields: '责任人' } });
    expect(req('in_progress', 'awaiting_check', { responsiblePerson: ' ', measures: '' })).toMatchObject({ params: { fields: '责任人、整改措施' } });
    expect(req('awaiting_check', 'closed', { verification, measures: '' })).toMatchObject({ key: 'ledger.check.missing', params: { fields: '整改措施' } });
    // Starting work or sending it back needs neither.
    expect(req('pending', 'in_progress', { responsiblePerson: '', measures: '' })).toBeNull();
  });

  const refused = LEDGER_STATUSES.flatMap((f) => LEDGER_STATUSES.map((t) => [f, t] as [LedgerStatus, LedgerStatus])).filter(
    ([f, t]) => !allowed.some(([a, b]) => a === f && b === t),
  );
  it.each(refused)('%s → %s is refused, naming both states', (from, to) => {
    const e = req(from, to, { note: '原因', verification });
    expect(e?.key).toBe('ledger.transition.refused');
    expect(e?.params?.from).toBeTruthy();
  });

  it('offers the buttons of the current state only', () => {
    expect(allowedTransitions('pending')).toEqual(['in_progress']);
    expect(allowedTransitions('closed')).toEqual(['in_progress']);
  });

  it('closing needs a note, who verified and a date not in the future nor before creation', () => {
    expect(req('awaiting_check', 'closed')?.key).toBe('ledger.close.note');
    expect(req('awaiting_check', 'closed', { verification: { ...verification, note: '  ' } })?.key).toBe('ledger.close.note');
    expect(req('awaiting_check', 'closed', { verification: { ...verification, by: '' } })?.key).toBe('ledger.close.by');
    expect(req('awaiting_check', 'closed', { verification: { ...verification, date: '2026-02-30' } })?.key).toBe('ledger.close.date');
    expect(req('awaiting_check', 'closed', { verification: { ...verification, date: '2026-11-26' } })?.key).toBe('ledger.close.future');
    expect(req('awaiting_check', 'closed', { verification: { ...verification, date: today } })).toBeNull();
    expect(req('awaiting_check', 'closed', { verification: { ...verification, date: '2026-10-31' } })?.key).toBe('ledger.close.beforeCreated');
    expect(req('awaiting_check', 'closed', { verification: { ...verification, date: createdDate } })).toBeNull();
  });

  it('reopening and sending back need a reason', () => {
    expect(req('closed', 'in_progress')?.key).toBe('ledger.reopen.reason');
    expect(req('closed', 'in_progress', { note: '复查发现问题反弹' })).toBeNull();
    expect(req('awaiting_check', 'in_progress')?.key).toBe('ledger.return.reason');
  });
});

describe('deadline', () => {
  it('is refused before the creation date and accepted on or after it', () => {
    expect(checkDeadline('2026-10-31', createdDate)?.key).toBe('ledger.deadline.beforeCreated');
    expect(checkDeadline(createdDate, createdDate)).toBeNull();
    expect(checkDeadline('2026-12-31', createdDate)).toBeNull();
    expect(checkDeadline('2026-13-01', createdDate)?.key).toBe('ledger.deadline.format');
    expect(checkDeadline('', createdDate)?.key).toBe('ledger.deadline.format');
  });
});

describe('date views', () => {
  const open: LedgerStatus = 'in_progress';
  it('overdue: the day before today is overdue, today is not; closed never is', () => {
    expect(inView('overdue', open, addDays(today, -1), today)).toBe(true);
    expect(inView('overdue', open, today, today)).toBe(false);
    expect(inView('overdue', 'closed', '2020-01-01', today)).toBe(false);
    expect(inView('overdue', 'pending', '2020-01-01', today)).toBe(true);
  });
  it('within 10 days: today to today + 10 inclusive', () => {
    expect(inView('due10', open, today, today)).toBe(true);
    expect(inView('due10', open, addDays(today, 10), today)).toBe(true);
    expect(inView('due10', open, addDays(today, 11), today)).toBe(false);
    expect(inView('due10', open, addDays(today, -1), today)).toBe(false);
    expect(inView('due10', 'closed', today, today)).toBe(false);
  });
  it('within 20 days includes the 10-day ones and stops after day 20', () => {
    expect(inView('due20', open, addDays(today, 5), today)).toBe(true);
    expect(inView('due20', open, addDays(today, 20), today)).toBe(true);
    expect(inView('due20', open, addDays(today, 21), today)).toBe(false);
  });
  it('closed and all', () => {
    expect(inView('closed', 'closed', '2099-01-01', today)).toBe(true);
    expect(inView('closed', 'awaiting_check', '2020-01-01', today)).toBe(false);
    expect(inView('all', 'pending', '2020-01-01', today)).toBe(true);
  });
  it('crosses month and year ends', () => {
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
    expect(addDays('2028-02-25', 4)).toBe('2028-02-29');
    expect(viewRange('due10', '2026-12-25')).toEqual({ open: true, from: '2026-12-25', to: '2027-01-04' });
    expect(viewRange('overdue', '2027-01-01')).toEqual({ open: true, to: '2026-12-31' });
  });
});
