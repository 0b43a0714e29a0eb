/**
 * Reads for the wall charts, straight from the roster and org tables (prepared statements,
 * bound parameters only). Personal numbers leave this module unmasked: chart-data.ts masks
 * them before anything reaches a PDF.
 */
import type Sqlite from 'better-sqlite3';
import type { Database } from '../db/open';

export interface PlaceRow {
  id: string;
  code: string;
  name: string;
  township_id: string;
  township_name: string;
  township_code: string;
  population: number | null;
}

export interface HouseholdRow {
  id: string;
  number: string;
  group_name: string;
  head_name: string;
  size: number;
  attribute: string;
  main_cause: string;
  status: string;
  monitor_type: string;
  planned_exit_year: number | null;
  exit_year: number | null;
  dangerous_house: string;
  water_safe: string;
  water_difficult: string;
  phone: string;
  reported_income_fen: number | null;
  village_id: string;
}

export interface PersonRow {
  household_id: string;
  name: string;
  relation: string;
  id_number: string;
  birth_date: string;
  school_status: string;
  health: string;
  insured: string;
}

function villageByCode(raw: Sqlite.Database, code: string): PlaceRow | undefined {
  return raw
    .prepare(
      'SELECT v.id, v.code, v.name, v.township_id, t.name AS township_name, t.code AS township_code, v.population FROM village v JOIN township t ON t.id = v.township_id WHERE v.code = ?',
    )
    .get(code) as PlaceRow | undefined;
}

function villageById(raw: Sqlite.Database, id: string): PlaceRow | undefined {
  return raw
    .prepare(
      'SELECT v.id, v.code, v.name, v.township_id, t.name AS township_name, t.code AS township_code, v.population FROM village v JOIN township t ON t.id = v.township_id WHERE v.id = ?',
    )
    .get(id) as PlaceRow | undefined;
}

function townshipBy(raw: Sqlite.Database, by: 'id' | 'code', value: string): { id: string; code: string; name: string } | undefined {
  const sql = by === 'id' ? 'SELECT id, code, name FROM township WHERE id = ?' : 'SELECT id, code, name FROM township WHERE code = ?';
  return raw.prepare(sql).get(value) as { id: string; code: string; name: string } | undefined;
}

const HOUSEHOLD_COLS =
  'h.id, h.number, h.group_name, h.head_name, h.size, h.attribute, h.main_cause, h.status, h.monitor_type, h.planned_exit_year, h.exit_year, h.dangerous_house, h.water_safe, h.water_difficult, h.phone, h.reported_income_fen, h.village_id';

function villageHouseholds(raw: Sqlite.Database, villageId: string): HouseholdRow[] {
  return raw.prepare(`SELECT ${HOUSEHOLD_COLS} FROM household h WHERE h.village_id = ? ORDER BY h.group_name, h.number`).all(villageId) as HouseholdRow[];
}

function villagePersons(raw: Sqlite.Database, villageId: string): PersonRow[] {
  return raw
    .prepare(
      'SELECT p.household_id, p.name, p.relation, p.id_number, p.birth_date, p.school_status, p.health, p.insured FROM person p JOIN household h ON h.id = p.household_id WHERE h.village_id = ? ORDER BY p.household_id, p.sort',
    )
    .all(villageId) as PersonRow[];
}

/** Latest income year per household: per-capita net needs the household size too. */
function villageIncome(raw: Sqlite.Database, villageId: string): { household_id: string; year: number; net_fen: number }[] {
  return raw
    .prepare(
      `SELECT i.household_id, i.year, (i.production_fen + i.wage_fen + i.property_fen + i.transfer_fen - i.cost_fen) AS net_fen
       FROM income i JOIN household h ON h.id = i.household_id
       WHERE h.village_id = ? AND i.year = (SELECT max(j.year) FROM income j WHERE j.household_id = i.household_id)`,
    )
    .all(villageId) as { household_id: string; year: number; net_fen: number }[];
}

function villageMeasures(raw: Sqlite.Database, villageId: string): { household_id: string; year: number; category: string; content: string }[] {
  return raw
    .prepare(
      'SELECT m.household_id, m.year, m.category, m.content FROM measure m JOIN household h ON h.id = m.household_id WHERE h.village_id = ? ORDER BY m.household_id, m.year, m.date, m.id',
    )
    .all(villageId) as { household_id: string; year: number; category: string; content: string }[];
}

export interface PairingRow {
  household_id: string;
  cadre_id: string;
  cadre_name: string;
  unit: string;
  post: string;
  phone: string;
}

/** Pairings in force on `date` (no end date, or ending on or after it). */
function villagePairings(raw: Sqlite.Database, villageId: string, date: string): PairingRow[] {
  return raw
    .prepare(
      `SELECT p.household_id, c.id AS cadre_id, c.name AS cadre_name, c.unit, c.post, c.phone
       FROM pairing p JOIN cadre c ON c.id = p.cadre_id JOIN household h ON h.id = p.household_id
       WHERE h.village_id = ? AND (p.end_date IS NULL OR p.end_date >= ?) AND (p.start_date IS NULL OR p.start_date <= ?)
       ORDER BY c.name, c.id`,
    )
    .all(villageId, date, date) as PairingRow[];
}

