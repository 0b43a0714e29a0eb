/**
 * All SQL of the data-quality checks: loading the roster set-wise (a few statements per chunk
 * of households, or the same ones for one household), the county-wide ID lookups, replacing
 * the stored results in one transaction, and reading them back for the summary and the list.
 */
import type { Database } from '../../db/open';
import type { MessageRef } from '../../../../shared/domain/roster';

export interface HouseholdRow {
  id: string;
  number: string;
  has_village: number;
  attribute: string;
  main_cause: string;
  status: string;
  exit_year: number | null;
  reported_income_fen: number | null;
  size: number;
  dangerous_house: string;
  water_safe: string;
  water_difficult: string;
}

/**
 * A person as an array (the county has ~100,000: arrays are markedly cheaper to build than
 * objects): id, household_id, name, id_number, relation, gender, birth_date, school_status,
 * health, skill, work_status, work_months, insured.
 */
export type PersonRow = [
  id: string,
  householdId: string,
  name: string,
  idNumber: string,
  relation: string,
  gender: string,
  birthDate: string,
  schoolStatus: string,
  health: string,
  skill: string,
  workStatus: string,
  workMonths: number | null,
  insured: string,
];

export interface IncomeRow {
  household_id: string;
  year: number;
  production_fen: number;
  wage_fen: number;
  property_fen: number;
  transfer_fen: number;
  cost_fen: number;
}

export interface PairingRow {
  household_id: string;
  cadre_name: string;
  cadre_id_number: string;
}

export interface HolderRow {
  person_id: string;
  household_id: string;
  household_number: string;
  name: string;
  id_number: string;
}

export interface RosterRows {
  households: HouseholdRow[];
  persons: PersonRow[];
  incomes: IncomeRow[];
  pairings: PairingRow[];
  lines: { year: number; amount_fen: number }[];
}

const HOUSEHOLDS = `SELECT h.id, h.number, (v.id IS NOT NULL) AS has_village, h.attribute, h.main_cause, h.status, h.exit_year,
  h.reported_income_fen, h.size, h.dangerous_house, h.water_safe, h.water_difficult
  FROM household h LEFT JOIN village v ON v.id = h.village_id`;
const PERSONS = `SELECT id, household_id, name, id_number, relation, gender, birth_date, school_status, health, skill, work_status,
  work_months, insured FROM person`;
const EXIT_INCOMES = `SELECT i.household_id, i.year, i.production_fen, i.wage_fen, i.property_fen, i.transfer_fen, i.cost_fen
  FROM income i JOIN household h ON h.id = i.household_id AND i.year = h.exit_year`;
const CURRENT_PAIRINGS = `SELECT p.household_id, c.name AS cadre_name, c.id_number AS cadre_id_number
  FROM pairing p JOIN cadre c ON c.id = p.cadre_id
  WHERE (p.end_date IS NULL OR p.end_date = '' OR p.end_date >= @today)`;
const LINES = 'SELECT year, amount_fen FROM poverty_line';

export function householdCount(db: Database): Promise<number> {
  return db.exclusive((raw) => {
    return raw.prepare('SELECT count(*) FROM household').pluck().get() as number;
  });
}

/** Whether any 结对帮扶 pairing has been entered at all (a fresh national import has none). */
export function hasPairings(db: Database): Promise<boolean> {
  return db.exclusive((raw) => {
    return raw.prepare('SELECT EXISTS (SELECT 1 FROM pairing)').pluck().get() === 1;
  });
}

export function loadLines(db: Database): Promise<{ year: number; amount_fen: number }[]> {
  return db.exclusive((raw) => {
    return raw.prepare(LINES).all() as { year: number; amount_fen: number }[];
  });
}

/**
 * The next `limit` households in id order after `after` ('' to start), with their persons,
 * exit-year incomes and current pairings: index range scans, so a county is read in chunks
 * with the event loop free between them.
 */
