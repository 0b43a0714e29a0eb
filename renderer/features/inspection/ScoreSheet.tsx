/**
 * Score entry for one target, keyboard first: Tab moves item → note → next item; numbers are
 * typed (points with one decimal, or the number of deductions); Space ticks pass/fail and veto;
 * Enter anywhere saves every item at once (nothing half-saved) and opens the next target.
 */
import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { parsePoints, points, totalOf, allItems } from '@shared/inspection/scoring';
import type { TargetSheet, TemplateItem } from '@shared/domain/inspection';
import { ApiError, call, useCall } from '../../api/client';
import { go } from '../../app/route';
import { errorText } from '../../i18n';
import { notifyError } from '../../ui/notify';
import { useInspT } from './common';

type Entry = { text: string; flag: boolean; note: string };

function initial(sheet: TargetSheet): Record<string, Entry> {
  const saved = new Map(sheet.scores.map((s) => [s.itemId, s]));
  const out: Record<string, Entry> = {};
  for (const it of allItems(sheet.sections)) {
    const s = saved.get(it.id);
    const v = s?.value ?? null;
    out[it.id] = {
      text: it.mode === 'points' ? (v === null ? '' : points(v)) : it.mode === 'deduct' ? String(v ?? 0) : '',
      flag: it.mode === 'passfail' ? (v ?? 1) === 1 : it.mode === 'veto' ? v === 1 : false,
      note: s?.note ?? '',
    };
  }
  return out;
}

function valueOf(it: TemplateItem, e: Entry): number | null {
  switch (it.mode) {
    case 'points':
      return parsePoints(e.text);
    case 'deduct':
      return /^\d+$/.test(e.text.trim()) ? Number(e.text.trim()) : e.text.trim() === '' ? 0 : null;
    case 'passfail':
      return e.flag ? 1 : 0;
    case 'veto':
      return e.flag ? 1 : 0;
  }
}

