/**
 * What the rules look at: a household with its members, its income of the exit year and its
 * current cadres, prepared once from the rows the repository loads (ID numbers parsed, ages
 * computed against the context's clock). Pure: no SQL here.
 */
import type { StatusRule } from '../../../../shared/roster/status';
import { normalizeIdNumber, parseIdNumber, type IdNumberProblem } from '../../../../shared/rules/id-number';
import type { HolderRow, HouseholdRow, IncomeRow, PersonRow, RosterRows } from './repo';

export interface Today {
  date: Date;
  y: number;
  m: number;
  d: number;
  /** YYYY-MM-DD, local date. */
  iso: string;
}

export function todayOf(date: Date): Today {
  const y = date.getFullYear();
  const m = date.getMonth() + 1;
  const d = date.getDate();
  return { date, y, m, d, iso: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

export interface Member {
  id: string;
  /** 1-based position in the household. */
  index: number;
  name: string;
  /** The name, or "#n" when it is empty, for messages. */
  label: string;
  rawId: string;
  /** The canonical 18-character form when valid, else the normalised text ('' when empty). */
  canonicalId: string;
  idProblem: IdNumberProblem | null;
  relation: string;
  gender: '' | '男' | '女';
  age: number | null;
  school: string;
  health: string;
  skill: string;
  work: string;
  months: number | null;
  insured: string;
}

export interface Cadre {
  name: string;
  canonicalId: string;
}

export interface Household {
  id: string;
  number: string;
  hasVillage: boolean;
  attribute: string;
  mainCause: string;
  status: string;
  exitYear: number | null;
  reportedIncomeFen: number | null;
  size: number;
  dangerousHouse: string;
  waterSafe: string;
  waterDifficult: string;
  members: Member[];
  /** The income row of the exit year, when there is one. */
  exitIncome: IncomeRow | null;
  /** Cadres paired now (no end date, or one not before today). */
  cadres: Cadre[];
}

/** A person registered on the roll, found by canonical ID number. */
export interface Holder {
  personId: string;
  householdId: string;
  householdNumber: string;
  name: string;
}

export interface Env {
  today: Today;
  /** Poverty line in fen by year. */
  lines: Map<number, number>;
  /**
   * Canonical ID number → the persons on the roll holding it, for the ID numbers that matter:
   * possible duplicates and the numbers of current cadres (county run), or this household's
   * members and cadres (one household).
   */
  holders: Map<string, Holder[]>;
  /** Whether any pairing exists: without any, 无帮扶责任人 (Q10) is not checked but said once. */
  pairingsEntered: boolean;
  /** What each status counts as (the office's 脱贫状态 list). */
  status: StatusRule;
}

export interface Finding {
  rule: string;
  key: string;
  params?: Record<string, string | number>;
}

const PLAIN_ID = /^\d{17}[\dX]$/;
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Year, month, day. */
type Ymd = [number, number, number];

/** The same birth-date test as parseIdNumber: a real date from 1900 up to today. */
function validBirth([y, m, d]: Ymd, today: Today): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  if (d > DAYS[m - 1] + (leap ? 1 : 0)) return false;
  return y < today.y || (y === today.y && (m < today.m || (m === today.m && d <= today.d)));
}

/** checkChar of shared/rules/id-number.ts on char codes (this runs ~100,000 times a run). */
function checkOk(id: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * WEIGHTS[i];
  return '10X98765432'[sum % 11] === id[17];
}

const ymd = (s: string, at: number): Ymd => [Number(s.slice(at, at + 4)), Number(s.slice(at + 4, at + 6)), Number(s.slice(at + 6, at + 8))];

/**
 * The canonical form of an ID number and what it says. A plain valid 18-digit number (nearly
 * all of them) takes a fast path giving the same answer as parseIdNumber; anything else goes
 * through parseIdNumber for its normalisation, upgrade and the kind of problem.
 */
export function canonicalId(raw: string, today: Today): { value: string; problem: IdNumberProblem | null; birth: Ymd | null; gender: '' | '男' | '女' } {
  if (raw.length === 18 && PLAIN_ID.test(raw) && checkOk(raw)) {
    const birth = ymd(raw, 6);
    if (validBirth(birth, today)) return { value: raw, problem: null, birth, gender: (raw.charCodeAt(16) - 48) % 2 === 1 ? '男' : '女' };
  }
  const r = parseIdNumber(raw, today.date);
  if (r.ok) return { value: r.info.value, problem: null, birth: ymd(r.info.value, 6), gender: r.info.gender };
  return { value: normalizeIdNumber(raw), problem: r.problem, birth: null, gender: '' };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A stored YYYY-MM-DD birth date as numbers, or null. */
export function birthOf(s: string): Ymd | null {
  return ISO_DATE.test(s) ? [Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))] : null;
}