export function loadChunk(db: Database, after: string, limit: number, todayIso: string): Promise<Omit<RosterRows, 'lines'>> {
  return db.exclusive((raw) => {
    const households = raw.prepare(`${HOUSEHOLDS} WHERE h.id > ? ORDER BY h.id LIMIT ?`).all(after, limit) as HouseholdRow[];
    if (households.length === 0) return { households, persons: [], incomes: [], pairings: [] };
    const range = { after, last: households[households.length - 1].id, today: todayIso };
    return {
      households,
      persons: raw.prepare(`${PERSONS} WHERE household_id > @after AND household_id <= @last ORDER BY household_id, sort`).raw().all(range) as PersonRow[],
      incomes: raw.prepare(`${EXIT_INCOMES} WHERE i.household_id > @after AND i.household_id <= @last`).all(range) as IncomeRow[],
      pairings: raw.prepare(`${CURRENT_PAIRINGS} AND p.household_id > @after AND p.household_id <= @last`).all(range) as PairingRow[],
    };
  });
}

/** ID numbers of the cadres paired now (for "a cadre on the roll"). */
export function currentCadreIdNumbers(db: Database, todayIso: string): Promise<string[]> {
  return db.exclusive((raw) => {
    return raw
      .prepare(
        `SELECT DISTINCT c.id_number FROM pairing p JOIN cadre c ON c.id = p.cadre_id
         WHERE (p.end_date IS NULL OR p.end_date = '' OR p.end_date >= ?)`,
      )
      .pluck()
      .all(todayIso) as string[];
  });
}

/** The first 17 characters as an 18-digit number would have them (15-digit forms upgraded, x upper-cased). */
const KEY17 = "CASE WHEN length(id_number) = 15 THEN substr(id_number, 1, 6) || '19' || substr(id_number, 7, 9) ELSE upper(substr(id_number, 1, 17)) END";

/**
 * Persons whose ID number may be another person's written differently (same first 17 digits
 * once upgraded): the few candidates for "duplicate ID number", found by SQLite in one scan.
 */
export function duplicateCandidates(db: Database): Promise<HolderRow[]> {
  return db.exclusive((raw) => {
    return raw
      .prepare(
        `SELECT p.id AS person_id, p.household_id, h.number AS household_number, p.name, p.id_number
         FROM person p JOIN household h ON h.id = p.household_id
         WHERE ${KEY17.replace(/id_number/g, 'p.id_number')} IN (SELECT ${KEY17} AS k FROM person GROUP BY k HAVING count(*) > 1)`,
      )
      .all() as HolderRow[];
  });
}

/** The same rows for one household (empty households list when it does not exist). */
export function loadHousehold(db: Database, householdId: string, todayIso: string): Promise<RosterRows> {
  return db.exclusive((raw) => {
    return {
      households: raw.prepare(`${HOUSEHOLDS} WHERE h.id = ?`).all(householdId) as HouseholdRow[],
      persons: raw.prepare(`${PERSONS} WHERE household_id = ? ORDER BY sort`).raw().all(householdId) as PersonRow[],
      incomes: raw.prepare(`${EXIT_INCOMES} WHERE i.household_id = ?`).all(householdId) as IncomeRow[],
      pairings: raw.prepare(`${CURRENT_PAIRINGS} AND p.household_id = @id`).all({ today: todayIso, id: householdId }) as PairingRow[],
      lines: raw.prepare(LINES).all() as { year: number; amount_fen: number }[],
    };
  });
}

/** Persons on the whole roll whose ID number is written in one of the given ways. */
export function holdersOf(db: Database, idNumbers: string[]): Promise<HolderRow[]> {
  return db.exclusive((raw) => {
    const unique = [...new Set(idNumbers.filter((s) => s !== ''))];
    const out: HolderRow[] = [];
    for (let i = 0; i < unique.length; i += 500) {
      const part = unique.slice(i, i + 500);
      out.push(
        ...(raw
          .prepare(
            `SELECT p.id AS person_id, p.household_id, h.number AS household_number, p.name, p.id_number
             FROM person p JOIN household h ON h.id = p.household_id WHERE p.id_number IN (${part.map(() => '?').join(',')})`,
          )
          .all(...part) as HolderRow[]),
      );
    }
    return out;
  });
}

export interface ResultInsert {
  householdId: string;
  rule: string;
  detail: string;
  details: MessageRef[];
}

export interface RunRecord {
  ranAt: string;
  ranBy: string;
  households: number;
  durationMs: number;
}

/** Result rows written per statement. */
const RESULT_BATCH = 5000;

/**
 * Replaces every stored result and the run record, in one transaction. Results of households
 * deleted while the run was under way are dropped.
 */