export function ScoreSheet({ targetId }: { targetId: string }) {
  const { t } = useInspT();
  const res = useCall('inspection.sheet.get', { targetId });
  const [sheet, setSheet] = useState<TargetSheet | null>(null);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [self, setSelf] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!res.data) return;
    setSheet(res.data);
    setEntries(initial(res.data));
    setSelf(res.data.target.selfScore === null ? '' : points(res.data.target.selfScore));
    setErrors({});
  }, [res.data]);
  const items = useMemo(() => (sheet ? allItems(sheet.sections) : []), [sheet]);
  const live = useMemo(() => totalOf(items, new Map(items.map((i) => [i.id, entries[i.id] ? valueOf(i, entries[i.id]) : null]))), [items, entries]);
  if (!sheet) return res.error ? <Text c="red">{res.error.message}</Text> : null;
  const readOnly = sheet.round.status === 'finished';
  const set = (id: string, patch: Partial<Entry>) => setEntries((m) => ({ ...m, [id]: { ...m[id], ...patch } }));

  const save = async (andNext: boolean) => {
    if (readOnly || busy) return;
    setBusy(true);
    setErrors({});
    try {
      const selfScore = self.trim() === '' ? null : (parsePoints(self) ?? -1);
      const saved = await call('inspection.sheet.save', {
        targetId,
        selfScore,
        scores: items.map((i) => ({ itemId: i.id, value: valueOf(i, entries[i.id]), note: entries[i.id].note })),
      });
      notifications.show({ color: 'green', message: t('sheet.saved', { name: saved.target.name, total: points(saved.target.total ?? 0) }), autoClose: 2500 });
      if (andNext) go(saved.nextTargetId ? `inspections/score/${saved.nextTargetId}` : `inspections/round/${sheet.round.id}`);
      else setSheet(saved);
    } catch (e) {
      if (e instanceof ApiError && e.info.field) {
        const f = e.info.field.startsWith('score.') ? e.info.field.slice(6) : e.info.field;
        setErrors({ [f]: errorText(e.info) });
        document.getElementById(`score-${f}`)?.focus();
      } else notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    const el = e.target as HTMLElement;
    // Ctrl+E: evidence for the item whose field has the focus (the per-item buttons stay out of
    // the Tab order so that Tab goes from score to score).
    if (e.key.toLowerCase() === 'e' && (e.ctrlKey || e.metaKey) && !e.altKey && !readOnly) {
      e.preventDefault();
      const row = el.closest<HTMLElement>('[data-item-id]');
      void evidence(row?.dataset.itemId ?? null);
      return;
    }
    if (e.key === 'Enter' && el.tagName !== 'BUTTON' && el.tagName !== 'TEXTAREA') {
      e.preventDefault();
      void save(true);
    }
  };
  const evidence = async (itemId: string | null) => {
    try {
      const r = await call('inspection.evidence.add', { targetId, itemId });
      if (r) setSheet(r);
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack onKeyDown={onKey}>
      <Anchor href={`#/inspections/round/${sheet.round.id}`} onClick={(e) => (e.preventDefault(), go(`inspections/round/${sheet.round.id}`))} size="sm">
        ← {t('sheet.backTo', { back: t('sheet.back'), round: sheet.round.name })}
      </Anchor>
      <Group justify="space-between">
        <Title order={3}>{t('sheet.title', { name: sheet.target.name })}</Title>
        <Group>
          {live.vetoed && <Badge color="red">{t('sheet.vetoed')}</Badge>}
          <Text fw={600} size="lg" aria-live="polite" data-testid="live-total">
            {t('sheet.total')} {t('sheet.totalOf', { total: points(live.total), of: t('sheet.of', { max: points(sheet.totalMax) }) })}
          </Text>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {readOnly ? t('sheet.finishedNote') : t('sheet.hint')}
      </Text>
      <Group align="flex-end">
        <TextInput
          id="score-selfScore"
          label={t('sheet.self')}
          value={self}
          onChange={(e) => setSelf(e.currentTarget.value)}
          error={errors.selfScore}
          w={140}
          disabled={readOnly}
          inputMode="decimal"
          data-autofocus
          autoFocus
        />
      </Group>
      {sheet.sections.map((sec) => (
        <Paper key={sec.title} withBorder p="xs">
          <Text fw={600} mb={4}>
            {sec.title}
          </Text>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sheet.item')}</Table.Th>
                <Table.Th w={60}>{t('sheet.max')}</Table.Th>
                <Table.Th w={150}>{t('sheet.value')}</Table.Th>
                <Table.Th w={260}>{t('sheet.note')}</Table.Th>
                <Table.Th w={170}>{t('sheet.evidence')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sec.items.map((it) => {
                const e = entries[it.id];
                if (!e) return null;
                const files = sheet.evidence.filter((x) => x.itemId === it.id);
                const seq = sheet.scores.find((s) => s.itemId === it.id)?.ledgerSeq;
                return (
                  <Table.Tr key={it.id} data-item-id={it.id}>
                    <Table.Td>
                      <Text size="sm">{it.title}</Text>
                      <Text size="xs" c="dimmed">
                        {t(`modes.${it.mode}`)}
                        {it.mode === 'deduct' ? ` · ${t('sheet.perTimes', { per: points(it.per) })}` : ''}
                        {it.guidance ? ` · ${it.guidance}` : ''}
                      </Text>
                      {seq ? (
                        <Badge size="xs" variant="light">
                          {t('sheet.ledger', { seq })}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>{it.mode === 'veto' ? '—' : points(it.max)}</Table.Td>
                    <Table.Td>
                      {it.mode === 'points' || it.mode === 'deduct' ? (
                        <TextInput
                          id={`score-${it.id}`}
                          size="xs"
                          aria-label={`${it.mode === 'points' ? t('sheet.points') : t('sheet.times')} ${it.title}`}
                          value={e.text}
                          onChange={(ev) => set(it.id, { text: ev.currentTarget.value })}
                          error={errors[it.id]}
                          disabled={readOnly}
                          inputMode="decimal"
                          rightSection={<Text size="xs" c="dimmed">{t(it.mode === 'points' ? 'sheet.unitPoints' : 'sheet.unitTimes')}</Text>}
                          rightSectionWidth={44}
                        />
                      ) : (
                        <Stack gap={2}>
                          <Checkbox
                            id={`score-${it.id}`}
                            label={it.mode === 'passfail' ? t('sheet.pass') : t('sheet.veto')}
                            aria-label={`${it.mode === 'passfail' ? t('sheet.pass') : t('sheet.veto')} ${it.title}`}
                            checked={e.flag}
                            color={it.mode === 'veto' ? 'red' : undefined}
                            onChange={(ev) => set(it.id, { flag: ev.currentTarget.checked })}
                            disabled={readOnly}
                          />
                          {errors[it.id] && (
                            <Text size="xs" c="red">
                              {errors[it.id]}
                            </Text>
                          )}
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <TextInput size="xs" aria-label={`${t('sheet.note')} ${it.title}`} value={e.note} onChange={(ev) => set(it.id, { note: ev.currentTarget.value })} disabled={readOnly} />
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        {files.map((f) => (
                          <EvidenceLine key={f.id} id={f.id} name={f.originalName} readOnly={readOnly} onRemoved={setSheet} />
                        ))}
                        {!readOnly && (
                          <Button size="compact-xs" variant="subtle" tabIndex={-1} aria-keyshortcuts="Control+E" onClick={() => void evidence(it.id)} aria-label={t('sheet.addEvidenceFor', { title: it.title })}>
                            {t('sheet.addEvidence')}
                          </Button>
                        )}
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      <Group>
        {sheet.evidence
          .filter((x) => !x.itemId)
          .map((f) => (
            <EvidenceLine key={f.id} id={f.id} name={f.originalName} readOnly={readOnly} onRemoved={setSheet} />
          ))}
      </Group>
      {!readOnly && (
        <Group>
          <Button onClick={() => void save(true)} loading={busy}>
            {t('sheet.saveNext')}
          </Button>
          <Button variant="default" onClick={() => void save(false)} disabled={busy}>
            {t('sheet.save')}
          </Button>
          <Button variant="subtle" onClick={() => void evidence(null)}>
            {t('sheet.addEvidence')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function EvidenceLine({ id, name, readOnly, onRemoved }: { id: string; name: string; readOnly: boolean; onRemoved: (s: TargetSheet) => void }) {
  const { t } = useInspT();
  return (
    <Group gap={4} wrap="nowrap">
      <Anchor component="button" type="button" size="xs" onClick={() => void call('inspection.evidence.open', { id }).catch(notifyError)} title={t('sheet.openFile')}>
        {name}
      </Anchor>
      {!readOnly && (
        <Button size="compact-xs" variant="subtle" color="red" tabIndex={-1} onClick={() => void call('inspection.evidence.remove', { id }).then(onRemoved, notifyError)}>
          {t('sheet.remove')}
        </Button>
      )}
    </Group>
  );
}
