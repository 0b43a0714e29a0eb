/**
 * Inspection rounds (考核轮次): creation over registry targets with the current checklist
 * version per type, inspection groups and assignments, score sheets (all items validated, saved
 * in one transaction), evidence files, finishing and reopening.
 */
import { stamps, updateStamps, type Ctx } from '../context';
import { AppError, validation } from '../errors';
import { deleteRow, insertRow, updateRow } from '../db/rows';
import { evidencePath, storeEvidence } from '../files/evidence-store';
import * as repo from './round-repo';
import { currentVersion, getVersion, versionForType } from './template-repo';
import { checkScore } from '../../../shared/inspection/rules';
import { allItems, points, totalOf } from '../../../shared/inspection/scoring';
import { targetTypeName, type RoundDetail, type ScoreEntry, type TargetSheet, type TemplateSection } from '../../../shared/domain/inspection';

export interface RoundInput {
  name: string;
  periodStart: string;
  periodEnd: string;
  theme: string;
  /** Registry targets (refId) or free-named ones for an office's own types (refId null). */
  targets: { type: string; refId: string | null; name?: string; group?: number | null }[];
  groups: { name: string; inspectors: string[] }[];
  /** Checklist per type; the first checklist of the type when not given. */
  templateIds?: { type: string; templateId: string }[];
}

export const listRounds = (ctx: Ctx) => repo.listRounds(ctx.db.kysely);
export const listCandidates = (ctx: Ctx) => repo.candidates(ctx.db.kysely);

export async function getRound(ctx: Ctx, id: string): Promise<RoundDetail> {
  const db = ctx.db.kysely;
  const r = (await repo.listRounds(db, id))[0];
  if (!r) throw new AppError('NOT_FOUND', 'notFound');
  const templates = (await repo.roundTemplates(db, id)).map((t) => ({
    type: t.target_type,
    templateId: t.template_id,
    name: t.name,
    version: t.version,
    versionId: t.id,
    totalMax: t.total_max,
  }));
  return { ...r, groups: await repo.listGroups(db, id), targets: (await repo.listTargets(db, id)).map(repo.toTarget), templates };
}

/** Resolves a round given by id or by name (CLI). */
export async function findRound(ctx: Ctx, idOrName: string): Promise<RoundDetail> {
  const byName = await repo.roundByName(ctx.db.kysely, idOrName.trim());
  return getRound(ctx, byName?.id ?? idOrName);
}

export async function createRound(ctx: Ctx, input: RoundInput): Promise<RoundDetail> {
  const name = input.name.trim();
  if (!name) throw validation('insp.round.name', 'name');
  if (name.length > 60) throw validation('name.tooLong', 'name', { max: 60 });
  if (input.periodEnd < input.periodStart) throw validation('insp.round.period', 'periodEnd');
  if (input.targets.length === 0) throw validation('insp.round.noTargets', 'targets');
  const groups = input.groups.map((g) => ({ name: g.name.trim(), inspectors: g.inspectors.map((i) => i.trim()).filter(Boolean) }));
  if (groups.some((g) => !g.name)) throw validation('insp.group.name', 'groups');
  const id = ctx.newId();
  await ctx.db.transaction(async (trx) => {
    if (await repo.roundByName(trx, name)) throw validation('insp.round.nameTaken', 'name', { name });
    await insertRow(trx, 'insp_round', {
      id,
      name,
      period_start: input.periodStart,
      period_end: input.periodEnd,
      theme: input.theme.trim(),
      status: 'open',
      finished_at: null,
      ...stamps(ctx),
    });
    const known = new Map((await repo.candidates(trx)).map((c) => [`${c.type}:${c.refId}`, c.name]));
    const types = [...new Set(input.targets.map((t) => t.type))];
    for (const type of types) {
      const chosen = input.templateIds?.find((x) => x.type === type)?.templateId;
      const v = chosen ? await currentVersion(trx, chosen) : await versionForType(trx, type);
      if (!v) throw validation('insp.round.noTemplate', 'targets', { type: targetTypeName(type) });
      await repo.insertRoundTemplate(trx, id, type, v.id);
    }
    const groupIds: string[] = [];
    for (const [i, g] of groups.entries()) {
      const gid = ctx.newId();
      groupIds.push(gid);
      await insertRow(trx, 'insp_group', { id: gid, round_id: id, name: g.name, inspectors: JSON.stringify(g.inspectors), sort: i + 1, ...stamps(ctx) });
    }
    for (const [i, t] of input.targets.entries()) {
      const tname = t.refId ? known.get(`${t.type}:${t.refId}`) : t.name?.trim();
      if (!tname) throw validation('insp.target.unknown', 'targets', { name: t.name ?? t.refId ?? '' });
      const gi = t.group ?? null;
      await insertRow(trx, 'insp_target', {
        id: ctx.newId(),
        round_id: id,
        target_type: t.type,
        ref_id: t.refId,
        name: tname,
        group_id: gi !== null && groupIds[gi] ? groupIds[gi] : null,
        done: 0,
        self_score: null,
        total: null,
        deducted_items: 0,
        vetoed: 0,
        sort: i + 1,
        ...stamps(ctx),
      });
    }
  });
  return getRound(ctx, id);
}

