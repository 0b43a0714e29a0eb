/**
 * The one rule for what a household's 脱贫状态 counts as. Every count (home page, roster totals,
 * 按村统计, wall charts, boards, cards, quality checks, `stats`) and every status colour comes
 * from here.
 *
 * Each entry of the office's 脱贫状态 code list says what it counts as (its `kind`, set in 设置 →
 * 代码表); a value that is not in the list (a legacy text kept from an old import) falls back to
 * the name: 已脱贫… counts as exited, 注销… as struck off, anything else as not exited.
 * 监测 (monitoring against a return to poverty) is a separate flag: an exited household that is
 * monitored still counts as exited.
 */

/** open 未脱贫 (counts toward incidence), exited 已脱贫, cancelled 注销 (counted as neither). */
export const STATUS_KINDS = ['open', 'exited', 'cancelled'] as const;
export type StatusKind = (typeof STATUS_KINDS)[number];

/** How a household is drawn: green exited, amber monitored or about to exit, red open, grey struck off. */
export type StatusClass = 'exited' | 'monitored' | 'open' | 'cancelled';

/** Full-width brackets and spaces as the national system sometimes writes them. */
export function normaliseStatus(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** What a status name counts as when the code list does not say. */
export function defaultStatusKind(name: string): StatusKind {
  const n = normaliseStatus(name);
  if (n.startsWith('已脱贫') || n === '脱贫' || n.startsWith('稳定脱贫')) return 'exited';
  if (n.startsWith('注销')) return 'cancelled';
  return 'open';
}

export interface StatusRule {
  /** Status names (as stored) the office's list marks, by kind. Names not listed fall back to `defaultStatusKind`. */
  kinds: ReadonlyMap<string, StatusKind>;
}

export const DEFAULT_STATUS_RULE: StatusRule = { kinds: new Map() };

/** Builds the rule from the 脱贫状态 code list (retired entries still count: old records keep them). */
export function statusRule(items: readonly { list: string; name: string; kind?: StatusKind | null }[]): StatusRule {
  const kinds = new Map<string, StatusKind>();
  for (const c of items) if (c.list === 'status') kinds.set(c.name, c.kind ?? defaultStatusKind(c.name));
  return { kinds };
}

export function statusKind(rule: StatusRule, status: string): StatusKind {
  return rule.kinds.get(status) ?? defaultStatusKind(status);
}

/** A household under monitoring (监测对象, or with a 监测对象类型) or marked 预脱贫 (to exit this year). */
export function isMonitored(status: string, monitorType: string | null | undefined): boolean {
  return (monitorType ?? '') !== '' || status.includes('监测') || status.includes('预脱贫');
}

export function statusClass(rule: StatusRule, status: string, monitorType: string | null | undefined = ''): StatusClass {
  const kind = statusKind(rule, status);
  if (kind === 'exited' || kind === 'cancelled') return kind;
  return isMonitored(status, monitorType) ? 'monitored' : 'open';
}
