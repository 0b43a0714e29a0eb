import { Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown for sections whose feature has not been built yet; says so plainly. */
export function ComingSoon({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" maw={640}>
      <Title order={3} mb="sm">
        {t('soon.title', { name })}
      </Title>
      <Text c="dimmed">{t('soon.text')}</Text>
    </Paper>
  );
}
