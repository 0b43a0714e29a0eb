/** The roster list (pages, totals, search), code lists and poverty lines. */
import type { Ctx } from '../context';
import { AppError, validation } from '../errors';
import { stamps, updateStamps } from '../context';
import { insertRow, updateRow } from '../db/rows';
import * as q from './query-repo';
import * as repo from './household-repo';
import { type CodeItem, type PovertyLine, type RosterFilter, type RosterPage, type RosterQuery, type RosterTotals, type SearchHit } from '../../../shared/domain/roster';
import type { CodeSaveInput } from '../../../shared/ipc/contract-roster';
import { checkName } from '../../../shared/rules/org';
import { defaultStatusKind, isMonitored, statusKind, statusRule, type StatusRule } from '../../../shared/roster/status';

export const CODE_LISTS = ['cause', 'attribute', 'status', 'monitorType', 'relation', 'ethnicity', 'education', 'school', 'health', 'skill', 'work', 'measure'];

export async function queryRoster(ctx: Ctx, query: RosterQuery): Promise<RosterPage> {
  const total = await q.countRoster(ctx.db.kysely, query);
  const rows = await q.pageRows(ctx.db.kysely, query, ctx.now().toISOString().slice(0, 10));
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      number: r.number,
      townshipName: r.township_name ?? '',
      villageName: r.village_name ?? '',
      groupName: r.group_name,
      headName: r.head_name,
      headIdNumber: r.head_id,
      size: r.size,
      status: r.status,
      attribute: r.attribute,
      mainCause: r.main_cause,
      exitYear: r.exit_year,
      plannedExitYear: r.planned_exit_year,
      phone: r.phone,
      cadreNames: r.cadres,
      netIncomeFen: r.income === null ? null : Math.floor(Number(r.income)),
      flagCount: Number(r.flags),
    })),
  };
}

/** The office's rule for what each status counts as (from the 脱贫状态 code list). */
export async function loadStatusRule(ctx: Ctx): Promise<StatusRule> {
  return statusRule(await listCodes(ctx));
}

export async function rosterTotals(ctx: Ctx, filter: RosterFilter): Promise<RosterTotals> {
  const rule = await loadStatusRule(ctx);
  const rows = await q.rosterTotals(ctx.db.kysely, filter);
  const t: RosterTotals = { households: 0, persons: 0, exitedHouseholds: 0, exitedPersons: 0, remainingHouseholds: 0, remainingPersons: 0, monitoredHouseholds: 0, monitoredPersons: 0, villages: [] };
  const byVillage = new Map<string, RosterTotals['villages'][number]>();
  for (const r of rows) {
    const households = Number(r.households);
    const persons = Number(r.persons);
    const kind = statusKind(rule, r.status);
    t.households += households;
    t.persons += persons;
    let v = byVillage.get(r.village_id);
    if (!v) {
      v = { villageId: r.village_id, villageName: r.village_name, townshipName: r.township_name, households: 0, persons: 0, remainingPersons: 0, population: r.population, incidencePermille: null };
      byVillage.set(r.village_id, v);
      t.villages.push(v);
    }
    v.households += households;
    v.persons += persons;
    if (kind === 'exited') {
      t.exitedHouseholds += households;
      t.exitedPersons += persons;
    } else if (kind === 'open') {
      t.remainingHouseholds += households;
      t.remainingPersons += persons;
      v.remainingPersons += persons;
    }
    if (kind !== 'cancelled' && isMonitored(r.status, r.monitor_type)) {
      t.monitoredHouseholds += households;
      t.monitoredPersons += persons;
    }
  }
  for (const v of t.villages) v.incidencePermille = v.population ? Math.round((v.remainingPersons * 10000) / v.population) / 10 : null;
  return t;
}

/** `townshipId`: only that township's people (a township operator's search). */
export async function searchRoster(ctx: Ctx, text: string, limit = 50, townshipId?: string): Promise<SearchHit[]> {
  const r = await q.searchPersons(ctx.db.kysely, text, limit, townshipId);
  if (!('rows' in r)) return [];
  return r.rows.map((p) => ({
    personId: p.person_id,
    name: p.name,
    idNumber: p.id_number,
    relation: p.relation,
    householdId: p.household_id,
    householdNumber: p.number,
    headName: p.head_name,
    villageName: p.village_name,
    townshipName: p.township_name,
    matched: r.kind,
  }));
}

export async function listCodes(ctx: Ctx): Promise<CodeItem[]> {
  return (await repo.codeItems(ctx.db.kysely)).map((c) => ({
    id: c.id,
    list: c.list,
    code: c.code,
    name: c.name,
    sort: c.sort,
    active: c.active === 1,
    kind: c.list === 'status' ? (c.kind ?? defaultStatusKind(c.name)) : null,
  }));
}

export async function saveCode(ctx: Ctx, input: CodeSaveInput): Promise<CodeItem> {
  if (!CODE_LISTS.includes(input.list)) throw validation('code.list', 'list', { list: input.list });
  const name = input.name.trim();
  const err = checkName(name);
  if (err) throw validation(err.key, 'name', err.params);
  const row = { code: input.code.trim(), name, sort: input.sort, active: input.active ? 1 : 0 };
  // What a 脱贫状态 counts as: as chosen; an edit that does not say keeps it; a new one takes its name's.
  const kind = input.list !== 'status' ? null : (input.kind ?? (input.id ? undefined : defaultStatusKind(name)));
  const id = await ctx.db.transaction(async (trx) => {
    const other = await repo.codeByName(trx, input.list, name);
    if (other && other.id !== input.id) throw validation('name.duplicate', 'name', { name });
    if (input.id) {
      if (!(await updateRow(trx, 'code_item', input.id, { ...row, ...(kind === undefined ? {} : { kind }), ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
      return input.id;
    }
    const newId = `${input.list}:${name}`;
    await insertRow(trx, 'code_item', { id: newId, list: input.list, ...row, kind: kind ?? null, ...stamps(ctx) });
    return newId;
  });
  return (await listCodes(ctx)).find((c) => c.id === id)!;
}

export async function listLines(ctx: Ctx): Promise<PovertyLine[]> {
  return (await repo.povertyLines(ctx.db.kysely)).map((l) => ({ year: l.year, amountFen: l.amount_fen }));
}

export async function saveLine(ctx: Ctx, year: number, amountFen: number): Promise<PovertyLine[]> {
  if (amountFen <= 0) throw validation('line.amount', 'amountFen');
  await repo.saveLine(ctx.db.kysely, year, amountFen, ctx.now().toISOString(), ctx.operator);
  return listLines(ctx);
}

export async function deleteLine(ctx: Ctx, year: number): Promise<PovertyLine[]> {
  await repo.deleteLine(ctx.db.kysely, year);
  return listLines(ctx);
}
