/** SQL for the rectification ledger (整改台账). */
import { sql } from 'kysely';
import type { Conn } from '../db/rows';
import type { LedgerItemTable } from '../db/schema';
import type {
  LedgerEvidence,
  LedgerFilter,
  LedgerItem,
  LedgerProgress,
  LedgerTransition,
  LedgerView,
  LedgerStatus,
} from '../../../shared/domain/ledger';
import { LEDGER_VIEWS } from '../../../shared/domain/ledger';
import { addDays, VIEW_DAYS } from '../../../shared/ledger/views';

type ItemRow = LedgerItemTable & { last_progress: string | null; progress_count: number; evidence_count: number };

export function toItem(r: ItemRow): LedgerItem {
  return {
    id: r.id,
    seq: r.seq,
    sourceKind: r.source_kind,
    sourceText: r.source_text,
    sourceRef: r.source_round_id && r.source_target_id && r.source_item_id ? { roundId: r.source_round_id, targetId: r.source_target_id, itemId: r.source_item_id } : null,
    category: r.category,
    description: r.description,
    measures: r.measures,
    leadUnit: r.lead_unit,
    responsibleUnit: r.responsible_unit,
    responsiblePerson: r.responsible_person,
    deadline: r.deadline,
    status: r.status,
    closedDate: r.closed_date,
    verification: r.verify_note != null && r.verified_by != null && r.verified_date != null ? { note: r.verify_note, by: r.verified_by, date: r.verified_date } : null,
    lastProgress: r.last_progress,
    progressCount: r.progress_count,
    evidenceCount: r.evidence_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

function itemQuery(db: Conn) {
  return db
    .selectFrom('ledger_item as i')
    .selectAll('i')
    .select([
      sql<string | null>`(SELECT p.note FROM ledger_progress p WHERE p.item_id = i.id ORDER BY p.created_at DESC, p.id DESC LIMIT 1)`.as('last_progress'),
      sql<number>`(SELECT count(*) FROM ledger_progress p WHERE p.item_id = i.id)`.as('progress_count'),
      sql<number>`(SELECT count(*) FROM ledger_evidence e WHERE e.item_id = i.id)`.as('evidence_count'),
    ]);
}

export async function nextSeq(db: Conn): Promise<number> {
  const r = await db.selectFrom('ledger_item').select(sql<number>`coalesce(max(seq), 0) + 1`.as('n')).executeTakeFirstOrThrow();
  return r.n;
}

export async function getItem(db: Conn, id: string): Promise<LedgerItem | undefined> {
  const r = await itemQuery(db).where('i.id', '=', id).executeTakeFirst();
  return r ? toItem(r as ItemRow) : undefined;
}

export async function itemRow(db: Conn, id: string) {
  return db.selectFrom('ledger_item').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The filters other than the view, as SQL conditions on alias i. */
function filtered(db: Conn, f: Omit<LedgerFilter, 'view'>) {
  let q = itemQuery(db);
  if (f.sourceKind) q = q.where('i.source_kind', '=', f.sourceKind);
  if (f.category) q = q.where('i.category', '=', f.category);
  if (f.unit) q = q.where((eb) => eb.or([eb('i.responsible_unit', '=', f.unit!), eb('i.lead_unit', '=', f.unit!)]));
  if (f.person) q = q.where('i.responsible_person', '=', f.person);
  const t = f.text?.trim();
  if (t) {
    // instr() rather than LIKE: the user's % and _ stay plain characters.
    q = q.where(
      sql<boolean>`(instr(i.description, ${t}) > 0 OR instr(i.measures, ${t}) > 0 OR instr(i.source_text, ${t}) > 0
        OR instr(i.responsible_unit, ${t}) > 0 OR instr(i.lead_unit, ${t}) > 0 OR instr(i.responsible_person, ${t}) > 0
        OR CAST(i.seq AS TEXT) = ${t})`,
    );
  }
  return q;
}

export async function listItems(db: Conn, f: LedgerFilter, today: string): Promise<LedgerItem[]> {
  let q = filtered(db, f);
  switch (f.view) {
    case 'closed':
      q = q.where('i.status', '=', 'closed');
      break;
    case 'overdue':
      q = q.where('i.status', '!=', 'closed').where('i.deadline', '<', today);
      break;
    case 'due10':
    case 'due20':
      q = q.where('i.status', '!=', 'closed').where('i.deadline', '>=', today).where('i.deadline', '<=', addDays(today, VIEW_DAYS[f.view]));
      break;
  }
  const order = f.view === 'closed' ? q.orderBy('i.closed_date', 'desc').orderBy('i.seq') : f.view === 'all' ? q.orderBy('i.seq') : q.orderBy('i.deadline').orderBy('i.seq');
  return (await order.execute()).map((r) => toItem(r as ItemRow));
}

/** Items per view under the same filters (the tab counts), in one pass. */
export async function countViews(db: Conn, f: Omit<LedgerFilter, 'view'>, today: string): Promise<Record<LedgerView, number>> {
  const d10 = addDays(today, VIEW_DAYS.due10);
  const d20 = addDays(today, VIEW_DAYS.due20);
  const inner = filtered(db, { ...f }).clearSelect().select(['i.status', 'i.deadline']);
  const r = await db
    .selectFrom(inner.as('x'))
    .select([
      sql<number>`count(*)`.as('all'),
      sql<number>`coalesce(sum(x.status = 'closed'), 0)`.as('closed'),
      sql<number>`coalesce(sum(x.status != 'closed' AND x.deadline < ${today}), 0)`.as('overdue'),
      sql<number>`coalesce(sum(x.status != 'closed' AND x.deadline >= ${today} AND x.deadline <= ${d10}), 0)`.as('due10'),
      sql<number>`coalesce(sum(x.status != 'closed' AND x.deadline >= ${today} AND x.deadline <= ${d20}), 0)`.as('due20'),
    ])
    .executeTakeFirstOrThrow();
  return Object.fromEntries(LEDGER_VIEWS.map((v) => [v, Number(r[v])])) as Record<LedgerView, number>;
}

export async function progressOf(db: Conn, itemId: string): Promise<LedgerProgress[]> {
  const rows = await db.selectFrom('ledger_progress').selectAll().where('item_id', '=', itemId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, itemId: r.item_id, note: r.note, by: r.updated_by, at: r.created_at }));
}

export async function transitionsOf(db: Conn, itemId: string): Promise<LedgerTransition[]> {
  const rows = await db.selectFrom('ledger_transition').selectAll().where('item_id', '=', itemId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, itemId: r.item_id, from: r.from_status as LedgerStatus, to: r.to_status as LedgerStatus, note: r.note, by: r.updated_by, at: r.created_at }));
}

