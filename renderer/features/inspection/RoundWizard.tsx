/** 新建考核轮次: basics → targets by type (select all per type) → inspection groups. */
import { Button, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Stepper, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { BUILTIN_TARGET_TYPES, CAMPAIGN_THEMES } from '@shared/domain/inspection';
import { call, useCall } from '../../api/client';
import { notifyError } from '../../ui/notify';
import { splitNames, useInspT } from './common';

const CN_NUM = '一二三四五六七八九十';
const splitLines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

/** What is wrong with a round's period as typed: no start, or an end before the start (null when fine). */
function periodProblem(start: string, end: string): 'start' | 'order' | null {
  if (!start) return 'start';
  if (end && end < start) return 'order';
  return null;
}

export function RoundWizard({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (id: string) => void }) {
  const { t, typeName } = useInspT();
  const [step, setStep] = useState(0);
  const [name, setName] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [theme, setTheme] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  /** Targets of the office's own types (not in the org registry): names typed one per line. */
  const [freeNames, setFreeNames] = useState<Record<string, string>>({});
  const [groups, setGroups] = useState([{ name: '第一督查组', inspectors: '' }]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const candidates = useCall('inspection.rounds.candidates', {});
  const templates = useCall('inspection.templates.list', {});
  useEffect(() => {
    if (opened) {
      setStep(0);
      setError('');
      void candidates.reload();
      void templates.reload();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);
  const withTemplate = useMemo(() => new Set((templates.data ?? []).map((x) => x.targetType)), [templates.data]);
  const key = (c: { type: string; refId: string }) => `${c.type}:${c.refId}`;
  const byType = BUILTIN_TARGET_TYPES.map((type) => ({ type, list: (candidates.data ?? []).filter((c) => c.type === type) }));
  const ownTypes = [...withTemplate].filter((type) => !(BUILTIN_TARGET_TYPES as readonly string[]).includes(type));
  const freeTargets = ownTypes.flatMap((type) => [...new Set(splitLines(freeNames[type] ?? ''))].map((name) => ({ type, refId: null, name })));

  const next = () => {
    if (step === 0) {
      if (!name.trim()) return setError(t('wizard.needName'));
      // The period is checked where it is typed, not two steps later when the round is created.
      const problem = periodProblem(start, end);
      if (problem) return setError(problem === 'start' ? t('wizard.needStart') : t('msg:insp.round.period'));
    }
    if (step === 1 && picked.size === 0 && freeTargets.length === 0) return setError(t('wizard.needTargets'));
    setError('');
    setStep(step + 1);
  };
  const create = async () => {
    setBusy(true);
    try {
      const chosen = (candidates.data ?? []).filter((c) => picked.has(key(c)));
      const r = await call('inspection.rounds.create', {
        name,
        periodStart: start,
        periodEnd: end || start,
        theme: theme ?? '',
        targets: [...chosen.map((c) => ({ type: c.type, refId: c.refId })), ...freeTargets].map((c, i) => ({ ...c, group: groups.length ? i % groups.length : null })),
        groups: groups.map((g) => ({ name: g.name, inspectors: splitNames(g.inspectors) })),
      });
      setName('');
      setPicked(new Set());
      setFreeNames({});
      onClose();
      onCreated(r.id);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{t('wizard.title')}</Text>} size="xl">
      <Stepper active={step} size="sm" mb="md">
        <Stepper.Step label={t('wizard.step1')} />
        <Stepper.Step label={t('wizard.step2')} />
        <Stepper.Step label={t('wizard.step3')} />
      </Stepper>
      {step === 0 && (
        <Stack>
          <TextInput label={t('rounds.name')} placeholder={t('wizard.namePh')} value={name} onChange={(e) => setName(e.currentTarget.value)} data-autofocus required />
          <Group grow>
            <TextInput type="date" label={t('wizard.start')} value={start} max={end || undefined} onChange={(e) => setStart(e.currentTarget.value)} required />
            <TextInput
              type="date"
              label={t('wizard.end')}
              value={end}
              min={start || undefined}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={periodProblem(start, end) === 'order' ? t('msg:insp.round.period') : undefined}
              required
            />
          </Group>
          <Select label={t('rounds.theme')} data={[...CAMPAIGN_THEMES]} value={theme} onChange={setTheme} clearable />
        </Stack>
      )}
      {step === 1 && (
        <Stack>
          {byType.map(({ type, list }) => {
            const ok = withTemplate.has(type);
            const n = list.filter((c) => picked.has(key(c))).length;
            const toggleAll = (on: boolean) => {
              const s = new Set(picked);
              for (const c of list) on ? s.add(key(c)) : s.delete(key(c));
              setPicked(s);
            };
            return (
              <Stack key={type} gap={6}>
                <Group gap="md">
                  <Title order={6}>{typeName(type)}</Title>
                  {list.length > 0 && ok && (
                    <Checkbox
                      label={`${typeName(type)} ${t('wizard.selectAll')}`}
                      checked={n === list.length}
                      indeterminate={n > 0 && n < list.length}
                      onChange={(e) => toggleAll(e.currentTarget.checked)}
                    />
                  )}
                  <Text size="sm" c="dimmed">
                    {list.length === 0 ? t('wizard.noCandidates') : ok ? t('wizard.selected', { count: n, total: list.length }) : t('wizard.noTemplate')}
                  </Text>
                </Group>
                {ok && list.length > 0 && (
                  <SimpleGrid cols={4} spacing={4}>
                    {list.map((c) => (
                      <Checkbox
                        key={c.refId}
                        size="sm"
                        label={c.name}
                        checked={picked.has(key(c))}
                        onChange={(e) => {
                          const s = new Set(picked);
                          e.currentTarget.checked ? s.add(key(c)) : s.delete(key(c));
                          setPicked(s);
                        }}
                      />
                    ))}
                  </SimpleGrid>
                )}
              </Stack>
            );
          })}
          {ownTypes.map((type) => (
            <Textarea
              key={type}
              label={typeName(type)}
              description={t('wizard.freeNames')}
              autosize
              minRows={2}
              maxRows={8}
              value={freeNames[type] ?? ''}
              onChange={(e) => setFreeNames({ ...freeNames, [type]: e.currentTarget.value })}
            />
          ))}
        </Stack>
      )}
      {step === 2 && (
        <Stack>
          {groups.map((g, i) => (
            <Group key={i} align="flex-end">
              <TextInput label={t('wizard.group')} value={g.name} onChange={(e) => setGroups(groups.map((x, j) => (j === i ? { ...x, name: e.currentTarget.value } : x)))} w={200} />
              <TextInput
                label={t('wizard.inspectors')}
                value={g.inspectors}
                onChange={(e) => setGroups(groups.map((x, j) => (j === i ? { ...x, inspectors: e.currentTarget.value } : x)))}
                style={{ flex: 1 }}
              />
              <Button variant="subtle" color="red" onClick={() => setGroups(groups.filter((_, j) => j !== i))} disabled={groups.length === 1}>
                {t('wizard.removeGroup')}
              </Button>
            </Group>
          ))}
          <Group>
            <Button variant="light" onClick={() => setGroups([...groups, { name: `第${CN_NUM[groups.length] ?? groups.length + 1}督查组`, inspectors: '' }])}>
              {t('wizard.addGroup')}
            </Button>
          </Group>
          <Text size="sm" c="dimmed">
            {t('wizard.assignHint')}
          </Text>
        </Stack>
      )}
      {error && (
        <Text c="red" size="sm" mt="sm" role="alert">
          {error}
        </Text>
      )}
      <Group justify="flex-end" mt="lg">
        {step > 0 && (
          <Button variant="default" onClick={() => setStep(step - 1)}>
            {t('wizard.back')}
          </Button>
        )}
        {step < 2 ? (
          <Button onClick={next}>{t('wizard.next')}</Button>
        ) : (
          <Button onClick={() => void create()} loading={busy}>
            {t('wizard.create')}
          </Button>
        )}
      </Group>
    </Modal>
  );
}
