/** 新增户 / 编辑户: the household's fields and its members; exactly one 户主; server errors at their inputs. */
import { Alert, Button, Grid, Group, MultiSelect, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useRef, useState } from 'react';
import type { HouseholdDetail } from '@shared/domain/roster';
import { checkHousehold } from '@shared/roster/household-rules';
import { checkPhone } from '@shared/rules/org';
import { ApiError, call, useCall } from '../../api/client';
import { caretToEnd, FormModal, useLiveForm, useSaver } from '../../ui/forms';
import { useCodes, useRosterT, yearOptions } from './common';
import { emptyMember, initialValues, toInput, type HouseholdValues } from './householdValues';
import { MemberFields, type DuplicateLink } from './MemberFields';
import { YesNoSelect } from './YesNoSelect';

const MEMBER_FIELDS = ['number', 'name', 'idNumber', 'relation', 'ethnicity', 'education', 'schoolStatus', 'health', 'skill', 'workStatus', 'workMonths', 'insured', 'phone'];
const FIELDS = [
  'number',
  'villageId',
  'groupName',
  'attribute',
  'mainCause',
  'secondaryCauses',
  'identifiedYear',
  'status',
  'monitorType',
  'plannedExitYear',
  'exitYear',
  'dangerousHouse',
  'waterSafe',
  'waterDifficult',
  'phone',
  'members',
  ...MEMBER_FIELDS.map((f) => `members.*.${f}`),
];
const HEAD = '户主';

