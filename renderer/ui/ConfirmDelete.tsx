import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError } from './notify';

/**
 * A delete button that asks first; a refused delete (e.g. still referenced) is shown in plain
 * words. `text` replaces the standard question (e.g. a warning of what goes with the record).
 */
export function ConfirmDelete({
  name,
  onConfirm,
  label,
  text,
  title,
  buttonProps,
}: {
  name: string;
  onConfirm: () => Promise<void>;
  label?: string;
  text?: ReactNode;
  title?: string;
  buttonProps?: ButtonProps;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" {...buttonProps} onClick={() => setOpen(true)} aria-label={`${label ?? t('common.delete')} ${name}`}>
        {label ?? t('common.delete')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={<Text fw={600}>{title ?? t('common.confirmDelete')}</Text>} centered>
        {text ?? <Text mb="lg">{t('common.confirmDeleteText', { name })}</Text>}
        <Group justify="flex-end" mt={text ? 'lg' : undefined}>
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
