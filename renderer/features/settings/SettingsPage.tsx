import { Button, Group, Paper, SegmentedControl, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@shared/domain/app';
import type { Lang } from '@shared/i18n/messages';
import { call } from '../../api/client';
import { setLanguage, withParen } from '../../i18n';
import { notifyError, notifySaved } from '../../ui/notify';
import { CodesSection } from './CodesSection';
import { LinesSection } from './LinesSection';
import { BackupSection } from './BackupSection';
import { AccountsSection } from './AccountsSection';
import { DocSection } from './DocSection';

export function SettingsPage({ status, onChange }: { status: AppStatus; onChange: () => void }) {
  const { t } = useTranslation();
  const [operator, setOperator] = useState(status.operator ?? '');
  const update = async (input: { language?: Lang; operator?: string }) => {
    try {
      await call('settings.update', input);
      if (input.language) setLanguage(input.language);
      notifySaved();
      onChange();
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Stack maw={900}>
      <Title order={2}>{t('settings.title')}</Title>
      <Paper withBorder p="md">
        <Stack>
          <div>
            <label htmlFor="lang" style={{ fontSize: 14, fontWeight: 500 }}>
              {t('settings.language')}
            </label>
            <div>
              <SegmentedControl
                id="lang"
                value={status.language}
                data={[
                  { value: 'zh-CN', label: '中文（简体）' },
                  { value: 'en', label: 'English' },
                ]}
                onChange={(v) => void update({ language: v as Lang })}
              />
            </div>
          </div>
          {!status.accounts && (
          <Group align="flex-end">
            <TextInput label={t('settings.operator')} value={operator} onChange={(e) => setOperator(e.currentTarget.value)} w={240} />
            <Button variant="light" onClick={() => void update({ operator })} disabled={operator.trim() === status.operator}>
              {t('settings.saveOperator')}
            </Button>
          </Group>
          )}
        </Stack>
      </Paper>
      <Table withTableBorder variant="vertical">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={160}>{t('settings.county')}</Table.Th>
            <Table.Td>
              {withParen(status.county?.name ?? '', status.county?.code ?? '')}
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('settings.dataDir')}</Table.Th>
            <Table.Td>{status.dataDir}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('settings.schema')}</Table.Th>
            <Table.Td>{status.schemaVersion}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('settings.version')}</Table.Th>
            <Table.Td>{status.appVersion}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      {status.ready && <DocSection lang={status.language} canEdit={!status.accounts || status.session?.role === 'admin'} />}
      <AccountsSection status={status} onChange={onChange} />
      {(!status.accounts || status.session?.role === 'admin') && <BackupSection onRestored={onChange} />}
      <LinesSection />
      <CodesSection />
    </Stack>
  );
}
