import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTH_EVENT, DAMAGED_KEY, useCall } from '../api/client';
import { CreateAdminPage, LockPage, LoginPage, useIdleLock } from '../features/auth/AuthPages';
import { errorText, setLanguage } from '../i18n';
import { SetupPage } from '../features/setup/SetupPage';
import { RescuePage } from '../features/rescue/RescuePage';
import { AppFrame } from './AppFrame';

export function App() {
  const { t } = useTranslation();
  const status = useCall('app.status', {});
  useEffect(() => {
    if (status.data) setLanguage(status.data.language);
  }, [status.data?.language]);
  const reload = useCallback(() => void status.reload(), [status.reload]);
  // A call refused as signed out or locked (idle in the main process) shows the right page.
  useEffect(() => {
    window.addEventListener(AUTH_EVENT, reload);
    return () => window.removeEventListener(AUTH_EVENT, reload);
  }, [reload]);
  const d = status.data;
  useIdleLock(!!d?.session && !d.locked, d?.idleMinutes ?? 15, reload);

  // The database file is damaged: only a restore from a backup is offered (no sign-in: the accounts are in that file).
  if (status.error?.info.key === DAMAGED_KEY) return <RescuePage onDone={reload} />;
  if (status.error)
    return (
      <Center h="100vh">
        <Stack maw={520}>
          <Alert color="red" title={t('app.openFailed')}>
            <Text size="sm">{errorText(status.error.info)}</Text>
            <Text size="sm" c="dimmed" mt="xs">
              {t('app.openFailedHint')}
            </Text>
          </Alert>
          <Button onClick={() => void status.reload()}>{t('common.retry')}</Button>
        </Stack>
      </Center>
    );
  if (!status.data)
    return (
      <Center h="100vh">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (!status.data.ready) return <SetupPage status={status.data} onDone={() => void status.reload()} />;
  if (!status.data.accounts) return <CreateAdminPage status={status.data} onDone={reload} />;
  if (!status.data.session) return <LoginPage status={status.data} onDone={reload} />;
  if (status.data.locked) return <LockPage status={status.data} onDone={reload} />;
  return <AppFrame status={status.data} onStatusChange={() => void status.reload()} />;
}
