/** One member of the household form: identity (ID checked as you type) and the national fields. */
import { Anchor, Button, Fieldset, Grid, NumberInput, Select, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ChangeEvent } from 'react';
import { checkIdNumber } from '@shared/rules/org';
import { normalizeIdNumber, parseIdNumber } from '@shared/rules/id-number';
import { useCodes, useRosterT } from './common';
import type { HouseholdValues } from './householdValues';
import { YesNoSelect } from './YesNoSelect';

export interface DuplicateLink {
  index: number;
  householdId: string;
  number: string;
}

export function MemberFields({
  form,
  index,
  codes,
  duplicate,
  onRemove,
}: {
  form: UseFormReturnType<HouseholdValues>;
  index: number;
  codes: ReturnType<typeof useCodes>;
  duplicate: DuplicateLink | null;
  onRemove: (() => void) | null;
}) {
  const { t, msg } = useRosterT();
  const path = (f: string) => `members.${index}.${f}`;
  const m = form.getValues().members[index];
  const parsed = parseIdNumber(m.idNumber);
  const idProps = form.getInputProps(path('idNumber'));
  // A wrong character at once, the rest once 18 characters are in (a half-typed number is not yet "too short").
  const onIdChange = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.currentTarget.value;
    idProps.onChange(e);
    const r = parseIdNumber(raw);
    const s = normalizeIdNumber(raw);
    if (r.ok) form.clearFieldError(path('idNumber'));
    else if (!/^\d*$/.test(s) && !/^\d{17}X$/.test(s)) form.setFieldError(path('idNumber'), msg('id.chars'));
    else if (s.length >= 18) {
      const f = checkIdNumber(raw);
      if (f) form.setFieldError(path('idNumber'), msg(f.key, f.params));
    }
  };
  const select = (field: string, list: string, label: string, span: number, required = false) => (
    <Grid.Col span={span}>
      <Select
        label={label}
        required={required}
        searchable
        clearable={!required}
        openOnFocus={false}
        data={codes.options(list, (m[field] as string | null) ?? null)}
        nothingFoundMessage={t('translation:common.nothingFound')}
        {...form.getInputProps(path(field))}
      />
    </Grid.Col>
  );
  const head = m.relation === '户主';
  const idInfo = parsed.ok
    ? [t('member.idInfo', { birth: parsed.info.birthDate, gender: parsed.info.gender }), parsed.info.upgraded ? t('member.idUpgraded', { value: parsed.info.value }) : ''].filter(Boolean).join('；')
    : t('member.idHint');

  return (
    <Fieldset
      legend={
        <Text fw={600} size="sm">
          {t('member.legend', { n: index + 1 })}
          {head ? ` · ${t('member.head')}` : ''}
          {m.name ? ` · ${m.name}` : ''}
        </Text>
      }
      variant="filled"
      p="sm"
      pt={4}
      aria-label={t('member.legend', { n: index + 1 })}
    >
      <Grid gap="xs">
        <Grid.Col span={2}>
          <TextInput id={`member-${index}-name`} label={t('member.name')} required autoComplete="off" maxLength={40} {...form.getInputProps(path('name'))} />
        </Grid.Col>
        <Grid.Col span={3}>
          <TextInput
            label={t('member.idNumber')}
            required
            autoComplete="off"
            maxLength={20}
            inputWrapperOrder={duplicate ? ['label', 'input', 'error', 'description'] : ['label', 'input', 'description', 'error']}
            description={
              duplicate ? (
                <Anchor href={`#/roster/${duplicate.householdId}`} size="xs">
                  {t('member.openOther', { number: duplicate.number })}
                </Anchor>
              ) : (
                idInfo
              )
            }
            styles={{ input: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.03em' } }}
            {...idProps}
            onChange={onIdChange}
          />
        </Grid.Col>
        {select('relation', 'relation', t('member.relation'), 2, true)}
        {select('ethnicity', 'ethnicity', t('member.ethnicity'), 2)}
        <Grid.Col span={2}>
          <TextInput label={t('member.phone')} type="tel" autoComplete="off" maxLength={20} {...form.getInputProps(path('phone'))} />
        </Grid.Col>
        <Grid.Col span={1} style={{ display: 'flex', alignItems: 'flex-start', justifyContent: 'flex-end', paddingTop: 30 }}>
          {onRemove && (
            <Button size="compact-sm" variant="subtle" color="red" onClick={onRemove} aria-label={t('member.removeN', { n: index + 1 })}>
              {t('member.remove')}
            </Button>
          )}
        </Grid.Col>
        {select('education', 'education', t('member.education'), 2)}
        {select('schoolStatus', 'school', t('member.schoolStatus'), 2)}
        {select('health', 'health', t('member.health'), 2)}
        {select('skill', 'skill', t('member.skill'), 2)}
        {select('workStatus', 'work', t('member.workStatus'), 2)}
        <Grid.Col span={1}>
          <NumberInput label={t('member.workMonths')} min={0} max={12} allowDecimal={false} allowNegative={false} clampBehavior="none" hideControls {...form.getInputProps(path('workMonths'))} />
        </Grid.Col>
        <Grid.Col span={1}>
          <YesNoSelect label={t('member.insured')} {...form.getInputProps(path('insured'))} />
        </Grid.Col>
      </Grid>
    </Fieldset>
  );
}
