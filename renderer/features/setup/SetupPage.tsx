import { Button, Center, Group, Paper, PasswordInput, SegmentedControl, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { PASSWORD_MIN } from '@shared/domain/account';
import { passwordProblem } from '../auth/AuthPages';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '@shared/domain/app';
import { DEFAULT_COUNTY } from '@shared/domain/org';
import { checkCountyCode, checkName } from '@shared/rules/org';
import { call } from '../../api/client';
import { applyFieldError } from '../../ui/fieldErrors';
import { notifyError } from '../../ui/notify';
import { setLanguage } from '../../i18n';

export function SetupPage({ status, onDone }: { status: AppStatus; onDone: () => void }) {
  const { t } = useTranslation();
  const [townships, setTownships] = useState(DEFAULT_COUNTY.townships);
  const [busy, setBusy] = useState(false);
  const form = useForm({
    mode: 'controlled',
    initialValues: { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: '', login: 'admin', password: '', confirm: '' },
    validateInputOnBlur: true,
    validate: {
      countyCode: (v) => {
        const e = checkCountyCode(v);
        return e ? t(`msg:${e.key}`, e.params) : null;
      },
      countyName: (v) => {
        const e = checkName(v);
        return e ? t(`msg:${e.key}`, e.params) : null;
      },
      operator: (v) => (v.trim() ? null : t('msg:operator.empty')),
      login: (v) => (v.trim() ? null : t('msg:auth.login.format')),
      password: (v) => (v ? passwordProblem(t, v, '') : t('auth.short', { min: PASSWORD_MIN })),
      confirm: (v, all) => passwordProblem(t, all.password, v) ?? (v ? null : t('auth.mismatch')),
    },
  });

  const submit = form.onSubmit(async (values) => {
    setBusy(true);
    try {
      const { login, password, confirm: _confirm, ...county } = values;
      await call('app.setup', { ...county, admin: { login, password }, townships });
      onDone();
    } catch (e) {
      if (!applyFieldError(e, form.setFieldError, ['countyCode', 'countyName', 'operator', 'login', 'password'])) notifyError(e);
    } finally {
      setBusy(false);
    }
  });

  return (
    <Center mih="100vh" p="lg" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={640}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between">
              <Title order={2} c="red.9">
                {t('setup.title')}
              </Title>
              <SegmentedControl
                size="xs"
                value={status.language}
                data={[
                  { value: 'zh-CN', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
                onChange={async (v) => {
                  setLanguage(v as 'zh-CN' | 'en');
                  try {
                    await call('settings.update', { language: v as 'zh-CN' | 'en' });
                  } catch (e) {
                    notifyError(e);
                  }
                }}
              />
            </Group>
            <Text c="dimmed">{t('setup.intro')}</Text>
            <Group grow align="flex-start">
              <TextInput label={t('setup.countyCode')} required maxLength={6} {...form.getInputProps('countyCode')} />
              <TextInput label={t('setup.countyName')} required {...form.getInputProps('countyName')} />
            </Group>
            <TextInput label={t('setup.operator')} description={t('setup.operatorHint')} required data-autofocus autoFocus {...form.getInputProps('operator')} />
            <Group grow align="flex-start">
              <TextInput label={t('auth.setupAdmin')} description={t('auth.setupAdminHint')} required autoComplete="username" {...form.getInputProps('login')} />
              <PasswordInput label={t('auth.password')} required autoComplete="new-password" inputWrapperOrder={['label', 'input', 'error']} {...form.getInputProps('password')} />
              <PasswordInput label={t('auth.confirm')} required autoComplete="new-password" inputWrapperOrder={['label', 'input', 'error']} {...form.getInputProps('confirm')} />
            </Group>
            <div>
              <Group justify="space-between" mb={4}>
                <Text fw={500} size="sm">
                  {t('setup.townships', { count: townships.length })}
                </Text>
                {townships.length > 0 ? (
                  <Button size="compact-xs" variant="subtle" onClick={() => setTownships([])}>
                    {t('setup.clearTownships')}
                  </Button>
                ) : (
                  <Button size="compact-xs" variant="subtle" onClick={() => setTownships(DEFAULT_COUNTY.townships)}>
                    {t('setup.restoreTownships')}
                  </Button>
                )}
              </Group>
              <Text size="xs" c="dimmed" mb={6}>
                {t('setup.townshipsHint')}
              </Text>
              {townships.length > 0 && (
                <Table withTableBorder striped fz="xs" verticalSpacing={2}>
                  <Table.Tbody>
                    {chunk(townships, 3).map((row, i) => (
                      <Table.Tr key={i}>
                        {row.map((tw) => (
                          <Table.Td key={tw.code}>
                            {tw.code} {tw.name}
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </div>
            <Text size="xs" c="dimmed">
              {t('setup.dataDir')}：{status.dataDir}
            </Text>
            <Button type="submit" loading={busy} size="md">
              {t('setup.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

function chunk<T>(list: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += n) out.push(list.slice(i, i + n));
  return out;
}
