/** Table pieces shared by every feature: one look, and the 编辑 / 删除 actions of a row. */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import i18n from '../i18n';
import { ConfirmDelete } from './ConfirmDelete';
import { notifySaved } from './notify';

/**
 * The same table look on every screen (mantine-datatable props), with the empty-table text in
 * the UI language (the library's default is English "No records"): read when spread.
 */
export const tableProps = {
  withTableBorder: true,
  borderRadius: 'sm',
  striped: true,
  highlightOnHover: true,
  verticalSpacing: 'xs',
  minHeight: 120,
  get noRecordsText(): string {
    return i18n.t('common.empty');
  },
} as const;

/** Paging texts and button names of a paginated table, in the UI language (library default: English). */
export function pagingProps() {
  const t = i18n.t.bind(i18n);
  const names = { first: t('common.firstPage'), last: t('common.lastPage'), previous: t('common.previousPage'), next: t('common.nextPage') };
  return {
    paginationText: ({ from, to, totalRecords }: { from: number; to: number; totalRecords: number }) => t('common.paging', { from, to, total: totalRecords }),
    getPaginationControlProps: (control: keyof typeof names) => ({ 'aria-label': names[control] }),
    getPaginationItemProps: (page: number) => ({ 'aria-label': t('common.pageN', { page }) }),
  };
}

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
