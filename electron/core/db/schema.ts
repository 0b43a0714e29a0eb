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

export interface DB {
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