export async function evidenceOf(db: Conn, itemId: string): Promise<LedgerEvidence[]> {
  const rows = await db.selectFrom('ledger_evidence').selectAll().where('item_id', '=', itemId).orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, itemId: r.item_id, originalName: r.original_name, sha256: r.sha256, size: r.size, by: r.updated_by, at: r.created_at }));
}

export async function evidenceRow(db: Conn, id: string) {
  return db.selectFrom('ledger_evidence').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function categoryNames(db: Conn, activeOnly = true): Promise<string[]> {
  let q = db.selectFrom('code_item').select('name').where('list', '=', 'ledgerCategory');
  if (activeOnly) q = q.where('active', '=', 1);
  return (await q.orderBy('sort').execute()).map((r) => r.name);
}

/** Names the responsible-unit picker offers: townships, then supporting units. */
export async function unitNames(db: Conn): Promise<string[]> {
  const t = await db.selectFrom('township').select('name').orderBy('code').execute();
  const u = await db.selectFrom('support_unit').select('name').orderBy('name').execute();
  return [...t, ...u].map((r) => r.name);
}

export async function distinctPeople(db: Conn): Promise<string[]> {
  const r = await db.selectFrom('ledger_item').select('responsible_person').distinct().orderBy('responsible_person').execute();
  return r.map((x) => x.responsible_person).filter(Boolean);
}
