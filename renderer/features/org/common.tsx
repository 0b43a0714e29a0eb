/** Pieces shared by the organisation tabs: the form hook, the edit modal, the list frame and row actions. */
import { Alert, Box, Button, EmptyState, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm, type UseFormInput, type UseFormReturnType } from '@mantine/form';
import { useRef, useState, type FocusEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleFailure } from '@shared/rules/org';
import type { ApiError } from '../../api/client';
import { errorText } from '../../i18n';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { applyFieldError } from '../../ui/fieldErrors';
import { notifyError, notifySaved } from '../../ui/notify';

/** The record being edited: `{ record: null }` for a new one, null when the modal is closed. */
export type Editing<T> = { record: T | null } | null;

/** Translation for the `org` namespace plus the shared rule messages (namespace `msg`). */
export function useOrgT() {
  const { t, i18n } = useTranslation('org');
  const rule = (f: RuleFailure | null): string | null => (f ? t(`msg:${f.key}`, f.params) : null);
  const genderText = (g: string) => (g === '女' ? t('cadre.female') : g === '男' ? t('cadre.male') : g);
  return { t, rule, genderText, lang: i18n.language };
}

/**
 * A controlled Mantine form that validates a field when the user leaves it and, from then on,
 * as the user types (an error appears once the user has left the field and disappears as soon
 * as it is fixed). A required field skipped without typing is only flagged on submit.
 */
export function useLiveForm<V extends Record<string, unknown>>(input: UseFormInput<V>): UseFormReturnType<V> {
  const visited = useRef(new Set<string>());
  return useForm<V>({
    ...input,
    mode: 'controlled',
    enhanceGetInputProps: ({ inputProps, field, form }) => {
      // Mantine merges the result INTO inputProps: keep the originals before they are replaced.
      const blur = inputProps.onBlur as ((...a: unknown[]) => void) | undefined;
      const change = inputProps.onChange as (...a: unknown[]) => void;
      const key = String(field);
      return {
        onBlur: (...args: unknown[]) => {
          blur?.(...args);
          const value = (form.getValues() as Record<string, unknown>)[key];
          const empty = value === '' || value === null || value === undefined || (Array.isArray(value) && value.length === 0);
          if (!empty || form.isDirty(field)) {
            visited.current.add(key);
            form.validateField(field);
          }
        },
        onChange: (...args: unknown[]) => {
          change(...args);
          if (visited.current.has(key)) form.validateField(field);
        },
      };
    },
  });
}

/** Runs a save: field errors go beside their inputs, other failures to a notification. */
export function useSaver(setFieldError: (field: string, message: string) => void, fields: readonly string[], onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const run = async (save: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await save();
      notifySaved();
      onDone();
    } catch (e) {
      if (!applyFieldError(e, setFieldError, fields)) notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/** Add/edit dialog: a form with Save and Cancel. Enter submits, Esc cancels. */
export function FormModal({
  title,
  onClose,
  onSubmit,
  busy,
  size = 'md',
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useOrgT();
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{title}</Text>} size={size} centered closeOnClickOutside={false}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {children}
          <Group justify="space-between" mt="xs">
            <Text size="xs" c="dimmed">
              {t('ui.escHint')}
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('ui.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('ui.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * The frame of a tab: toolbar (filters left, count and Add right), the load error, a friendly
 * empty state when nothing is registered yet, otherwise the list.
 */
export function ListFrame({
  what,
  total,
  shown,
  loading,
  error,
  onRetry,
  onAdd,
  filters,
  hint,
  children,
}: {
  what: string;
  total: number | undefined;
  shown?: number;
  loading: boolean;
  error: ApiError | undefined;
  onRetry: () => void;
  onAdd: () => void;
  filters?: ReactNode;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useOrgT();
  const addButton = (
    <Button onClick={onAdd} disabled={total === undefined && loading}>
      {t('ui.add')}
    </Button>
  );
  if (error && total === undefined)
    return (
      <Alert color="red" title={t('ui.loadFailed')}>
        <Stack align="flex-start">
          <Text size="sm">{errorText(error.info)}</Text>
          <Button size="xs" variant="light" onClick={onRetry}>
            {t('ui.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  if (total === 0 && !loading)
    return (
      <Box py="xl">
        <EmptyState title={t('ui.emptyTitle', { what: t(what) })} description={hint ?? t('ui.emptyText')} withIndicatorBackground>
          <EmptyState.Actions>{addButton}</EmptyState.Actions>
        </EmptyState>
      </Box>
    );
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Group align="flex-end" gap="sm">
          {filters}
        </Group>
        <Group gap="md" wrap="nowrap">
          {total !== undefined && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {shown !== undefined && shown !== total ? t('ui.shown', { shown, count: total }) : t('ui.total', { count: total })}
            </Text>
          )}
          {addButton}
        </Group>
      </Group>
      {children}
    </Stack>
  );
}

/** 编辑 and 删除 for one row. A refused delete (IN_USE etc.) shows its message. */
export function RowActions({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => Promise<void> }) {
  const { t } = useOrgT();
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="compact-sm" variant="subtle" onClick={onEdit} aria-label={`${t('ui.edit')} ${name}`}>
        {t('ui.edit')}
      </Button>
      <ConfirmDelete
        name={name}
        onConfirm={async () => {
          await onDelete();
          notifySaved(t('ui.deleted'));
        }}
      />
    </Group>
  );
}

/** Puts the caret at the end of a prefilled input when it gets focus (e.g. after the code prefix). */
export function caretToEnd(e: FocusEvent<HTMLInputElement>): void {
  const el = e.currentTarget;
  const n = el.value.length;
  requestAnimationFrame(() => {
    if (document.activeElement === el && el.selectionStart === 0 && el.selectionEnd === 0) el.setSelectionRange(n, n);
  });
}

/** The same table look on every tab. */
export const tableProps = {
  withTableBorder: true,
  borderRadius: 'sm',
  striped: true,
  highlightOnHover: true,
  verticalSpacing: 'xs',
  minHeight: 120,
} as const;
