/** SQL of the roster list: filtered and sorted pages, totals, and person search. */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Conn } from '../db/rows';
import type { DB } from '../db/schema';
import { normalizeIdNumber, parseIdNumber } from '../../../shared/rules/id-number';
import { reverseId } from '../../../shared/roster/values';
import type { RosterFilter, RosterQuery } from '../../../shared/domain/roster';

type Q = SelectQueryBuilder<DB & { h: DB['household']; v: DB['village']; t: DB['township'] }, 'h' | 'v' | 't', object>;

/** What a search text is: a full ID, the last digits of one, a phone, a household number, or a name. */
export function classifyText(raw: string): { kind: 'idNumber' | 'idSuffix' | 'phone' | 'household' | 'name'; value: string } | null {
  const t = raw.trim();
  if (!t) return null;
  const id = normalizeIdNumber(t);
  // An 18-digit household number looks like an ID number: only a valid ID counts as one.
  const asId = parseIdNumber(id);
  if (asId.ok) return { kind: 'idNumber', value: asId.info.value };
  if (/^\d{3,5}[\dX]$/.test(id) && id.length >= 4 && id.length <= 6) return { kind: 'idSuffix', value: id };
  if (/^1[3-9]\d{9}$/.test(id) || /^0\d{9,11}$/.test(id)) return { kind: 'phone', value: id };
  if (/^[\dA-Z-]{7,}$/.test(id)) return { kind: 'household', value: id };
  return { kind: 'name', value: t };
}

const prefixEnd = (s: string) => s + '\uffff';

function personMatch(eb: ExpressionBuilder<DB, 'person'>, c: NonNullable<ReturnType<typeof classifyText>>) {
  switch (c.kind) {
    case 'idNumber':
      return eb('person.id_number', '=', c.value);
    case 'idSuffix': {
      const r = reverseId(c.value);
      return eb.and([eb('person.id_rev', '>=', r), eb('person.id_rev', '<', prefixEnd(r))]);
    }
    case 'phone':
      return eb.and([eb('person.phone', '<>', ''), eb('person.phone', '=', c.value)]);
    case 'name':
      return eb.and([eb('person.name', '>=', c.value), eb('person.name', '<', prefixEnd(c.value))]);
    default:
      return eb.val(false);
  }
}

function applyFilter(q: Q, f: RosterFilter): Q {
  if (f.townshipId) q = q.where('t.id', '=', f.townshipId);
  if (f.villageId) q = q.where('v.id', '=', f.villageId);
  if (f.status) q = q.where('h.status', '=', f.status);
  if (f.attribute) q = q.where('h.attribute', '=', f.attribute);
  if (f.mainCause) q = q.where('h.main_cause', '=', f.mainCause);
  if (f.exitYear) q = q.where('h.exit_year', '=', f.exitYear);
  if (f.cadreId) q = q.where('h.id', 'in', (eb) => eb.selectFrom('pairing').select('household_id').where('cadre_id', '=', f.cadreId!));
  if (f.flag) q = q.where('h.id', 'in', (eb) => eb.selectFrom('quality_result').select('household_id').where('rule', '=', f.flag!));
  const c = f.text ? classifyText(f.text) : null;
  if (c?.kind === 'household') q = q.where((eb) => eb.and([eb('h.number', '>=', c.value), eb('h.number', '<', prefixEnd(c.value))]));
  else if (c?.kind === 'phone')
    q = q.where((eb) =>
      eb.or([eb.and([eb('h.phone', '<>', ''), eb('h.phone', '=', c.value)]), eb('h.id', 'in', eb.selectFrom('person').select('household_id').where((pb) => personMatch(pb, c)))]),
    );
  else if (c) q = q.where('h.id', 'in', (eb) => eb.selectFrom('person').select('household_id').where((pb) => personMatch(pb, c)));
  return q;
}

function base(db: Conn): Q {
  return db
    .selectFrom('household as h')
    .innerJoin('village as v', 'v.id', 'h.village_id')
    .innerJoin('township as t', 't.id', 'v.township_id') as unknown as Q;
}

const INCOME = sql<number | null>`coalesce((SELECT (i.production_fen + i.wage_fen + i.property_fen + i.transfer_fen - i.cost_fen) / max(h.size, 1)
      FROM income i WHERE i.household_id = h.id ORDER BY i.year DESC LIMIT 1), h.reported_income_fen)`;