export interface TeamRow {
  unit_name: string | null;
  term_start: string | null;
  term_end: string | null;
  members: { name: string; unit: string; post: string; phone: string; captain: number }[];
}

function villageTeam(raw: Sqlite.Database, villageId: string): TeamRow | null {
  const t = raw
    .prepare('SELECT vt.id, vt.captain_id, vt.term_start, vt.term_end, su.name AS unit_name FROM village_team vt LEFT JOIN support_unit su ON su.id = vt.support_unit_id WHERE vt.village_id = ?')
    .get(villageId) as { id: string; captain_id: string; term_start: string | null; term_end: string | null; unit_name: string | null } | undefined;
  if (!t) return null;
  const members = raw
    .prepare(
      `SELECT c.name, c.unit, c.post, c.phone, CASE WHEN c.id = ? THEN 1 ELSE 0 END AS captain FROM cadre c
       WHERE c.id = ? OR c.id IN (SELECT cadre_id FROM village_team_member WHERE team_id = ?) ORDER BY captain DESC, c.name`,
    )
    .all(t.captain_id, t.captain_id, t.id) as TeamRow['members'];
  return { unit_name: t.unit_name, term_start: t.term_start, term_end: t.term_end, members };
}

export interface AreaCountRow {
  area_id: string;
  area_code: string;
  area_name: string;
  population: number | null;
  status: string;
  monitor_type: string;
  planned_exit_year: number | null;
  main_cause: string;
  attribute: string;
  households: number;
  persons: number;
}

/** Household and person counts by village (of a township) or by township (of the county). */
function areaCounts(raw: Sqlite.Database, by: 'village' | 'township', townshipId?: string): AreaCountRow[] {
  const group = 'GROUP BY area_id, h.status, h.monitor_type, h.planned_exit_year, h.main_cause, h.attribute';
  if (by === 'village') {
    return raw
      .prepare(
        `SELECT v.id AS area_id, v.code AS area_code, v.name AS area_name, v.population, h.status, h.monitor_type, h.planned_exit_year, h.main_cause, h.attribute,
           count(*) AS households, sum(h.size) AS persons
         FROM household h JOIN village v ON v.id = h.village_id WHERE v.township_id = ? ${group}`,
      )
      .all(townshipId) as AreaCountRow[];
  }
  return raw
    .prepare(
      `SELECT t.id AS area_id, t.code AS area_code, t.name AS area_name, NULL AS population, h.status, h.monitor_type, h.planned_exit_year, h.main_cause, h.attribute,
         count(*) AS households, sum(h.size) AS persons
       FROM household h JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id ${group}`,
    )
    .all() as AreaCountRow[];
}

/** Every village of a township (or township of the county) with its registered population, also those without households. */
function areas(raw: Sqlite.Database, by: 'village' | 'township', townshipId?: string): { id: string; code: string; name: string; population: number | null; is_poor: number }[] {
  if (by === 'village') return raw.prepare('SELECT id, code, name, population, is_poor FROM village WHERE township_id = ? ORDER BY code').all(townshipId) as never;
  return raw
    .prepare('SELECT t.id, t.code, t.name, sum(v.population) AS population, max(coalesce(v.is_poor, 0)) AS is_poor FROM township t LEFT JOIN village v ON v.township_id = t.id GROUP BY t.id ORDER BY t.code')
    .all() as never;
}

/** Measure counts by category for an area (township) or the whole county. */
function measureCounts(raw: Sqlite.Database, townshipId: string | null): { category: string; n: number }[] {
  if (townshipId)
    return raw
      .prepare('SELECT m.category, count(DISTINCT m.household_id) AS n FROM measure m JOIN household h ON h.id = m.household_id JOIN village v ON v.id = h.village_id WHERE v.township_id = ? GROUP BY m.category ORDER BY n DESC')
      .all(townshipId) as never;
  return raw.prepare('SELECT m.category, count(DISTINCT m.household_id) AS n FROM measure m GROUP BY m.category ORDER BY n DESC').all() as never;
}

const READS = { villageByCode, villageById, townshipBy, villageHouseholds, villagePersons, villageIncome, villageMeasures, villagePairings, villageTeam, areaCounts, areas, measureCounts };
type Bound<F> = F extends (raw: Sqlite.Database, ...args: infer A) => infer R ? (...args: A) => R : never;
/** The chart reads, bound to the connection while the gate holds it. */
export type ChartReads = { [K in keyof typeof READS]: Bound<(typeof READS)[K]> };

/**
 * Runs `fn` with the chart reads while the connection's gate is held: everything one chart reads
 * comes from one moment, never from inside another call's open transaction.
 */
export function readCharts<T>(db: Database, fn: (r: ChartReads) => T): Promise<T> {
  return db.exclusive((raw) => {
    const bound = Object.fromEntries(Object.entries(READS).map(([k, f]) => [k, (...args: unknown[]) => (f as (raw: Sqlite.Database, ...a: unknown[]) => unknown)(raw, ...args)]));
    return fn(bound as ChartReads);
  });
}
