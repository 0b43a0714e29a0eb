/**
 * The rescue screen: shown instead of the app when the main process says the database file is
 * damaged (app.status answers storage.damaged; electron/core/ipc/serve.ts). It says what happened,
 * offers the latest good backup in the data folder (date, counts) behind a confirmation, any older
 * one or a backup file picked from a USB stick, and what to do when there is none. No sign-in is
 * asked for: the accounts are in the damaged file. After the restore the app opens as usual
 * (the sign-in page of the restored accounts).
 */
import { Alert, Button, Center, Group, List, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { call, useCall } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { dateTimeText } from '../../ui/format';
import { TaskBar, useTask } from '../roster/common';
import { BackupHolds, ConfirmRestore, usePickedBackup } from '../settings/BackupHolds';


export function RescuePage({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const list = useCall('backup.list', {});
  const task = useTask();
  const { picked, setPicked, choose, pick } = usePickedBackup();
  const backups = list.data?.backups ?? [];
  const latest = backups[0];

  const restore = async () => {
    if (!picked) return;
    const p = picked;
    setPicked(null);
    try {
      const r = await task.run((taskId) => call('backup.rescue', { token: p.token, taskId }));
      notifications.show({ color: 'green', message: t('rescue.restored', { when: dateTimeText(r.restored.createdAt), name: r.damagedFile }), autoClose: 10000 });
      onDone();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Center mih="100vh" p="lg" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={640} component="main">
        <Stack>
          <Title order={2} c="red.9">
            {t('rescue.title')}
          </Title>
          <Alert color="red" variant="light" title={t('rescue.whatTitle')}>
            <Text size="sm">{t('rescue.what')}</Text>
          </Alert>
          {!list.data && !list.error && <Text c="dimmed">{t('app.loading')}</Text>}
          {latest && (
            <>
              <Title order={4}>{t('rescue.latest')}</Title>
              <BackupHolds b={latest} />
              <Text size="sm" c="dimmed">
                {t('rescue.afterRestore')}
              </Text>
              <Group>
                <Button color="red" onClick={() => void choose(latest)} loading={task.running} autoFocus>
                  {t('rescue.restore')}
                </Button>
                <Button variant="default" onClick={() => void pick()} disabled={task.running}>
                  {t('rescue.pick')}
                </Button>
              </Group>
              {backups.length > 1 && (
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {t('rescue.older')}
                  </Text>
                  {backups.slice(1, 6).map((b) => (
                    <Group key={b.name} gap="xs">
                      <Text size="sm">
                        {dateTimeText(b.createdAt)} ·{' '}
                        {t('settings.backup.households', { households: b.households.toLocaleString(), persons: b.persons.toLocaleString() })}
                      </Text>
                      <Button size="compact-sm" variant="subtle" onClick={() => void choose(b)} disabled={task.running} aria-label={t('settings.backup.restoreFor', { when: dateTimeText(b.createdAt) })}>
                        {t('settings.backup.restore')}
                      </Button>
                    </Group>
                  ))}
                </Stack>
              )}
            </>
          )}
          {list.data && !latest && (
            <Alert color="orange" variant="light" title={t('rescue.noneTitle')}>
              <List size="sm" spacing={4}>
                <List.Item>{t('rescue.none1')}</List.Item>
                <List.Item>{t('rescue.none2', { folder: list.data.folder })}</List.Item>
                <List.Item>{t('rescue.none3')}</List.Item>
              </List>
              <Button mt="sm" onClick={() => void pick()} loading={task.running}>
                {t('rescue.pick')}
              </Button>
            </Alert>
          )}
        </Stack>
      </Paper>
      <ConfirmRestore picked={picked} onCancel={() => setPicked(null)} onConfirm={() => void restore()} keys={{ title: 'rescue.confirmTitle', text: 'rescue.confirmText', confirm: 'rescue.confirm' }} />
      <Modal opened={task.running} onClose={() => undefined} withCloseButton={false} centered title={t('settings.backup.restoring')}>
        <TaskBar progress={task.progress} label={t('settings.backup.restoring')} />
      </Modal>
    </Center>
  );
}
