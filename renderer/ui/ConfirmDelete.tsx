import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from './notify';

/** A delete button that asks first; a refused delete (e.g. still referenced) is shown in plain words. */
export function ConfirmDelete({ name, onConfirm, label }: { name: string; onConfirm: () => Promise<void>; label?: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setOpen(true)} aria-label={`${t('common.delete')} ${name}`}>
        {label ?? t('common.delete')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('common.confirmDelete')} centered>
        <Text mb="lg">{t('common.confirmDeleteText', { name })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={busy}
            data-autofocus
            onClick={async () => {
              setBusy(true);
              try {
                await onConfirm();
                setOpen(false);
              } catch (e) {
                setOpen(false);
                notifyError(e);
              } finally {
                setBusy(false);
              }
            }}
          >
            {t('common.delete')}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
