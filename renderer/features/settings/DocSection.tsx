/** 公文与公示: the issuing office on both bulletins and the complaint phone on the public roster (公示版). */
import { Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '@shared/i18n/messages';
import { formatMessage } from '@shared/i18n/messages';
import { checkComplaintPhone, checkIssuer } from '@shared/rules/doc-settings';
import { call, useCall } from '../../api/client';
import { notifyError, notifySaved } from '../../ui/notify';

export function DocSection({ lang, canEdit }: { lang: Lang; canEdit: boolean }) {
  const { t } = useTranslation();
  const q = useCall('settings.documents.get', {});
  const [issuer, setIssuer] = useState('');
  const [phone, setPhone] = useState('');
  const [tried, setTried] = useState(false);
  useEffect(() => {
    if (q.data) {
      setIssuer(q.data.issuer);
      setPhone(q.data.complaintPhone);
    }
  }, [q.data]);
  const issuerErr = checkIssuer(issuer.trim());
  const phoneErr = checkComplaintPhone(phone.trim());
  const save = async () => {
    setTried(true);
    if (issuerErr || phoneErr) return;
    try {
      await call('settings.documents.save', { issuer, complaintPhone: phone });
      notifySaved();
      void q.reload();
    } catch (e) {
      notifyError(e);
    }
  };
  const changed = !!q.data && (issuer.trim() !== q.data.issuer || phone.trim() !== q.data.complaintPhone);
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Stack gap="sm">
          <div>
            <Title order={4}>{t('settings.docs.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('settings.docs.hint')}
            </Text>
          </div>
          <TextInput
            label={t('settings.docs.issuer')}
            description={t('settings.docs.issuerHint')}
            value={issuer}
            onChange={(e) => setIssuer(e.currentTarget.value)}
            error={(tried || issuer) && issuerErr ? formatMessage(issuerErr, {}, lang) : undefined}
            disabled={!canEdit}
            maw={480}
          />
          <TextInput
            label={t('settings.docs.phone')}
            description={t('settings.docs.phoneHint')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={phoneErr && (tried || phone.length >= 7) ? formatMessage(phoneErr, {}, lang) : undefined}
            disabled={!canEdit}
            w={240}
          />
          {canEdit && (
            <Group>
              <Button type="submit" variant="light" disabled={!changed}>
                {t('settings.docs.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