export function HouseholdForm({
  record,
  defaults,
  onClose,
  onSaved,
}: {
  record: HouseholdDetail | null;
  /** For a new household: the township and village the list is filtered by. */
  defaults?: { townshipId?: string; villageId?: string };
  onClose: () => void;
  onSaved: (h: HouseholdDetail) => void;
}) {
  const { t, msg } = useRosterT();
  const codes = useCodes();
  const townships = useCall('org.townships.list', {});
  const villages = useCall('org.villages.list', {});
  const [duplicate, setDuplicate] = useState<DuplicateLink | null>(null);
  const saved = useRef<HouseholdDetail | null>(null);
  const rule = (f: { key: string; params?: Record<string, string | number> } | null) => (f ? msg(f.key, f.params) : null);
  const required = (v: unknown) => (v === null || v === undefined || (typeof v === 'string' && v.trim() === '') ? t('form.required') : null);

  const form = useLiveForm<HouseholdValues>({
    initialValues: initialValues(record, defaults),
    // The same checks as the service (shared/roster/household-rules.ts), plus the form's own.
    validate: (v) => {
      const errors: Record<string, string> = {};
      const add = (field: string, text: string | null) => {
        if (text && !errors[field]) errors[field] = text;
      };
      add('villageId', v.villageId ? null : t('form.pickVillage'));
      add('status', required(v.status));
      add('phone', rule(checkPhone(v.phone)));
      v.members.forEach((m, i) => {
        add(`members.${i}.phone`, rule(checkPhone(m.phone)));
        if (m.workMonths !== '' && !Number.isInteger(Number(m.workMonths))) add(`members.${i}.workMonths`, msg('roster.value.months', { value: String(m.workMonths) }));
      });
      for (const p of checkHousehold(toInput(v, record?.id))) add(p.field, msg(p.key, p.params));
      return errors;
    },
  });
  const onError = (e: unknown) => {
    const p = e instanceof ApiError ? e.info.params : undefined;
    const m = /^members\.(\d+)\./.exec(e instanceof ApiError ? (e.info.field ?? '') : '');
    setDuplicate(p?.householdId && m ? { index: Number(m[1]), householdId: String(p.householdId), number: String(p.number ?? p.householdNumber ?? '') } : null);
  };
  const { busy, run } = useSaver(form.setFieldError, FIELDS, () => saved.current && onSaved(saved.current), onError);
  const submit = form.onSubmit((v) =>
    run(async () => {
      setDuplicate(null);
      saved.current = await call('roster.household.save', toInput(v, record?.id));
    }),
  );

  const values = form.getValues();
  const villageList = villages.data ?? [];
  const villageOptions = useMemo(
    () => villageList.filter((v) => !values.townshipId || v.townshipId === values.townshipId).map((v) => ({ value: v.id, label: values.townshipId ? v.name : `${v.townshipName} ${v.name}` })),
    [villageList, values.townshipId],
  );
  const codeOf = (id: string | null) => villageList.find((v) => v.id === id)?.code ?? '';
  const villageProps = form.getInputProps('villageId');
  const chooseVillage = (id: string | null) => {
    const before = codeOf(values.villageId);
    villageProps.onChange(id);
    const v = villageList.find((x) => x.id === id);
    if (v && !values.townshipId) form.setFieldValue('townshipId', v.townshipId);
    // Prefill the village code as the household number's prefix while the number holds nothing of the user's own.
    const number = values.number.trim();
    if (!record && v && (number === '' || number === before)) form.setFieldValue('number', v.code);
  };
  const heads = values.members.filter((m) => m.relation === HEAD).length;
  const headError = heads === 1 ? null : heads === 0 ? t('form.noHead') : t('form.twoHeads', { count: heads });
  const codeSelect = (field: keyof HouseholdValues & string, list: string, label: string, opts: { required?: boolean; disabled?: boolean; description?: string } = {}) => (
    <Select
      label={label}
      required={opts.required}
      disabled={opts.disabled}
      description={opts.description}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      searchable
      clearable={!opts.required}
      openOnFocus={false}
      data={codes.options(list, values[field] as string | null)}
      nothingFoundMessage={t('translation:common.nothingFound')}
      {...form.getInputProps(field)}
    />
  );
  const yearSelect = (field: keyof HouseholdValues & string, label: string) => (
    <Select label={label} searchable clearable openOnFocus={false} data={yearOptions(2000)} placeholder="—" {...form.getInputProps(field)} />
  );
  const addMember = () => {
    form.insertListItem('members', emptyMember(false));
    const n = values.members.length;
    setTimeout(() => document.getElementById(`member-${n}-name`)?.focus(), 50);
  };

  return (
    <FormModal
      title={record ? t('form.editTitle', { head: record.headName }) : t('form.addTitle')}
      onClose={onClose}
      onSubmit={submit}
      busy={busy}
      size={1180}
    >
      <Grid gap="xs">
        <Grid.Col span={3}>
          <TextInput
            label={t('household.number')}
            description={record ? undefined : t('form.numberHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            required
            autoComplete="off"
            maxLength={40}
            data-autofocus
            styles={{ input: { fontVariantNumeric: 'tabular-nums' } }}
            {...form.getInputProps('number')}
            onFocus={caretToEnd}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <Select
            label={t('household.township')}
            searchable
            openOnFocus={false}
            data={(townships.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            nothingFoundMessage={t('translation:common.nothingFound')}
            {...form.getInputProps('townshipId')}
            onChange={(id) => {
              form.setFieldValue('townshipId', id);
              if (values.villageId && villageList.find((v) => v.id === values.villageId)?.townshipId !== id) form.setFieldValue('villageId', null);
            }}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <Select
            label={t('household.village')}
            required
            searchable
            openOnFocus={false}
            data={villageOptions}
            nothingFoundMessage={villageList.length ? t('translation:common.nothingFound') : t('form.noVillages')}
            {...villageProps}
            onChange={chooseVillage}
          />
        </Grid.Col>
        <Grid.Col span={2}>
          <TextInput label={t('household.group')} autoComplete="off" maxLength={40} {...form.getInputProps('groupName')} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput label={t('household.phone')} type="tel" autoComplete="off" maxLength={20} {...form.getInputProps('phone')} />
        </Grid.Col>
        <Grid.Col span={3}>
          {codeSelect('status', 'status', t('household.status'), {
            required: true,
            disabled: record !== null,
            description: record ? t('form.statusHint') : undefined,
          })}
        </Grid.Col>
        <Grid.Col span={3}>{codeSelect('monitorType', 'monitorType', t('household.monitorType'), { disabled: record !== null })}</Grid.Col>
        <Grid.Col span={3}>{codeSelect('attribute', 'attribute', t('household.attribute'), {})}</Grid.Col>
        <Grid.Col span={3}>{codeSelect('mainCause', 'cause', t('household.mainCause'), {})}</Grid.Col>
        <Grid.Col span={6}>
          <MultiSelect
            label={t('household.secondaryCauses')}
            searchable
            clearable
            data={codes.options('cause').filter((c) => c !== values.mainCause)}
            nothingFoundMessage={t('translation:common.nothingFound')}
            {...form.getInputProps('secondaryCauses')}
          />
        </Grid.Col>
        <Grid.Col span={2}>{yearSelect('identifiedYear', t('household.identifiedYear'))}</Grid.Col>
        <Grid.Col span={2}>{yearSelect('plannedExitYear', t('household.plannedExitYear'))}</Grid.Col>
        <Grid.Col span={2}>{yearSelect('exitYear', t('household.exitYear'))}</Grid.Col>
        <Grid.Col span={2}>
          <YesNoSelect label={t('household.dangerousHouse')} {...form.getInputProps('dangerousHouse')} />
        </Grid.Col>
        <Grid.Col span={2}>
          <YesNoSelect label={t('household.waterSafe')} {...form.getInputProps('waterSafe')} />
        </Grid.Col>
        <Grid.Col span={2}>
          <YesNoSelect label={t('household.waterDifficult')} {...form.getInputProps('waterDifficult')} />
        </Grid.Col>
      </Grid>
      <Group justify="space-between" mt="xs">
        <Title order={5}>{t('form.members', { count: values.members.length })}</Title>
        <Button size="compact-sm" variant="light" onClick={addMember} disabled={values.members.length >= 30}>
          {t('member.add')}
        </Button>
      </Group>
      {(headError || form.errors.members) && (
        <Alert color="red" variant="light" py={6} role="alert">
          <Text size="sm">{headError ?? form.errors.members}</Text>
        </Alert>
      )}
      <Stack gap="xs">
        {values.members.map((m, i) => (
          <MemberFields
            key={m.key}
            form={form}
            index={i}
            codes={codes}
            duplicate={duplicate?.index === i ? duplicate : null}
            onRemove={values.members.length > 1 ? () => form.removeListItem('members', i) : null}
          />
        ))}
      </Stack>
    </FormModal>
  );
}
