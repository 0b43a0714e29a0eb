/**
 * A scored sample round over the whole sample organisation (seed-demo): deterministic scores,
 * a tie, one veto, finished. Goes through the services like real data.
 */
import type { Ctx } from '../context';
import { createRound, finishRound, getSheet, listCandidates, saveSheet } from './round-service';
import type { RoundDetail, ScoreEntry, TemplateItem } from '../../../shared/domain/inspection';

export const SAMPLE_ROUND = '2017年第一季度督查考核（示例）';

function value(item: TemplateItem, n: number): number | null {
  const r = (n * 7919) % 97; // a fixed spread of outcomes
  switch (item.mode) {
    case 'points':
      return item.max - Math.round(((r % 4) * item.max) / 10);
    case 'deduct':
      return r % 3 === 0 ? 0 : (r % 5) + 1;
    case 'passfail':
      return r % 7 === 0 ? 0 : 1;
    case 'veto':
      return 0;
  }
}

export async function seedSampleRound(ctx: Ctx): Promise<RoundDetail> {
  const cands = await listCandidates(ctx);
  const round = await createRound(ctx, {
    name: SAMPLE_ROUND,
    periodStart: '2017-03-20',
    periodEnd: '2017-03-27',
    theme: '春季行动',
    targets: cands.map((c, i) => ({ type: c.type, refId: c.refId, group: i % 3 })),
    groups: [
      { name: '第一督查组', inspectors: ['周文斌', '谢红梅'] },
      { name: '第二督查组', inspectors: ['罗志强', '唐海燕'] },
      { name: '第三督查组', inspectors: ['彭卫东'] },
    ],
  });
  let n = 0;
  for (const t of round.targets) {
    const sheet = await getSheet(ctx, t.id);
    const veto = t.type === 'village_team' && n % 5 === 4;
    const scores: ScoreEntry[] = sheet.sections.flatMap((s) =>
      s.items.map((i) => {
        n++;
        const v = i.mode === 'veto' ? (veto ? 1 : 0) : value(i, n);
        const note = i.mode === 'veto' && veto ? '驻村工作队队员长期不在岗，考勤记录弄虚作假' : i.mode === 'deduct' && v ? `抽查发现问题 ${v} 处` : '';
        return { itemId: i.id, value: v, note };
      }),
    );
    await saveSheet(ctx, { targetId: t.id, selfScore: sheet.totalMax - (n % 4) * 10, scores });
  }
  return finishRound(ctx, round.id);
}
