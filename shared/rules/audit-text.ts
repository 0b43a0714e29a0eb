/** An audit entry's changes in words, the same on screen, in the CLI and in the export. */
import { formatMessage, type Lang } from '../i18n/messages';
import { fenToYuanText } from '../roster/values';
import type { AuditEntry, AuditValue } from '../domain/audit';

/** A field's value as shown: money in yuan, empty as —. */
export function valueText(field: string, v: AuditValue, lang: Lang = 'zh-CN'): string {
  if (v === null || v === '') return '—';
  if (field.endsWith('_fen') && typeof v === 'number') return fenToYuanText(v);
  if (field === 'role') return formatMessage(`auth.role.${v}`, {}, lang);
  if (YES_NO.has(field) && (v === 0 || v === 1)) return formatMessage(v ? 'audit.value.yes' : 'audit.value.no', {}, lang);
  return String(v);
}

/** Flags stored as 0/1. */
const YES_NO = new Set(['active', 'is_poor', 'done', 'vetoed']);

/** A field's name in words; a record type may name a field its own way (户's 人数, a file's 大小). */
export function fieldLabel(field: string, lang: Lang = 'zh-CN', recordType?: string): string {
  for (const key of [recordType ? `audit.field.${recordType}.${field}` : '', `audit.field.${field}`]) {
    if (!key) continue;
    const t = formatMessage(key, {}, lang);
    if (t !== key) return t;
  }
  return field;
}

/** "证件号码：430522…→430522…；姓名：张三→张山" */
export function changesText(e: AuditEntry, lang: Lang = 'zh-CN'): string {
  const sep = lang === 'en' ? '; ' : '；';
  const colon = lang === 'en' ? ': ' : '：';
  return e.changes
    .map((c) => {
      const how = c.member?.action ?? e.action;
      const label = `${c.member ? `${formatMessage('audit.member', { name: c.member.name, action: formatMessage(`audit.action.${how}`, {}, lang) }, lang)}` : ''}${fieldLabel(c.field, lang, c.member ? 'person' : e.recordType)}`;
      if (how === 'insert') return `${label}${colon}${valueText(c.field, c.after, lang)}`;
      if (how === 'delete') return `${label}${colon}${valueText(c.field, c.before, lang)}`;
      return `${label}${colon}${valueText(c.field, c.before, lang)} → ${valueText(c.field, c.after, lang)}`;
    })
    .join(sep);
}


/** How the log's head is shown (backups, verify): sequence number and the first 12 hex digits of its hash. */
export function shortHead(head: { seq: number; hash: string } | null): string {
  return head ? `#${head.seq} ${head.hash.slice(0, 12)}` : '#0';
}

/** The household an entry belongs to: 430522…（陈德明）, in English with a space. */
export function householdText(h: { number: string; headName: string } | null, lang: Lang = 'zh-CN'): string {
  if (!h) return '';
  return lang === 'en' ? `${h.number} ${h.headName}` : `${h.number}（${h.headName}）`;
}
