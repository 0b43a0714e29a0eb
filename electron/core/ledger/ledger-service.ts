/**
 * The rectification ledger (整改台账): creating items (from the form, an inspection deduction,
 * the CLI or the demo seed), editing, progress notes, evidence files and state transitions.
 * Every change is stamped with the operator; every transition is kept (who, when, from, to, note).
 */
import { stamps, updateStamps, type Ctx } from '../context';
import { AppError, validation } from '../errors';
import { insertRow, updateRow } from '../db/rows';
import { evidencePath, storeEvidence } from '../files/evidence-store';
import * as repo from './ledger-repo';
import { checkDeadline, checkTransition, type RuleError } from '../../../shared/ledger/state';
import { localDay } from '../../../shared/ledger/views';
import {
  LEDGER_SOURCE_KINDS,
  type LedgerFilter,
  type LedgerItem,
  type LedgerItemDetail,
  type LedgerItemInput,
  type LedgerList,
  type LedgerStatus,
  type LedgerVerification,
} from '../../../shared/domain/ledger';

export const today = (ctx: Ctx) => localDay(ctx.now());

const fail = (e: RuleError) => validation(e.key, e.field ?? '', e.params);

const LIMITS: Record<string, [label: string, max: number, required: boolean]> = {
  sourceText: ['问题来源', 200, true],
  category: ['问题类别', 40, true],
  description: ['问题描述', 2000, true],
  measures: ['整改措施', 2000, false],
  leadUnit: ['牵头单位', 100, false],
  responsibleUnit: ['责任单位', 100, true],
  responsiblePerson: ['责任人', 60, false],
};

async function clean(ctx: Ctx, input: LedgerItemInput, createdDay: string) {
  const out: Record<string, string> = {};
  for (const [k, [label, max, required]] of Object.entries(LIMITS)) {
    const v = String((input as unknown as Record<string, unknown>)[k] ?? '').trim();
    if (required && !v) throw validation('ledger.field.empty', k, { field: label });
    if (v.length > max) throw validation('ledger.field.tooLong', k, { field: label, max });
    out[k] = v;
  }
  if (!LEDGER_SOURCE_KINDS.includes(input.sourceKind)) throw validation('bad.payload', 'sourceKind', { detail: 'sourceKind' });
  const categories = await repo.categoryNames(ctx.db.kysely, false);
  if (!categories.includes(out.category)) throw validation('ledger.category.unknown', 'category', { name: out.category });
  const dl = checkDeadline(input.deadline, createdDay);
  if (dl) throw fail(dl);
  const ref = input.sourceRef ?? null;
  if (ref && !(ref.roundId && ref.targetId && ref.itemId)) throw validation('ledger.source.ref', 'sourceRef');
  return {
    source_kind: input.sourceKind,
    source_text: out.sourceText,
    source_round_id: ref?.roundId ?? null,
    source_target_id: ref?.targetId ?? null,
    source_item_id: ref?.itemId ?? null,
    category: out.category,
    description: out.description,
    measures: out.measures,
    lead_unit: out.leadUnit,
    responsible_unit: out.responsibleUnit,
    responsible_person: out.responsiblePerson,
    deadline: input.deadline,
  };
}

async function mustGet(ctx: Ctx, id: string): Promise<LedgerItem> {
  const it = await repo.getItem(ctx.db.kysely, id);
  if (!it) throw new AppError('NOT_FOUND', 'notFound');
  return it;
}

/** A new ledger row in 待整改, with the next 序号. The inspection helper calls this too. */
export async function createLedgerItem(ctx: Ctx, input: LedgerItemInput): Promise<LedgerItem> {
  const row = await clean(ctx, input, today(ctx));
  const id = ctx.newId();
  await ctx.db.transaction(async (trx) => {
    const seq = await repo.nextSeq(trx);
    await insertRow(trx, 'ledger_item', { id, seq, ...row, status: 'pending', closed_date: null, verify_note: null, verified_by: null, verified_date: null, ...stamps(ctx) });
  });
  return mustGet(ctx, id);
}