async function openRound(ctx: Ctx, roundId: string) {
  const r = await repo.roundRow(ctx.db.kysely, roundId);
  if (!r) throw new AppError('NOT_FOUND', 'notFound');
  if (r.status === 'finished') throw new AppError('CONFLICT', 'insp.round.finished', { name: r.name });
  return r;
}

export async function assignTarget(ctx: Ctx, targetId: string, groupId: string | null): Promise<RoundDetail> {
  const t = await repo.targetRow(ctx.db.kysely, targetId);
  if (!t) throw new AppError('NOT_FOUND', 'notFound');
  await openRound(ctx, t.round_id);
  if (groupId && !(await repo.listGroups(ctx.db.kysely, t.round_id)).some((g) => g.id === groupId)) throw validation('insp.group.unknown', 'groupId');
  await updateRow(ctx.db.kysely, 'insp_target', targetId, { group_id: groupId, ...updateStamps(ctx) });
  return getRound(ctx, t.round_id);
}

export async function finishRound(ctx: Ctx, roundId: string): Promise<RoundDetail> {
  const r = await openRound(ctx, roundId);
  const open = (await repo.listTargets(ctx.db.kysely, roundId)).filter((t) => !t.done);
  if (open.length) throw new AppError('CONFLICT', 'insp.round.unfinished', { count: open.length, name: open[0].name });
  await updateRow(ctx.db.kysely, 'insp_round', r.id, { status: 'finished', finished_at: ctx.now().toISOString(), ...updateStamps(ctx) });
  return getRound(ctx, roundId);
}

