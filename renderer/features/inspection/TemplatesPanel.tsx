/** 检查表: list with version, total and the rounds using each; new, edit (a new version), export, import, delete. */
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { points } from '@shared/inspection/scoring';
import type { TemplateDetail } from '@shared/domain/inspection';
import { call, useCall } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { useInspT } from './common';
import { TemplateEditor } from './TemplateEditor';

export function TemplatesPanel() {
  const { t, typeName } = useInspT();
  const list = useCall('inspection.templates.list', {});
  const [editing, setEditing] = useState<{ record: TemplateDetail | null } | null>(null);
  const run = async (fn: () => Promise<string | null>) => {
    try {
      const msg = await fn();
      if (msg) notifications.show({ color: 'green', message: msg });
      void list.reload();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack>
      <Group>
        <Button onClick={() => setEditing({ record: null })}>{t('templates.new')}</Button>
        <Button
          variant="light"
          onClick={() => void run(async () => {
            const r = await call('inspection.templates.import', {});
            return r ? t('templates.imported', { name: r.name }) : null;
          })}
        >
          {t('templates.import')}
        </Button>
      </Group>
      {list.data && list.data.length === 0 && <Text c="dimmed">{t('templates.empty')}</Text>}
      <Table withTableBorder striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('templates.name')}</Table.Th>
            <Table.Th>{t('templates.type')}</Table.Th>
            <Table.Th>{t('templates.version')}</Table.Th>
            <Table.Th>{t('templates.total')}</Table.Th>
            <Table.Th>{t('templates.items')}</Table.Th>
            <Table.Th>{t('templates.usedBy')}</Table.Th>
            <Table.Th w={220} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(list.data ?? []).map((x) => (
            <Table.Tr key={x.id}>
              <Table.Td>{x.name}</Table.Td>
              <Table.Td>{typeName(x.targetType)}</Table.Td>
              <Table.Td>
                <Badge variant="light">v{x.version}</Badge>
              </Table.Td>
              <Table.Td>{points(x.totalMax)}</Table.Td>
              <Table.Td>{x.itemCount}</Table.Td>
              <Table.Td>
                <Text size="sm" c={x.usedBy.length ? undefined : 'dimmed'}>
                  {x.usedBy.length ? x.usedBy.join(t('round.listSep')) : t('templates.unused')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing({ record: x })} aria-label={`${t('templates.edit')} ${x.name}`}>
                    {t('templates.edit')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => void run(async () => {
                      const r = await call('inspection.templates.export', { id: x.id });
                      return r ? t('templates.exported', { name: r.name }) : null;
                    })}
                    aria-label={`${t('templates.export')} ${x.name}`}
                  >
                    {t('templates.export')}
                  </Button>
                  <ConfirmDelete
                    name={x.name}
                    text={<Text mb="lg">{t('templates.deleteText', { name: x.name })}</Text>}
                    onConfirm={async () => {
                      await call('inspection.templates.delete', { id: x.id });
                      void list.reload();
                    }}
                  />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <TemplateEditor editing={editing} onClose={() => setEditing(null)} onSaved={() => void list.reload()} />
    </Stack>
  );
}
