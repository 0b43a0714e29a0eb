/** `audit verify`, `audit list [--household 户编号] [--operator 登录名] [--json]`. */
import type { App } from '../core/app/app';
import { changesText, householdIdByNumber, listAuditPage, verifyAudit, verifyText } from '../core/audit/audit-service';
import { formatMessage } from '../../shared/i18n/messages';
import { dateTimeText } from '../../shared/rules/datetime';
import { householdText } from '../../shared/rules/audit-text';
import type { AuditEntry } from '../../shared/domain/audit';
import type { CommandResult } from './commands';

export async function auditVerifyCommand(app: App): Promise<CommandResult> {
  const r = await verifyAudit(app);
  return { json: { ok: !r.broken, ...r }, text: verifyText(r), exitCode: r.broken ? 1 : 0 };
}

/** One entry in one line: when, who, what, which record, what changed. */
export function auditLine(e: AuditEntry): string {
  const who = e.operatorName || formatMessage('audit.operator.none');
  const what = `${formatMessage(`audit.action.${e.action}`)}${formatMessage(`audit.type.${e.recordType}`)}`;
  const about = [householdText(e.household), e.subject ?? ''].filter(Boolean).join(' ');
  return `#${e.seq}  ${dateTimeText(e.at, { seconds: true })}  ${who}  ${what}${about ? `  ${about}` : ''}  ${changesText(e)}`;
}

export async function auditListCommand(app: App, o: { household?: string; operator?: string; limit?: string }): Promise<CommandResult> {
  const householdId = o.household ? await householdIdByNumber(app, o.household) : undefined;
  const limit = o.limit ? Math.max(1, Math.min(1000, Number(o.limit) || 50)) : 50;
  const page = await listAuditPage(app, { householdId, operator: o.operator }, { limit });
  const head = `共 ${page.total} 条${page.total > page.entries.length ? `，列出最近 ${page.entries.length} 条（--limit 可到 1000）` : ''}${page.masked ? '（证件号码、电话已遮挡）' : ''}`;
  return { json: page, text: [head, ...page.entries.map(auditLine)].join('\n') };
}
