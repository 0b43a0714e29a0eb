/** Pieces shared by the roster screens: translation, code lists, status colours, money, long tasks. */
import { Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeItem, TaskProgress } from '@shared/domain/roster';
import { DEFAULT_STATUS_RULE, statusClass, statusRule, type StatusRule } from '@shared/roster/status';
import { fenToYuanText, parseYuanToFen } from '@shared/roster/values';
import { call, useCall } from '../../api/client';

/** Translation for the `roster` namespace (shared messages under `msg:`). */
export function useRosterT() {
  const { t, i18n } = useTranslation('roster');
  const msg = (key: string, params?: Record<string, string | number>) => t(`msg:${key}`, params ?? {});
  return { t, msg, lang: i18n.language };
}

/** The code lists (代码表) by list name; `options(list)` gives active names for a Select, keeping `current` even if retired. */
export function useCodes() {
  const codes = useCall('roster.codes.list', {});
  const byList = useMemo(() => {
    const m = new Map<string, CodeItem[]>();
    for (const c of codes.data ?? []) {
      const a = m.get(c.list) ?? [];
      a.push(c);
      m.set(c.list, a);
    }
    for (const a of m.values()) a.sort((x, y) => x.sort - y.sort || x.name.localeCompare(y.name, 'zh-CN'));
    return m;
  }, [codes.data]);
  useEffect(() => {
    if (codes.data) setStatusRule(statusRule(codes.data));
  }, [codes.data]);
  const options = useCallback(
    (list: string, current?: string | null): string[] => {
      const names = (byList.get(list) ?? []).filter((c) => c.active).map((c) => c.name);
      if (current && !names.includes(current)) names.push(current);
      return names;
    },
    [byList],
  );
  return { byList, options, loaded: codes.data !== undefined, reload: codes.reload };
}

export const MONITOR_STATUS = '监测对象';

/*
 * The office's status rule (what each 脱贫状态 counts as), shared by every badge: loaded once,
 * replaced whenever a screen loads the code lists (so a change in 设置 → 代码表 shows at once).
 */
let currentRule: StatusRule = DEFAULT_STATUS_RULE;
let ruleLoaded = false;
const ruleListeners = new Set<() => void>();
function setStatusRule(rule: StatusRule) {
  currentRule = rule;
  ruleLoaded = true;
  for (const l of ruleListeners) l();
}
const subscribeRule = (l: () => void) => {
  ruleListeners.add(l);
  return () => ruleListeners.delete(l);
};

export function useStatusRule(): StatusRule {
  const rule = useSyncExternalStore(subscribeRule, () => currentRule);
  useEffect(() => {
    if (!ruleLoaded) {
      ruleLoaded = true;
      call('roster.codes.list', {}).then((items) => setStatusRule(statusRule(items)), () => (ruleLoaded = false));
    }
  }, []);
  return rule;
}

const STATUS_COLOURS = { exited: 'green', monitored: 'orange', open: 'red', cancelled: 'gray' } as const;

/** 未脱贫 red, 已脱贫 green, 监测 or 预脱贫 amber, 注销 grey: the one rule of shared/roster/status.ts. */
export function statusColor(rule: StatusRule, status: string, monitorType = ''): string {
  return STATUS_COLOURS[statusClass(rule, status, monitorType)];
}

export function StatusBadge({ status, monitorType = '', size = 'md' }: { status: string; monitorType?: string; size?: string }) {
  const rule = useStatusRule();
  if (!status) return null;
  return (
    <Badge color={statusColor(rule, status, monitorType)} variant="light" size={size} styles={{ label: { textTransform: 'none' } }}>
      {status}
      {monitorType && status !== MONITOR_STATUS ? ` · ${monitorType}` : ''}
    </Badge>
  );
}

/** 分 → "3,200.50" for reading (exact, no floats). */
export function yuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '—';
  const text = fenToYuanText(fen);
  const [int, dec] = text.split('.');
  const sign = int.startsWith('-') ? '-' : '';
  const digits = int.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${dec ? `.${dec}` : ''}`;
}

/** Validates yuan text as typed in a form: null when fine. */
export function yuanError(raw: string, t: (k: string, p?: Record<string, unknown>) => string, opts: { required?: boolean; negative?: boolean } = {}): string | null {
  const r = parseYuanToFen(raw);
  if (!r.ok) return t(`msg:${r.key}`, r.params);
  if (r.value === null) return opts.required ? t('form.required') : null;
  if (r.value < 0 && !opts.negative) return t('form.notNegative');
  return null;
}

/** Yuan text → fen for sending; empty → 0 or null as asked. Call after yuanError passed. */
export function toFen(raw: string): number | null {
  const r = parseYuanToFen(raw);
  return r.ok ? r.value : null;
}

export const fenText = (fen: number | null | undefined) => (fen === null || fen === undefined ? '' : fenToYuanText(fen));

export const thisYear = () => new Date().getFullYear();
export const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Years for pickers, newest first. */
export function yearOptions(from = 2014, to = thisYear() + 1): string[] {
  const a: string[] = [];
  for (let y = to; y >= from; y--) a.push(String(y));
  return a;
}

function newTaskId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A long call (import, export, checks): names a task, polls `tasks.progress` every 250 ms while
 * the call is pending, and can cancel it.
 */
export function useTask() {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<string | null>(null);
  const alive = useRef(true);
  useEffect(
    () => () => {
      alive.current = false;
      if (current.current) void call('tasks.cancel', { taskId: current.current }).catch(() => undefined);
    },
    [],
  );
  const run = useCallback(async <T,>(fn: (taskId: string) => Promise<T>): Promise<T> => {
    const taskId = newTaskId();
    current.current = taskId;
    setRunning(true);
    setProgress(null);
    let done = false;
    const poll = async () => {
      while (!done) {
        await new Promise((r) => setTimeout(r, 250));
        if (done) break;
        try {
          const p = await call('tasks.progress', { taskId });
          if (!done && p && alive.current) setProgress(p);
        } catch {
          // progress is a nicety; the call itself reports failures
        }
      }
    };
    void poll();
    try {
      return await fn(taskId);
    } finally {
      done = true;
      current.current = null;
      if (alive.current) {
        setRunning(false);
        setProgress(null);
      }
    }
  }, []);
  const cancel = useCallback(() => {
    if (current.current) void call('tasks.cancel', { taskId: current.current }).catch(() => undefined);
  }, []);
  return { run, cancel, progress, running };
}

/** The progress of a running task: a bar (striped while the total is unknown), the phase, 取消. */
export function TaskBar({ progress, label, onCancel }: { progress: TaskProgress | null; label: string; onCancel?: () => void }) {
  const { t, i18n } = useTranslation('roster');
  const known = progress && progress.total > 0;
  const pct = known ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 100;
  const phase = progress?.phase ? (i18n.exists(`roster:phase.${progress.phase}`) ? t(`phase.${progress.phase}`) : progress.phase) : '';
  return (
    <Stack gap={6} role="status" aria-live="polite">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">
          {label}
          {phase ? ` · ${phase}` : ''}
          {known ? ` · ${pct}%` : progress?.done ? ` · ${t('task.doneCount', { done: progress.done.toLocaleString() })}` : ''}
        </Text>
        {onCancel && (
          <Button size="compact-sm" variant="default" onClick={onCancel}>
            {t('task.cancel')}
          </Button>
        )}
      </Group>
      <Progress value={pct} striped={!known} animated={!known} aria-label={label} />
    </Stack>
  );
}
