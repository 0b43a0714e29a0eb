import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';
import i18n, { errorText } from '../i18n';

export function notifySaved(text?: string): void {
  notifications.show({ color: 'green', message: text ?? i18n.t('common.saved'), autoClose: 2500 });
}

/** Shows any failure in plain words; never a stack trace. */
export function notifyError(e: unknown): void {
  const message = e instanceof ApiError ? errorText(e.info) : i18n.t('msg:internal');
  notifications.show({ color: 'red', title: i18n.t('common.failed'), message, autoClose: 8000 });
}
