/** One ledger item: its columns, the transitions valid for its state, progress, evidence, history. */
import { Alert, Button, Divider, Drawer, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedTransitions } from '@shared/ledger/state';
import type { LedgerItemDetail, LedgerStatus } from '@shared/domain/ledger';
import { call, useCall } from '../../api/client';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { notifyError, notifySaved } from '../../ui/notify';
import { applyFieldError } from '../../ui/fieldErrors';
import { DeadlineNote, LedgerStatusBadge, useLedgerT, when } from './common';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {children || '—'}
      </Text>
    </div>
  );
}

export function LedgerDrawer({ id, today, onClose, onChanged, onEdit }: { id: string; today: string; onClose: () => void; onChanged: () => void; onEdit: (d: LedgerItemDetail) => void }) {
  const { t } = useLedgerT();
  const detail = useCall('ledger.get', { id });
  const [note, setNote] = useState('');
  const [progressError, setProgressError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<LedgerStatus | null>(null);
  const d = detail.data;

  const changed = (v: LedgerItemDetail) => {
    void detail.reload();
    onChanged();
    return v;
  };
  const addProgress = async () => {
    setBusy(true);
    try {
      changed(await call('ledger.progress.add', { id, note }));
      setNote('');
      setProgressError(null);
      notifySaved();
    } catch (e) {
      if (!applyFieldError(e, (_f, m) => setProgressError(m), ['note'])) notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const addEvidence = async () => {
    try {
      const r = await call('ledger.evidence.add', { id });
      if (r) changed(r);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={<Title order={4}>{d ? t('detail.title', { seq: d.item.seq }) : '…'}</Title>}>
      {detail.error && !d && <Alert color="red">{detail.error.message}</Alert>}
      {d && (
        <Stack gap="md" data-testid="ledger-detail">
          <Group justify="space-between">
            <Group gap="xs">
              <LedgerStatusBadge status={d.item.status} />
              <DeadlineNote deadline={d.item.deadline} today={today} closed={d.item.status === 'closed'} />
            </Group>
            <Group gap="xs">
              {allowedTransitions(d.item.status).map((to) => (
                <Button
                  key={to}
                  size="xs"
                  color={to === 'closed' ? 'green' : d.item.status === 'closed' || d.item.status === 'awaiting_check' ? 'orange' : 'blue'}
                  variant={to === 'closed' ? 'filled' : 'light'}
                  onClick={() => setAsking(to)}
                >
                  {d.item.status === 'closed' ? t('detail.reopen') : d.item.status === 'awaiting_check' && to === 'in_progress' ? t('detail.sendBack') : t(`detail.transitionTo.${to}`)}
                </Button>
              ))}
              <Button size="xs" variant="default" onClick={() => onEdit(d)}>
                {t('detail.edit')}
              </Button>
            </Group>
          </Group>
          <SimpleGrid cols={2} spacing="sm">
            <Field label={t('col.source')}>{t('list.sourceLine', { kind: t(`source.${d.item.sourceKind}`), text: d.item.sourceText })}</Field>
            <Field label={t('col.category')}>{d.item.category}</Field>
            <Field label={t('col.leadUnit')}>{d.item.leadUnit}</Field>
            <Field label={t('col.responsibleUnit')}>{d.item.responsibleUnit}</Field>
            <Field label={t('col.responsiblePerson')}>{d.item.responsiblePerson}</Field>
            <Field label={t('col.deadline')}>{d.item.deadline}</Field>
          </SimpleGrid>
          <Field label={t('col.description')}>{d.item.description}</Field>
          <Field label={t('col.measures')}>{d.item.measures}</Field>
          {d.item.verification && (
            <Alert color="green" variant="light" data-testid="ledger-verification">
              {t('detail.verification', { ...d.item.verification })}
            </Alert>
          )}

          <Divider label={t('detail.progress')} labelPosition="left" />
          {d.progress.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('detail.progressEmpty')}
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} active={d.progress.length}>
              {d.progress.map((p) => (
                <Timeline.Item key={p.id} title={<Text size="sm">{p.note}</Text>}>
                  <Text size="xs" c="dimmed">
                    {t('detail.by', { by: p.by, at: when(p.at) })}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          )}
          <Group align="flex-start" wrap="nowrap">
            <Textarea
              style={{ flex: 1 }}
              aria-label={t('detail.progressAdd')}
              placeholder={t('detail.progressPlaceholder')}
              autosize
              minRows={1}
              value={note}
              error={progressError}
              onChange={(e) => setNote(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void addProgress();
              }}
            />
            <Button onClick={() => void addProgress()} loading={busy}>
              {t('detail.progressAdd')}
            </Button>
          </Group>

          <Divider label={t('detail.evidence')} labelPosition="left" />
          {d.evidence.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('detail.evidenceEmpty')}
            </Text>
          )}
          {d.evidence.map((e) => (
            <Group key={e.id} justify="space-between" wrap="nowrap" data-testid="ledger-evidence">
              <Text size="sm" truncate>
                {e.originalName}{' '}
                <Text span size="xs" c="dimmed">
                  {(e.size / 1024).toFixed(e.size < 10240 ? 1 : 0)} KB · {t('detail.by', { by: e.by, at: when(e.at) })}
                </Text>
              </Text>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-sm" variant="subtle" onClick={() => void call('ledger.evidence.open', { id: e.id }).catch(notifyError)}>
                  {t('detail.evidenceOpen')}
                </Button>
                <ConfirmDelete
                  name={e.originalName}
                  label={t('detail.evidenceRemove')}
                  text={<Text mb="lg">{t('detail.evidenceRemoveText', { name: e.originalName })}</Text>}
                  onConfirm={async () => void changed(await call('ledger.evidence.remove', { id: e.id }))}
                />
              </Group>
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => void addEvidence()}>
              {t('detail.evidenceAdd')}
            </Button>
          </Group>

          <Divider label={t('detail.history')} labelPosition="left" />
          <Stack gap={4}>
            {d.transitions.map((x) => (
              <Text key={x.id} size="xs" c="dimmed">
                {when(x.at)} · {t('list.historyLine', { by: x.by, from: t(`status.${x.from}`), to: t(`status.${x.to}`) })}
                {x.note ? t('list.historyNote', { note: x.note }) : ''}
              </Text>
            ))}
          </Stack>
        </Stack>
      )}
      {d && asking && (
        <TransitionModal
          detail={d}
          to={asking}
          today={today}
          onClose={() => setAsking(null)}
          onDone={(v) => {
            setAsking(null);
            changed(v);
            notifySaved(t('detail.transitionDone', { status: t(`status.${v.item.status}`) }));
          }}
        />
      )}
    </Drawer>
  );
}

/** Confirms a transition; closing asks for the verification, reopening and sending back for a reason. */
function TransitionModal({ detail, to, today, onClose, onDone }: { detail: LedgerItemDetail; to: LedgerStatus; today: string; onClose: () => void; onDone: (d: LedgerItemDetail) => void }) {
  const { t } = useLedgerT();
  const { t: tc } = useTranslation();
  const from = detail.item.status;
  const closing = to === 'closed';
  const needsReason = from === 'closed' || (from === 'awaiting_check' && to === 'in_progress');
  const [note, setNote] = useState('');
  const [vNote, setVNote] = useState('');
  const [vBy, setVBy] = useState('');
  const [vDate, setVDate] = useState(today);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      onDone(await call('ledger.transition', { id: detail.item.id, to, note, verification: closing ? { note: vNote, by: vBy, date: vDate } : null }));
    } catch (err) {
      const fields = ['note', 'verification.note', 'verification.by', 'verification.date'];
      if (!applyFieldError(err, (f, m) => setErrors({ [f]: m }), fields)) notifyError(err);
    } finally {
      setBusy(false);
    }
  };
  const title = closing ? t('close.title') : from === 'closed' ? t('detail.reopen') : from === 'awaiting_check' && to === 'in_progress' ? t('detail.sendBack') : t(`detail.transitionTo.${to}`);
  return (
    <Modal opened onClose={onClose} title={<Text fw={600}>{title}</Text>} centered closeOnClickOutside={false}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          {closing ? (
            <>
              <Text size="sm">{t('close.intro')}</Text>
              <Textarea label={t('close.note')} required autosize minRows={2} value={vNote} onChange={(e) => setVNote(e.currentTarget.value)} error={errors['verification.note']} data-autofocus />
              <Group grow align="flex-start">
                <TextInput label={t('close.by')} required value={vBy} onChange={(e) => setVBy(e.currentTarget.value)} error={errors['verification.by']} />
                <TextInput label={t('close.date')} type="date" required max={today} value={vDate} onChange={(e) => setVDate(e.currentTarget.value)} error={errors['verification.date']} />
              </Group>
            </>
          ) : (
            <Textarea
              label={needsReason ? t('detail.reasonLabel') : t('detail.noteLabel')}
              required={needsReason}
              autosize
              minRows={2}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={errors.note}
              data-autofocus
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={closing ? 'green' : undefined}>
              {closing ? t('close.submit') : title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
