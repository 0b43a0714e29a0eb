/** The roster's filters (乡镇 → 行政村, status, attribute, cause, exit year, cadre, quality rule) and the search box. */
import { maskIdNumber } from '@shared/rules/id-number';
import { Button, Combobox, Group, Highlight, Select, Stack, Text, TextInput, useCombobox } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { RosterFilter, SearchHit } from '@shared/domain/roster';
import { call, useCall } from '../../api/client';
import { go } from '../../app/route';
import { useCodes, useRosterT, yearOptions } from './common';
import { useRuleTitle } from './QualityPanel';
import { withParen } from '../../i18n';

const SELECT_W = 150;
const HIT_LIMIT = 12;

export function RosterFilters({ filter, onChange }: { filter: RosterFilter; onChange: (f: RosterFilter) => void }) {
  const { t } = useRosterT();
  const { options } = useCodes();
  const townships = useCall('org.townships.list', {});
  const villages = useCall('org.villages.list', filter.townshipId ? { townshipId: filter.townshipId } : {});
  const cadres = useCall('org.cadres.list', {});
  const summary = useCall('roster.check.summary', {});
  const ruleTitle = useRuleTitle();

  // The search box reports after a pause: merge into the newest filter, not the one it saw.
  const latest = useRef(filter);
  latest.current = filter;
  const set = (patch: Partial<RosterFilter>) => {
    const next: RosterFilter = { ...latest.current, ...patch };
    for (const k of Object.keys(next) as (keyof RosterFilter)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next);
  };
  const common = { clearable: true, searchable: true, nothingFoundMessage: t('translation:common.nothingFound'), w: SELECT_W, size: 'sm' } as const;
  const cadreOptions = useMemo(() => (cadres.data ?? []).map((c) => ({ value: c.id, label: c.unit ? withParen(c.name, c.unit) : c.name })), [cadres.data]);
  const active = Object.keys(filter).filter((k) => k !== 'text').length > 0;

  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <SearchBox text={filter.text ?? ''} onText={(text) => set({ text: text.trim() || undefined })} />
        <Select
          {...common}
          label={t('filter.township')}
          placeholder={t('filter.all')}
          data={(townships.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          value={filter.townshipId ?? null}
          onChange={(v) => set({ townshipId: v ?? undefined, villageId: undefined })}
        />
        <Select
          {...common}
          label={t('filter.village')}
          placeholder={filter.townshipId ? t('filter.all') : t('filter.pickTownshipFirst')}
          disabled={!filter.townshipId}
          data={filter.townshipId ? (villages.data ?? []).map((x) => ({ value: x.id, label: x.name })) : []}
          value={filter.villageId ?? null}
          onChange={(v) => set({ villageId: v ?? undefined })}
        />
        <Select {...common} label={t('filter.status')} placeholder={t('filter.all')} data={options('status', filter.status)} value={filter.status ?? null} onChange={(v) => set({ status: v ?? undefined })} w={170} />
        <Select {...common} label={t('filter.attribute')} placeholder={t('filter.all')} data={options('attribute', filter.attribute)} value={filter.attribute ?? null} onChange={(v) => set({ attribute: v ?? undefined })} />
        <Select {...common} label={t('filter.mainCause')} placeholder={t('filter.all')} data={options('cause', filter.mainCause)} value={filter.mainCause ?? null} onChange={(v) => set({ mainCause: v ?? undefined })} />
        <Select
          {...common}
          label={t('filter.exitYear')}
          placeholder={t('filter.all')}
          data={yearOptions()}
          value={filter.exitYear ? String(filter.exitYear) : null}
          onChange={(v) => set({ exitYear: v ? Number(v) : undefined })}
          w={110}
        />
        <Select
          {...common}
          label={t('filter.cadre')}
          placeholder={t('filter.all')}
          data={cadreOptions}
          limit={50}
          value={filter.cadreId ?? null}
          onChange={(v) => set({ cadreId: v ?? undefined })}
          w={170}
        />
        <Select
          {...common}
          label={t('filter.flag')}
          placeholder={summary.data?.ranAt ? t('filter.all') : t('filter.notRun')}
          data={(summary.data?.byRule ?? []).map((r) => ({ value: r.rule, label: withParen(ruleTitle(r.rule, r.title), r.count) }))}
          value={filter.flag ?? null}
          onChange={(v) => set({ flag: v ?? undefined })}
          w={190}
          comboboxProps={{ width: 320, position: 'bottom-start', keepMounted: false }}
        />
        {active && (
          <Button variant="subtle" size="sm" onClick={() => onChange(filter.text ? { text: filter.text } : {})}>
            {t('filter.clear')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/**
 * 姓名 / 身份证号码 / 后 4–6 位 / 户编号 / 电话: the list filters as you type (after a pause),
 * and a dropdown shows the PERSONS found (members too, not only heads); Enter or a click on one
 * opens its household.
 */
const NO_HITS: SearchHit[] = [];

function SearchBox({ text, onText }: { text: string; onText: (text: string) => void }) {
  const { t } = useRosterT();
  const combobox = useCombobox();
  const [value, setValue] = useState(text);
  // The hits with the text they were found for: only hits of the text now in the box are shown,
  // so a late answer to an earlier text never appears (and ↓ Enter never opens its household).
  const [found, setFound] = useState<{ q: string; hits: SearchHit[] }>({ q: '', hits: [] });
  const latest = useRef('');
  latest.current = value.trim();
  const hits = found.q === value.trim() ? found.hits : NO_HITS;
  useEffect(() => setValue(text), [text]);
  useEffect(() => {
    const q = value.trim();
    const timer = setTimeout(() => {
      if (q !== text.trim()) onText(q);
      if (q.length < 2) return setFound({ q, hits: [] });
      call('roster.search', { text: q, limit: HIT_LIMIT })
        .then((h) => {
          if (latest.current !== q) return; // the box has moved on
          setFound({ q, hits: h });
          if (h.length) combobox.openDropdown();
        })
        .catch(() => setFound({ q, hits: [] }));
    }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  return (
    <Combobox store={combobox} onOptionSubmit={(householdId) => (combobox.closeDropdown(), go(`roster/${householdId}`))} width={460} position="bottom-start">
      <Combobox.Target>
        <TextInput
          type="search"
          label={t('filter.search')}
          placeholder={t('filter.searchPlaceholder')}
          value={value}
          w={420}
          autoComplete="off"
          onChange={(e) => setValue(e.currentTarget.value)}
          onFocus={() => hits.length && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') combobox.closeDropdown();
            if (e.key === 'Enter' && combobox.getSelectedOptionIndex() < 0) {
              onText(value.trim());
              combobox.closeDropdown();
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={hits.length === 0}>
        <Combobox.Header>
          <Text size="xs" c="dimmed">
            {hits.length >= HIT_LIMIT ? t('filter.hitsHeaderMore', { count: hits.length }) : t('filter.hitsHeader', { count: hits.length })}
          </Text>
        </Combobox.Header>
        <Combobox.Options aria-label={t('filter.hits')}>
          {hits.map((h) => (
            <Combobox.Option value={h.householdId} key={h.personId}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <div>
                  <Text size="sm" fw={500}>
                    {h.name}
                    <Text span size="xs" c="dimmed" ml={6}>
                      {h.relation}
                    </Text>
                  </Text>
                  {/* Masked like the list (first 6 and last 4 shown); a suffix typed is highlighted in what shows. */}
                  <Highlight size="xs" c="dimmed" highlight={h.matched === 'idSuffix' ? value.trim().toUpperCase().slice(-4) : ''} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {maskIdNumber(h.idNumber)}
                  </Highlight>
                </div>
                <Text size="xs" c="dimmed" ta="right">
                  {t('filter.hitHousehold', { head: h.headName, number: h.householdNumber })}
                  <br />
                  {h.townshipName} {h.villageName}
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
