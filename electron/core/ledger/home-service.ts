/** The home page's ledger cards: overdue items and what falls due this week (ledger + monthly tasks). */
import type { Ctx } from '../context';
import { listItems } from './ledger-repo';
import { openTasksDue } from './monthly-service';
import { addDays, localDay } from '../../../shared/ledger/views';
import type { LedgerHome } from '../../../shared/domain/ledger';

const SHOWN = 5;

export async function ledgerHome(ctx: Ctx): Promise<LedgerHome> {
  const today = localDay(ctx.now());
  const end = addDays(today, 6);
  const db = ctx.db.kysely;
  const overdue = await listItems(db, { view: 'overdue' }, today);
  const due = (await listItems(db, { view: 'due10' }, today)).filter((i) => i.deadline <= end);
  const tasks = await openTasksDue(ctx, today, end);
  const dueThisWeek = [
    ...due.map((i) => ({ kind: 'ledger' as const, id: i.id, title: `${i.seq}. ${i.description}`, unit: i.responsibleUnit, deadline: i.deadline })),
    ...tasks.map((t) => ({ kind: 'task' as const, id: t.id, title: t.title, unit: t.unit, deadline: t.deadline })),
  ].sort((a, b) => a.deadline.localeCompare(b.deadline));
  return { today, overdue: overdue.slice(0, SHOWN), overdueCount: overdue.length, dueThisWeek };
}
