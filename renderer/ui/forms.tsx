/** Form pieces shared by every feature: the live-validating form hook, the saver, the edit modal. */
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm, type UseFormInput, type UseFormReturnType } from '@mantine/form';
import { useRef, useState, type FocusEvent, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldError } from './fieldErrors';
import { notifyError, notifySaved } from './notify';

/** The record being edited: `{ record: null }` for a new one, null when the modal is closed. */
export type Editing<T> = { record: T | null } | null;

/** A value at a dotted form path such as 'members.2.idNumber'. */
export function valueAt(values: unknown, path: string): unknown {
  let v: unknown = values;
  for (const part of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/**
 * A controlled Mantine form that validates a field when the user leaves it and, from then on,
 * as the user types (an error appears once the user has left the field and disappears as soon
 * as it is fixed). A required field skipped without typing is only flagged on submit.
 * Nested paths ('members.0.name') work the same way.
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
          const value = valueAt(form.getValues(), key);
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

/**
 * Runs a save: field errors go beside their inputs, other failures to a notification.
 * `onError` sees every failure first (e.g. to offer a link the error's parameters point to).
 */
export function useSaver(setFieldError: (field: string, message: string) => void, fields: readonly string[], onDone: () => void, onError?: (e: unknown) => void) {
  const [busy, setBusy] = useState(false);
  const run = async (save: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await save();
      notifySaved();
      onDone();
    } catch (e) {
      onError?.(e);
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
  footer,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: (e?: FormEvent<HTMLFormElement>) => void;
  busy: boolean;
  size?: string | number;
  /** Extra content at the start of the button row (e.g. a form-level error). */
  footer?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{title}</Text>} size={size} centered closeOnClickOutside={false}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {children}
          <Group justify="space-between" mt="xs" wrap="nowrap">
            {footer ?? (
              <Text size="xs" c="dimmed">
                {t('common.escHint')}
              </Text>
            )}
            <Group gap="sm" wrap="nowrap">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
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
