import { Autocomplete, Group, Input, SegmentedControl, TextInput } from '@mantine/core';
import { DataTable } from 'mantine-datatable';
import { useDeferredValue, useId, useMemo, useState, type ChangeEvent } from 'react';
import type { Cadre, Gender } from '@shared/domain/org';
import { checkIdNumber, checkName, checkPhone } from '@shared/rules/org';
import { maskIdNumber, normalizeIdNumber, parseIdNumber } from '@shared/rules/id-number';
import { call, useCall } from '../../api/client';
import { actionsColumn, FormModal, ListFrame, pagingProps, tableProps, useLiveForm, useOrgT, useSaver, type Editing } from './common';

const PAGE_SIZES = [20, 50, 100];

export function CadresTab() {
  const { t, genderText } = useOrgT();
  const list = useCall('org.cadres.list', {});
  const units = useCall('org.units.list', {});
  const [editing, setEditing] = useState<Editing<Cadre>>(null);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const [page, setPage] = useState(1);
  const [perPage, setPerPage] = useState(PAGE_SIZES[1]);

  // Up to ~10,000 people: filter client-side and show one page at a time.
  const records = useMemo(() => {
    const q = deferredQuery.trim().toLowerCase();
    const all = list.data ?? [];
    if (!q) return all;
    return all.filter((c) => c.name.toLowerCase().includes(q) || c.unit.toLowerCase().includes(q) || c.phone.includes(q));
  }, [list.data, deferredQuery]);
  const pages = Math.max(1, Math.ceil(records.length / perPage));
  const current = Math.min(page, pages);
  const pageRecords = records.slice((current - 1) * perPage, current * perPage);

  return (
    <>
      <ListFrame
        what="cadre.what"
        total={list.data?.length}
        shown={records.length}
        loading={list.loading}
        error={list.error}
        onRetry={() => void list.reload()}
        onAdd={() => setEditing({ record: null })}
        filters={
          <TextInput
            type="search"
            aria-label={t('cadre.search')}
            placeholder={t('cadre.searchPlaceholder')}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setPage(1);
            }}
            w={280}
          />
        }
      >
        <DataTable<Cadre>
          {...tableProps}
          {...pagingProps()}
          records={pageRecords}
          fetching={list.loading && !list.data}
          noRecordsText={t('ui.noMatch')}
          totalRecords={records.length}
          recordsPerPage={perPage}
          page={current}
          onPageChange={setPage}
          recordsPerPageOptions={PAGE_SIZES}
          onRecordsPerPageChange={(n) => {
            setPerPage(n);
            setPage(1);
          }}
          recordsPerPageLabel={t('ui.perPage')}
          paginationText={({ from, to, totalRecords }) => t('ui.paging', { from, to, total: totalRecords })}
          columns={[
            { accessor: 'name', title: t('cadre.name'), width: 110 },
            { accessor: 'gender', title: t('cadre.gender'), width: 70, render: (r) => genderText(r.gender) },
            {
              accessor: 'idNumber',
              title: t('cadre.idNumber'),
              width: 190,
              render: (r) => <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{maskIdNumber(r.idNumber)}</span>,
            },
            { accessor: 'unit', title: t('cadre.unit'), render: (r) => r.unit || t('ui.dash') },
            { accessor: 'post', title: t('cadre.post'), width: 120, render: (r) => r.post || t('ui.dash') },
            { accessor: 'phone', title: t('cadre.phone'), width: 130, render: (r) => r.phone || t('ui.dash') },
            actionsColumn(t('ui.actions'), (r) => r.name, (r) => setEditing({ record: r }), async (r) => {
              await call('org.cadres.delete', { id: r.id });
              await list.reload();
            }),
          ]}
        />
      </ListFrame>
      {editing && (
        <CadreForm
          record={editing.record}
          unitNames={(units.data ?? []).map((u) => u.name)}
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

interface CadreValues extends Record<string, unknown> {
  name: string;
  idNumber: string;
  gender: Gender;
  unit: string;
  post: string;
  phone: string;
}

function CadreForm({ record, unitNames, onClose, onSaved }: { record: Cadre | null; unitNames: string[]; onClose: () => void; onSaved: () => void }) {
  const { t, rule, genderText } = useOrgT();
  const genderLabelId = useId();
  const form = useLiveForm<CadreValues>({
    initialValues: {
      name: record?.name ?? '',
      idNumber: record?.idNumber ?? '',
      gender: record?.gender ?? '男',
      unit: record?.unit ?? '',
      post: record?.post ?? '',
      phone: record?.phone ?? '',
    },
    validate: {
      name: (v) => rule(checkName(v)),
      idNumber: (v) => rule(checkIdNumber(v)),
      gender: (v, values) => {
        const r = parseIdNumber(values.idNumber);
        return r.ok && r.info.gender !== v ? t('msg:gender.mismatch', { gender: genderText(r.info.gender) }) : null;
      },
      phone: (v) => rule(checkPhone(v)),
    },
  });
  const { busy, run } = useSaver(form.setFieldError, ['name', 'idNumber', 'gender', 'unit', 'post', 'phone'], onSaved);
  const submit = form.onSubmit((v) =>
    run(() =>
      call('org.cadres.save', {
        id: record?.id,
        name: v.name.trim(),
        idNumber: v.idNumber.trim(),
        gender: v.gender,
        unit: v.unit.trim(),
        post: v.post.trim(),
        phone: v.phone.trim(),
      }),
    ),
  );

  const values = form.getValues();
  const parsed = parseIdNumber(values.idNumber);
  const idProps = form.getInputProps('idNumber');
  // Checked as the user types: a wrong character at once, the rest once 18 characters are in
  // (a half-typed number is not yet "too short"). A valid number sets the gender.
  const onIdChange = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.currentTarget.value;
    idProps.onChange(e);
    const r = parseIdNumber(raw);
    const s = normalizeIdNumber(raw);
    if (r.ok) {
      form.setFieldValue('gender', r.info.gender);
      form.clearFieldError('idNumber');
      form.clearFieldError('gender');
    } else if (!/^\d*$/.test(s) && !/^\d{17}X$/.test(s)) {
      form.setFieldError('idNumber', t('msg:id.chars'));
    } else if (s.length >= 18) {
      form.setFieldError('idNumber', rule(checkIdNumber(raw)));
    }
  };

  const units = useMemo(() => [...new Set(unitNames)], [unitNames]);
  return (
    <FormModal title={t(record ? 'ui.editTitle' : 'ui.addTitle', { what: t('cadre.what') })} onClose={onClose} onSubmit={submit} busy={busy} size="lg">
      <Group grow align="flex-start">
        <TextInput label={t('cadre.name')} required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
        <Input.Wrapper label={t('cadre.gender')} labelElement="div" labelProps={{ id: genderLabelId }} required error={form.errors.gender}>
          <SegmentedControl
            aria-labelledby={genderLabelId}
            fullWidth
            data={[
              { value: '男', label: genderText('男') },
              { value: '女', label: genderText('女') },
            ]}
            value={values.gender}
            onChange={(v) => {
              form.setFieldValue('gender', v as Gender);
              form.validateField('gender');
            }}
          />
        </Input.Wrapper>
      </Group>
      <TextInput
        label={t('cadre.idNumber')}
        required
        autoComplete="off"
        maxLength={20}
        description={
          parsed.ok
            ? [t('cadre.idInfo', { birth: parsed.info.birthDate, gender: genderText(parsed.info.gender) }), parsed.info.upgraded ? t('cadre.idUpgraded', { value: parsed.info.value }) : '']
                .filter(Boolean)
                .join('；')
            : t('cadre.idHint')
        }
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        styles={{ input: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.04em' } }}
        {...idProps}
        onChange={onIdChange}
      />
      <Autocomplete
        openOnFocus={false}
        label={t('cadre.unit')}
        placeholder={t('cadre.unitPlaceholder')}
        data={units}
        limit={30}
        maxLength={60}
        autoComplete="off"
        {...form.getInputProps('unit')}
      />
      <Group grow align="flex-start">
        <TextInput label={t('cadre.post')} autoComplete="off" maxLength={40} {...form.getInputProps('post')} />
        <TextInput label={t('cadre.phone')} type="tel" autoComplete="off" maxLength={20} {...form.getInputProps('phone')} />
      </Group>
    </FormModal>
  );
}