export function replaceResults(db: Database, rows: ResultInsert[], run: RunRecord): Promise<void> {
  return db.exclusive((raw) => {
    // The rows travel as one JSON array per batch and are unpacked by SQLite (json_each): one
    // statement per RESULT_BATCH rows instead of one per row. Households deleted while the run
    // was reading are skipped.
    const insert = raw.prepare(
      `INSERT INTO quality_result (household_id, rule, detail, details, created_at)
       SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, @at FROM json_each(@rows) j
       WHERE EXISTS (SELECT 1 FROM household WHERE id = j.value ->> 0)`,
    );
    raw.transaction(() => {
      raw.prepare('DELETE FROM quality_result').run();
      for (let k = 0; k < rows.length; k += RESULT_BATCH) {
        const batch = rows.slice(k, k + RESULT_BATCH).map((r) => [r.householdId, r.rule, r.detail, JSON.stringify(r.details)]);
        insert.run({ rows: JSON.stringify(batch), at: run.ranAt });
      }
      raw
        .prepare(
          `INSERT INTO quality_run (id, ran_at, ran_by, households, duration_ms) VALUES (1, @ranAt, @ranBy, @households, @durationMs)
           ON CONFLICT (id) DO UPDATE SET ran_at = excluded.ran_at, ran_by = excluded.ran_by, households = excluded.households,
           duration_ms = excluded.duration_ms`,
        )
        .run(run);
    }).immediate();
  });
}

export function lastRun(db: Database): Promise<{ ran_at: string; households: number } | undefined> {
  return db.exclusive((raw) => {
    return raw.prepare('SELECT ran_at, households FROM quality_run WHERE id = 1').get() as { ran_at: string; households: number } | undefined;
  });
}

/** Flagged households per rule (one stored row per household and rule). */
export function countsByRule(db: Database): Promise<{ rule: string; n: number }[]> {
  return db.exclusive((raw) => {
    return raw.prepare('SELECT rule, count(*) AS n FROM quality_result GROUP BY rule').all() as { rule: string; n: number }[];
  });
}

export function flaggedCount(db: Database): Promise<number> {
  return db.exclusive((raw) => {
    return raw.prepare('SELECT count(DISTINCT household_id) FROM quality_result').pluck().get() as number;
  });
}

/** Every township in code order with its flagged households (0 when none). */
export function countsByTownship(db: Database): Promise<{ id: string; name: string; n: number }[]> {
  return db.exclusive((raw) => {
    return raw
      .prepare(
        `SELECT t.id, t.name, coalesce(x.n, 0) AS n FROM township t LEFT JOIN (
           SELECT v.township_id, count(DISTINCT r.household_id) AS n
           FROM quality_result r JOIN household h ON h.id = r.household_id JOIN village v ON v.id = h.village_id
           GROUP BY v.township_id
         ) x ON x.township_id = t.id
         ORDER BY t.code`,
      )
      .all() as { id: string; name: string; n: number }[];
  });
}

export interface ResultRow {
  household_id: string;
  rule: string;
  detail: string;
  /** JSON: MessageRef[] */
  details: string;
  household_number: string;
  head_name: string;
  village_name: string | null;
  township_name: string | null;
}

export interface ResultFilter {
  rule?: string;
  townshipId?: string;
  offset: number;
  limit: number;
}

/** A page of stored results in register order (township code, village code, household number, rule). */
export function resultsPage(db: Database, f: ResultFilter): Promise<{ total: number; rows: ResultRow[] }> {
  return db.exclusive((raw) => {
    const where: string[] = [];
    const args: Record<string, string | number> = { offset: f.offset, limit: f.limit };
    if (f.rule !== undefined) {
      where.push('r.rule = @rule');
      args.rule = f.rule;
    }
    if (f.townshipId !== undefined) {
      where.push('v.township_id = @township');
      args.township = f.townshipId;
    }
    const from = `FROM quality_result r JOIN household h ON h.id = r.household_id
      LEFT JOIN village v ON v.id = h.village_id LEFT JOIN township t ON t.id = v.township_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''}`;
    const total = raw.prepare(`SELECT count(*) ${from}`).pluck().get(args) as number;
    const rows = raw
      .prepare(
        `SELECT r.household_id, r.rule, r.detail, r.details, h.number AS household_number, h.head_name, v.name AS village_name, t.name AS township_name
         ${from} ORDER BY t.code, v.code, h.number, r.rule LIMIT @limit OFFSET @offset`,
      )
      .all(args) as ResultRow[];
    return { total, rows };
  });
}
