/**
 * 审计日志 as the office reads it: filtered pages of entries (a household's history is the
 * filter on its household), the chain check, and the xlsx export. ID and phone numbers are masked
 * for anyone but a county administrator (and in an office without accounts, never: the one
 * operator sees the roster anyway).
 */
import dayjs from 'dayjs';
import type { App } from '../app/app';
import { AppError } from '../errors';
import { writeXlsx } from '../files/xlsx-write';
import { formatMessage, type Lang } from '../../../shared/i18n/messages';
import { maskIdNumber, maskPhone } from '../../../shared/rules/mask';
import { dateTimeText } from '../../../shared/rules/datetime';
import {
  MASKED_ID_FIELDS,
  MASKED_PHONE_FIELDS,
  type AuditAction,
  type AuditChange,
  type AuditEntry,
  type AuditPage,
  type AuditValue,
  type AuditVerifyResult,
} from '../../../shared/domain/audit';
import { auditOperators, countAudit, listAudit, verifyChain, type AuditFilter, type AuditRow } from './audit-repo';
import { householdByNumber, labelsFor, referenceNames, referenceTable } from './audit-labels-repo';
import { changesText, householdText, shortHead } from '../../../shared/rules/audit-text';

export { changesText };

/** What the screens and the CLI filter by; dates (YYYY-MM-DD, inclusive) in local time. */
export interface AuditQuery {
  operator?: string;
  recordTypes?: readonly string[];
  from?: string;
  to?: string;
  townshipId?: string;
  householdId?: string;
}

function repoFilter(q: AuditQuery, beforeSeq?: number): AuditFilter {
  return {
    operator: q.operator || undefined,
    recordTypes: q.recordTypes,
    since: q.from ? dayjs(q.from).startOf('day').toISOString() : undefined,
    until: q.to ? dayjs(q.to).add(1, 'day').startOf('day').toISOString() : undefined,
    townshipId: q.townshipId,
    householdId: q.householdId,
    beforeSeq,
  };
}

export const PAGE_DEFAULT = 100;
export const PAGE_MAX = 1000;

/** Whether the current viewer sees ID and phone numbers in full. */
export function seesFullNumbers(app: App): boolean {
  return !app.auth.hasAccounts || app.auth.session?.role === 'admin';
}

type Stored = Record<string, AuditValue | [AuditValue, AuditValue]>;
interface StoredMembers {
  cols?: string[];
  added?: AuditValue[][];
  changed?: { name: string; changes: Record<string, [AuditValue, AuditValue]> }[];
  removed?: { name: string; values: Record<string, AuditValue> }[];
}

/**
 * An entry's stored changes as a list (see migration 0016): an update's `[before, after]` pairs,
 * an insert's values (before: null), a delete's (after: null); a household's members, written by
 * an import, follow with their names.
 */
export function parseChanges(text: string, action: AuditAction, masked: boolean): AuditChange[] {
  let obj: Stored & { members?: StoredMembers };
  try {
    obj = JSON.parse(text) as Stored & { members?: StoredMembers };
  } catch {
    return [];
  }
  const mask = (field: string, v: AuditValue): AuditValue => {
    if (!masked || v === null) return v;
    if (MASKED_ID_FIELDS.has(field)) return maskIdNumber(String(v));
    if (MASKED_PHONE_FIELDS.has(field)) return maskPhone(String(v));
    return v;
  };
  const one = (field: string, v: AuditValue | [AuditValue, AuditValue], how: AuditAction, member?: AuditChange['member']): AuditChange => {
    const [before, after] = how === 'update' && Array.isArray(v) ? v : how === 'delete' ? [v as AuditValue, null] : [null, v as AuditValue];
    return { field, before: mask(field, before), after: mask(field, after), ...(member ? { member } : {}) };
  };
  const out: AuditChange[] = [];
  for (const [field, v] of Object.entries(obj)) if (field !== 'members') out.push(one(field, v as AuditValue, action));
  const m = obj.members;
  if (m) {
    const cols = m.cols ?? [];
    const nameAt = cols.indexOf('name');
    for (const row of m.added ?? []) {
      const member = { name: nameAt >= 0 ? String(row[nameAt] ?? '') : '', action: 'insert' as const };
      cols.forEach((c, k) => {
        if (c !== 'id' && row[k] !== null && row[k] !== '') out.push(one(c, row[k], 'insert', member));
      });
    }
    for (const c of m.changed ?? []) for (const [f, v] of Object.entries(c.changes)) out.push(one(f, v, 'update', { name: c.name, action: 'update' }));
    for (const r of m.removed ?? []) for (const [f, v] of Object.entries(r.values)) out.push(one(f, v, 'delete', { name: r.name, action: 'delete' }));
  }
  return out;
}

/** Words the main side puts in (a setting's name) follow the UI language. */
async function uiLang(app: App): Promise<Lang> {
  return (await app.status()).language === 'en' ? 'en' : 'zh-CN';
}

