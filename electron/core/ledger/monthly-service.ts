/** Monthly work responsibility breakdown (工作责任分解表): tasks per unit, completion, assessment. */
import { stamps, updateStamps, type Ctx } from '../context';
import { AppError, validation } from '../errors';
import { deleteRow, insertRow, updateRow } from '../db/rows';
import type { Conn } from '../db/rows';
import { isDay } from '../../../shared/ledger/state';
import { localDay } from '../../../shared/ledger/views';
import { assessMonth, isMonth } from '../../../shared/ledger/monthly';
import type { MonthlyAssessment, MonthlyTask, MonthlyTaskInput } from '../../../shared/domain/ledger';
import type { MonthlyTaskTable } from '../db/schema';

const toTask = (r: MonthlyTaskTable): MonthlyTask => ({
  id: r.id,
  month: r.month,
  seq: r.seq,
  title: r.title,
  unit: r.unit,
  deadline: r.deadline,
  doneDate: r.done_date,
  doneNote: r.done_note,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

async function rows(db: Conn, month: string) {
  return (await db.selectFrom('monthly_task').selectAll().where('month', '=', month).orderBy('seq').execute()).map(toTask);
}

async function mustGet(ctx: Ctx, id: string): Promise<MonthlyTask> {
  const r = await ctx.db.kysely.selectFrom('monthly_task').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new AppError('NOT_FOUND', 'notFound');
  return toTask(r);
}

export interface MonthView {
  month: string;
  tasks: MonthlyTask[];
  assessment: MonthlyAssessment;
}

export async function monthView(ctx: Ctx, month: string): Promise<MonthView> {
  if (!isMonth(month)) throw validation('monthly.month', 'month');
  const tasks = await rows(ctx.db.kysely, month);
  return { month, tasks, assessment: assessMonth(month, tasks) };
}

/** Months that have tasks, newest first. */
export async function listMonths(ctx: Ctx): Promise<string[]> {
  const r = await ctx.db.kysely.selectFrom('monthly_task').select('month').distinct().orderBy('month', 'desc').execute();
  return r.map((x) => x.month);
}

function cleanInput(input: MonthlyTaskInput) {
  if (!isMonth(input.month)) throw validation('monthly.month', 'month');
  const title = input.title.trim();
  const unit = input.unit.trim();
  if (!title) throw validation('ledger.field.empty', 'title', { field: '工作任务' });
  if (title.length > 500) throw validation('ledger.field.tooLong', 'title', { field: '工作任务', max: 500 });
  if (!unit) throw validation('ledger.field.empty', 'unit', { field: '责任单位' });
  if (unit.length > 100) throw validation('ledger.field.tooLong', 'unit', { field: '责任单位', max: 100 });
  if (!isDay(input.deadline)) throw validation('monthly.deadline', 'deadline');
  return { month: input.month, title, unit, deadline: input.deadline };
}

export async function saveTask(ctx: Ctx, input: MonthlyTaskInput & { id?: string }): Promise<MonthlyTask> {
  const v = cleanInput(input);
  if (input.id) {
    await mustGet(ctx, input.id);
    await updateRow(ctx.db.kysely, 'monthly_task', input.id, { ...v, ...updateStamps(ctx) });
    return mustGet(ctx, input.id);
  }
  const id = ctx.newId();
  await ctx.db.transaction(async (trx) => {
    const r = await trx.selectFrom('monthly_task').select((eb) => eb.fn.max('seq').as('m')).where('month', '=', v.month).executeTakeFirst();
    await insertRow(trx, 'monthly_task', { id, seq: Number(r?.m ?? 0) + 1, ...v, done_date: null, done_note: null, ...stamps(ctx) });
  });
  return mustGet(ctx, id);
}

export async function deleteTask(ctx: Ctx, id: string): Promise<void> {
  if (!(await deleteRow(ctx.db.kysely, 'monthly_task', id))) throw new AppError('NOT_FOUND', 'notFound');
}

/** Marks a task done on `date` (default today) with a note; the date may not be in the future. */
export async function markDone(ctx: Ctx, id: string, note: string, date?: string): Promise<MonthlyTask> {
  const t = await mustGet(ctx, id);
  if (t.doneDate) throw new AppError('CONFLICT', 'monthly.alreadyDone');
  const day = date ?? localDay(ctx.now());
  if (!isDay(day) || day > localDay(ctx.now())) throw validation('monthly.doneDate', 'date');
  if (note.trim().length > 1000) throw validation('ledger.field.tooLong', 'note', { field: '完成情况', max: 1000 });
  await updateRow(ctx.db.kysely, 'monthly_task', id, { done_date: day, done_note: note.trim(), ...updateStamps(ctx) });
  return mustGet(ctx, id);
}

export async function undoDone(ctx: Ctx, id: string): Promise<MonthlyTask> {
  const t = await mustGet(ctx, id);
  if (!t.doneDate) throw new AppError('CONFLICT', 'monthly.notDone');
  await updateRow(ctx.db.kysely, 'monthly_task', id, { done_date: null, done_note: null, ...updateStamps(ctx) });
  return mustGet(ctx, id);
}

/** Open tasks with a deadline in [from, to] (the home page's "this week"). */
export async function openTasksDue(ctx: Ctx, from: string, to: string): Promise<MonthlyTask[]> {
  const r = await ctx.db.kysely
    .selectFrom('monthly_task')
    .selectAll()
    .where('done_date', 'is', null)
    .where('deadline', '>=', from)
    .where('deadline', '<=', to)
    .orderBy('deadline')
    .execute();
  return r.map(toTask);
}
