/** The flags of one household, evaluated live (the household page shows the current state). */
import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import type { QualityFlag } from '../../../../shared/domain/roster';
import { assemble, envOf, holdersFrom, idSpellings, todayOf } from './facts';
import { findings, groupFindings, toFlag } from './evaluate';
import * as repo from './repo';
import { loadStatusRule } from '../roster-service';

export async function householdFlags(ctx: Ctx, householdId: string): Promise<QualityFlag[]> {
  const today = todayOf(ctx.now());
  const rows = await repo.loadHousehold(ctx.db, householdId, today.iso);
  const [h] = assemble(rows, today);
  if (!h) throw new AppError('NOT_FOUND', 'notFound');
  // Who on the roll holds this household's and its cadres' ID numbers, however written.
  const spellings = [...h.members.flatMap((m) => [m.rawId, ...idSpellings(m.canonicalId)]), ...h.cadres.flatMap((c) => idSpellings(c.canonicalId))];
  const env = envOf(today, rows.lines, holdersFrom(await repo.holdersOf(ctx.db, spellings), today), await loadStatusRule(ctx), await repo.hasPairings(ctx.db));
  return groupFindings(findings(h, env)).map((g) => toFlag(g.rule, g.detail, g.details));
}
