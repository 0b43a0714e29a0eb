import { Alert, Badge, Group, List, MultiSelect, Select, Text, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Cadre, SupportUnit, Village, VillageTeam } from '@shared/domain/org';
import { call, useCall } from '../../api/client';
import { actionsColumn, FormModal, ListFrame, tableProps, useLiveForm, useOrgT, useSaver, type Editing } from './common';
import { villageLabel } from './UnitsTab';
import { joinList, withParen } from '../../i18n';

/** County rules: a team has at least 3 people and serves at least 2 years. Advisory only. */
const MIN_SIZE = 3;
const MIN_YEARS = 2;

export function termTooShort(start: string | null, end: string | null): boolean {
  if (!start || !end || !dayjs(start).isValid() || !dayjs(end).isValid()) return false;
  return dayjs(end).add(1, 'day').isBefore(dayjs(start).add(MIN_YEARS, 'year'));
}

const cadreLabel = (c: Cadre) => (c.unit ? withParen(c.name, c.unit) : c.name);

interface Refs {
  villages: Village[];
  units: SupportUnit[];
  cadres: Cadre[];
  villageById: Map<string, Village>;
  unitById: Map<string, SupportUnit>;
  cadreById: Map<string, Cadre>;
}

export function TeamsTab() {
  const { t } = useOrgT();
  const list = useCall('org.teams.list', {});
  const villages = useCall('org.villages.list', {});
  const units = useCall('org.units.list', {});
  const cadres = useCall('org.cadres.list', {});
  const [editing, setEditing] = useState<Editing<VillageTeam>>(null);
  const refs = useMemo<Refs>(
    () => ({
      villages: villages.data ?? [],
      units: units.data ?? [],
      cadres: cadres.data ?? [],
      villageById: new Map((villages.data ?? []).map((v) => [v.id, v])),
      unitById: new Map((units.data ?? []).map((u) => [u.id, u])),
      cadreById: new Map((cadres.data ?? []).map((c) => [c.id, c])),
    }),
    [villages.data, units.data, cadres.data],
  );
  const name = (id: string) => refs.cadreById.get(id)?.name ?? '?';

  return (
    <>
      <ListFrame
        what="team.what"
        total={list.data?.length}
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.reload()}
        onAdd={() => setEditing({ record: null })}
        hint={cadres.data?.length === 0 ? t('team.noCadres') : undefined}
      >
        <DataTable<VillageTeam>
          {...tableProps}
          records={list.data ?? []}
          fetching={(list.loading && !list.data) || (cadres.loading && !cadres.data)}
          noRecordsText={t('ui.noMatch')}
          columns={[
            {
              accessor: 'villageName',
              title: t('team.village'),
              width: 170,
              render: (r) => {
                const v = refs.villageById.get(r.villageId);
                return v ? villageLabel(v) : r.villageName;
              },
            },
            { accessor: 'supportUnitId', title: t('team.unit'), width: 170, render: (r) => (r.supportUnitId && refs.unitById.get(r.supportUnitId)?.name) || t('ui.dash') },
            { accessor: 'captainId', title: t('team.captain'), width: 90, render: (r) => name(r.captainId) },
            {
              accessor: 'memberIds',
              title: t('team.members'),
              render: (r) => (
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{r.memberIds.length ? joinList(r.memberIds.map(name)) : t('ui.dash')}</Text>
                  {1 + r.memberIds.length < MIN_SIZE && (
                    <Badge color="yellow" variant="light" style={{ flexShrink: 0 }}>
                      {t('team.warnShort')}
                    </Badge>
                  )}
                </Group>
              ),
            },
            {
              accessor: 'term',
              title: t('team.term'),
              width: 270,
              render: (r) =>
                r.termStart || r.termEnd ? (
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {t('team.termRange', { start: r.termStart ?? '…', end: r.termEnd ?? '…' })}
                    </Text>
                    {termTooShort(r.termStart, r.termEnd) && (
                      <Badge color="yellow" variant="light" style={{ flexShrink: 0 }}>
                        {t('team.warnTermShort')}
                      </Badge>
                    )}
                  </Group>
                ) : (
                  t('ui.dash')
                ),
            },
            actionsColumn(t('ui.actions'), (r) => r.villageName, (r) => setEditing({ record: r }), async (r) => {
              await call('org.teams.delete', { id: r.id });
              await list.reload();
            }),
          ]}
        />
      </ListFrame>
      {editing && (
        <TeamForm
          record={editing.record}
          refs={refs}
          taken={new Set((list.data ?? []).filter((x) => x.id !== editing.record?.id).map((x) => x.villageId))}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void list.reload();
          }}
        />
      )}
    </>
  );
}

interface TeamValues extends Record<string, unknown> {
  villageId: string | null;
  supportUnitId: string | null;
  captainId: string | null;
  memberIds: string[];
  termStart: string;
  termEnd: string;
}

