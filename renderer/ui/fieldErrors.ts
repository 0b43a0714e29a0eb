import { ApiError } from '../api/client';
import { errorText } from '../i18n';

/** Whether a server field such as 'members.2.idNumber' matches a pattern such as 'members.*.idNumber'. */
function matches(pattern: string, field: string): boolean {
  const p = pattern.split('.');
  const f = field.split('.');
  return p.length === f.length && p.every((part, i) => part === f[i] || (part === '*' && /^\d+$/.test(f[i])));
}

/**
 * Maps an ApiError with a `field` onto a Mantine form's errors (so the message shows beside the
 * input it concerns); returns false when the error belongs to no field of the form.
 * `fields` holds flat names ('name') and nested patterns ('members.*.idNumber'); a nested
 * server field whose pattern is not listed falls back to its first part when that is listed.
 */
export function applyFieldError(e: unknown, setFieldError: (field: string, message: string) => void, fields: readonly string[]): boolean {
  if (!(e instanceof ApiError) || !e.info.field) return false;
  const full = e.info.field;
  const target = fields.some((p) => matches(p, full)) ? full : fields.includes(full.split('.')[0]) ? full.split('.')[0] : null;
  if (!target) return false;
  setFieldError(target, errorText(e.info));
  return true;
}
