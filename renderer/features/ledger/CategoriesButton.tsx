/** 问题类别: the editable category list (add, retire, restore; rename while unused). */
import { Badge, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { call, useCall } from '../../api/client';
import { applyFieldError } from '../../ui/fieldErrors';
import { notifyError } from '../../ui/notify';
import { useLedgerT } from './common';

export function CategoriesButton({ onChanged }: { onChanged: () => void }) {
  const { t } = useLedgerT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        {t('categories.button')}
      </Button>
      {open && (
        <CategoriesModal
          onClose={() => {
            setOpen(false);
            onChanged();
          }}
        />
      )}
    </>
  );
}

function CategoriesModal({ onClose }: { onClose: () => void }) {
  const { t } = useLedgerT();
  const list = useCall('ledger.categories.list', {});
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = async (input: { id?: string; name: string; active: boolean }) => {
    try {
      await call('ledger.categories.save', input);
      await list.reload();
      return true;
    } catch (e) {
      if (!applyFieldError(e, (_f, m) => setError(m), ['name'])) notifyError(e);
      return false;
    }
  };
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{t('categories.title')}</Text>} centered>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('categories.intro')}
        </Text>
        {(list.data ?? []).map((c) => (
          <Group key={c.id} justify="space-between" wrap="nowrap">
            <Group gap="xs">
              <Text size="sm" c={c.active ? undefined : 'dimmed'} td={c.active ? undefined : 'line-through'}>
                {c.name}
              </Text>
              {c.used > 0 && (
                <Badge size="xs" variant="light" color="gray" styles={{ label: { textTransform: 'none' } }}>
                  {t('categories.used', { n: c.used })}
                </Badge>
              )}
            </Group>
            <Button size="compact-sm" variant="subtle" color={c.active ? 'gray' : 'blue'} onClick={() => void save({ id: c.id, name: c.name, active: !c.active })}>
              {c.active ? t('categories.retire') : t('categories.restore')}
            </Button>
          </Group>
        ))}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save({ name, active: true }).then((ok) => ok && (setName(''), setError(null)));
          }}
        >
          <Group align="flex-start" wrap="nowrap">
            <TextInput style={{ flex: 1 }} aria-label={t('categories.name')} placeholder={t('categories.name')} value={name} error={error} onChange={(e) => setName(e.currentTarget.value)} data-autofocus />
            <Button type="submit">{t('categories.add')}</Button>
          </Group>
        </form>
      </Stack>
    </Modal>
  );
}