/** Full years from a birth date to today; null when there is none or it lies ahead. */
export function ageOn(birth: Ymd | null, today: Today): number | null {
  if (!birth) return null;
  const [by, bm, bd] = birth;
  let age = today.y - by;
  if (today.m < bm || (today.m === bm && today.d < bd)) age--;
  return age >= 0 ? age : null;
}

const trim = (s: string | null | undefined) => (s ?? '').trim();

export function memberOf(p: PersonRow, index: number, today: Today): Member {
  const [id, , rawName, rawIdNumber, relation, gender, birthDate, school, health, skill, work, months, insured] = p;
  const rawId = trim(rawIdNumber);
  const parsed = canonicalId(rawId, today);
  const g = trim(gender);
  const name = trim(rawName);
  return {
    id,
    index,
    name,
    label: name || `#${index}`,
    rawId,
    canonicalId: parsed.value,
    idProblem: parsed.problem,
    relation: trim(relation),
    gender: g === '男' || g === '女' ? g : parsed.gender,
    age: ageOn(birthOf(trim(birthDate)) ?? parsed.birth, today),
    school: trim(school),
    health: trim(health),
    skill: trim(skill),
    work: trim(work),
    months,
    insured: trim(insured),
  };
}

export function householdOf(h: HouseholdRow): Household {
  return {
    id: h.id,
    number: h.number,
    hasVillage: h.has_village === 1,
    attribute: trim(h.attribute),
    mainCause: trim(h.main_cause),
    status: trim(h.status),
    exitYear: h.exit_year,
    reportedIncomeFen: h.reported_income_fen,
    size: h.size,
    dangerousHouse: trim(h.dangerous_house),
    waterSafe: trim(h.water_safe),
    waterDifficult: trim(h.water_difficult),
    members: [],
    exitIncome: null,
    cadres: [],
  };
}

/** Who holds which canonical ID number, from the persons the repository found (each person once). */
export function holdersFrom(rows: HolderRow[], today: Today): Map<string, Holder[]> {
  const holders = new Map<string, Holder[]>();
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.person_id)) continue;
    seen.add(r.person_id);
    const canonical = canonicalId(r.id_number.trim(), today).value;
    if (canonical === '') continue;
    const holder = { personId: r.person_id, householdId: r.household_id, householdNumber: r.household_number, name: r.name.trim() || '?' };
    const list = holders.get(canonical);
    if (list) list.push(holder);
    else holders.set(canonical, [holder]);
  }
  return holders;
}

/** Every way the same number may be written on the roll: for looking an ID number up. */
export function idSpellings(canonical: string): string[] {
  if (canonical === '') return [];
  const out = [canonical];
  if (canonical.endsWith('X')) out.push(canonical.slice(0, 17) + 'x');
  if (canonical.length === 18 && canonical.slice(6, 8) === '19') out.push(canonical.slice(0, 6) + canonical.slice(8, 17));
  return out;
}

export function envOf(today: Today, lines: RosterRows['lines'], holders: Map<string, Holder[]>, status: StatusRule, pairingsEntered = true): Env {
  return { today, lines: new Map(lines.map((l) => [l.year, l.amount_fen])), holders, status, pairingsEntered };
}

/** Households with their members (persons in household order), exit-year income and current cadres. */
export function assemble(rows: Omit<RosterRows, 'lines'>, today: Today): Household[] {
  const byId = new Map<string, Household>();
  const households = rows.households.map((r) => {
    const h = householdOf(r);
    byId.set(h.id, h);
    return h;
  });
  for (const p of rows.persons) {
    const h = byId.get(p[1]);
    if (h) h.members.push(memberOf(p, h.members.length + 1, today));
  }
  for (const i of rows.incomes) {
    const h = byId.get(i.household_id);
    if (h) h.exitIncome = i;
  }
  for (const p of rows.pairings) {
    const h = byId.get(p.household_id);
    if (h) h.cadres.push({ name: p.cadre_name, canonicalId: canonicalId(p.cadre_id_number.trim(), today).value });
  }
  return households;
}