/** Edits the descriptive fields (not the state). `expectedUpdatedAt` refuses a stale form. */
export async function updateLedgerItem(ctx: Ctx, id: string, input: LedgerItemInput, expectedUpdatedAt?: string): Promise<LedgerItem> {
  const cur = await mustGet(ctx, id);
  if (expectedUpdatedAt && expectedUpdatedAt !== cur.updatedAt) throw new AppError('CONFLICT', 'ledger.stale', { by: cur.updatedBy });
  const row = await clean(ctx, input, localDay(new Date(cur.createdAt)));
  await updateRow(ctx.db.kysely, 'ledger_item', id, { ...row, ...updateStamps(ctx) });
  return mustGet(ctx, id);
}

export async function listLedger(ctx: Ctx, filter: LedgerFilter): Promise<LedgerList> {
  const day = today(ctx);
  const [items, counts] = await Promise.all([repo.listItems(ctx.db.kysely, filter, day), repo.countViews(ctx.db.kysely, filter, day)]);
  return { items, counts, today: day };
}

export async function getLedgerItem(ctx: Ctx, id: string): Promise<LedgerItemDetail> {
  const item = await mustGet(ctx, id);
  const db = ctx.db.kysely;
  return { item, progress: await repo.progressOf(db, id), transitions: await repo.transitionsOf(db, id), evidence: await repo.evidenceOf(db, id) };
}

export async function addProgress(ctx: Ctx, id: string, note: string): Promise<LedgerItemDetail> {
  const v = note.trim();
  if (!v) throw validation('ledger.progress.empty', 'note');
  if (v.length > 2000) throw validation('ledger.field.tooLong', 'note', { field: '整改进展', max: 2000 });
  await mustGet(ctx, id);
  await ctx.db.transaction(async (trx) => {
    await insertRow(trx, 'ledger_progress', { id: ctx.newId(), item_id: id, note: v, ...stamps(ctx) });
    await updateRow(trx, 'ledger_item', id, updateStamps(ctx));
  });
  return getLedgerItem(ctx, id);
}

export interface TransitionInput {
  id: string;
  to: LedgerStatus;
  note?: string;
  verification?: LedgerVerification | null;
}

/** Moves an item along the state machine, recording who, when, from, to and the note. */
export async function transitionLedgerItem(ctx: Ctx, input: TransitionInput): Promise<LedgerItemDetail> {
  const cur = await mustGet(ctx, input.id);
  const note = (input.note ?? '').trim();
  const verification = input.verification ? { note: input.verification.note.trim(), by: input.verification.by.trim(), date: input.verification.date } : null;
  const err = checkTransition({ from: cur.status, to: input.to, note, verification, today: today(ctx), createdDate: localDay(new Date(cur.createdAt)), responsiblePerson: cur.responsiblePerson, measures: cur.measures });
  if (err) throw fail(err);
  const closing = input.to === 'closed';
  await ctx.db.transaction(async (trx) => {
    await updateRow(trx, 'ledger_item', cur.id, {
      status: input.to,
      closed_date: closing ? verification!.date : null,
      verify_note: closing ? verification!.note : null,
      verified_by: closing ? verification!.by : null,
      verified_date: closing ? verification!.date : null,
      ...updateStamps(ctx),
    });
    await insertRow(trx, 'ledger_transition', {
      id: ctx.newId(),
      item_id: cur.id,
      from_status: cur.status,
      to_status: input.to,
      note: closing ? verification!.note : note,
      ...stamps(ctx),
    });
  });
  return getLedgerItem(ctx, cur.id);
}

/** Copies a user-picked file into <data>/evidence/ and lists it under the item. */
export async function addEvidence(ctx: Ctx, dataDir: string, id: string, sourcePath: string): Promise<LedgerItemDetail> {
  await mustGet(ctx, id);
  const e = await storeEvidence(dataDir, sourcePath);
  await ctx.db.transaction(async (trx) => {
    await insertRow(trx, 'ledger_evidence', { id: ctx.newId(), item_id: id, original_name: e.originalName, sha256: e.sha256, size: e.size, stored_path: e.storedPath, ...stamps(ctx) });
    await updateRow(trx, 'ledger_item', id, updateStamps(ctx));
  });
  return getLedgerItem(ctx, id);
}

