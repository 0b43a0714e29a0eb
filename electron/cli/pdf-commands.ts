/**
 * `pdf …` commands: roster list, household cards, poster tiling. The PDF engines are loaded
 * when a printout runs (dynamic imports), so commands that print nothing start quickly. Other printouts register
 * their subcommands in `pdfSubcommands` (one line: `...wallchartPdfCommands,`), with their
 * own options and usage lines; main.ts accepts every option a subcommand declares.
 */
import { opt, withApp } from './with-app';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../core/errors';
import type { MissingCharReport } from '../core/pdf/roster-pdf';
import { householdIdByNumber, villageByCode } from '../core/pdf/card-repo';
import type { TilePaper } from '../core/pdf/tile-plan';
import { UsageError } from './main';
import { wallchartPdfCommands } from './wallchart-commands';
import { inspectionPdfCommands } from './inspect-commands';
import type { CommandInput, CommandResult } from './commands';
import { writeFileAtomic } from '../core/files/atomic-write';

type OptionSpec = { type: 'string' | 'boolean' };

export interface PdfSubcommand {
  /** Usage line(s) after `pdf `, e.g. `roster 文件 [--township 乡镇代码] [--masked]`. */
  usage: string;
  options?: Record<string, OptionSpec>;
  run(input: CommandInput): Promise<CommandResult>;
}



/** Warning lines for characters the font cannot draw (printed as 〓). */
export function missingLines(missing: MissingCharReport[]): string[] {
  if (!missing.length) return [];
  return [
    `警告：${missing.length} 人的信息中有字体无法显示的字，PDF 中已印为〓，请手写补正：`,
    ...missing.map((m) => `  ${m.name}${m.householdNumber ? `（户编号 ${m.householdNumber}）` : ''}${m.chars.length ? `：${m.chars.join(' ')}` : ''}`),
  ];
}

const roster: PdfSubcommand = {
  usage: 'roster 文件 [--township 乡镇代码] [--masked]\n                      花名册 PDF（A4 横向）；--masked 为公示版（证件号码、电话脱敏）',
  options: { masked: { type: 'boolean' } },
  run: (input) => {
    const out = input.args[0];
    if (!out) throw new UsageError('pdf roster 需要输出文件路径');
    return withApp(input.dataDir, async (app) => {
      let townshipId: string | undefined;
      const code = input.options.township;
      if (code) {
        const t = await app.db.kysely.selectFrom('township').select('id').where('code', '=', code).executeTakeFirst();
        if (!t) throw new AppError('VALIDATION', 'ref.township');
        townshipId = t.id;
      }
      const file = path.resolve(out);
      const { writeRosterPdf } = await import('../core/pdf/roster-pdf');
      const r = await writeRosterPdf(app.ctx(), file, { filter: { townshipId }, masked: opt(input, 'masked') === true });
      return {
        json: { file, ...r },
        text: [`已生成花名册 PDF：${r.villages} 个村 ${r.households} 户 ${r.persons} 人，共 ${r.pages} 页 → ${file}`, ...missingLines(r.missing)].join('\n'),
      };
    });
  },
};

const cards: PdfSubcommand = {
  usage: 'cards 文件 --village 村代码 | --household 户编号\n                      扶贫明白卡 PDF（A4 纵向，一户一页）',
  options: { village: { type: 'string' }, household: { type: 'string' } },
  run: (input) => {
    const out = input.args[0];
    const village = opt(input, 'village');
    const household = opt(input, 'household');
    if (!out) throw new UsageError('pdf cards 需要输出文件路径');
    if (typeof village !== 'string' && typeof household !== 'string') throw new UsageError('pdf cards 需要 --village 村代码 或 --household 户编号');
    return withApp(input.dataDir, async (app) => {
      const db = app.db.kysely;
      let scope: { villageId?: string; householdId?: string };
      if (typeof household === 'string') {
        const id = await householdIdByNumber(db, household);
        if (!id) throw new AppError('NOT_FOUND', 'pdf.householdUnknown', { number: household });
        scope = { householdId: id };
      } else {
        const v = await villageByCode(db, village as string);
        if (!v) throw new AppError('NOT_FOUND', 'pdf.villageUnknown', { code: village as string });
        scope = { villageId: v.id };
      }
      const file = path.resolve(out);
      const { writeCards } = await import('../core/pdf/cards');
      const r = await writeCards(app.ctx(), file, scope);
      return { json: { file, ...r }, text: [`已生成扶贫明白卡：${r.households} 户，共 ${r.pages} 页 → ${file}`, ...missingLines(r.missing)].join('\n') };
    });
  },
};

const tile: PdfSubcommand = {
  usage: 'tile 输入.pdf 输出.pdf --paper A4|A3 [--overlap 毫米]\n                      把 A0/A1 海报拆成 A4/A3 拼贴页（默认重叠 10 毫米，首页为拼贴示意图）',
  options: { paper: { type: 'string' }, overlap: { type: 'string' } },
  run: async (input) => {
    const [inp, out] = input.args;
    if (!inp || !out) throw new UsageError('pdf tile 需要输入和输出文件路径');
    const paper = opt(input, 'paper');
    if (paper !== 'A4' && paper !== 'A3') throw new UsageError('pdf tile 需要 --paper A4 或 --paper A3');
    const raw = opt(input, 'overlap');
    const overlapMm = raw === undefined ? 10 : Number(raw);
    if (!Number.isFinite(overlapMm) || overlapMm < 0 || overlapMm > 50) throw new AppError('VALIDATION', 'pdf.overlap');
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(fs.readFileSync(path.resolve(inp)));
    } catch {
      throw new AppError('VALIDATION', 'pdf.notPdf');
    }
    let result: Uint8Array;
    const { tilePdf } = await import('../core/pdf/tile');
    try {
      result = await tilePdf(bytes, { paper: paper as TilePaper, overlapMm });
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError('VALIDATION', 'pdf.notPdf');
    }
    const file = path.resolve(out);
    await writeFileAtomic(file, result);
    const { PDFDocument } = await import('pdf-lib');
    const pages = (await PDFDocument.load(result)).getPageCount();
    return { json: { file, paper, overlapMm, pages }, text: `已拆分为 ${pages} 张 ${paper}（含拼贴示意图，重叠 ${overlapMm} 毫米）→ ${file}` };
  },
};

/** The registry: add other printouts' subcommands here, one line each. */
export const pdfSubcommands: Record<string, PdfSubcommand> = {
  roster,
  cards,
  tile,
  ...wallchartPdfCommands,
  ...inspectionPdfCommands,
};

/** Every option the pdf subcommands declare, for main.ts's argument parser. */
export function pdfCliOptions(): Record<string, OptionSpec> {
  return Object.assign({}, ...Object.values(pdfSubcommands).map((s) => s.options ?? {}));
}

export function pdfUsage(): string {
  return Object.values(pdfSubcommands)
    .map((s) => `  pdf ${s.usage}`)
    .join('\n');
}

export function pdfCommand(input: CommandInput): Promise<CommandResult> {
  const sub = pdfSubcommands[input.args[0] ?? ''];
  if (!sub) throw new UsageError(`pdf 后面应为 ${Object.keys(pdfSubcommands).join('、')} 之一`);
  return sub.run({ ...input, args: input.args.slice(1) });
}