export async function countRoster(db: Conn, f: RosterFilter): Promise<number> {
  return Number((await applyFilter(base(db), f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/** One page of the household ids the filter selects, in the list's order (found on plain columns). */
export async function orderedIds(db: Conn, q: RosterQuery, offset: number, limit: number): Promise<string[]> {
  let ordered = applyFilter(base(db), q).select('h.id');
  const dir = q.desc ? 'desc' : 'asc';
  switch (q.sort ?? 'village') {
    case 'number':
      ordered = ordered.orderBy('h.number', dir);
      break;
    case 'head':
      ordered = ordered.orderBy('h.head_name', dir).orderBy('h.number');
      break;
    case 'size':
      ordered = ordered.orderBy('h.size', dir).orderBy('h.number');
      break;
    case 'status':
      ordered = ordered.orderBy('h.status', dir).orderBy('h.number');
      break;
    case 'exitYear':
      ordered = ordered.orderBy('h.exit_year', dir).orderBy('h.number');
      break;
    case 'income':
      ordered = ordered.orderBy(INCOME, dir).orderBy('h.number');
      break;
    default:
      ordered = ordered.orderBy('t.code', dir).orderBy('v.code', dir).orderBy('h.group_name', dir).orderBy('h.number', dir);
  }
  return (await ordered.limit(limit).offset(offset).execute()).map((r) => r.id);
}

/** The list's columns for these households (one page), in the given order. */
export async function pageRows(db: Conn, ids: string[], today: string) {
  if (ids.length === 0) return [];
  const rows = await base(db)
    .where('h.id', 'in', ids)
    .select([      'h.id',
      'h.number',
      't.name as township_name',
      'v.name as village_name',
      'h.group_name',
      'h.head_name',
      'h.size',
      'h.status',
      'h.attribute',
      'h.main_cause',
      'h.exit_year',
      'h.planned_exit_year',
      'h.phone',
      sql<string>`coalesce((SELECT p.id_number FROM person p WHERE p.household_id = h.id AND p.relation = '户主' LIMIT 1), '')`.as('head_id'),
      sql<string>`coalesce((SELECT group_concat(c.name, '、') FROM pairing p JOIN cadre c ON c.id = p.cadre_id
        WHERE p.household_id = h.id AND (p.end_date IS NULL OR p.end_date >= ${today})), '')`.as('cadres'),
      INCOME.as('income'),
      sql<number>`(SELECT count(*) FROM quality_result r WHERE r.household_id = h.id)`.as('flags'),
    ])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)!);
}

export async function rosterTotals(db: Conn, f: RosterFilter, exited: string[], cancelled: string) {
  const rows = await applyFilter(base(db), f)
    .select([
      'v.id as village_id',
      'v.name as village_name',
      't.name as township_name',
      'v.population',
      sql<number>`count(*)`.as('households'),
      sql<number>`sum(h.size)`.as('persons'),
      sql<number>`sum(CASE WHEN h.status IN (${sql.join(exited)}) THEN 1 ELSE 0 END)`.as('exited_h'),
      sql<number>`sum(CASE WHEN h.status IN (${sql.join(exited)}) THEN h.size ELSE 0 END)`.as('exited_p'),
      sql<number>`sum(CASE WHEN h.status = ${cancelled} THEN 1 ELSE 0 END)`.as('cancelled_h'),
      sql<number>`sum(CASE WHEN h.status = ${cancelled} THEN h.size ELSE 0 END)`.as('cancelled_p'),
    ])
    .groupBy('v.id')
    .orderBy('t.code')
    .orderBy('v.code')
    .execute();
  return rows;
}

export async function searchPersons(db: Conn, text: string, limit: number) {
  const c = classifyText(text);
  if (!c) return [];
  let q = db
    .selectFrom('person')
    .innerJoin('household as h', 'h.id', 'person.household_id')
    .innerJoin('village as v', 'v.id', 'h.village_id')
    .innerJoin('township as t', 't.id', 'v.township_id')
    .select([
      'person.id as person_id',
      'person.name',
      'person.id_number',
      'person.relation',
      'h.id as household_id',
      'h.number',
      'h.head_name',
      'v.name as village_name',
      't.name as township_name',
    ]);
  if (c.kind === 'household') q = q.where((eb) => eb.and([eb('h.number', '>=', c.value), eb('h.number', '<', prefixEnd(c.value))])).orderBy('h.number').orderBy('person.sort');
  else if (c.kind === 'phone') q = q.where((eb) => eb.or([personMatch(eb as never, c), eb.and([eb('h.phone', '<>', ''), eb('h.phone', '=', c.value)])]));
  else q = q.where((eb) => personMatch(eb as never, c));
  return { kind: c.kind, rows: await q.limit(limit).execute() };
}
