/** Pieces shared by the audit screens: translation, an entry's headline and change lines, paged loading. */
import { Anchor, Box, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditChange, AuditEntry } from '@shared/domain/audit';
import type { CallInput } from '@shared/ipc/contract';
import { formatMessage, type Lang } from '@shared/i18n/messages';
import { changesText } from '@shared/rules/audit-text';
import { ApiError, call } from '../../api/client';

/** What the log is filtered by (the audit.list call's filter). */
export type AuditQuery = CallInput<'audit.list'>['filter'];

/** Translation for the `audit` namespace; `lang` for the shared audit texts (record types, actions, fields). */
export function useAuditT() {
  const { t, i18n } = useTranslation('audit');
  const lang: Lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const msg = useCallback((key: string, params: Record<string, unknown> = {}) => formatMessage(key, params, lang), [lang]);
  return { t, lang, msg };
}

/** "修改 家庭成员": the entry's action and record type. */
export function whatText(e: Pick<AuditEntry, 'action' | 'recordType'>, t: (k: string, p?: Record<string, unknown>) => string, msg: (k: string) => string): string {
  return t('what', { action: msg(`audit.action.${e.action}`), type: msg(`audit.type.${e.recordType}`) });
}

export function operatorText(e: Pick<AuditEntry, 'operatorName'>, t: (k: string) => string): string {
  return e.operatorName || t('operatorNone');
}

interface ChangeGroup {
  member?: NonNullable<AuditChange['member']>;
  changes: AuditChange[];
}

/** The entry's own field changes first, then each household member's (a roster import), in order. */
function groupChanges(changes: readonly AuditChange[]): ChangeGroup[] {
  const own: ChangeGroup = { changes: [] };
  const members = new Map<string, ChangeGroup>();
  for (const c of changes) {
    if (!c.member) {
      own.changes.push(c);
      continue;
    }
    const key = `${c.member.action}|${c.member.name}`;
    let g = members.get(key);
    if (!g) members.set(key, (g = { member: c.member, changes: [] }));
    g.changes.push(c);
  }
  return [...(own.changes.length ? [own] : []), ...members.values()];
}

/**
 * 字段：旧值 → 新值, one line per changed field (the shared changesText, one change at a time),
 * members' changes under the member's name. Long lists show `limit` lines, and long values (a
 * template's body) their start, until 显示全部.
 */
/** Characters of one change line shown before 显示全部. */
const LONG_LINE = 240;

export function ChangeLines({ entry, limit = 8 }: { entry: AuditEntry; limit?: number }) {
  const { t, lang, msg } = useAuditT();
  const [all, setAll] = useState(false);
  // The household a child record belongs to is shown beside the entry (its 户 column, or the page it is on).
  const changes = entry.changes.filter((c) => !(c.field === 'household_id' && [c.before, c.after].every((v) => v === null || v === entry.householdId)));
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('noChanges')}
      </Text>
    );
  const line = (c: AuditChange) => {
    const { member, ...change } = c;
    return changesText({ ...entry, action: member?.action ?? entry.action, changes: [change] }, lang);
  };
  const clip = (l: string) => (all || l.length <= LONG_LINE ? l : `${l.slice(0, LONG_LINE)}…`);
  let budget = all ? Infinity : limit;
  const shown: { group: ChangeGroup; lines: string[] }[] = [];
  for (const g of groupChanges(changes)) {
    if (budget <= 0) break;
    const lines = g.changes.slice(0, budget).map((c) => clip(line(c)));
    budget -= lines.length;
    shown.push({ group: g, lines });
  }
  const more = changes.length > limit || changes.some((c) => line(c).length > LONG_LINE);
  return (
    <Stack gap={2}>
      {shown.map(({ group, lines }, i) => (
        <Box key={i} pl={group.member ? 'sm' : 0} style={group.member ? { borderLeft: '2px solid var(--mantine-color-gray-3)' } : undefined}>
          {group.member && (
            <Text size="sm" fw={500}>
              {msg('audit.member', { name: group.member.name, action: msg(`audit.action.${group.member.action}`) }).trim()}
            </Text>
          )}
          {lines.map((l, k) => (
            <Text key={k} size="sm" style={{ overflowWrap: 'anywhere', fontVariantNumeric: 'tabular-nums' }}>
              {l}
            </Text>
          ))}
        </Box>
      ))}
      {more && (
        <Anchor component="button" type="button" size="sm" ta="left" aria-expanded={all} onClick={(e) => (e.stopPropagation(), setAll((a) => !a))}>
          {all ? t('fewerChanges') : t('moreChanges', { count: changes.length })}
        </Anchor>
      )}
    </Stack>
  );
}

export interface AuditPages {
  entries: AuditEntry[];
  total: number;
  masked: boolean;
  more: boolean;
  loading: boolean;
  error: ApiError | undefined;
  loadMore: () => void;
  reload: () => void;
}

/**
 * The log's entries for a filter, newest first, a page at a time (加载更多 asks for the entries
 * before the last one shown). A new filter, or a new `version`, starts again from the top;
 * `filter` null loads nothing (an invalid filter on screen).
 */
export function useAuditPages(filter: AuditQuery | null, limit: number, version?: unknown): AuditPages {
  const [state, setState] = useState<{ entries: AuditEntry[]; total: number; masked: boolean; next: number | null }>({ entries: [], total: 0, masked: false, next: null });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const key = filter ? JSON.stringify(filter) : null;
  const seq = useRef(0);
  const load = useCallback(
    async (beforeSeq: number | null) => {
      if (key === null) return;
      const mine = ++seq.current;
      setLoading(true);
      try {
        const page = await call('audit.list', { filter: JSON.parse(key) as AuditQuery, limit, ...(beforeSeq !== null ? { beforeSeq } : {}) });
        if (mine !== seq.current) return;
        setState((s) => ({ entries: beforeSeq === null ? page.entries : [...s.entries, ...page.entries], total: page.total, masked: page.masked, next: page.nextBeforeSeq }));
        setError(undefined);
      } catch (e) {
        if (mine === seq.current) setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', key: 'internal', message: String(e) }));
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [key, limit],
  );
  useEffect(() => {
    if (key === null) {
      seq.current++;
      setState({ entries: [], total: 0, masked: false, next: null });
      setLoading(false);
      return;
    }
    void load(null);
  }, [load, key, version]);
  const next = state.next;
  return {
    entries: state.entries,
    total: state.total,
    masked: state.masked,
    more: next !== null,
    loading,
    error,
    loadMore: useCallback(() => void (next !== null && load(next)), [load, next]),
    reload: useCallback(() => void load(null), [load]),
  };
}
