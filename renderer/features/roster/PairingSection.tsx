/** 帮扶责任人: cadres paired with this household (结对帮扶), picked from the org registry. */
import { Select, SimpleGrid, Text, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useMemo, useRef, useState } from 'react';
import type { HouseholdDetail } from '@shared/domain/roster';
import { call, useCall } from '../../api/client';
import { FormModal, useLiveForm, useSaver, type Editing } from '../../ui/forms';
import { actionsColumn, tableProps } from '../../ui/table';
import { today, useRosterT } from './common';
import { SectionFrame } from './SectionFrame';

type Pairing = HouseholdDetail['pairings'][number];

export function PairingSection({ h, onChange }: { h: HouseholdDetail; onChange: (h: HouseholdDetail) => void }) {
  const { t } = useRosterT();
  const [editing, setEditing] = useState<Editing<Pairing>>(null);
  return (
    <SectionFrame title={t('pairing.title')} addLabel={t('pairing.add')} onAdd={() => setEditing({ record: null })}>
      {h.pairings.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('pairing.none')}
        </Text>
      ) : (
        <DataTable<Pairing>
          {...tableProps}
          minHeight={undefined}
          records={h.pairings}
          columns={[
            {
              accessor: 'cadreName',
              title: t('pairing.cadre'),
              render: (r) => (
                <div>
                  <Text size="sm">{r.cadreName}</Text>
                  <Text size="xs" c="dimmed">
                    {[r.cadreUnit, r.cadrePhone].filter(Boolean).join(' · ')}
                  </Text>
                </div>
              ),
            },
            { accessor: 'startDate', title: t('pairing.period'), render: (r) => t('pairing.range', { start: r.startDate ?? '…', end: r.endDate ?? t('pairing.now') }) },
            actionsColumn(t('translation:common.actions'), (r) => r.cadreName, (r) => setEditing({ record: r }), async (r) => onChange(await call('roster.pairing.delete', { id: r.id }))),
          ]}
        />
      )}
      {editing && (
        <PairingForm
          h={h}
          record={editing.record}
          onClose={() => setEditing(null)}
          onSaved={(next) => {
            setEditing(null);
            onChange(next);
          }}
        />
      )}
    </SectionFrame>
  );
}

interface PairingValues extends Record<string, unknown> {
  cadreId: string | null;
  startDate: string;
  endDate: string;
}

function PairingForm({ h, record, onClose, onSaved }: { h: HouseholdDetail; record: Pairing | null; onClose: () => void; onSaved: (h: HouseholdDetail) => void }) {
  const { t } = useRosterT();
  const cadres = useCall('org.cadres.list', {});
  const taken = new Set(h.pairings.filter((p) => p.id !== record?.id && !p.endDate).map((p) => p.cadreId));
  const options = useMemo(
    () => (cadres.data ?? []).map((c) => ({ value: c.id, label: [c.name, c.unit, c.phone].filter(Boolean).join(' · '), disabled: taken.has(c.id) })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [cadres.data],
  );
  const form = useLiveForm<PairingValues>({
    initialValues: { cadreId: record?.cadreId ?? null, startDate: record?.startDate ?? today(), endDate: record?.endDate ?? '' },
    validate: {
      cadreId: (v) => (v ? null : t('pairing.pick')),
      endDate: (v, values) => (v && values.startDate && v < values.startDate ? t('pairing.order') : null),
    },
  });
  const saved = useRef<HouseholdDetail | null>(null);
  const { busy, run } = useSaver(form.setFieldError, ['cadreId', 'startDate', 'endDate'], () => saved.current && onSaved(saved.current));
  const submit = form.onSubmit((v) =>
    run(async () => {
      saved.current = await call('roster.pairing.save', { householdId: h.id, id: record?.id, cadreId: v.cadreId ?? '', startDate: v.startDate || null, endDate: v.endDate || null });
    }),
  );
  return (
    <FormModal title={t(record ? 'pairing.editTitle' : 'pairing.addTitle')} onClose={onClose} onSubmit={submit} busy={busy}>
      <Select
        label={t('pairing.cadre')}
        required
        searchable
        openOnFocus={false}
        limit={50}
        data={options}
        placeholder={t('pairing.searchPlaceholder')}
        nothingFoundMessage={cadres.data?.length === 0 ? t('pairing.noCadres') : t('translation:common.nothingFound')}
        data-autofocus
        {...form.getInputProps('cadreId')}
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput label={t('pairing.start')} type="date" {...form.getInputProps('startDate')} />
        <TextInput label={t('pairing.end')} type="date" {...form.getInputProps('endDate')} />
      </SimpleGrid>
    </FormModal>
  );
}
