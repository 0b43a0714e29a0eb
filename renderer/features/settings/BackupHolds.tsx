/** What a backup holds, as the restore confirmation and the rescue screen show it; and picking one. */
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSummary } from '@shared/domain/backup';
import type { PickedBackup } from '@shared/ipc/contract-backup';
import { bytesText } from '@shared/rules/size';
import { shortHead } from '@shared/rules/audit-text';
import { call } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { dateTimeText } from '../../ui/format';
import { withParen } from '../../i18n';

export function BackupHolds({ b }: { b: BackupSummary }) {
  const { t } = useTranslation();
  const row = (label: string, value: string) => (
    <Table.Tr>
      <Table.Th w={150}>{t(label)}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  );
  return (
    <Table withTableBorder variant="vertical">
      <Table.Tbody>
        {row('settings.backup.madeAt', withParen(dateTimeText(b.createdAt), t(`settings.backup.kinds.${b.kind}`)))}
        {row('settings.backup.county', b.county ? withParen(b.county.name, b.county.code) : '—')}
        {row('settings.backup.madeBy', b.operator || '—')}
        {row('settings.backup.counts', t('settings.backup.households', { households: b.households.toLocaleString(), persons: b.persons.toLocaleString() }))}
        {row('settings.backup.ledger', t('settings.backup.ledgerCount', { count: b.ledgerItems }))}
        {row('settings.backup.auditHead', shortHead(b.auditHead))}
        {row('settings.backup.size', bytesText(b.bytes))}
        {row('settings.backup.appVersion', b.appVersion)}
      </Table.Tbody>
    </Table>
  );
}

/** The backup picked for a restore: one of the list (by name) or a file from the dialog. */
export function usePickedBackup() {
  const [picked, setPicked] = useState<PickedBackup | null>(null);
  const choose = async (b: BackupSummary) => {
    try {
      setPicked(await call('backup.inspect', { name: b.name }));
    } catch (e) {
      notifyError(e);
    }
  };
  const pick = async () => {
    try {
      const p = await call('backup.pick', {});
      if (p) setPicked(p);
    } catch (e) {
      notifyError(e);
    }
  };
  return { picked, setPicked, choose, pick };
}

/** Asks before a restore, showing what the backup holds; `keys` name the texts of the place asking. */
export function ConfirmRestore(props: {
  picked: PickedBackup | null;
  onCancel: () => void;
  onConfirm: () => void;
  keys: { title: string; text: string; confirm: string; holds?: string };
}) {
  const { t } = useTranslation();
  const { picked, keys } = props;
  return (
    <Modal opened={picked !== null} onClose={props.onCancel} title={<Text fw={600}>{t(keys.title)}</Text>} centered size="lg">
      {picked && (
        <Stack>
          <Alert color="orange" variant="light">
            {t(keys.text)}
          </Alert>
          {keys.holds && <Text fw={500}>{t(keys.holds)}</Text>}
          <BackupHolds b={picked.backup} />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onCancel} data-autofocus>
              {t('settings.backup.cancel')}
            </Button>
            <Button color="red" onClick={props.onConfirm}>
              {t(keys.confirm)}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
