/** 导出: the current filter to the national layout; the main process asks where to save. */
import { Button, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RosterFilter } from '@shared/domain/roster';
import { call } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { TaskBar, useRosterT, useTask } from './common';

export function ExportButton({ filter, disabled }: { filter: RosterFilter; disabled?: boolean }) {
  const { t } = useRosterT();
  const task = useTask();
  const run = async () => {
    try {
      const r = await task.run((taskId) => call('roster.export', { filter, taskId }));
      if (r) notifications.show({ color: 'green', title: t('export.done', { households: r.households.toLocaleString(), persons: r.persons.toLocaleString() }), message: r.name, autoClose: 6000 });
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <>
      <Button variant="light" onClick={() => void run()} loading={task.running} disabled={disabled}>
        {Object.keys(filter).length ? t('export.filtered') : t('export.button')}
      </Button>
      <Modal opened={task.running && task.progress !== null} onClose={task.cancel} withCloseButton={false} centered title={t('export.title')}>
        <TaskBar progress={task.progress} label={t('export.running')} onCancel={task.cancel} />
      </Modal>
    </>
  );
}
