/** Table types for Kysely: the single source of column names and types for the repositories. */
import type { ColumnType } from 'kysely';

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
export interface AccountTable extends Stamped {
  id: string;
  login: string;
  name: string;
  role: 'admin' | 'township' | 'readonly';
  township_id: string | null;
  password_hash: string;
  active: number;
  failed_count: number;
  retry_after: string | null;
  version: number;
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

export interface DB extends RosterDB, InspectionDB {
  // wall-chart templates (0008)
  wallchart_template: WallchartTemplateTable;
  // rectification ledger and monthly tasks (0010)
  ledger_item: LedgerItemTable;
  ledger_progress: LedgerProgressTable;
  ledger_transition: LedgerTransitionTable;
  ledger_evidence: LedgerEvidenceTable;
  monthly_task: MonthlyTaskTable;
  setting: SettingTable;
  township: TownshipTable;
  account: AccountTable;
  village: VillageTable;
  work_group: WorkGroupTable;
  work_group_township: WorkGroupTownshipTable;
  support_unit: SupportUnitTable;
  support_unit_village: SupportUnitVillageTable;
  cadre: CadreTable;
  village_team: VillageTeamTable;
  village_team_member: VillageTeamMemberTable;
  audit_log: AuditLogTable;
}

/** 审计日志 (migration 0016): written by triggers only, never updated or deleted. */
export interface AuditLogTable {
  seq: number;
  at: string;
  operator: string;
  record_type: string;
  record_id: string;
  action: 'insert' | 'update' | 'delete';
  township_id: string | null;
  household_id: string | null;
  changes: string;
  prev_hash: string | null;
  hash: string;
}

export interface CodeItemTable extends Stamped {
  id: string;
  list: string;
  code: string;
  name: string;
  sort: number;
  active: number;
  /** 脱贫状态 only (migration 0012): what the status counts as. */
  kind: 'open' | 'exited' | 'cancelled' | null;
}
/** What an import maps a file's unknown code value to (migration 0013); code_name null: kept as is. */
export interface ValueMapTable extends Stamped {
  id: string;
  list: string;
  raw: string;
  code_name: string | null;
  version: number;
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
  /** Township code, village code, group, number (migration 0007; kept by triggers, optional on insert). */
  sort_key: ColumnType<string, string | undefined, string | undefined>;
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
  /** JSON array of { key, params }: the findings as message keys (migration 0007). */
  details: ColumnType<string, string | undefined, string>;
  created_at: string;
}

export interface RosterDB {
  quality_result: QualityResultTable;
  code_item: CodeItemTable;
  value_map: ValueMapTable;
  poverty_line: PovertyLineTable;
  household: HouseholdTable;
  person: PersonTable;
  household_status: HouseholdStatusTable;
  income: IncomeTable;
  measure: MeasureTable;
  pairing: PairingTable;
}

/** Rectification ledger and monthly tasks (migration 0010). */
export interface LedgerItemTable extends Stamped {
  id: string;
  seq: number;
  source_kind: 'inspection' | 'self_check' | 'notice' | 'other';
  source_text: string;
  source_round_id: string | null;
  source_target_id: string | null;
  source_item_id: string | null;
  category: string;
  description: string;
  measures: string;
  lead_unit: string;
  responsible_unit: string;
  responsible_person: string;
  deadline: string;
  status: 'pending' | 'in_progress' | 'awaiting_check' | 'closed';
  closed_date: string | null;
  verify_note: string | null;
  verified_by: string | null;
  verified_date: string | null;
}
export interface LedgerProgressTable extends Stamped {
  id: string;
  item_id: string;
  note: string;
}
export interface LedgerTransitionTable extends Stamped {
  id: string;
  item_id: string;
  from_status: string;
  to_status: string;
  note: string;
}
export interface LedgerEvidenceTable extends Stamped {
  id: string;
  item_id: string;
  original_name: string;
  sha256: string;
  size: number;
  stored_path: string;
}
export interface MonthlyTaskTable extends Stamped {
  id: string;
  month: string;
  seq: number;
  title: string;
  unit: string;
  deadline: string;
  done_date: string | null;
  done_note: string | null;
}

/** Wall-chart templates (migration 0008); `body` is the template JSON. */
export interface WallchartTemplateTable extends Stamped {
  id: string;
  name: string;
  builtin: string | null;
  kind: string;
  level: 'village' | 'township' | 'county';
  version: number;
  body: string;
}

/** 督查考核 (migration 0009): points in integer tenths. */
export interface InspectionDB {
  insp_template: { id: string; target_type: string; name: string; version: number } & Stamped;
  insp_template_version: { id: string; template_id: string; version: number; name: string; sections: string; total_max: number } & Stamped;
  insp_round: { id: string; name: string; period_start: string; period_end: string; theme: string; status: 'open' | 'finished'; finished_at: string | null } & Stamped;
  insp_round_template: { round_id: string; target_type: string; version_id: string };
  insp_group: { id: string; round_id: string; name: string; inspectors: string; sort: number } & Stamped;
  insp_target: {
    id: string;
    round_id: string;
    target_type: string;
    ref_id: string | null;
    name: string;
    group_id: string | null;
    done: number;
    self_score: number | null;
    total: number | null;
    deducted_items: number;
    vetoed: number;
    sort: number;
  } & Stamped;
  insp_score: { id: string; target_id: string; item_id: string; value: number | null; note: string; ledger_item_id: string | null; ledger_seq: number | null } & Stamped;
  insp_evidence: { id: string; target_id: string; item_id: string | null; original_name: string; sha256: string; size: number; stored_path: string } & Stamped;
}