export async function reopenRound(ctx: Ctx, roundId: string): Promise<RoundDetail> {
  if (!(await updateRow(ctx.db.kysely, 'insp_round', roundId, { status: 'open', finished_at: null, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
  return getRound(ctx, roundId);
}

export async function deleteRound(ctx: Ctx, roundId: string): Promise<void> {
  if (!(await deleteRow(ctx.db.kysely, 'insp_round', roundId))) throw new AppError('NOT_FOUND', 'notFound');
}

// ---- score sheets ------------------------------------------------------------------------

async function targetContext(ctx: Ctx, targetId: string) {
  const db = ctx.db.kysely;
  const t = await repo.targetRow(db, targetId);
  if (!t) throw new AppError('NOT_FOUND', 'notFound');
  const round = (await repo.roundRow(db, t.round_id))!;
  const vt = (await repo.roundTemplates(db, t.round_id)).find((x) => x.target_type === t.target_type);
  const version = vt ? await getVersion(db, vt.id) : undefined;
  if (!version) throw new AppError('NOT_FOUND', 'notFound');
  return { t, round, sections: version.sections as TemplateSection[], totalMax: version.total_max };
}

export async function getSheet(ctx: Ctx, targetId: string): Promise<TargetSheet> {
  const db = ctx.db.kysely;
  const { t, round, sections, totalMax } = await targetContext(ctx, targetId);
  const scores = (await repo.scoresOf(db, [targetId])).map((s) => ({ itemId: s.item_id, value: s.value, note: s.note, ledgerSeq: s.ledger_seq }));
  const all = await repo.listTargets(db, t.round_id);
  const at = all.findIndex((x) => x.id === targetId);
  return {
    round: { id: round.id, name: round.name, status: round.status },
    target: repo.toTarget(t),
    sections,
    totalMax,
    scores,
    evidence: await repo.evidenceOf(db, targetId),
    nextTargetId: all[at + 1]?.id ?? null,
  };
}

export interface SheetInput {
  targetId: string;
  selfScore: number | null;
  scores: ScoreEntry[];
}

/** Validates every item, then writes all scores and the target's total in one transaction. */
export async function saveSheet(ctx: Ctx, input: SheetInput): Promise<TargetSheet> {
  const { t, sections, totalMax } = await targetContext(ctx, input.targetId);
  await openRound(ctx, t.round_id);
  const items = allItems(sections);
  const byId = new Map(input.scores.map((s) => [s.itemId, { ...s, note: s.note.trim() }]));
  if ([...byId.keys()].some((k) => !items.some((i) => i.id === k))) throw validation('insp.score.unknownItem', 'scores');
  for (const it of items) {
    const e = checkScore(it, byId.get(it.id));
    if (e) throw validation(e.key, e.field ?? '', e.params);
  }
  if (input.selfScore !== null && (!Number.isInteger(input.selfScore) || input.selfScore < 0 || input.selfScore > totalMax)) {
    throw validation('insp.score.self', 'selfScore', { max: points(totalMax) });
  }
  const tot = totalOf(items, new Map(items.map((i) => [i.id, byId.get(i.id)!.value])));
  await ctx.db.transaction(async (trx) => {
    for (const it of items) {
      const e = byId.get(it.id)!;
      await repo.upsertScore(trx, { id: ctx.newId(), target_id: t.id, item_id: it.id, value: e.value, note: e.note, ...stamps(ctx) });
    }
    await updateRow(trx, 'insp_target', t.id, {
      done: 1,
      self_score: input.selfScore,
      total: tot.total,
      deducted_items: tot.deductedItems,
      vetoed: tot.vetoed ? 1 : 0,
      ...updateStamps(ctx),
    });
  });
  return getSheet(ctx, t.id);
}

// ---- evidence ----------------------------------------------------------------------------

export async function addEvidence(ctx: Ctx, dataDir: string, targetId: string, itemId: string | null, source: string): Promise<TargetSheet> {
  const { t, sections } = await targetContext(ctx, targetId);
  if (itemId && !allItems(sections).some((i) => i.id === itemId)) throw validation('insp.score.unknownItem', 'itemId');
  const stored = await storeEvidence(dataDir, source);
  await insertRow(ctx.db.kysely, 'insp_evidence', {
    id: ctx.newId(),
    target_id: t.id,
    item_id: itemId,
    original_name: stored.originalName,
    sha256: stored.sha256,
    size: stored.size,
    stored_path: stored.storedPath,
    ...stamps(ctx),
  });
  return getSheet(ctx, t.id);
}

export async function evidenceFile(ctx: Ctx, dataDir: string, evidenceId: string): Promise<string> {
  const e = await repo.evidenceRow(ctx.db.kysely, evidenceId);
  if (!e) throw new AppError('NOT_FOUND', 'notFound');
  return evidencePath(dataDir, e.stored_path);
}

export async function removeEvidence(ctx: Ctx, evidenceId: string): Promise<TargetSheet> {
  const e = await repo.evidenceRow(ctx.db.kysely, evidenceId);
  if (!e) throw new AppError('NOT_FOUND', 'notFound');
  await deleteRow(ctx.db.kysely, 'insp_evidence', evidenceId);
  return getSheet(ctx, e.target_id);
}
