import { Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Placeholder until the organisation screens land (being built in this session).
export function OrgPage({ tab }: { tab?: string }) {
  const { t } = useTranslation();
  return <Title order={2}>{t('nav.org')} {tab}</Title>;
}
