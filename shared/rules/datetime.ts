/** The one date-and-time format (screens, CLI, exports): local time, 2026-12-03 09:15. */
import dayjs from 'dayjs';

export function dateTimeText(iso: string, opts: { seconds?: boolean } = {}): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format(opts.seconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : iso;
}

/** The one time stamp in file names (backups, set-aside files): local time, 20261203-091502. */
export function fileStamp(d: Date): string {
  return dayjs(d).format('YYYYMMDD-HHmmss');
}
