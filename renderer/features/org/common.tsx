/** Pieces shared by the organisation tabs: translation and the list frame; forms and tables come from renderer/ui. */
import { Alert, Box, Button, EmptyState, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleFailure } from '@shared/rules/org';
import type { ApiError } from '../../api/client';
import { errorText } from '../../i18n';

export { caretToEnd, FormModal, useLiveForm, useSaver, type Editing } from '../../ui/forms';
export { actionsColumn, pagingProps, RowActions, tableProps } from '../../ui/table';

/** Translation for the `org` namespace plus the shared rule messages (namespace `msg`). */
export function useOrgT() {
  const { t, i18n } = useTranslation('org');
  const rule = (f: RuleFailure | null): string | null => (f ? t(`msg:${f.key}`, f.params) : null);
  const genderText = (g: string) => (g === '女' ? t('cadre.female') : g === '男' ? t('cadre.male') : g);
  return { t, rule, genderText, lang: i18n.language };
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
