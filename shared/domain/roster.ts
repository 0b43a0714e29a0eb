/** The household roster as the renderer and the CLI see it. Money is integer 分 (fen). */
import type { StatusKind } from '../roster/status';

export type YesNo = '' | '是' | '否';

export interface PersonRecord {
  id?: string;
  number: string;
  name: string;
  idNumber: string;
  relation: string;
  /** Derived from the ID number; shown, never typed. */
  gender?: string;
  birthDate?: string;
  ethnicity: string;
  education: string;
  schoolStatus: string;
  health: string;
  skill: string;
  workStatus: string;
  workMonths: number | null;
  insured: YesNo;
  phone: string;
}

export interface HouseholdRecord {
  id?: string;
  number: string;
  villageId: string;
  groupName: string;
  attribute: string;
  mainCause: string;
  secondaryCauses: string[];
  identifiedYear: number | null;
  status: string;
  monitorType: string;
  plannedExitYear: number | null;
  exitYear: number | null;
  dangerousHouse: YesNo;
  waterSafe: YesNo;
  waterDifficult: YesNo;
  phone: string;
  members: PersonRecord[];
}

export interface IncomeRecord {
  id?: string;
  year: number;
  productionFen: number;
  wageFen: number;
  propertyFen: number;
  transferFen: number;
  costFen: number;
}

export interface IncomeRow extends IncomeRecord {
  id: string;
  /** (all income − production cost) / household size: computed, never typed. */
  netPerCapitaFen: number;
  /** The poverty line of that year, if the office has entered it. */
  lineFen: number | null;
}

export interface MeasureRecord {
  id?: string;
  year: number;
  category: string;
  content: string;
  amountFen: number | null;
  supportUnitId: string | null;
  date: string | null;
}

export interface PairingRecord {
  id?: string;
  cadreId: string;
  startDate: string | null;
  endDate: string | null;
}

export interface StatusChange {
  id: string;
  status: string;
  monitorType: string;
  effectiveDate: string;
  note: string;
  updatedBy: string;
  updatedAt: string;
}

/** A message by key and parameters (shared/i18n), formatted in the reader's language. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}

export interface QualityFlag {
  rule: string;
  title: string;
  severity: 'error' | 'warning';
  /** The findings joined, in Chinese. */
  detail: string;
  /** The same findings as message keys, for the English screens (empty for results stored before they were kept). */
  details: MessageRef[];
}

export interface HouseholdDetail extends HouseholdRecord {
  id: string;
  townshipId: string;
  townshipName: string;
  villageName: string;
  headName: string;
  size: number;
  /** 人均纯收入 as the national system reported it (import), when no income rows exist. */
  reportedIncomeFen: number | null;
  members: (PersonRecord & { id: string; gender: string; birthDate: string })[];
  incomes: IncomeRow[];
  measures: (MeasureRecord & { id: string; supportUnitName: string | null })[];
  pairings: (PairingRecord & { id: string; cadreName: string; cadreUnit: string; cadrePhone: string })[];
  history: StatusChange[];
  flags: QualityFlag[];
  updatedAt: string;
  updatedBy: string;
}

export interface RosterRow {
  id: string;
  number: string;
  townshipName: string;
  villageName: string;
  groupName: string;
  headName: string;
  headIdNumber: string;
  size: number;
  status: string;
  attribute: string;
  mainCause: string;
  exitYear: number | null;
  plannedExitYear: number | null;
  phone: string;
  cadreNames: string;
  /** Latest computed 人均纯收入, or the reported one. */
  netIncomeFen: number | null;
  flagCount: number;
}

export interface RosterFilter {
  townshipId?: string;
  villageId?: string;
  status?: string;
  attribute?: string;
  mainCause?: string;
  exitYear?: number;
  cadreId?: string;
  /** A data-quality rule code: households it flags. */
  flag?: string;
  /** Name, full ID number, last 4–6 ID digits, household number or phone. */
  text?: string;
}

export type RosterSortColumn = 'number' | 'village' | 'head' | 'size' | 'status' | 'exitYear' | 'income';

export interface RosterQuery extends RosterFilter {
  sort?: RosterSortColumn;
  desc?: boolean;
  offset: number;
  limit: number;
}

export interface RosterPage {
  total: number;
  rows: RosterRow[];
}

export interface VillageTotals {
  villageId: string;
  villageName: string;
  townshipName: string;
  households: number;
  persons: number;
  remainingPersons: number;
  population: number | null;
  /** Poverty incidence in per-mille of the village population (remaining poor persons), when population is set. */
  incidencePermille: number | null;
}

export interface RosterTotals {
  households: number;
  persons: number;
  exitedHouseholds: number;
  exitedPersons: number;
  remainingHouseholds: number;
  remainingPersons: number;
  /** Under monitoring (监测对象, a 监测对象类型, or 预脱贫), exited or not; struck-off households excluded. */
  monitoredHouseholds: number;
  monitoredPersons: number;
  villages: VillageTotals[];
}

export interface SearchHit {
  personId: string;
  name: string;
  idNumber: string;
  relation: string;
  householdId: string;
  householdNumber: string;
  headName: string;
  villageName: string;
  townshipName: string;
  matched: 'name' | 'idNumber' | 'idSuffix' | 'household' | 'phone';
}

export interface CodeItem {
  id: string;
  list: string;
  code: string;
  name: string;
  sort: number;
  active: boolean;
  /** 脱贫状态 only: what the status counts as (shared/roster/status.ts); null elsewhere. */
  kind: StatusKind | null;
}

export interface PovertyLine {
  year: number;
  amountFen: number;
}


export interface QualityRuleSummary {
  rule: string;
  title: string;
  severity: 'error' | 'warning';
  count: number;
}

export interface QualitySummary {
  ranAt: string | null;
  households: number;
  /** False while no pairing has been entered: 无帮扶责任人 is then not checked (and the screen says why). */
  pairingsEntered: boolean;
  flaggedHouseholds: number;
  byRule: QualityRuleSummary[];
  byTownship: { townshipId: string; townshipName: string; count: number }[];
}

export interface QualityResult {
  rule: string;
  title: string;
  severity: 'error' | 'warning';
  householdId: string;
  householdNumber: string;
  headName: string;
  villageName: string;
  townshipName: string;
  /** The findings joined, in Chinese. */
  detail: string;
  /** The same findings as message keys (empty for results stored before they were kept). */
  details: MessageRef[];
}

/** Progress of a long call (import, export, checks), polled by the renderer while it waits. */
export interface TaskProgress {
  phase: string;
  done: number;
  total: number;
}
