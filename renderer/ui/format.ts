/** The one date-and-time format of the screens: local time, 2026-12-03 09:15. */
import dayjs from 'dayjs';

export function dateTimeText(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : iso;
}
