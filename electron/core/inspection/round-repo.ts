/** SQL for inspection rounds, their groups, targets, scores and evidence rows. */
import type { Conn } from '../db/rows';
import type { Candidate, EvidenceFile, InspectionGroup, RoundSummary, RoundTarget } from '../../../shared/domain/inspection';

export async function listRounds(db: Conn, id?: string): Promise<RoundSummary[]> {
  let q = db
    .selectFrom('insp_round as r')
    .leftJoin('insp_target as t', 't.round_id', 'r.id')
    .select((eb) => [
      'r.id',
      'r.name',
      'r.period_start',
      'r.period_end',
      'r.theme',
      'r.status',
      'r.finished_at',
      'r.updated_at',
      eb.fn.count<number>('t.id').as('targets'),
      eb.fn.coalesce(eb.fn.sum<number>('t.done'), eb.val(0)).as('done'),
    ])
    .groupBy('r.id')
    .orderBy('r.period_start', 'desc')
    .orderBy('r.name');
  if (id) q = q.where('r.id', '=', id);
  return (await q.execute()).map((r) => ({
    id: r.id,
    name: r.name,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    theme: r.theme,
    status: r.status,
    finishedAt: r.finished_at,
    targetCount: Number(r.targets),
    doneCount: Number(r.done),
    updatedAt: r.updated_at,
  }));
}

export async function roundByName(db: Conn, name: string) {
  return db.selectFrom('insp_round').select(['id', 'name', 'status']).where('name', '=', name).executeTakeFirst();
}
export async function roundRow(db: Conn, id: string) {
  return db.selectFrom('insp_round').select(['id', 'name', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function listGroups(db: Conn, roundId: string): Promise<InspectionGroup[]> {
  const rows = await db.selectFrom('insp_group').select(['id', 'name', 'inspectors']).where('round_id', '=', roundId).orderBy('sort').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, inspectors: JSON.parse(r.inspectors) as string[] }));
}

type TargetRow = {
  id: string;
  target_type: string;
  ref_id: string | null;
  name: string;
  group_id: string | null;
  done: number;
  self_score: number | null;
  total: number | null;
  vetoed: number;
  deducted_items: number;
  round_id: string;
};
const TARGET_COLS = ['id', 'round_id', 'target_type', 'ref_id', 'name', 'group_id', 'done', 'self_score', 'total', 'vetoed', 'deducted_items'] as const;

export const toTarget = (r: TargetRow): RoundTarget => ({
  id: r.id,
  type: r.target_type,
  refId: r.ref_id,
  name: r.name,
  groupId: r.group_id,
  done: r.done === 1,
  selfScore: r.self_score,
  total: r.total,
  vetoed: r.vetoed === 1,
});

export async function listTargets(db: Conn, roundId: string) {
  return db.selectFrom('insp_target').select(TARGET_COLS).where('round_id', '=', roundId).orderBy('target_type').orderBy('sort').execute();
}
export async function targetRow(db: Conn, id: string) {
  return db.selectFrom('insp_target').select(TARGET_COLS).where('id', '=', id).executeTakeFirst();
}

export async function roundTemplates(db: Conn, roundId: string) {
  return db
    .selectFrom('insp_round_template as rt')
    .innerJoin('insp_template_version as v', 'v.id', 'rt.version_id')
    .select(['rt.target_type', 'v.id', 'v.template_id', 'v.name', 'v.version', 'v.total_max', 'v.sections'])
    .where('rt.round_id', '=', roundId)
    .execute();
}

export async function scoresOf(db: Conn, targetIds: readonly string[]) {
  if (targetIds.length === 0) return [];
  return db
    .selectFrom('insp_score')
    .select(['id', 'target_id', 'item_id', 'value', 'note', 'ledger_item_id', 'ledger_seq'])
    .where('target_id', 'in', targetIds)
    .execute();
}
export async function roundScores(db: Conn, roundId: string) {
  return db
    .selectFrom('insp_score as s')
    .innerJoin('insp_target as t', 't.id', 's.target_id')
    .select(['s.target_id', 's.item_id', 's.value', 's.note', 's.ledger_seq'])
    .where('t.round_id', '=', roundId)
    .execute();
}

export async function evidenceOf(db: Conn, targetId: string): Promise<EvidenceFile[]> {
  const rows = await db
    .selectFrom('insp_evidence')
    .select(['id', 'item_id', 'original_name', 'sha256', 'size', 'created_at', 'updated_by'])
    .where('target_id', '=', targetId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, itemId: r.item_id, originalName: r.original_name, sha256: r.sha256, size: r.size, at: r.created_at, by: r.updated_by }));
}
export async function evidenceRow(db: Conn, id: string) {
  return db.selectFrom('insp_evidence').select(['id', 'target_id', 'original_name', 'stored_path']).where('id', '=', id).executeTakeFirst();
}

/** Everything the registry offers as a target, by type (teams named by their village). */
export async function candidates(db: Conn): Promise<Candidate[]> {
  const t = await db.selectFrom('township').select(['id', 'name']).orderBy('code').execute();
  const g = await db.selectFrom('work_group').select(['id', 'name']).orderBy('name').execute();
  const u = await db.selectFrom('support_unit').select(['id', 'name']).orderBy('name').execute();
  const v = await db
    .selectFrom('village_team as vt')
    .innerJoin('village as v', 'v.id', 'vt.village_id')
    .innerJoin('township as t', 't.id', 'v.township_id')
    .select(['vt.id', 'v.name as village', 't.name as township'])
    .orderBy('v.code')
    .execute();
  return [
    ...t.map((r) => ({ type: 'township', refId: r.id, name: r.name })),
    ...g.map((r) => ({ type: 'work_group', refId: r.id, name: r.name })),
    ...u.map((r) => ({ type: 'support_unit', refId: r.id, name: r.name })),
    ...v.map((r) => ({ type: 'village_team', refId: r.id, name: `${r.township}${r.village}驻村工作队` })),
  ];
}

export async function latestFinishedRound(db: Conn) {
  return db.selectFrom('insp_round').select(['id']).where('status', '=', 'finished').orderBy('period_end', 'desc').orderBy('finished_at', 'desc').executeTakeFirst();
}

export async function markLedger(db: Conn, targetId: string, itemId: string, ledgerId: string, seq: number) {
  await db.updateTable('insp_score').set({ ledger_item_id: ledgerId, ledger_seq: seq }).where('target_id', '=', targetId).where('item_id', '=', itemId).execute();
}

export async function insertRoundTemplate(db: Conn, roundId: string, type: string, versionId: string) {
  await db.insertInto('insp_round_template').values({ round_id: roundId, target_type: type, version_id: versionId }).execute();
}

export async function upsertScore(
  db: Conn,
  row: { id: string; target_id: string; item_id: string; value: number | null; note: string; created_at: string; updated_at: string; updated_by: string },
) {
  await db
    .insertInto('insp_score')
    .values({ ...row, ledger_item_id: null, ledger_seq: null })
    .onConflict((oc) => oc.columns(['target_id', 'item_id']).doUpdateSet({ value: row.value, note: row.note, updated_at: row.updated_at, updated_by: row.updated_by }))
    .execute();
}
