/** The flags of one household, evaluated live (the household page shows the current state). */
import type { Ctx } from '../../context';
import { AppError } from '../../errors';
import type { QualityFlag } from '../../../../shared/domain/roster';
import { assemble, idSpellings, todayOf } from './facts';
import { findings, groupFindings, toFlag } from './evaluate';
import * as repo from './repo';

export async function householdFlags(ctx: Ctx, householdId: string): Promise<QualityFlag[]> {
  const raw = ctx.db.raw;
  const today = todayOf(ctx.now());
  const rows = repo.loadHousehold(raw, householdId, today.iso);
  if (rows.households.length === 0) throw new AppError('NOT_FOUND', 'notFound');
  // Who else on the roll holds this household's (and its cadres') ID numbers, however written.
  const first = assemble(rows, today, []);
  const h = first.households[0];
  const spellings = [...h.members.flatMap((m) => [m.rawId, ...idSpellings(m.canonicalId)]), ...h.cadres.flatMap((c) => idSpellings(c.canonicalId))];
  const { households, env } = assemble(rows, today, repo.holdersOf(raw, spellings));
  return groupFindings(findings(households[0], env)).map((g) => toFlag(g.rule, g.detail));
}
