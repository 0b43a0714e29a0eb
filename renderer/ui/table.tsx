/** Table pieces shared by every feature: one look, and the 编辑 / 删除 actions of a row. */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ConfirmDelete } from './ConfirmDelete';
import { notifySaved } from './notify';

/** The same table look on every screen (mantine-datatable props). */
export const tableProps = {
  withTableBorder: true,
  borderRadius: 'sm',
  striped: true,
  highlightOnHover: true,
  verticalSpacing: 'xs',
  minHeight: 120,
} as const;

/** 编辑 and 删除 for one row. A refused delete (IN_USE etc.) shows its message. */
export function RowActions({ name, onEdit, onDelete, deleteLabel }: { name: string; onEdit?: () => void; onDelete?: () => Promise<void>; deleteLabel?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {onEdit && (
        <Button size="compact-sm" variant="subtle" onClick={onEdit} aria-label={`${t('common.edit')} ${name}`}>
          {t('common.edit')}
        </Button>
      )}
      {onDelete && (
        <ConfirmDelete
          name={name}
          label={deleteLabel}
          onConfirm={async () => {
            await onDelete();
            notifySaved(t('common.deleted'));
          }}
        />
      )}
    </Group>
  );
}

/** The 编辑 / 删除 column of a list (mantine-datatable column definition). */
export function actionsColumn<T>(title: string, name: (r: T) => string, onEdit: (r: T) => void, onDelete: (r: T) => Promise<void>) {
  return {
    accessor: 'actions',
    title,
    textAlign: 'right' as const,
    width: 150,
    render: (r: T) => <RowActions name={name(r)} onEdit={() => onEdit(r)} onDelete={() => onDelete(r)} />,
  };
}
