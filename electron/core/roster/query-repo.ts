/** SQL of the roster list: filtered and sorted pages, totals, and person search. */
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Conn } from '../db/rows';
import type { DB } from '../db/schema';
import { normalizeIdNumber, parseIdNumber } from '../../../shared/rules/id-number';
import { reverseId } from '../../../shared/roster/values';
import type { RosterFilter, RosterQuery } from '../../../shared/domain/roster';

/** A query over households (alone, or joined with more): the filter only needs `h`. */
type HQ = SelectQueryBuilder<DB & { h: DB['household'] }, 'h', object>;

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

/**
 * A township's households are one range of `sort_key` (it starts with the township code and
 * char(1)): the filter and the list's order then walk one index.
 */
const inTownship = (townshipId: string) =>
  sql<boolean>`h.sort_key > (SELECT code FROM township WHERE id = ${townshipId}) || char(1) AND h.sort_key < (SELECT code FROM township WHERE id = ${townshipId}) || char(2)`;

function applyFilter<Q>(query: Q, f: RosterFilter): Q {
  let q = query as unknown as HQ;
  if (f.townshipId) q = q.where(inTownship(f.townshipId));
  if (f.villageId) q = q.where('h.village_id', '=', f.villageId);
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
  return q as unknown as Q;
}

/** Households alone: counting and ordering need no join (a household's village always exists, foreign keys are on). */
function households(db: Conn): HQ {
  return db.selectFrom('household as h') as unknown as HQ;
}

const INCOME = sql<number | null>`coalesce((SELECT (i.production_fen + i.wage_fen + i.property_fen + i.transfer_fen - i.cost_fen) / max(h.size, 1)
      FROM income i WHERE i.household_id = h.id ORDER BY i.year DESC LIMIT 1), h.reported_income_fen)`;

async function countNow(db: Conn, f: RosterFilter): Promise<number> {
  return Number((await applyFilter(households(db), f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

/**
 * A number that changes whenever anything is written to the database, by this connection
 * (total_changes) or by another (data_version).
 */
async function writeStamp(db: Conn): Promise<string> {
  const r = await sql<{ c: number; v: number }>`SELECT total_changes() AS c, (SELECT data_version FROM pragma_data_version) AS v`.execute(db);
  return `${r.rows[0].c}:${r.rows[0].v}`;
}

const counts = new WeakMap<object, { stamp: string; byFilter: Map<string, number> }>();

/**
 * The number of households a filter selects. Scrolling asks for it with every page: counting
 * 300,000 households takes tens of milliseconds, so counts are kept until anything is written.
 */
export async function countRoster(db: Conn, f: RosterFilter): Promise<number> {
  const stamp = await writeStamp(db);
  let entry = counts.get(db);
  if (!entry || entry.stamp !== stamp) {
    entry = { stamp, byFilter: new Map() };
    counts.set(db, entry);
  }
  const key = JSON.stringify([f.townshipId, f.villageId, f.status, f.attribute, f.mainCause, f.exitYear, f.cadreId, f.flag, f.text]);
  let n = entry.byFilter.get(key);
  if (n === undefined) {
    n = await countNow(db, f);
    if (entry.byFilter.size > 200) entry.byFilter.clear();
    entry.byFilter.set(key, n);
  }
  return n;
}

/** The list's order for a query's sort column (the default: township, village, group, number). */
function ordered<Q>(query: Q, q: Pick<RosterQuery, 'sort' | 'desc'>): Q {
  let o = query as unknown as HQ;
  const dir = q.desc ? 'desc' : 'asc';
  switch (q.sort ?? 'village') {
    case 'number':
      return o.orderBy('h.number', dir) as unknown as Q;
    case 'head':
      o = o.orderBy('h.head_name', dir);
      break;
    case 'size':
      o = o.orderBy('h.size', dir);
      break;
    case 'status':
      o = o.orderBy('h.status', dir);
      break;
    case 'exitYear':
      o = o.orderBy('h.exit_year', dir);
      break;
    case 'income':
      o = o.orderBy(INCOME, dir);
      break;
    default:
      // township code, village code, group, number: one indexed column (migration 0007).
      return o.orderBy('h.sort_key', dir) as unknown as Q;
  }
  return o.orderBy('h.number') as unknown as Q;
}

/** One page of the household ids the filter selects, in the list's order (found on plain columns). */
export async function orderedIds(db: Conn, q: RosterQuery, offset: number, limit: number): Promise<string[]> {
  return (await ordered(applyFilter(households(db), q), q).select('h.id').limit(limit).offset(offset).execute()).map((r) => r.id);
}

/**
 * One page of the list with its columns, in one statement: the page's households are found in
 * the list's order on plain columns (one index walk for the default order, no joins, nothing
 * computed for the rows skipped by the offset), then joined and computed for those rows only.
 * Left joins, so that a household whose village is gone (foreign keys off at some time) still shows.
 */
export async function pageRows(db: Conn, q: RosterQuery, today: string) {
  const page = ordered(applyFilter(households(db), q), q)
    .select(sql<number>`h.rowid`.as('rid'))
    .limit(q.limit)
    .offset(q.offset);
  const rows = db
    .selectFrom(page.as('pg'))
    // CROSS JOIN keeps the page as SQLite's outer loop, so the rows come out in the page's order.
    .crossJoin('household as h')
    .leftJoin('village as v', 'v.id', 'h.village_id')
    .leftJoin('township as t', 't.id', 'v.township_id')
    .where(sql`h.rowid`, '=', sql.ref('pg.rid'))
    .select([
      'h.id',
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
    ]);
  return rows.execute();
}

/** Households and persons per village, status and monitoring type (the service classifies them by the one rule). */
export async function rosterTotals(db: Conn, f: RosterFilter) {
  const joined = db
    .selectFrom('household as h')
    .innerJoin('village as v', 'v.id', 'h.village_id')
    .innerJoin('township as t', 't.id', 'v.township_id');
  const rows = await applyFilter(joined, f)
    .select([
      'v.id as village_id',
      'v.name as village_name',
      't.name as township_name',
      'v.population',
      sql<number>`count(*)`.as('households'),
      sql<number>`sum(h.size)`.as('persons'),
      'h.status',
      'h.monitor_type',
    ])
    .groupBy(['v.id', 'h.status', 'h.monitor_type'])
    .orderBy('t.code')
    .orderBy('v.code')
    .execute();
  return rows;
}

export async function searchPersons(db: Conn, text: string, limit: number, townshipId?: string) {
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
  if (townshipId) q = q.where('t.id', '=', townshipId);
  return { kind: c.kind, rows: await q.limit(limit).execute() };
}
