/** 设置 → 数据备份与恢复: automatic backups (where, how many kept), a backup now, a restore from a listed or picked backup. */
import { Button, Group, Modal, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DataTable } from 'mantine-datatable';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '@shared/domain/backup';
import { MAX_BACKUP_KEEP } from '@shared/domain/backup';
import { bytesText } from '@shared/rules/size';
import { call, useCall } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { dateTimeText } from '../../ui/format';
import { ConfirmRestore, usePickedBackup } from './BackupHolds';
import { tableProps } from '../../ui/table';
import { TaskBar, useTask } from '../roster/common';

export function BackupSection({ onRestored }: { onRestored: () => void }) {
  const { t } = useTranslation();
  const list = useCall('backup.list', {});
  const task = useTask();
  const [label, setLabel] = useState('');
  const [keep, setKeep] = useState<number | string>('');
  const { picked, setPicked, choose, pick } = usePickedBackup();
  useEffect(() => {
    if (list.data) setKeep(list.data.keep);
  }, [list.data]);
  const l = list.data;

  const create = async () => {
    setLabel(t('settings.backup.creating'));
    try {
      const r = await task.run((taskId) => call('backup.create', { taskId }));
      if (r) notifications.show({ color: 'green', message: t('settings.backup.created', { name: r.name, size: bytesText(r.bytes), folder: r.folder }), autoClose: 6000 });
      void list.reload();
    } catch (e) {
      notifyError(e);
    }
  };
  const restore = async () => {
    if (!picked) return;
    const p = picked;
    setPicked(null);
    setLabel(t('settings.backup.restoring'));
    try {
      const r = await task.run((taskId) => call('backup.restore', { token: p.token, taskId }));
      notifications.show({ color: 'green', message: t('settings.backup.restored', { when: dateTimeText(r.restored.createdAt), name: r.setAside.name }), autoClose: 8000 });
      void list.reload();
      onRestored();
    } catch (e) {
      notifyError(e);
    }
  };
  const saveKeep = async () => {
    try {
      await call('backup.keep', { keep: Number(keep) });
      notifications.show({ color: 'green', message: t('settings.backup.keepSaved', { keep: Number(keep) }) });
      void list.reload();
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={4}>{t('settings.backup.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('settings.backup.hint', { keep: l?.keep ?? '' })}
            </Text>
          </div>
          <Group>
            <Button onClick={() => void create()} loading={task.running}>
              {t('settings.backup.create')}
            </Button>
            <Button variant="default" onClick={() => void pick()} disabled={task.running}>
              {t('settings.backup.pick')}
            </Button>
          </Group>
        </Group>
        <Group align="flex-end">
          <NumberInput label={t('settings.backup.keep')} value={keep} onChange={setKeep} min={1} max={MAX_BACKUP_KEEP} allowDecimal={false} w={210} />
          <Button variant="light" onClick={() => void saveKeep()} disabled={!l || Number(keep) === l.keep}>
            {t('settings.backup.saveKeep')}
          </Button>
          {l && (
            <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
              {t('settings.backup.folder', { folder: l.folder })}
            </Text>
          )}
        </Group>
        <DataTable<BackupSummary>
          {...tableProps}
          idAccessor="name"
          records={l?.backups ?? []}
          fetching={!l}
          noRecordsText={t('settings.backup.empty')}
          minHeight={l?.backups.length ? undefined : 120}
          columns={[
            { accessor: 'createdAt', title: t('settings.backup.when'), render: (b) => dateTimeText(b.createdAt), width: 150 },
            { accessor: 'kind', title: t('settings.backup.kind'), render: (b) => t(`settings.backup.kinds.${b.kind}`), width: 110 },
            { accessor: 'households', title: t('settings.backup.contents'), render: (b) => t('settings.backup.households', { households: b.households.toLocaleString(), persons: b.persons.toLocaleString() }) },
            { accessor: 'bytes', title: t('settings.backup.size'), textAlign: 'right', render: (b) => bytesText(b.bytes), width: 90 },
            { accessor: 'operator', title: t('settings.backup.by'), width: 110 },
            {
              accessor: 'actions',
              title: t('common.actions'),
              textAlign: 'right',
              width: 90,
              render: (b) => (
                <Button size="compact-sm" variant="light" onClick={() => void choose(b)} disabled={task.running} aria-label={t('settings.backup.restoreFor', { when: dateTimeText(b.createdAt) })}>
                  {t('settings.backup.restore')}
                </Button>
              ),
            },
          ]}
        />
      </Stack>
      <ConfirmRestore picked={picked} onCancel={() => setPicked(null)} onConfirm={() => void restore()} keys={{ title: 'settings.backup.confirmTitle', text: 'settings.backup.confirmText', confirm: 'settings.backup.confirm', holds: 'settings.backup.holds' }} />
      <Modal opened={task.running} onClose={() => undefined} withCloseButton={false} centered title={label}>
        <TaskBar progress={task.progress} label={label} />
      </Modal>
    </Paper>
  );
}