function TeamForm({ record, refs, taken, onClose, onSaved }: { record: VillageTeam | null; refs: Refs; taken: Set<string>; onClose: () => void; onSaved: () => void }) {
  const { t } = useOrgT();
  const form = useLiveForm<TeamValues>({
    initialValues: {
      villageId: record?.villageId ?? null,
      supportUnitId: record?.supportUnitId ?? null,
      captainId: record?.captainId ?? null,
      memberIds: record?.memberIds ?? [],
      termStart: record?.termStart ?? '',
      termEnd: record?.termEnd ?? '',
    },
    validate: {
      villageId: (v) => (v ? null : t('team.pickVillage')),
      captainId: (v) => (v ? null : t('msg:team.captain')),
      termEnd: (v, values) => (v && values.termStart && v < values.termStart ? t('msg:team.termOrder') : null),
    },
  });
  const { busy, run } = useSaver(form.setFieldError, ['villageId', 'supportUnitId', 'captainId', 'memberIds', 'termStart', 'termEnd'], onSaved);
  const submit = form.onSubmit((v) =>
    run(() =>
      call('org.teams.save', {
        id: record?.id,
        villageId: v.villageId ?? '',
        supportUnitId: v.supportUnitId,
        captainId: v.captainId,
        memberIds: v.memberIds,
        termStart: v.termStart || null,
        termEnd: v.termEnd || null,
      }),
    ),
  );

  const villageOptions = useMemo(
    () => refs.villages.filter((v) => !taken.has(v.id)).map((v) => ({ value: v.id, label: villageLabel(v) })),
    [refs.villages, taken],
  );
  const unitOptions = refs.units.map((u) => ({ value: u.id, label: u.name }));
  const cadreOptions = useMemo(() => refs.cadres.map((c) => ({ value: c.id, label: cadreLabel(c) })), [refs.cadres]);
  const values = form.getValues();
  const memberOptions = useMemo(() => cadreOptions.filter((o) => o.value !== values.captainId), [cadreOptions, values.captainId]);

  const villageProps = form.getInputProps('villageId');
  const chooseVillage = (id: string | null) => {
    villageProps.onChange(id);
    // Suggest the unit that supports this village, when none is chosen yet.
    if (id && !form.getValues().supportUnitId) {
      const unit = refs.units.find((u) => u.villageIds.includes(id));
      if (unit) form.setFieldValue('supportUnitId', unit.id);
    }
  };
  const captainProps = form.getInputProps('captainId');
  const chooseCaptain = (id: string | null) => {
    captainProps.onChange(id);
    if (id) form.setFieldValue('memberIds', (m: string[]) => m.filter((x) => x !== id));
  };

  const startProps = form.getInputProps('termStart');

  const size = (values.captainId ? 1 : 0) + values.memberIds.length;
  const warnings = [
    (values.captainId || values.memberIds.length > 0) && size < MIN_SIZE ? t('team.warnSize', { count: size }) : null,
    termTooShort(values.termStart, values.termEnd) ? t('team.warnTerm') : null,
  ].filter((w): w is string => w !== null);

  return (
    <FormModal title={t(record ? 'ui.editTitle' : 'ui.addTitle', { what: t('team.what') })} onClose={onClose} onSubmit={submit} busy={busy} size="lg">
      <Group grow align="flex-start">
        <Select
          label={t('team.village')}
          required
          searchable
          openOnFocus={false}
          data={villageOptions}
          limit={200}
          nothingFoundMessage={t('ui.nothingFound')}
          data-autofocus
          {...villageProps}
          onChange={chooseVillage}
        />
        <Select
          label={t('team.unit')}
          clearable
          searchable
          openOnFocus={false}
          data={unitOptions}
          nothingFoundMessage={t('ui.nothingFound')}
          {...form.getInputProps('supportUnitId')}
        />
      </Group>
      <Select
        label={t('team.captain')}
        required
        searchable
        openOnFocus={false}
        data={cadreOptions}
        limit={50}
        nothingFoundMessage={t('ui.nothingFound')}
        placeholder={t('team.membersPlaceholder')}
        {...captainProps}
        onChange={chooseCaptain}
      />
      <MultiSelect
        label={t('team.members')}
        searchable
        hidePickedOptions
        data={memberOptions}
        limit={50}
        maxDropdownHeight={240}
        nothingFoundMessage={t('ui.nothingFound')}
        placeholder={values.memberIds.length ? undefined : t('team.membersPlaceholder')}
        description={t('team.size', { count: size })}
        {...form.getInputProps('memberIds')}
      />
      <Group grow align="flex-start">
        <TextInput
          type="date"
          label={t('team.termStart')}
          placeholder="YYYY-MM-DD"
          {...startProps}
          onChange={(e) => {
            startProps.onChange(e);
            if (form.getValues().termEnd) form.validateField('termEnd');
          }}
        />
        <TextInput type="date" label={t('team.termEnd')} placeholder="YYYY-MM-DD" {...form.getInputProps('termEnd')} />
      </Group>
      {warnings.length > 0 && (
        <Alert color="yellow" variant="light" title={t('team.warnTitle')} role="status">
          <List size="sm">
            {warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </FormModal>
  );
}