/** The path of a stored evidence file (for Dialogs.openPath). */
export async function evidenceFile(ctx: Ctx, dataDir: string, evidenceId: string): Promise<string> {
  const r = await repo.evidenceRow(ctx.db.kysely, evidenceId);
  if (!r) throw new AppError('NOT_FOUND', 'ledger.evidence.notFound');
  return evidencePath(dataDir, r.stored_path, r.original_name);
}

export async function removeEvidence(ctx: Ctx, evidenceId: string): Promise<LedgerItemDetail> {
  const r = await repo.evidenceRow(ctx.db.kysely, evidenceId);
  if (!r) throw new AppError('NOT_FOUND', 'ledger.evidence.notFound');
  await ctx.db.transaction(async (trx) => {
    await trx.deleteFrom('ledger_evidence').where('id', '=', evidenceId).execute();
    await updateRow(trx, 'ledger_item', r.item_id, updateStamps(ctx));
  });
  // The stored copy stays: another row (of this or another item) may share the same hash.
  return getLedgerItem(ctx, r.item_id);
}

export interface LedgerOptions {
  categories: string[];
  units: string[];
  people: string[];
}

export async function ledgerOptions(ctx: Ctx): Promise<LedgerOptions> {
  const db = ctx.db.kysely;
  return { categories: await repo.categoryNames(db), units: await repo.unitNames(db), people: await repo.distinctPeople(db) };
}

// ---------------------------------------------------------------------------------------------
// 问题类别: the editable list (code list `ledgerCategory`; the six special actions by default).

export interface LedgerCategory {
  id: string;
  name: string;
  sort: number;
  active: boolean;
  used: number;
}

export async function listCategories(ctx: Ctx): Promise<LedgerCategory[]> {
  const db = ctx.db.kysely;
  const rows = await db.selectFrom('code_item').select(['id', 'name', 'sort', 'active']).where('list', '=', 'ledgerCategory').orderBy('sort').orderBy('name').execute();
  const used = new Map((await db.selectFrom('ledger_item').select(['category', db.fn.countAll<number>().as('n')]).groupBy('category').execute()).map((r) => [r.category, Number(r.n)]));
  return rows.map((r) => ({ id: r.id, name: r.name, sort: r.sort, active: r.active === 1, used: used.get(r.name) ?? 0 }));
}

/** Adds a category, or renames (only while no item uses it) / retires / restores one. */
export async function saveCategory(ctx: Ctx, input: { id?: string; name: string; active: boolean }): Promise<LedgerCategory[]> {
  const name = input.name.trim();
  if (!name) throw validation('ledger.field.empty', 'name', { field: '类别名称' });
  if (name.length > 40) throw validation('ledger.field.tooLong', 'name', { field: '类别名称', max: 40 });
  const all = await listCategories(ctx);
  const other = all.find((c) => c.name === name && c.id !== input.id);
  if (other) throw validation('name.duplicate', 'name', { name });
  if (input.id) {
    const cur = all.find((c) => c.id === input.id);
    if (!cur) throw new AppError('NOT_FOUND', 'notFound');
    if (cur.name !== name && cur.used > 0) throw validation('ledger.category.inUse', 'name', { name: cur.name, count: cur.used });
    await updateRow(ctx.db.kysely, 'code_item', cur.id, { name, active: input.active ? 1 : 0, ...updateStamps(ctx) });
  } else {
    const sort = Math.max(0, ...all.map((c) => c.sort)) + 1;
    await insertRow(ctx.db.kysely, 'code_item', { id: ctx.newId(), list: 'ledgerCategory', code: String(sort).padStart(2, '0'), name, sort, active: input.active ? 1 : 0, ...stamps(ctx) });
  }
  return listCategories(ctx);
}
