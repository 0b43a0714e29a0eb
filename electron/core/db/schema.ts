/** Table types for Kysely: the single source of column names and types for the repositories. */

interface Stamped {
  created_at: string;
  updated_at: string;
  updated_by: string;
}

export interface SettingTable {
  key: string;
  value: string;
  updated_at: string;
  updated_by: string;
}
export interface TownshipTable extends Stamped {
  id: string;
  code: string;
  name: string;
}
export interface VillageTable extends Stamped {
  id: string;
  township_id: string;
  code: string;
  name: string;
  is_poor: number;
  population: number | null;
}
export interface WorkGroupTable extends Stamped {
  id: string;
  name: string;
  leader: string;
}
export interface WorkGroupTownshipTable {
  group_id: string;
  township_id: string;
}
export interface SupportUnitTable extends Stamped {
  id: string;
  name: string;
}
export interface SupportUnitVillageTable {
  unit_id: string;
  village_id: string;
}
export interface CadreTable extends Stamped {
  id: string;
  name: string;
  gender: '男' | '女';
  id_number: string;
  unit: string;
  post: string;
  phone: string;
}
export interface VillageTeamTable extends Stamped {
  id: string;
  village_id: string;
  support_unit_id: string | null;
  captain_id: string;
  term_start: string | null;
  term_end: string | null;
}
export interface VillageTeamMemberTable {
  team_id: string;
  cadre_id: string;
}

export interface DB extends RosterDB {
  setting: SettingTable;
  township: TownshipTable;
  village: VillageTable;
  work_group: WorkGroupTable;
  work_group_township: WorkGroupTownshipTable;
  support_unit: SupportUnitTable;
  support_unit_village: SupportUnitVillageTable;
  cadre: CadreTable;
  village_team: VillageTeamTable;
  village_team_member: VillageTeamMemberTable;
}

export interface CodeItemTable extends Stamped {
  id: string;
  list: string;
  code: string;
  name: string;
  sort: number;
  active: number;
}
export interface PovertyLineTable {
  year: number;
  amount_fen: number;
  updated_at: string;
  updated_by: string;
}
export interface HouseholdTable extends Stamped {
  id: string;
  number: string;
  village_id: string;
  group_name: string;
  attribute: string;
  main_cause: string;
  secondary_causes: string;
  identified_year: number | null;
  status: string;
  monitor_type: string;
  planned_exit_year: number | null;
  exit_year: number | null;
  dangerous_house: string;
  water_safe: string;
  water_difficult: string;
  reported_income_fen: number | null;
  phone: string;
  head_name: string;
  size: number;
}
export interface PersonTable extends Stamped {
  id: string;
  household_id: string;
  number: string;
  name: string;
  id_number: string;
  id_rev: string;
  relation: string;
  gender: string;
  birth_date: string;
  ethnicity: string;
  education: string;
  school_status: string;
  health: string;
  skill: string;
  work_status: string;
  work_months: number | null;
  insured: string;
  phone: string;
  sort: number;
}
export interface HouseholdStatusTable extends Stamped {
  id: string;
  household_id: string;
  status: string;
  monitor_type: string;
  effective_date: string;
  note: string;
}
export interface IncomeTable extends Stamped {
  id: string;
  household_id: string;
  year: number;
  production_fen: number;
  wage_fen: number;
  property_fen: number;
  transfer_fen: number;
  cost_fen: number;
}
export interface MeasureTable extends Stamped {
  id: string;
  household_id: string;
  year: number;
  category: string;
  content: string;
  amount_fen: number | null;
  support_unit_id: string | null;
  date: string | null;
}
export interface PairingTable extends Stamped {
  id: string;
  cadre_id: string;
  household_id: string;
  start_date: string | null;
  end_date: string | null;
}

/** Data-quality findings of the last run (migration 0005). */
export interface QualityResultTable {
  id: number;
  household_id: string;
  rule: string;
  detail: string;
  created_at: string;
}

export interface RosterDB {
  quality_result: QualityResultTable;
  code_item: CodeItemTable;
  poverty_line: PovertyLineTable;
  household: HouseholdTable;
  person: PersonTable;
  household_status: HouseholdStatusTable;
  income: IncomeTable;
  measure: MeasureTable;
  pairing: PairingTable;
}
