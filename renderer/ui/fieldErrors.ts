import { ApiError } from '../api/client';
import { errorText } from '../i18n';

/**
 * Maps an ApiError with a `field` onto a Mantine form's errors (so the message shows beside the
 * input it concerns); returns false when the error belongs to no field.
 */
export function applyFieldError(e: unknown, setFieldError: (field: string, message: string) => void, fields: readonly string[]): boolean {
  if (!(e instanceof ApiError) || !e.info.field) return false;
  const field = e.info.field.split('.')[0];
  if (!fields.includes(field)) return false;
  setFieldError(field, errorText(e.info));
  return true;
}
