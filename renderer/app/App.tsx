import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../api/client';
import { errorText, setLanguage } from '../i18n';
import { SetupPage } from '../features/setup/SetupPage';
import { AppFrame } from './AppFrame';

export function App() {
  const { t } = useTranslation();
  const status = useCall('app.status', {});
  useEffect(() => {
    if (status.data) setLanguage(status.data.language);
  }, [status.data?.language]);

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
  return <AppFrame status={status.data} onStatusChange={() => void status.reload()} />;
}
