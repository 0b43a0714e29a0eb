import path from 'node:path';
import type { App } from '../core/app/app';
import { AppError } from '../core/errors';
import { searchRoster } from '../core/roster/roster-service';
import { formatSummaryText, runChecks } from '../core/roster/quality';
import { maskIdNumber } from '../../shared/rules/id-number';
import type { CommandResult } from './commands';

export async function importRosterCommand(app: App, file: string, dryRun: boolean): Promise<CommandResult> {
  const ctx = app.ctx();
  const { previewImport, commitImport } = await import('../core/roster/import-service');
  const preview = await previewImport(ctx, path.resolve(file));
  const { plan } = preview;
  const applied = dryRun ? null : await commitImport(ctx, preview.token);
  const h = plan.householdCounts;
  const p = plan.personCounts;
  const issues = plan.issues.map((i) => ({ row: i.row, column: i.column ?? null, severity: i.severity, rule: i.rule, message: i.message }));
  const lines = [
    `${dryRun ? '预检（未写入）' : '已导入'}：${plan.file}，数据行 ${plan.sheetRows} 行`,
    `户：新增 ${h.added}，更新 ${h.updated}，不变 ${h.unchanged}，拒绝 ${h.rejected}`,
    `人：新增 ${p.added}，更新 ${p.updated}，不变 ${p.unchanged}，移除 ${p.removed}，拒绝 ${p.rejected}`,
  ];
  const nv = plan.newVillages;
  if (nv.length) lines.push(`新登记行政村 ${nv.length} 个：${nv.slice(0, 10).map((v) => `${v.townshipName}${v.name}`).join('、')}${nv.length > 10 ? ' 等' : ''}（代码为临时编排，可在组织机构中修改）`);
  for (const i of issues) lines.push(`第 ${i.row} 行${i.column ? `「${i.column}」` : ''} [${i.severity === 'error' ? '错误' : '提示'} ${i.rule}] ${i.message}`);
  return {
    json: {
      file: plan.file,
      dryRun,
      rows: plan.sheetRows,
      households: h,
      persons: p,
      newVillages: plan.newVillages.map((v) => ({ township: v.townshipName, village: v.name })),
      written: applied,
      issues,
    },
    text: lines.join('\n'),
  };
}

export async function exportRosterCommand(app: App, file: string, townshipCode?: string): Promise<CommandResult> {
  const ctx = app.ctx();
  let townshipId: string | undefined;
  if (townshipCode) {
    const t = await app.db.kysely.selectFrom('township').select('id').where('code', '=', townshipCode).executeTakeFirst();
    if (!t) throw new AppError('VALIDATION', 'ref.township');
    townshipId = t.id;
  }
  const { exportRoster } = await import('../core/roster/export-service');
  const r = await exportRoster(ctx, path.resolve(file), { townshipId });
  return { json: { file: path.resolve(file), ...r }, text: `已导出 ${r.households} 户 ${r.persons} 人到 ${path.resolve(file)}` };
}

export async function searchCommand(app: App, text: string): Promise<CommandResult> {
  const hits = await searchRoster(app.ctx(), text, 50);
  // ID numbers are masked in this output: it ends up in terminals and logs.
  const shown = hits.map((h) => ({ ...h, idNumber: maskIdNumber(h.idNumber) }));
  const lines = shown.length
    ? shown.map((h) => `${h.name}（${h.relation}）${h.idNumber}  户 ${h.householdNumber} 户主 ${h.headName}  ${h.townshipName}${h.villageName}`)
    : [`没有找到与「${text}」匹配的人员`];
  return { json: { text, hits: shown }, text: lines.join('\n') };
}

export async function checkCommand(app: App): Promise<CommandResult> {
  const summary = await runChecks(app.ctx());
  return { json: summary, text: formatSummaryText(summary) };
}
