/** The checklist editor: sections and items (title, scoring mode, points, per-occurrence, guidance). */
import { ActionIcon, Autocomplete, Button, Group, Modal, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { BUILTIN_TARGET_TYPES, SCORE_MODES, TARGET_TYPE_NAMES, type ScoreMode, type TemplateDetail } from '@shared/domain/inspection';
import { parsePoints, points } from '@shared/inspection/scoring';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../i18n';
import { notifyError, notifySaved } from '../../ui/notify';
import { useInspT } from './common';

type ItemDraft = { id: string; title: string; mode: ScoreMode; max: string; per: string; guidance: string };
type SectionDraft = { title: string; items: ItemDraft[] };

const blankItem = (): ItemDraft => ({ id: '', title: '', mode: 'points', max: '', per: '', guidance: '' });

export function TemplateEditor({ editing, onClose, onSaved }: { editing: { record: TemplateDetail | null } | null; onClose: () => void; onSaved: () => void }) {
  const { t, typeName } = useInspT();
  const [name, setName] = useState('');
  const [type, setType] = useState('');
  const [sections, setSections] = useState<SectionDraft[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const rec = editing?.record ?? null;
  useEffect(() => {
    if (!editing) return;
    setError('');
    setName(rec?.name ?? '');
    setType(rec ? typeName(rec.targetType) : '');
    setSections(
      rec
        ? rec.sections.map((s) => ({ title: s.title, items: s.items.map((i) => ({ ...i, max: points(i.max), per: i.per ? points(i.per) : '' })) }))
        : [{ title: '一、', items: [blankItem()] }],
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editing]);
  const typeKey = (label: string) => BUILTIN_TARGET_TYPES.find((k) => TARGET_TYPE_NAMES[k] === label.trim() || k === label.trim() || typeName(k) === label.trim()) ?? label.trim();
  const total = sections.flatMap((s) => s.items).reduce((a, i) => a + (i.mode === 'veto' ? 0 : (parsePoints(i.max) ?? 0)), 0);
  const setItem = (si: number, ii: number, patch: Partial<ItemDraft>) =>
    setSections((ss) => ss.map((s, a) => (a === si ? { ...s, items: s.items.map((it, b) => (b === ii ? { ...it, ...patch } : it)) } : s)));

  const save = async () => {
    setBusy(true);
    setError('');
    try {
      await call('inspection.templates.save', {
        id: rec?.id,
        name,
        targetType: typeKey(type),
        sections: sections.map((s) => ({
          title: s.title,
          items: s.items.map((i) => ({
            id: i.id,
            title: i.title,
            mode: i.mode,
            max: i.mode === 'veto' ? 0 : (parsePoints(i.max) ?? -1),
            per: i.mode === 'deduct' ? (parsePoints(i.per) ?? -1) : 0,
            guidance: i.guidance,
          })),
        })),
      });
      notifySaved();
      onSaved();
      onClose();
    } catch (e) {
      if (e instanceof ApiError) setError(errorText(e.info));
      else notifyError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={editing !== null} onClose={onClose} size="90%" title={<Text fw={600}>{rec ? t('templates.editTitle') : t('templates.newTitle')}</Text>}>
      <Stack>
        <Group grow align="flex-start">
          <TextInput label={t('templates.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-autofocus />
          <Autocomplete
            label={t('templates.type')}
            description={t('templates.typeHint')}
            data={BUILTIN_TARGET_TYPES.map((k) => typeName(k))}
            value={type}
            onChange={setType}
            required
          />
        </Group>
        {rec && (
          <Text size="sm" c="dimmed">
            {t('templates.versionNote', { next: rec.version + 1 })}
          </Text>
        )}
        {sections.map((s, si) => (
          <Paper key={si} withBorder p="sm">
            <Group mb="xs" align="flex-end">
              <TextInput
                label={t('templates.section')}
                value={s.title}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setSections((ss) => ss.map((x, a) => (a === si ? { ...x, title: v } : x)));
                }}
                style={{ flex: 1 }}
              />
              <Button variant="subtle" color="red" onClick={() => setSections((ss) => ss.filter((_, a) => a !== si))}>
                {t('templates.removeSection')}
              </Button>
            </Group>
            <Stack gap={6}>
              <Group gap="xs" wrap="nowrap" c="dimmed" fz="xs">
                <Text fz="xs" style={{ flex: 3 }}>{t('templates.itemTitle')}</Text>
                <Text fz="xs" w={130}>{t('templates.mode')}</Text>
                <Text fz="xs" w={70}>{t('templates.max')}</Text>
                <Text fz="xs" w={110}>{t('templates.per')}</Text>
                <Text fz="xs" style={{ flex: 2 }}>{t('templates.guidance')}</Text>
                <Text w={28} />
              </Group>
              {s.items.map((it, ii) => (
                <Group key={ii} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput size="xs" aria-label={t('templates.itemTitle')} placeholder={t('templates.itemTitle')} value={it.title} onChange={(e) => setItem(si, ii, { title: e.currentTarget.value })} style={{ flex: 3 }} />
                  <Select
                    size="xs"
                    aria-label={t('templates.mode')}
                    data={SCORE_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
                    value={it.mode}
                    onChange={(v) => v && setItem(si, ii, { mode: v as ScoreMode })}
                    allowDeselect={false}
                    w={130}
                  />
                  <TextInput size="xs" aria-label={t('templates.max')} placeholder={t('templates.max')} value={it.mode === 'veto' ? '' : it.max} disabled={it.mode === 'veto'} onChange={(e) => setItem(si, ii, { max: e.currentTarget.value })} w={70} />
                  <TextInput size="xs" aria-label={t('templates.per')} placeholder={t('templates.per')} value={it.mode === 'deduct' ? it.per : ''} disabled={it.mode !== 'deduct'} onChange={(e) => setItem(si, ii, { per: e.currentTarget.value })} w={110} />
                  <TextInput size="xs" aria-label={t('templates.guidance')} placeholder={t('templates.guidance')} value={it.guidance} onChange={(e) => setItem(si, ii, { guidance: e.currentTarget.value })} style={{ flex: 2 }} />
                  <ActionIcon variant="subtle" color="red" aria-label={t('templates.removeItem')} onClick={() => setSections((ss) => ss.map((x, a) => (a === si ? { ...x, items: x.items.filter((_, b) => b !== ii) } : x)))}>
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button size="compact-sm" variant="light" onClick={() => setSections((ss) => ss.map((x, a) => (a === si ? { ...x, items: [...x.items, blankItem()] } : x)))}>
                  {t('templates.addItem')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        ))}
        <Group justify="space-between">
          <Button variant="light" onClick={() => setSections((ss) => [...ss, { title: '', items: [blankItem()] }])}>
            {t('templates.addSection')}
          </Button>
          <Text fw={600}>{t('templates.totalNow', { total: points(total) })}</Text>
        </Group>
        {error && (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={busy}>
            {t('sheet.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
