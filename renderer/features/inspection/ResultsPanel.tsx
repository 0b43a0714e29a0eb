/** Results: ranking per type with the stated tie rule, exports (xlsx, bulletin PDF), deductions → ledger. */
import { Autocomplete, Badge, Button, Group, Modal, NumberInput, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { points, TIE_RULE_EN } from '@shared/inspection/scoring';
import type { Finding, RoundResults } from '@shared/domain/inspection';
import { addDays } from '@shared/ledger/views';
import { call, useCall } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { TaskBar, useTask } from '../roster/common';
import { useInspT } from './common';

export function ResultsPanel({ roundId }: { roundId: string }) {
  const { t, typeName, lang } = useInspT();
  const res = useCall('inspection.results', { roundId });
  const [raising, setRaising] = useState<Finding | null>(null);
  const r = res.data;
  if (!r) return res.error ? <Text c="red">{res.error.message}</Text> : null;
  return (
    <Stack>
      <Exports r={r} />
      <Text size="sm" c="dimmed" data-testid="tie-rule">
        {lang === 'en' ? TIE_RULE_EN : r.tieRule}
      </Text>
      {r.rankings.map((k) => (
        <Paper key={k.type} withBorder p="sm">
          <Title order={5} mb="xs">
            {t('results.typeHeading', { type: typeName(k.type), of: t('sheet.of', { max: points(k.totalMax) }) })}
          </Title>
          <Table striped aria-label={`${typeName(k.type)} ${t('results.rank')}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('results.rank')}</Table.Th>
                <Table.Th>{t('results.name')}</Table.Th>
                <Table.Th>{t('results.total')}</Table.Th>
                <Table.Th>{t('results.self')}</Table.Th>
                <Table.Th>{t('results.deducted')}</Table.Th>
                <Table.Th>{t('results.group')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {k.rows.map((x) => (
                <Table.Tr key={x.targetId}>
                  <Table.Td>{x.rank ?? '—'}</Table.Td>
                  <Table.Td>
                    {x.name}{' '}
                    {x.vetoed && (
                      <Badge color="red" size="sm">
                        {t('results.veto')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{x.done ? points(x.total) : t('results.notScored')}</Table.Td>
                  <Table.Td>{x.selfScore === null ? '' : points(x.selfScore)}</Table.Td>
                  <Table.Td>{x.done ? x.deductedItems : ''}</Table.Td>
                  <Table.Td>{x.group}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      <Paper withBorder p="sm">
        <Title order={5} mb="xs">
          {t('results.findings', { count: r.findings.length })}
        </Title>
        {r.findings.length === 0 ? (
          <Text c="dimmed">{t('results.noFindings')}</Text>
        ) : (
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('results.name')}</Table.Th>
                <Table.Th>{t('results.item')}</Table.Th>
                <Table.Th w={90}>{t('results.lost')}</Table.Th>
                <Table.Th>{t('results.note')}</Table.Th>
                <Table.Th w={150} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.findings.map((f) => (
                <Table.Tr key={`${f.targetId}:${f.itemId}`}>
                  <Table.Td>{f.targetName}</Table.Td>
                  <Table.Td>{f.item}</Table.Td>
                  <Table.Td>{f.mode === 'veto' ? t('results.veto') : `${points(f.score)} / ${points(f.max)}`}</Table.Td>
                  <Table.Td>{f.note}</Table.Td>
                  <Table.Td>
                    {f.ledgerSeq !== null ? (
                      <Badge variant="light">{t('results.inLedger', { seq: f.ledgerSeq })}</Badge>
                    ) : (
                      <Button size="compact-sm" variant="light" onClick={() => setRaising(f)} aria-label={`${t('results.toLedger')} ${f.targetName} ${f.item}`}>
                        {t('results.toLedger')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <RaiseModal r={r} finding={raising} onClose={() => setRaising(null)} onDone={() => void res.reload()} />
    </Stack>
  );
}

function Exports({ r }: { r: RoundResults }) {
  const { t } = useInspT();
  const task = useTask();
  const [topN, setTopN] = useState<number | string>(3);
  const [label, setLabel] = useState('');
  const xlsx = async () => {
    setLabel(t('results.exporting'));
    try {
      const out = await task.run((taskId) => call('inspection.results.export', { roundId: r.round.id, taskId }));
      if (out) notifications.show({ color: 'green', message: t('results.exported', { name: out.name }) });
    } catch (e) {
      notifyError(e);
    }
  };
  const pdf = async () => {
    setLabel(t('results.writing'));
    try {
      const out = await task.run((taskId) => call('inspection.bulletin', { roundId: r.round.id, taskId, topN: Number(topN) || 3 }));
      if (out) notifications.show({ color: 'green', message: t('results.bulletinDone', { name: out.name, pages: out.pages }) });
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <Group align="flex-end">
      <Button variant="light" onClick={() => void xlsx()} loading={task.running}>
        {t('results.exportXlsx')}
      </Button>
      <NumberInput label={t('results.topN')} value={topN} onChange={setTopN} min={1} max={10} w={130} />
      <Button onClick={() => void pdf()} loading={task.running}>
        {t('results.bulletin')}
      </Button>
      <Modal opened={task.running} onClose={task.cancel} withCloseButton={false} centered title={label}>
        <TaskBar progress={task.progress} label={label} onCancel={task.cancel} />
      </Modal>
    </Group>
  );
}

function RaiseModal({ r, finding, onClose, onDone }: { r: RoundResults; finding: Finding | null; onClose: () => void; onDone: () => void }) {
  const { t } = useInspT();
  return (
    <Modal opened={finding !== null} onClose={onClose} title={<Text fw={600}>{t('results.ledgerTitle')}</Text>} centered size="lg">
      {finding && <RaiseForm key={`${finding.targetId}/${finding.itemId}`} r={r} finding={finding} onClose={onClose} onDone={onDone} />}
    </Modal>
  );
}

/** The ledger item's own fields (整改措施, 牵头单位, 责任人) can be given right here; 责任人 and 整改措施 are
 * needed before the item can go to 待验收, so the form says so rather than letting it be forgotten. */
function RaiseForm({ r, finding, onClose, onDone }: { r: RoundResults; finding: Finding; onClose: () => void; onDone: () => void }) {
  const { t } = useInspT();
  const opts = useCall('inspection.finding.options', {});
  const [category, setCategory] = useState<string | null>(null);
  const [deadline, setDeadline] = useState('');
  const [measures, setMeasures] = useState('');
  const [leadUnit, setLeadUnit] = useState('');
  const [person, setPerson] = useState('');
  const [busy, setBusy] = useState(false);
  const today = opts.data?.today ?? '';
  const dl = deadline || (today ? addDays(today, 30) : '');
  const cat = category ?? opts.data?.categories[0] ?? null;
  const raise = async () => {
    if (!cat) return;
    setBusy(true);
    try {
      const item = await call('inspection.finding.toLedger', {
        roundId: r.round.id,
        targetId: finding.targetId,
        itemId: finding.itemId,
        category: cat,
        deadline: dl,
        measures: measures.trim(),
        leadUnit: leadUnit.trim(),
        responsiblePerson: person.trim(),
      });
      notifications.show({ color: 'green', message: t('results.raised', { seq: item.seq }) });
      onClose();
      onDone();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack>
      <Text size="sm">{t('results.source', { round: r.round.name, target: finding.targetName, item: finding.item })}</Text>
      {finding.note && (
        <Text size="sm" c="dimmed">
          {finding.note}
        </Text>
      )}
      <Group grow align="flex-start">
        <Select label={t('results.category')} data={opts.data?.categories ?? []} value={cat} onChange={setCategory} allowDeselect={false} />
        <TextInput type="date" label={t('results.deadline')} value={dl} min={today || undefined} onChange={(e) => setDeadline(e.currentTarget.value)} />
      </Group>
      <Textarea label={t('results.measures')} autosize minRows={2} maxRows={6} maxLength={2000} value={measures} onChange={(e) => setMeasures(e.currentTarget.value)} />
      <Group grow align="flex-start">
        <Autocomplete label={t('results.leadUnit')} data={opts.data?.units ?? []} limit={50} maxLength={100} value={leadUnit} onChange={setLeadUnit} />
        <TextInput label={t('results.responsibleUnit')} value={finding.targetName} readOnly />
        <Autocomplete label={t('results.person')} data={opts.data?.people ?? []} limit={50} maxLength={60} value={person} onChange={setPerson} />
      </Group>
      {(!measures.trim() || !person.trim()) && (
        <Text size="sm" c="dimmed">
          {t('results.laterHint')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={() => void raise()} loading={busy} disabled={!cat || !dl}>
          {t('results.raise')}
        </Button>
      </Group>
    </Stack>
  );
}
