import path from 'node:path';
import type { App } from '../core/app/app';
import { AppError } from '../core/errors';
import { searchRoster } from '../core/roster/roster-service';
import { formatSummaryText, runChecks } from '../core/roster/quality';
import { maskIdNumber } from '../../shared/rules/id-number';
import type { CommandResult } from './commands';
import { FIELD } from '../../shared/roster/layout';

const LEVEL: Record<string, string> = { error: '错误', warning: '提示', info: '说明' };
/** Rows a group's line names before 「等」. */
const ROWS_IN_LINE = 5;

export async function importRosterCommand(app: App, file: string, opts: { dryRun: boolean; confirmUnmapped?: boolean }): Promise<CommandResult> {
  const ctx = app.ctx();
  const { previewImport, commitImport } = await import('../core/roster/import-service');
  const { summarise } = await import('../core/roster/import-report');
  const preview = await previewImport(ctx, path.resolve(file), { confirmUnmapped: opts.confirmUnmapped });
  const { plan } = preview;
  const h = plan.householdCounts;
  const p = plan.personCounts;
  // Every row refused: nothing to write, and the command did not do its job.
  const allRejected = plan.sheetRows > 0 && plan.rejectedRows.length === plan.sheetRows;
  const applied = opts.dryRun || allRejected ? null : await commitImport(ctx, preview.token);
  const groups = summarise(plan.groups, Number.MAX_SAFE_INTEGER);
  const lines = [
    `${opts.dryRun ? '预检（未写入）' : allRejected ? '未导入' : '已导入'}：${plan.file}，数据行 ${plan.sheetRows} 行`,
    `户：新增 ${h.added}，更新 ${h.updated}，不变 ${h.unchanged}，拒绝 ${h.rejected}`,
    `人：新增 ${p.added}，更新 ${p.updated}，不变 ${p.unchanged}，移除 ${p.removed}，拒绝 ${p.rejected}`,
  ];
  const nv = plan.newVillages;
  if (nv.length) lines.push(`新登记行政村 ${nv.length} 个：${nv.slice(0, 10).map((v) => `${v.townshipName}${v.name}`).join('、')}${nv.length > 10 ? ' 等' : ''}（代码为临时编排，可在组织机构中修改）`);
  for (const m of preview.mapped) lines.push(`代码值对照：「${FIELD[m.field].header}」「${m.raw}」记为「${m.code}」，${m.count} 处`);
  if (groups.length) lines.push(`发现的问题 ${plan.findings} 处，共 ${groups.length} 类（错误在前；每行的全部问题见预览界面的「保存错误行」）：`);
  for (const g of groups) {
    const shown = g.rows.slice(0, ROWS_IN_LINE).join('、');
    const more = g.rowCount > ROWS_IN_LINE ? ` 等 ${g.rowCount} 行` : '';
    lines.push(`  [${LEVEL[g.severity]} ${g.rule}] ${g.column ? `「${g.column}」` : ''}${g.message} —— ${g.count} 处，第 ${shown} 行${more}`);
  }
  if (allRejected) lines.push('全部数据行都被拒绝，未写入任何数据。');
  return {
    json: {
      file: plan.file,
      dryRun: opts.dryRun,
      rows: plan.sheetRows,
      households: h,
      persons: p,
      newVillages: plan.newVillages.map((v) => ({ township: v.townshipName, village: v.name })),
      mapped: preview.mapped,
      written: applied,
      findings: plan.findings,
      groups,
    },
    text: lines.join('\n'),
    exitCode: allRejected ? 1 : 0,
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
