/** Pieces shared by the ledger screens: translation, status and deadline badges, dates, long tasks. */
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LedgerStatus } from '@shared/domain/ledger';
import { daysBetween } from '@shared/ledger/views';

export { TaskBar, useTask } from '../roster/common';

export function useLedgerT() {
  const { t, i18n } = useTranslation('ledger');
  return { t, lang: i18n.language };
}

export const STATUS_COLOR: Record<LedgerStatus, string> = { pending: 'red', in_progress: 'blue', awaiting_check: 'orange', closed: 'green' };

export function LedgerStatusBadge({ status }: { status: LedgerStatus }) {
  const { t } = useLedgerT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" styles={{ label: { textTransform: 'none' } }}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Days overdue or left, for open items: red when overdue, orange within 10 days. */
export function DeadlineNote({ deadline, today, closed }: { deadline: string; today: string; closed: boolean }) {
  const { t } = useLedgerT();
  if (closed) return null;
  const d = daysBetween(today, deadline);
  if (d < 0) return <Badge color="red" variant="filled" size="sm" styles={{ label: { textTransform: 'none' } }}>{t('list.overdueDays', { n: -d })}</Badge>;
  if (d === 0) return <Badge color="orange" variant="filled" size="sm" styles={{ label: { textTransform: 'none' } }}>{t('list.dueToday')}</Badge>;
  if (d <= 10) return <Badge color="orange" variant="light" size="sm" styles={{ label: { textTransform: 'none' } }}>{t('list.dueIn', { n: d })}</Badge>;
  return null;
}

/** "2026-11-12T09:30:00.000Z" → local "2026-11-12 17:30". */
export function when(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}
