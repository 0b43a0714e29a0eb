/**
 * 督查考核 commands: `round list`, `round results ROUND` (ROUND = id or name; ranked, best
 * first) and `pdf bulletin OUT --round ROUND` (the round's 通报 as a PDF).
 */
import path from 'node:path';
import type { App } from '../core/app/app';
import { findRound, listRounds } from '../core/inspection/round-service';
import { roundResults } from '../core/inspection/results-service';
import { points } from '../../shared/inspection/scoring';
import type { CommandResult } from './commands';
import type { PdfSubcommand } from './pdf-commands';
import { openApp } from '../core/app/app';
import { UsageError } from './main';
import { writeFileAtomic } from '../core/files/atomic-write';

const STATUS = { open: '进行中', finished: '已结束' } as const;

export async function roundListCommand(app: App): Promise<CommandResult> {
  const rounds = await listRounds(app.ctx());
  const lines = rounds.length
    ? rounds.map((r) => `${r.name}　${r.periodStart}至${r.periodEnd}　${r.theme || '—'}　${STATUS[r.status]}　已评 ${r.doneCount}/${r.targetCount}`)
    : ['还没有考核轮次'];
  return { json: { rounds }, text: lines.join('\n') };
}

export async function roundResultsCommand(app: App, round: string): Promise<CommandResult> {
  const ctx = app.ctx();
  const r = await findRound(ctx, round);
  const res = await roundResults(ctx, r.id);
  const lines = [`${res.round.name}（${STATUS[res.round.status]}，已评 ${res.round.doneCount}/${res.round.targetCount}）`];
  for (const k of res.rankings) {
    lines.push('', `【${k.typeName}】满分 ${points(k.totalMax)} 分`);
    for (const x of k.rows) {
      const score = x.done ? `${points(x.total)} 分` : '未评分';
      lines.push(`${x.rank === null ? '—' : String(x.rank).padStart(2, ' ')}  ${x.name}　${score}${x.vetoed ? '　一票否决' : ''}${x.done ? `　扣分项 ${x.deductedItems}` : ''}`);
    }
  }
  lines.push('', res.tieRule);
  const json = {
    round: res.round,
    tieRule: res.tieRule,
    rankings: res.rankings.map((k) => ({
      type: k.type,
      typeName: k.typeName,
      totalMax: k.totalMax / 10,
      rows: k.rows.map((x) => ({ rank: x.rank, name: x.name, total: x.done ? x.total / 10 : null, selfScore: x.selfScore === null ? null : x.selfScore / 10, deductedItems: x.deductedItems, vetoed: x.vetoed, group: x.group })),
    })),
  };
  return { json, text: lines.join('\n') };
}

export async function pdfBulletinCommand(app: App, out: string, round: string, topN = 3): Promise<CommandResult> {
  const r = await findRound(app.ctx(), round);
  const { roundBulletin } = await import('../core/inspection/round-bulletin');
  const b = await roundBulletin(app, r.id, topN);
  const file = path.resolve(out);
  await writeFileAtomic(file, b.pdf);
  return { json: { file, round: r.name, pages: b.pages, bytes: b.pdf.length }, text: `已生成通报：${file}（${r.name}，${b.pages} 页）` };
}

/** `pdf bulletin OUT --round ROUND [--top N]`, registered in pdf-commands.ts. */
export const inspectionPdfCommands: Record<string, PdfSubcommand> = {
  bulletin: {
    usage: 'bulletin 文件 --round 轮次 [--top 3]\n                      督查考核通报（公文格式 A4；轮次为名称或编号；--top 通报前后名数）',
    options: { round: { type: 'string' }, top: { type: 'string' } },
    run: async (input) => {
      const out = input.args[0];
      const o = input.options as Record<string, string | boolean | undefined>;
      if (!out) throw new UsageError('pdf bulletin 需要输出文件路径');
      if (typeof o.round !== 'string' || !o.round.trim()) throw new UsageError('pdf bulletin 需要 --round 轮次名称或编号');
      const top = o.top === undefined ? 3 : Number(o.top);
      if (!Number.isInteger(top) || top < 1 || top > 10) throw new UsageError('--top 应为 1 到 10 之间的整数');
      const app = await openApp(input.dataDir, { mustExist: true });
      try {
        return await pdfBulletinCommand(app, out, o.round, top);
      } finally {
        await app.close();
      }
    },
  },
};
