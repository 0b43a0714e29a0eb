/**
 * What the rules look at: a household with its members, its income of the exit year and its
 * current cadres, prepared once from the rows the repository loads (ID numbers parsed, ages
 * computed against the context's clock). Pure: no SQL here.
 */
import { normalizeIdNumber, parseIdNumber, type IdNumberProblem } from '../../../../shared/rules/id-number';
import type { HouseholdRow, IncomeRow, PairingRow, PersonRow } from './repo';

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
  /** Canonical ID number → the persons on the roll holding it. */
  holders: Map<string, Holder[]>;
}

export interface Finding {
  rule: string;
  key: string;
  params?: Record<string, string | number>;
}

export function canonicalId(raw: string, today: Today): { value: string; problem: IdNumberProblem | null; birthDate: string; gender: '' | '男' | '女' } {
  const r = parseIdNumber(raw, today.date);
  if (r.ok) return { value: r.info.value, problem: null, birthDate: r.info.birthDate, gender: r.info.gender };
  return { value: normalizeIdNumber(raw), problem: r.problem, birthDate: '', gender: '' };
}

/** Full years from a YYYY-MM-DD birth date to today; null when the date is unusable. */
export function ageOn(birth: string, today: Today): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birth);
  if (!m) return null;
  const by = Number(m[1]);
  const bm = Number(m[2]);
  const bd = Number(m[3]);
  let age = today.y - by;
  if (today.m < bm || (today.m === bm && today.d < bd)) age--;
  return age >= 0 ? age : null;
}

const trim = (s: string | null | undefined) => (s ?? '').trim();

export function memberOf(p: PersonRow, index: number, today: Today): Member {
  const rawId = trim(p.id_number);
  const id = canonicalId(rawId, today);
  const g = trim(p.gender);
  const birth = /^\d{4}-\d{2}-\d{2}$/.test(trim(p.birth_date)) ? trim(p.birth_date) : id.birthDate;
  const name = trim(p.name);
  return {
    id: p.id,
    index,
    name,
    label: name || `#${index}`,
    rawId,
    canonicalId: id.value,
    idProblem: id.problem,
    relation: trim(p.relation),
    gender: g === '男' || g === '女' ? g : id.gender,
    age: ageOn(birth, today),
    school: trim(p.school_status),
    health: trim(p.health),
    skill: trim(p.skill),
    work: trim(p.work_status),
    months: p.work_months,
    insured: trim(p.insured),
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

export function addHolder(holders: Map<string, Holder[]>, canonical: string, holder: Holder): void {
  if (canonical === '') return;
  const list = holders.get(canonical);
  if (list) list.push(holder);
  else holders.set(canonical, [holder]);
}

/** Every way the same number may be written on the roll: for looking one household's IDs up. */
export function idSpellings(canonical: string): string[] {
  const out = [canonical];
  if (canonical.endsWith('X')) out.push(canonical.slice(0, 17) + 'x');
  if (canonical.length === 18 && canonical.slice(6, 8) === '19') out.push(canonical.slice(0, 6) + canonical.slice(8, 17));
  return out;
}

/**
 * Households with their members, exit-year income and current cadres, plus the ID index, from
 * the rows of the repository (persons in household order). The holders index is only filled
 * when `holderRows` is not given (the county run); one household's check passes its lookups.
 */
export function assemble(
  rows: { households: HouseholdRow[]; persons: PersonRow[]; incomes: IncomeRow[]; pairings: PairingRow[]; lines: { year: number; amount_fen: number }[] },
  today: Today,
  holderRows?: { person_id: string; household_id: string; household_number: string; name: string; id_number: string }[],
): { households: Household[]; env: Env } {
  const byId = new Map<string, Household>();
  const households = rows.households.map((r) => {
    const h = householdOf(r);
    byId.set(h.id, h);
    return h;
  });
  const holders = new Map<string, Holder[]>();
  for (const p of rows.persons) {
    const h = byId.get(p.household_id);
    if (!h) continue;
    const m = memberOf(p, h.members.length + 1, today);
    h.members.push(m);
    if (!holderRows) addHolder(holders, m.canonicalId, { personId: m.id, householdId: h.id, householdNumber: h.number, name: m.name || '?' });
  }
  for (const r of holderRows ?? []) {
    addHolder(holders, canonicalId(r.id_number, today).value, { personId: r.person_id, householdId: r.household_id, householdNumber: r.household_number, name: r.name.trim() || '?' });
  }
  for (const i of rows.incomes) {
    const h = byId.get(i.household_id);
    if (h) h.exitIncome = i;
  }
  for (const p of rows.pairings) {
    const h = byId.get(p.household_id);
    if (h) h.cadres.push({ name: p.cadre_name, canonicalId: canonicalId(p.cadre_id_number, today).value });
  }
  return { households, env: { today, lines: new Map(rows.lines.map((l) => [l.year, l.amount_fen])), holders } };
}