async function toEntries(app: App, rows: AuditRow[], masked: boolean, lang: Lang): Promise<AuditEntry[]> {
  const labels = await labelsFor(app.db.kysely, rows);
  const parsed = rows.map((r) => parseChanges(r.changes, r.action, masked));
  // Reference fields name their record (长青村, not its id).
  const wanted = new Map<string, Set<string>>();
  rows.forEach((r, k) => {
    for (const c of parsed[k]) {
      const table = referenceTable(r.record_type, c.field);
      if (!table) continue;
      for (const v of [c.before, c.after]) if (typeof v === 'string' && v) (wanted.get(table) ?? wanted.set(table, new Set()).get(table)!).add(v);
    }
  });
  const names = wanted.size ? await referenceNames(app.db.kysely, wanted) : new Map<string, string>();
  return rows.map((r, k) => {
    const changes = parsed[k].map((c) => {
      const table = referenceTable(r.record_type, c.field);
      if (!table) return c;
      const name = (v: AuditValue) => (typeof v === 'string' && names.get(`${table}:${v}`)) || v;
      return { ...c, before: name(c.before), after: name(c.after) };
    });
    const named = changes.find((c) => c.field === 'name' || c.field === 'title');
    return {
      seq: r.seq,
      at: r.at,
      operator: r.operator,
      operatorName: r.operator_name ?? r.operator,
      recordType: r.record_type,
      recordId: r.record_id,
      action: r.action,
      townshipName: r.township_name,
      householdId: r.household_id,
      household: r.household_id ? (labels.households.get(r.household_id) ?? null) : null,
      subject:
        labels.persons.get(r.record_id) ??
        (r.record_type === 'setting' ? settingLabel(r.record_id, lang) : named && !named.member ? String(named.after ?? named.before ?? '') || null : null),
      changes,
    };
  });
}

/** A setting's name in words (the key when it has none). */
function settingLabel(key: string, lang: Lang): string {
  const k = `audit.setting.${key}`;
  const t = formatMessage(k, {}, lang);
  return t === k ? key : t;
}

export async function listAuditPage(app: App, query: AuditQuery, opts: { limit?: number; beforeSeq?: number; masked?: boolean } = {}): Promise<AuditPage> {
  const db = app.db.kysely;
  const filter = repoFilter(query, opts.beforeSeq);
  const limit = opts.limit ?? PAGE_DEFAULT;
  const n = Math.min(Math.max(1, limit), PAGE_MAX);
  const masked = opts.masked ?? !seesFullNumbers(app);
  const [rows, total] = await Promise.all([listAudit(db, filter, n + 1), countAudit(db, filter)]);
  const more = rows.length > n;
  const page = more ? rows.slice(0, n) : rows;
  return { entries: await toEntries(app, page, masked, await uiLang(app)), total, nextBeforeSeq: more ? page[page.length - 1].seq : null, masked };
}

/** The household (by 户编号) whose history `audit list --household N` shows. */
export async function householdIdByNumber(app: App, number: string): Promise<string> {
  const id = await householdByNumber(app.db.kysely, number);
  if (!id) throw new AppError('VALIDATION', 'audit.household.unknown', { number });
  return id;
}

export function auditOperatorList(app: App) {
  return auditOperators(app.db.kysely);
}

export async function verifyAudit(app: App, opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<AuditVerifyResult> {
  return verifyChain(app.db, opts.onProgress, opts.signal);
}

/** The verdict in words (CLI, screen). */
export function verifyText(r: AuditVerifyResult, lang: Lang = 'zh-CN'): string {
  if (r.broken) return formatMessage('audit.verify.broken', { seq: r.broken.seq, reason: formatMessage(`audit.verify.reason.${r.broken.reason}`, {}, lang) }, lang);
  if (!r.head) return formatMessage('audit.verify.empty', {}, lang);
  return formatMessage('audit.verify.ok', { checked: r.checked, head: shortHead(r.head) }, lang);
}

/** Every entry the filter matches, newest first, into one xlsx sheet. */
export async function exportAuditXlsx(
  app: App,
  file: string,
  query: AuditQuery,
  lang: Lang,
  opts: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ rows: number; masked: boolean }> {
  const masked = !seesFullNumbers(app);
  const tx = (k: string) => formatMessage(k, {}, lang);
  const total = await countAudit(app.db.kysely, repoFilter(query));
  async function* rows() {
    let before: number | undefined;
    let done = 0;
    for (;;) {
      opts.signal?.throwIfAborted();
      // Pages of the newest first, without counting again for each.
      const rows = await listAudit(app.db.kysely, repoFilter(query, before), PAGE_MAX);
      const entries = await toEntries(app, rows, masked, lang);
      for (const e of entries) {
        yield [
          e.seq,
          dateTimeText(e.at, { seconds: true }),
          e.operatorName || tx('audit.operator.none'),
          tx(`audit.type.${e.recordType}`),
          tx(`audit.action.${e.action}`),
          e.townshipName ?? '',
          householdText(e.household, lang),
          e.subject ?? '',
          changesText(e, lang),
        ];
      }
      done += rows.length;
      opts.onProgress?.(done, total);
      if (rows.length < PAGE_MAX) return;
      before = rows[rows.length - 1].seq;
    }
  }
  const header = (k: string, width: number) => ({ header: tx(`audit.export.${k}`), width });
  const r = await writeXlsx(
    file,
    [
      {
        name: tx('audit.export.sheet'),
        columns: [
          header('seq', 8),
          header('at', 20),
          header('operator', 12),
          header('type', 14),
          header('action', 8),
          header('township', 12),
          header('household', 22),
          header('subject', 12),
          { header: tx('audit.export.changes') + (masked ? tx('audit.export.masked') : ''), width: 80 },
        ],
        rows: rows(),
      },
    ],
    { signal: opts.signal },
  );
  return { rows: r.rows, masked };
}
