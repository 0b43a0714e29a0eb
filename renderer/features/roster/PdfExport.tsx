/**
 * PDF printouts from the roster screens: 导出 PDF (the filtered list, internal or public) and
 * 打印明白卡 (one household or a village). The main process asks where to save; progress and
 * 取消 while it writes; then a notice with 打开, and one listing characters the font lacks.
 */
import { Anchor, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { addDays, localDay } from '@shared/ledger/views';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { RosterFilter } from '@shared/domain/roster';
import type { PdfMissingChar, PdfWritten } from '@shared/ipc/contract-pdf';
import { call } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { TaskBar, useTask } from './common';

const SHOWN = 12;

function usePdfT() {
  return useTranslation('pdf').t;
}

function useNotifyWritten() {
  const t = usePdfT();
  return (r: PdfWritten, title: string) => {
    notifications.show({
      color: 'green',
      title,
      autoClose: 10000,
      message: (
        <Text size="sm">
          {r.name}{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => void call('pdf.open', { fileToken: r.fileToken }).catch(notifyError)}>
            {t('open')}
          </Anchor>
        </Text>
      ),
    });
    if (r.missing.length) notifyMissing(r.missing, t);
  };
}

function notifyMissing(missing: PdfMissingChar[], t: ReturnType<typeof usePdfT>) {
  const people = missing.filter((m) => m.householdNumber);
  notifications.show({
    color: 'yellow',
    autoClose: false,
    title: t('missing.title', { count: people.length }),
    message: (
      <Stack gap={2} data-testid="pdf-missing">
        <Text size="sm">{t('missing.text')}</Text>
        {people.slice(0, SHOWN).map((m) => (
          <Text size="sm" key={`${m.householdNumber}-${m.name}`}>
            {t('missing.item', { name: m.name, number: m.householdNumber, chars: m.chars.join(' ') })}
          </Text>
        ))}
        {people.length > SHOWN && <Text size="sm">{t('missing.more', { count: people.length - SHOWN })}</Text>}
      </Stack>
    ),
  });
}

/** 导出 PDF: a menu of the internal list and the public (masked) version of the current filter. */
export function PdfRosterButton({ filter, disabled }: { filter: RosterFilter; disabled?: boolean }) {
  const t = usePdfT();
  const task = useTask();
  const written = useNotifyWritten();
  // The public version asks for its notice period (公示期) first: from today for 7 days.
  const [asking, setAsking] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const askPeriod = () => {
    const today = localDay(new Date());
    setFrom(today);
    setTo(addDays(today, 6));
    setAsking(true);
  };
  const periodError = from && to && to < from ? t('roster.periodOrder') : undefined;
  const run = async (masked: boolean) => {
    setAsking(false);
    try {
      const r = await task.run((taskId) => call('pdf.roster', masked ? { filter, masked, notice: { from, to }, taskId } : { filter, masked, taskId }));
      if (r) written(r, t('roster.done', { households: r.households.toLocaleString(), persons: r.persons.toLocaleString(), pages: r.pages.toLocaleString() }));
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button variant="light" loading={task.running} disabled={disabled}>
            {t('roster.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void run(false)}>{t('roster.internal')}</Menu.Item>
          <Menu.Item onClick={askPeriod}>{t('roster.public')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={asking} onClose={() => setAsking(false)} centered title={t('roster.periodTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (from && to && !periodError) void run(true);
          }}
        >
          <Stack>
            <Text size="sm">{t('roster.periodHint')}</Text>
            <Group grow>
              <TextInput type="date" label={t('roster.periodFrom')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} required data-autofocus />
              <TextInput type="date" label={t('roster.periodTo')} value={to} min={from || undefined} onChange={(e) => setTo(e.currentTarget.value)} required error={periodError} />
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>
                {t('roster.cancel')}
              </Button>
              <Button type="submit" disabled={!from || !to || !!periodError}>
                {t('roster.make')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <Modal opened={task.running && task.progress !== null} onClose={task.cancel} withCloseButton={false} centered title={t('roster.title')}>
        <TaskBar progress={task.progress} label={t('roster.running')} onCancel={task.cancel} />
      </Modal>
    </>
  );
}

/** 打印明白卡 for one household, or 打印本村明白卡 for a village. */
export function PdfCardsButton({ householdId, villageId, size }: { householdId?: string; villageId?: string; size?: 'sm' | 'md' }) {
  const t = usePdfT();
  const task = useTask();
  const written = useNotifyWritten();
  const run = async () => {
    try {
      const r = await task.run((taskId) => call('pdf.cards', householdId ? { householdId, taskId } : { villageId, taskId }));
      if (r) written(r, t('cards.done', { households: r.households.toLocaleString(), pages: r.pages.toLocaleString() }));
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <>
      <Button variant="light" size={size} onClick={() => void run()} loading={task.running}>
        {householdId ? t('cards.household') : t('cards.village')}
      </Button>
      <Modal opened={task.running && task.progress !== null} onClose={task.cancel} withCloseButton={false} centered title={t('cards.title')}>
        <TaskBar progress={task.progress} label={t('cards.running')} onCancel={task.cancel} />
      </Modal>
    </>
  );
}
