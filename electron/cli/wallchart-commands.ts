/**
 * Wall-chart commands: `pdf wallchart`, `pdf township-board` (registered in pdf-commands.ts)
 * and `template list|export|import`.
 */
import { opt, withApp } from './with-app';
import path from 'node:path';
import { AppError } from '../core/errors';
import type { MissingGlyph, TemplateBody } from '../../shared/domain/wallchart';
import { PAPERS } from '../../shared/domain/wallchart';
import { UsageError } from './main';
import type { CommandInput, CommandResult } from './commands';
import type { PdfSubcommand } from './pdf-commands';

const LEVEL_ZH = { village: '村级', township: '乡镇级', county: '县级' } as const;


function missingText(missing: MissingGlyph[]): string[] {
  if (!missing.length) return [];
  return [`警告：以下文字字体无法显示，请核对档案后重新生成：`, ...missing.map((m) => `  「${m.char}」 ${m.name}${m.household ? `（户编号 ${m.household}）` : ''}`)];
}

async function chart(input: CommandInput, fallback: string, scope: 'village' | 'township'): Promise<CommandResult> {
  const out = input.args[0];
  if (!out) throw new UsageError('需要输出文件路径');
  const code = opt(input, scope);
  if (typeof code !== 'string') throw new UsageError(scope === 'village' ? 'pdf wallchart 需要 --village 村代码' : 'pdf township-board 需要 --township 乡镇代码');
  const paper = opt(input, 'paper');
  if (paper !== undefined && (typeof paper !== 'string' || !PAPERS.includes(paper as never) || paper === 'custom')) throw new UsageError('--paper 应为 A0、A1、A2、A3 或 A4');
  const tile = opt(input, 'tile');
  if (tile !== undefined && tile !== 'A4' && tile !== 'A3') throw new UsageError('--tile 应为 A4 或 A3');
  return withApp(input.dataDir, async (app) => {
    const ctx = app.ctx();
    const name = (opt(input, 'template') as string | undefined) ?? fallback;
    const { findTemplate } = await import('../core/wallchart/template-service');
    const t = await findTemplate(ctx, name);
    if (!t) throw new AppError('NOT_FOUND', 'wallchart.notFound');
    const body: TemplateBody = paper ? { ...t.body, paper: { ...t.body.paper, size: paper as TemplateBody['paper']['size'] } } : t.body;
    const file = path.resolve(out);
    const { writeChart } = await import('../core/wallchart/export');
    const r = await writeChart(ctx, body, scope === 'village' ? { villageCode: code } : { townshipCode: code }, file, { tile: (tile as 'A4' | 'A3' | undefined) ?? null });
    const size = body.paper.size;
    return {
      json: { file, template: t.name, templateVersion: t.version, paper: size, tile: tile ?? null, ...r },
      text: [`已生成「${t.name}」（第 ${t.version} 版）：${size} ${r.sheets} 张${tile ? `，拆分为 ${r.pages} 张 ${tile}` : ''} → ${file}`, ...missingText(r.missing)].join('\n'),
    };
  });
}

const CHART_OPTIONS = { village: { type: 'string' }, template: { type: 'string' }, paper: { type: 'string' }, tile: { type: 'string' } } as const;

export const wallchartPdfCommands: Record<string, PdfSubcommand> = {
  wallchart: {
    usage: 'wallchart 文件 --village 村代码 [--template 模板名] [--paper A1] [--tile A4]\n                      村级挂图作战表（默认 A1 横向；--tile 拆成 A4/A3 拼贴）',
    options: CHART_OPTIONS,
    run: (input) => chart(input, 'village-chart', 'village'),
  },
  'township-board': {
    usage: 'township-board 文件 --township 乡镇代码 [--template 模板名] [--paper A1] [--tile A4]\n                      乡镇脱贫攻坚进度图',
    options: CHART_OPTIONS,
    run: (input) => chart(input, 'township-board', 'township'),
  },
};

export const templateUsage = `  template list        列出挂图模板（名称、层级、版本）
  template export 模板名 文件
                      导出挂图模板文件（县里统一设计，发给各乡镇）
  template import 文件  导入挂图模板文件（较新版本覆盖，较旧版本拒绝）`;

export function templateCommand(input: CommandInput): Promise<CommandResult> {
  const [sub, a, b] = input.args;
  if (sub !== 'list' && sub !== 'export' && sub !== 'import') throw new UsageError('template 后面应为 list、export 或 import');
  return withApp(input.dataDir, async (app) => {
    const ctx = app.ctx();
    const { findTemplate, listTemplates } = await import('../core/wallchart/template-service');
    if (sub === 'list') {
      const list = await listTemplates(ctx);
      return { json: list, text: list.map((t) => `${t.name}\t${LEVEL_ZH[t.level]}\t第 ${t.version} 版${t.builtin ? '\t内置' : ''}`).join('\n') };
    }
    if (sub === 'export') {
      if (!a || !b) throw new UsageError('template export 需要模板名和文件路径');
      const t = await findTemplate(ctx, a);
      if (!t) throw new AppError('NOT_FOUND', 'wallchart.notFound');
      const file = path.resolve(b);
      const { exportTemplateFile } = await import('../core/wallchart/template-file');
      const r = await exportTemplateFile(ctx, t.id, file);
      return { json: { file, ...r }, text: `已导出「${r.name}」第 ${r.version} 版 → ${file}` };
    }
    if (sub === 'import') {
      if (!a) throw new UsageError('template import 需要文件路径');
      const { importTemplateFile } = await import('../core/wallchart/template-file');
      const r = await importTemplateFile(ctx, path.resolve(a));
      const t = r.template;
      return {
        json: { outcome: r.outcome, id: t.id, name: t.name, version: t.version, previousVersion: r.previousVersion },
        text: r.outcome === 'added' ? `已导入新模板「${t.name}」第 ${t.version} 版` : `已将「${t.name}」从第 ${r.previousVersion} 版更新为第 ${t.version} 版`,
      };
    }
    throw new UsageError('template 后面应为 list、export 或 import');
  });
}
