/**
 * Results of a round: totals recomputed from the scores and the round's own checklist versions
 * (so editing a checklist later changes nothing here), ranking per type by the stated tie rule,
 * findings (every item that lost points), the home page's latest ranking, and raising a finding
 * into the rectification ledger through the ledger's own service.
 */
import type { Ctx } from '../context';
import { AppError } from '../errors';
import * as repo from './round-repo';
import { createLedgerItem } from '../ledger/ledger-service';
import { rankTargets, scoreItem, TIE_RULE, topBottom } from '../../../shared/inspection/scoring';
import { targetTypeName, type Finding, type LatestRanking, type RankedTarget, type RoundResults, type TemplateSection } from '../../../shared/domain/inspection';
import type { LedgerItem } from '../../../shared/domain/ledger';

const TYPE_ORDER = ['township', 'work_group', 'support_unit', 'village_team'];
const typeRank = (t: string) => (TYPE_ORDER.includes(t) ? TYPE_ORDER.indexOf(t) : TYPE_ORDER.length);

export async function roundResults(ctx: Ctx, roundId: string): Promise<RoundResults> {
  const db = ctx.db.kysely;
  const round = (await repo.listRounds(db, roundId))[0];
  if (!round) throw new AppError('NOT_FOUND', 'notFound');
  const templates = await repo.roundTemplates(db, roundId);
  const groups = new Map((await repo.listGroups(db, roundId)).map((g) => [g.id, g.name]));
  const targets = await repo.listTargets(db, roundId);
  const scores = await repo.roundScores(db, roundId);
  return computeResults(round, templates.map((t) => ({ type: t.target_type, sections: JSON.parse(t.sections) as TemplateSection[], totalMax: t.total_max })), targets, scores, groups);
}

/** The pure part (also what the bench times): totals, ranking and findings from rows. */
export function computeResults(
  round: RoundResults['round'],
  templates: { type: string; sections: TemplateSection[]; totalMax: number }[],
  targets: { id: string; target_type: string; name: string; group_id: string | null; done: number; self_score: number | null }[],
  scores: { target_id: string; item_id: string; value: number | null; note: string; ledger_seq: number | null }[],
  groups: Map<string, string>,
): RoundResults {
  const byTarget = new Map<string, Map<string, (typeof scores)[number]>>();
  for (const s of scores) {
    let m = byTarget.get(s.target_id);
    if (!m) byTarget.set(s.target_id, (m = new Map()));
    m.set(s.item_id, s);
  }
  const findings: Finding[] = [];
  const rankings = templates
    .slice()
    .sort((a, b) => typeRank(a.type) - typeRank(b.type) || a.type.localeCompare(b.type))
    .map((tpl) => {
      const rows: Omit<RankedTarget, 'rank'>[] = [];
      for (const t of targets) {
        if (t.target_type !== tpl.type) continue;
        const entered = byTarget.get(t.id) ?? new Map();
        let total = 0;
        let deductedItems = 0;
        let vetoed = false;
        for (const sec of tpl.sections) {
          for (const it of sec.items) {
            const e = entered.get(it.id);
            const s = scoreItem(it, e?.value ?? null);
            total += s.score;
            if (s.vetoed) vetoed = true;
            if (s.deducted && t.done) {
              deductedItems++;
              findings.push({
                targetId: t.id,
                targetName: t.name,
                type: tpl.type,
                itemId: it.id,
                section: sec.title,
                item: it.title,
                mode: it.mode,
                score: s.score,
                max: it.max,
                note: e?.note ?? '',
                ledgerSeq: e?.ledger_seq ?? null,
              });
            }
          }
        }
        rows.push({ targetId: t.id, name: t.name, type: tpl.type, total, selfScore: t.self_score, deductedItems, vetoed, done: t.done === 1, group: (t.group_id && groups.get(t.group_id)) || '' });
      }
      return { type: tpl.type, typeName: targetTypeName(tpl.type), totalMax: tpl.totalMax, rows: rankTargets(rows) };
    });
  return { round, rankings, findings, tieRule: TIE_RULE };
}

/** For the home page: the latest finished round, per type its top 3 and bottom 3. */
export async function latestRanking(ctx: Ctx, n = 3): Promise<LatestRanking | null> {
  const r = await repo.latestFinishedRound(ctx.db.kysely);
  if (!r) return null;
  const res = await roundResults(ctx, r.id);
  return {
    roundId: r.id,
    roundName: res.round.name,
    finishedAt: res.round.finishedAt,
    types: res.rankings.map((k) => ({ type: k.type, typeName: k.typeName, ...topBottom(k.rows, n) })),
  };
}

export interface FindingToLedger {
  roundId: string;
  targetId: string;
  itemId: string;
  category: string;
  deadline: string;
  measures?: string;
  leadUnit?: string;
  responsiblePerson?: string;
}

/** Raises one deduction as a ledger item (source: round · target · item · note) and remembers its 序号. */
export async function raiseFinding(ctx: Ctx, input: FindingToLedger): Promise<LedgerItem> {
  const res = await roundResults(ctx, input.roundId);
  const f = res.findings.find((x) => x.targetId === input.targetId && x.itemId === input.itemId);
  if (!f) throw new AppError('VALIDATION', 'insp.finding.none');
  if (f.ledgerSeq !== null) throw new AppError('CONFLICT', 'insp.finding.done', { seq: f.ledgerSeq });
  const lost = f.mode === 'veto' ? '一票否决' : `扣 ${(f.max - f.score) / 10} 分`;
  const item = await createLedgerItem(ctx, {
    sourceKind: 'inspection',
    sourceText: `${res.round.name}·${f.targetName}`.slice(0, 200),
    sourceRef: { roundId: input.roundId, targetId: input.targetId, itemId: input.itemId },
    category: input.category,
    description: `${f.section}：${f.item}（${lost}）${f.note ? `。督查发现：${f.note}` : ''}`.slice(0, 2000),
    measures: input.measures ?? '',
    leadUnit: input.leadUnit ?? '',
    responsibleUnit: f.targetName,
    responsiblePerson: input.responsiblePerson ?? '',
    deadline: input.deadline,
  });
  await repo.markLedger(ctx.db.kysely, input.targetId, input.itemId, item.id, item.seq);
  return item;
}
