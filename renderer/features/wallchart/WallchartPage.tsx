/**
 * 挂图作战: the chart templates, an editor with a live preview of the real PDF (debounced), and
 * export to PDF (optionally tiled) as a task with progress and 取消, then 打开.
 */
import { Anchor, Badge, Button, Grid, Group, Modal, NavLink, Paper, ScrollArea, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateBody, WallchartTemplate } from '@shared/domain/wallchart';
import { ApiError, call, useCall } from '../../api/client';
import { errorText, joinList, withParen } from '../../i18n';
import { notifyError, notifySaved } from '../../ui/notify';
import { ConfirmDelete } from '../../ui/ConfirmDelete';
import { TaskBar, useTask } from '../roster/common';
import { TemplateEditor } from './TemplateEditor';
import { PdfPreview } from './PdfPreview';

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setV(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return v;
}

export function WallchartPage() {
  const { t } = useTranslation('wallchart');
  const list = useCall('wallchart.templates.list', {});
  const villages = useCall('org.villages.list', {});
  const townships = useCall('org.townships.list', {});
  const [selected, setSelected] = useState<string | null>(null);
  const [tpl, setTpl] = useState<WallchartTemplate | null>(null);
  const [body, setBody] = useState<TemplateBody | null>(null);
  const [name, setName] = useState('');
  const [villageId, setVillageId] = useState<string | null>(null);
  const [townshipId, setTownshipId] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ pdfBase64: string; missing: { char: string; name: string; household: string }[] } | null>(null);
  const [previewError, setPreviewError] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const [tile, setTile] = useState<'none' | 'A4' | 'A3'>('none');
  const [saveAs, setSaveAs] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const task = useTask();

  useEffect(() => {
    if (!selected && list.data?.length) setSelected(list.data.find((x) => x.builtin === 'village-chart')?.id ?? list.data[0].id);
  }, [list.data, selected]);
  useEffect(() => {
    if (!villageId && villages.data?.length) setVillageId(villages.data[0].id);
    if (!townshipId && townships.data?.length) setTownshipId(townships.data[0].id);
  }, [villages.data, townships.data, villageId, townshipId]);
  const load = async (id: string) => {
    try {
      const x = await call('wallchart.templates.get', { id });
      setTpl(x);
      setBody(x.body);
      setName(x.name);
    } catch (e) {
      notifyError(e);
    }
  };
  useEffect(() => {
    if (selected) void load(selected);
  }, [selected]);

  const scope = useMemo(() => (body?.level === 'village' ? { villageId: villageId ?? undefined } : body?.level === 'township' ? { townshipId: townshipId ?? undefined } : {}), [body?.level, villageId, townshipId]);
  const debounced = useDebounced(body ? JSON.stringify({ body, scope }) : '', 400);
  useEffect(() => {
    if (!debounced) return;
    const input = JSON.parse(debounced) as { body: TemplateBody; scope: { villageId?: string; townshipId?: string } };
    if (input.body.level === 'village' && !input.scope.villageId) return;
    if (input.body.level === 'township' && !input.scope.townshipId) return;
    let current = true;
    setPreviewing(true);
    call('wallchart.preview', { body: input.body, ...input.scope })
      .then((r) => current && (setPreview(r), setPreviewError('')))
      .catch((e) => current && setPreviewError(e instanceof ApiError ? errorText(e.info) : String(e)))
      .finally(() => current && setPreviewing(false));
    return () => {
      current = false;
    };
  }, [debounced]);

  const save = async (asNew?: string) => {
    if (!body || !tpl) return;
    try {
      const x = await call('wallchart.templates.save', asNew ? { name: asNew, body } : { id: tpl.id, name, baseVersion: tpl.version, body });
      notifySaved(t('saved', { name: x.name, version: x.version }));
      setTpl(x);
      setName(x.name);
      setSelected(x.id);
      await list.reload();
    } catch (e) {
      notifyError(e);
    }
  };

  const exportPdf = async () => {
    if (!body) return;
    try {
      const r = await task.run((taskId) => call('wallchart.export', { body, name, ...scope, tile: tile === 'none' ? null : tile, taskId }));
      if (!r) return;
      notifications.show({
        color: 'green',
        autoClose: 10000,
        title: t('pdfDone', { name: r.name, sheets: r.sheets, tiled: tile === 'none' ? '' : t('tiled', { pages: r.pages, paper: tile }) }),
        message: (
          <Anchor component="button" type="button" size="sm" onClick={() => void call('wallchart.openExported', { token: r.token }).catch(notifyError)}>
            {t('actions.open')}
          </Anchor>
        ),
      });
      if (r.missing.length) {
        notifications.show({
          color: 'yellow',
          autoClose: false,
          message: t('preview.missing', { count: r.missing.length, list: joinList(r.missing.slice(0, 12).map((m) => withParen(m.char, `${m.name}${m.household ? ` ${m.household}` : ''}`))) }),
        });
      }
    } catch (e) {
      notifyError(e);
    }
  };

  const exportTemplate = async () => {
    if (!tpl) return;
    try {
      const r = await call('wallchart.templates.export', { id: tpl.id });
      if (r) notifySaved(t('exported', r));
    } catch (e) {
      notifyError(e);
    }
  };
  const importTemplate = async () => {
    try {
      const r = await call('wallchart.templates.import', {});
      if (!r) return;
      notifySaved(r.outcome === 'added' ? t('imported.added', r) : t('imported.updated', { ...r, previous: r.previousVersion }));
      await list.reload();
      if (tpl) await load(tpl.id);
    } catch (e) {
      notifyError(e);
    }
  };

  const dirty = tpl && body && (JSON.stringify(body) !== JSON.stringify(tpl.body) || name !== tpl.name);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={3}>{t('title')}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => void importTemplate()}>
            {t('actions.importTemplate')}
          </Button>
          <Button variant="default" onClick={() => setRestoring(true)}>
            {t('actions.restore')}
          </Button>
        </Group>
      </Group>
      <Grid>
        <Grid.Col span={2}>
          <Text fw={600} size="sm" mb={4}>
            {t('templates')}
          </Text>
          <nav aria-label={t('templates')}>
            {list.data?.map((x) => (
              <NavLink
                key={x.id}
                active={x.id === selected}
                label={x.name}
                description={`${t(`level.${x.level}`)} · ${t('version', { version: x.version })}${x.builtin ? ` · ${t('builtin')}` : ''}`}
                onClick={() => setSelected(x.id)}
              />
            ))}
          </nav>
        </Grid.Col>
        <Grid.Col span={4}>
          {body && tpl && (
            <ScrollArea h="calc(100vh - 170px)" offsetScrollbars>
              <Stack gap="sm">
                <Group gap="xs">
                  <Badge variant="light">{t(`kind.${body.kind}`)}</Badge>
                  <Badge variant="outline">{t('version', { version: tpl.version })}</Badge>
                </Group>
                <TextInput label={t('form.name')} value={name} maxLength={60} onChange={(e) => setName(e.currentTarget.value)} />
                {body.level === 'village' && (
                  <Select label={t('scope.village')} searchable data={(villages.data ?? []).map((v) => ({ value: v.id, label: `${v.townshipName ?? ''} ${v.name}` }))} value={villageId} onChange={setVillageId} allowDeselect={false} />
                )}
                {body.level === 'township' && (
                  <Select label={t('scope.township')} searchable data={(townships.data ?? []).map((x) => ({ value: x.id, label: x.name }))} value={townshipId} onChange={setTownshipId} allowDeselect={false} />
                )}
                {body.level === 'county' && <Text size="sm">{t('scope.county')}</Text>}
                <Group gap="xs">
                  <Button onClick={() => void save()} disabled={!dirty}>
                    {t('actions.save', { version: tpl.version + 1 })}
                  </Button>
                  <Button variant="default" onClick={() => setSaveAs(t('common.copyOf', { ns: 'translation', name }))}>
                    {t('actions.saveAs')}
                  </Button>
                  <Button variant="default" onClick={() => void exportTemplate()}>
                    {t('actions.exportTemplate')}
                  </Button>
                  {!tpl.builtin && (
                    <ConfirmDelete
                      name={tpl.name}
                      label={t('actions.delete')}
                      text={t('actions.deleteText', { name: tpl.name })}
                      onConfirm={async () => {
                        await call('wallchart.templates.delete', { id: tpl.id });
                        setSelected(null);
                        setTpl(null);
                        await list.reload();
                      }}
                    />
                  )}
                </Group>
                <TemplateEditor key={tpl.id + tpl.version} body={body} onChange={setBody} />
              </Stack>
            </ScrollArea>
          )}
        </Grid.Col>
        <Grid.Col span={6}>
          <Paper withBorder p="sm">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-end">
                <Text fw={600}>{t('preview.title')}</Text>
                <Group gap="xs" align="flex-end">
                  <Select
                    aria-label={t('form.tile')}
                    w={190}
                    value={tile}
                    onChange={(v) => setTile((v as 'none' | 'A4' | 'A3') ?? 'none')}
                    allowDeselect={false}
                    data={[
                      { value: 'none', label: t('form.tileNone') },
                      { value: 'A4', label: t('form.tileA4') },
                      { value: 'A3', label: t('form.tileA3') },
                    ]}
                  />
                  <Button onClick={() => void exportPdf()} loading={task.running} disabled={!preview}>
                    {t('actions.exportPdf')}
                  </Button>
                </Group>
              </Group>
              {task.running && <TaskBar progress={task.progress} label={t('running')} onCancel={task.cancel} />}
              {previewError && (
                <Text c="red" size="sm" role="alert">
                  {previewError}
                </Text>
              )}
              {preview && preview.missing.length > 0 && (
                <Text c="orange.8" size="sm" data-testid="preview-missing">
                  {t('preview.missing', { count: preview.missing.length, list: joinList(preview.missing.slice(0, 8).map((m) => withParen(m.char, `${m.name}${m.household ? ` ${m.household}` : ''}`))) })}
                </Text>
              )}
              <PdfPreview pdfBase64={preview?.pdfBase64 ?? null} loading={previewing} />
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Modal opened={saveAs !== null} onClose={() => setSaveAs(null)} title={t('actions.saveAs')}>
        <Stack>
          <TextInput label={t('actions.saveAsName')} value={saveAs ?? ''} onChange={(e) => setSaveAs(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setSaveAs(null)}>
              {t('actions.cancel')}
            </Button>
            <Button onClick={() => void save(saveAs ?? '').then(() => setSaveAs(null))}>{t('actions.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={restoring} onClose={() => setRestoring(false)} title={t('actions.restore')}>
        <Stack>
          <Text size="sm">{t('actions.restoreText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRestoring(false)}>
              {t('actions.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() =>
                void call('wallchart.templates.restore', {})
                  .then(async () => {
                    setRestoring(false);
                    await list.reload();
                    if (tpl) await load(tpl.id);
                  })
                  .catch(notifyError)
              }
            >
              {t('actions.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
