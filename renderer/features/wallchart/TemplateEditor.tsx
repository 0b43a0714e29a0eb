/** The template form: paper, titles, sections and their order, table columns, legend colours, masking, footer. */
import { ActionIcon, Checkbox, ColorInput, Divider, Group, NumberInput, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COLUMNS, PAPERS, type ColumnId, type TemplateBody } from '@shared/domain/wallchart';

function move<T>(list: T[], i: number, d: -1 | 1): T[] {
  const j = i + d;
  if (j < 0 || j >= list.length) return list;
  const out = [...list];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

function OrderButtons({ onUp, onDown, label }: { onUp: () => void; onDown: () => void; label: string }) {
  const { t } = useTranslation('wallchart');
  return (
    <Group gap={2}>
      <ActionIcon size="sm" variant="subtle" onClick={onUp} aria-label={`${t('form.up')} ${label}`}>
        ↑
      </ActionIcon>
      <ActionIcon size="sm" variant="subtle" onClick={onDown} aria-label={`${t('form.down')} ${label}`}>
        ↓
      </ActionIcon>
    </Group>
  );
}

export function TemplateEditor({ body, onChange }: { body: TemplateBody; onChange: (b: TemplateBody) => void }) {
  const { t } = useTranslation('wallchart');
  const set = <K extends keyof TemplateBody>(k: K, v: TemplateBody[K]) => onChange({ ...body, [k]: v });
  const unused = COLUMNS.filter((c) => !body.columns.includes(c));
  const village = body.level === 'village';
  return (
    <Stack gap="sm">
      <Group grow>
        <Select
          label={t('form.paper')}
          data={PAPERS.map((p) => ({ value: p, label: p === 'custom' ? t('form.custom') : p }))}
          value={body.paper.size}
          onChange={(v) => v && set('paper', { ...body.paper, size: v as TemplateBody['paper']['size'], widthMm: body.paper.widthMm ?? 594, heightMm: body.paper.heightMm ?? 841 })}
          allowDeselect={false}
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {t('form.orientation')}
          </Text>
          <SegmentedControl
            fullWidth
            value={body.paper.orientation}
            onChange={(v) => set('paper', { ...body.paper, orientation: v as 'portrait' | 'landscape' })}
            data={[
              { value: 'landscape', label: t('form.landscape') },
              { value: 'portrait', label: t('form.portrait') },
            ]}
          />
        </div>
      </Group>
      {body.paper.size === 'custom' && (
        <Group grow>
          <NumberInput label={t('form.width')} min={100} max={5000} value={body.paper.widthMm ?? 594} onChange={(v) => set('paper', { ...body.paper, widthMm: Number(v) || 100 })} />
          <NumberInput label={t('form.height')} min={100} max={5000} value={body.paper.heightMm ?? 841} onChange={(v) => set('paper', { ...body.paper, heightMm: Number(v) || 100 })} />
        </Group>
      )}
      <TextInput label={t('form.title')} description={t('form.titleHint')} value={body.title} maxLength={60} onChange={(e) => set('title', e.currentTarget.value)} />
      <TextInput label={t('form.subtitle')} value={body.subtitle} maxLength={80} onChange={(e) => set('subtitle', e.currentTarget.value)} />
      <NumberInput label={t('form.year')} min={2000} max={2100} value={body.year ?? ''} onChange={(v) => set('year', v === '' ? null : Number(v))} />

      <Divider label={t('form.sections')} labelPosition="left" />
      {body.sections.map((s, i) => (
        <Group key={s.id} justify="space-between" wrap="nowrap">
          <Switch label={t(`section.${s.id}`)} checked={s.on} onChange={(e) => set('sections', body.sections.map((x) => (x.id === s.id ? { ...x, on: e.currentTarget.checked } : x)))} />
          <OrderButtons label={t(`section.${s.id}`)} onUp={() => set('sections', move(body.sections, i, -1))} onDown={() => set('sections', move(body.sections, i, 1))} />
        </Group>
      ))}
      <Divider label={t('form.stats')} labelPosition="left" />
      {body.stats.map((s, i) => (
        <Group key={s.id} justify="space-between" wrap="nowrap">
          <Checkbox label={t(`stat.${s.id}`)} checked={s.on} onChange={(e) => set('stats', body.stats.map((x) => (x.id === s.id ? { ...x, on: e.currentTarget.checked } : x)))} />
          <OrderButtons label={t(`stat.${s.id}`)} onUp={() => set('stats', move(body.stats, i, -1))} onDown={() => set('stats', move(body.stats, i, 1))} />
        </Group>
      ))}

      {village && (
        <>
          <Divider label={t('form.columns')} labelPosition="left" />
          <Stack gap={2} data-testid="columns">
            {body.columns.map((c, i) => (
              <Group key={c} justify="space-between" wrap="nowrap">
                <Text size="sm">
                  {i + 1}. {t(`column.${c}`)}
                </Text>
                <Group gap={2}>
                  <OrderButtons label={t(`column.${c}`)} onUp={() => set('columns', move(body.columns, i, -1))} onDown={() => set('columns', move(body.columns, i, 1))} />
                  <ActionIcon size="sm" variant="subtle" color="red" disabled={body.columns.length <= 1} onClick={() => set('columns', body.columns.filter((x) => x !== c))} aria-label={`${t('form.remove')} ${t(`column.${c}`)}`}>
                    ×
                  </ActionIcon>
                </Group>
              </Group>
            ))}
          </Stack>
          <Select
            label={t('form.addColumn')}
            placeholder={t('scope.pick')}
            data={unused.map((c) => ({ value: c, label: t(`column.${c}`) }))}
            value={null}
            onChange={(v) => v && set('columns', [...body.columns, v as ColumnId])}
            disabled={unused.length === 0}
          />
          <Switch label={t('form.groupByGroup')} checked={body.groupByGroup} onChange={(e) => set('groupByGroup', e.currentTarget.checked)} />
        </>
      )}

      <Divider label={t('form.legend')} labelPosition="left" />
      <Group grow>
        {(['unexited', 'exited', 'monitored'] as const).map((k) => (
          <ColorInput key={k} label={t(`legend.${k}`)} format="hex" value={body.legend[k]} onChange={(v) => /^#[0-9a-fA-F]{6}$/.test(v) && set('legend', { ...body.legend, [k]: v.toUpperCase() })} />
        ))}
      </Group>
      <Divider label={t('form.masking')} labelPosition="left" />
      <Switch label={t('form.maskIds')} checked={body.masking.idNumbers} onChange={(e) => set('masking', { ...body.masking, idNumbers: e.currentTarget.checked })} />
      <Switch label={t('form.maskPhones')} checked={body.masking.phones} onChange={(e) => set('masking', { ...body.masking, phones: e.currentTarget.checked })} />
      <Switch label={t('form.hideHealth')} checked={body.masking.hideHealth} onChange={(e) => set('masking', { ...body.masking, hideHealth: e.currentTarget.checked })} />
      <Divider />
      <TextInput label={t('form.unit')} value={body.footer.unit} maxLength={80} onChange={(e) => set('footer', { ...body.footer, unit: e.currentTarget.value })} />
      <TextInput
        label={t('form.dataDate')}
        placeholder="YYYY-MM-DD"
        defaultValue={body.footer.dataDate ?? ''}
        onBlur={(e) => {
          const v = e.currentTarget.value.trim();
          if (v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v)) set('footer', { ...body.footer, dataDate: v === '' ? null : v });
        }}
      />
      <TextInput label={t('form.note')} value={body.footer.note} maxLength={200} onChange={(e) => set('footer', { ...body.footer, note: e.currentTarget.value })} />
      <Switch label={t('form.pageNumbers')} checked={body.footer.pageNumbers} onChange={(e) => set('footer', { ...body.footer, pageNumbers: e.currentTarget.checked })} />
    </Stack>
  );
}
