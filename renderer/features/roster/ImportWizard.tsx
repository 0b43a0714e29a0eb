/**
 * 导入 wizard: pick a file → confirm the column mapping → 值对照 (only when the file has code
 * values the lists do not) → preview (nothing written) → 确认导入.
 * Long steps show progress and can be cancelled.
 */
import { Alert, Button, Group, Modal, Stack, Stepper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import type { ImportColumn, ImportInspect, ImportPreview as Preview, ImportResult, ImportValues as Values } from '@shared/domain/roster-import';
import { FIELD, type FieldKey } from '@shared/roster/layout';
import { ApiError, call } from '../../api/client';
import { errorText } from '../../i18n';
import { notifyError } from '../../ui/notify';
import { TaskBar, useRosterT, useTask } from './common';
import { ImportMapping, mappingReady } from './ImportMapping';
import { ImportPreview } from './ImportPreview';
import { ImportValues, initialChoices } from './ImportValues';

/** 0 file, 1 columns, 2 值对照, 3 preview, 4 written. */
type Step = 0 | 1 | 2 | 3 | 4;

export function ImportWizard({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const { t } = useRosterT();
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<{ fileToken: string; name: string } | null>(null);
  const [inspect, setInspect] = useState<ImportInspect | null>(null);
  const [columns, setColumns] = useState<ImportColumn[]>([]);
  const [confirmed, setConfirmed] = useState(false);
  const [scan, setScan] = useState<Values | null>(null);
  const [choices, setChoices] = useState<Map<string, string | null>>(new Map());
  const [preview, setPreview] = useState<Preview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const task = useTask();

  const fail = (e: unknown) => setError(e instanceof ApiError ? errorText(e.info) : t('msg:internal'));

  const look = async (f: { fileToken: string; name: string }, sheet: number) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('roster.import.inspect', { fileToken: f.fileToken, sheet });
      setInspect(r);
      setColumns(r.columns);
      setConfirmed(false);
      setScan(null);
      setStep(1);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };
  const pick = async () => {
    setError(null);
    try {
      const f = await call('roster.import.pickFile', {});
      if (!f) return; // cancelled
      setFile(f);
      setPreview(null);
      await look(f, 0);
    } catch (e) {
      fail(e);
    }
  };
  const runPreview = async (chosen: Map<string, string | null>) => {
    if (!file || !inspect) return;
    setError(null);
    setPreview(null);
    setStep(3);
    const values = [...chosen].map(([key, code]) => {
      const [field, raw] = key.split('\u0000');
      return { field, raw, code };
    });
    try {
      setPreview(await task.run((taskId) => call('roster.import.preview', { fileToken: file.fileToken, sheet: inspect.sheet, columns, values, confirmUnmapped: confirmed, taskId })));
    } catch (e) {
      fail(e);
    }
  };
  /** 值对照: read the file's code values; straight on to the preview when all are known. */
  const runValues = async () => {
    if (!file || !inspect) return;
    setError(null);
    setScan(null);
    setStep(2);
    try {
      const r = await task.run((taskId) => call('roster.import.values', { fileToken: file.fileToken, sheet: inspect.sheet, columns, taskId }));
      const start = initialChoices(r.values);
      setScan(r);
      setChoices(start);
      if (r.values.length === 0 && r.more.length === 0) await runPreview(start);
    } catch (e) {
      setStep(1);
      fail(e);
    }
  };
  const commit = async () => {
    if (!preview) return;
    setError(null);
    setStep(4);
    try {
      const r = await task.run((taskId) => call('roster.import.commit', { token: preview.token, taskId }));
      setResult(r);
      onImported();
    } catch (e) {
      setStep(3);
      fail(e);
    }
  };
  const saveErrors = async () => {
    if (!preview) return;
    try {
      const r = await call('roster.import.saveErrors', { token: preview.token });
      if (r) notifications.show({ color: 'green', message: t('import.errorsSaved', { name: r.name }), autoClose: 5000 });
    } catch (e) {
      notifyError(e);
    }
  };
  const close = () => {
    if (task.running) task.cancel();
    else onClose();
  };

  const writes = preview ? preview.households.added + preview.households.updated + preview.persons.removed : 0;
  const rejected = preview ? preview.households.rejected + preview.persons.rejected + preview.errorRows : 0;

  return (
    <Modal opened onClose={close} title={<Text fw={600}>{t('import.title')}</Text>} size={1100} centered closeOnClickOutside={false}>
      <Stack gap="md">
        <Stepper active={step} size="sm" allowNextStepsSelect={false}>
          <Stepper.Step label={t('import.step1')} />
          <Stepper.Step label={t('import.step2')} />
          <Stepper.Step label={t('importValues.step')} />
          <Stepper.Step label={t('import.step3')} />
          <Stepper.Step label={t('import.step4')} />
        </Stepper>
        {error && (
          <Alert color="red" variant="light" role="alert" title={t('import.failed')}>
            <Text size="sm">{error}</Text>
          </Alert>
        )}

        {step === 0 && (
          <Stack align="center" py="xl" gap="sm">
            <Text size="sm" c="dimmed" ta="center" maw={620}>
              {t('import.intro')}
            </Text>
            <Button onClick={() => void pick()} loading={busy} data-autofocus>
              {t('import.pick')}
            </Button>
          </Stack>
        )}

        {step === 1 && inspect && file && (
          <>
            <ImportMapping
              inspect={inspect}
              columns={columns}
              onColumns={(c) => {
                setColumns(c);
                setConfirmed(false);
              }}
              onSheet={(s) => void look(file, s)}
              busy={busy}
              confirmed={confirmed}
              onConfirmed={setConfirmed}
            />
            <Group justify="space-between">
              <Button variant="default" onClick={() => void pick()}>
                {t('import.otherFile')}
              </Button>
              <Group gap="sm">
                <Button variant="default" onClick={onClose}>
                  {t('translation:common.cancel')}
                </Button>
                <Button onClick={() => void runValues()} disabled={!mappingReady(columns, confirmed)}>
                  {t('importValues.next')}
                </Button>
              </Group>
            </Group>
          </>
        )}

        {step === 2 && (
          <>
            {task.running && <TaskBar progress={task.progress} label={t('importValues.reading')} onCancel={task.cancel} />}
            {scan && !task.running && <ImportValues scan={scan} choices={choices} onChoices={setChoices} />}
            {!task.running && (
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(1)}>
                  {t('import.backToMapping')}
                </Button>
                <Group gap="sm">
                  <Button variant="default" onClick={onClose}>
                    {t('translation:common.cancel')}
                  </Button>
                  <Button onClick={() => void runPreview(choices)} disabled={!scan}>
                    {t('import.toPreview')}
                  </Button>
                </Group>
              </Group>
            )}
          </>
        )}

        {step === 3 && (
          <>
            {task.running && <TaskBar progress={task.progress} label={t('import.previewing')} onCancel={task.cancel} />}
            {preview && preview.mapped.length > 0 && (
              <Alert color="blue" variant="light" py={6} title={t('importValues.appliedTitle')}>
                {preview.mapped.map((m) => (
                  <Text size="sm" key={`${m.field}|${m.raw}`}>
                    {t('importValues.applied', { field: FIELD[m.field as FieldKey]?.header ?? m.field, raw: m.raw, code: m.code, count: m.count.toLocaleString() })}
                  </Text>
                ))}
              </Alert>
            )}
            {preview && <ImportPreview preview={preview} />}
            {!task.running && (
              <Group justify="space-between">
                <Group gap="sm">
                  <Button variant="default" onClick={() => setStep(1)}>
                    {t('import.backToMapping')}
                  </Button>
                  {preview && (
                    <Button variant="default" onClick={() => void saveErrors()} disabled={rejected === 0}>
                      {t('import.saveErrors')}
                    </Button>
                  )}
                </Group>
                <Group gap="sm">
                  <Button variant="default" onClick={onClose}>
                    {t('translation:common.cancel')}
                  </Button>
                  {preview && (
                    <Button onClick={() => void commit()} disabled={writes === 0}>
                      {t('import.commit', { count: preview.households.added + preview.households.updated })}
                    </Button>
                  )}
                </Group>
              </Group>
            )}
          </>
        )}

        {step === 4 && (
          <>
            {task.running && <TaskBar progress={task.progress} label={t('import.committing')} onCancel={task.cancel} />}
            {result && (
              <Alert color="green" variant="light" title={t('import.doneTitle')}>
                <Text size="sm">
                  {t('import.done', {
                    households: result.householdsWritten.toLocaleString(),
                    persons: result.personsWritten.toLocaleString(),
                    removed: result.personsRemoved.toLocaleString(),
                    villages: result.villagesCreated.toLocaleString(),
                  })}
                </Text>
              </Alert>
            )}
            {result && (
              <Group justify="flex-end">
                <Button onClick={onClose} data-autofocus>
                  {t('import.finish')}
                </Button>
              </Group>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
