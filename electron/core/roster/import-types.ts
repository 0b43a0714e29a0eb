/** Shapes shared by the roster importer's steps. */
import type { FieldKey } from '../../../shared/roster/layout';

export interface SheetCell {
  kind: string; // 'string' | 'number' | 'boolean' | 'date' | 'error' | 'empty'
  text: string;
  number?: number;
}
export interface SheetRow {
  rowNumber: number;
  cells: SheetCell[];
}

export type Severity = 'error' | 'warning';

/** One finding, at a sheet row (and column, when it concerns one). */
export interface Issue {
  row: number;
  column?: string;
  field?: FieldKey;
  severity: Severity;
  /** A stable rule code, e.g. ID_INVALID, for reports and filters. */
  rule: string;
  key: string;
  params?: Record<string, string | number>;
  message: string;
  householdNumber?: string;
}

/** Canonical text values of one household or person, as the importer compares them. */
export type Values = Partial<Record<FieldKey, string>>;

export interface PlannedPerson {
  row: number;
  values: Values; // person-level fields, canonical
  idNumber: string;
  birthDate: string;
  gender: string;
}

export interface PlannedHousehold {
  number: string;
  firstRow: number;
  rows: number[];
  townshipId: string;
  villageName: string;
  values: Values; // household-level fields, canonical
  members: PlannedPerson[];
  action: 'add' | 'update' | 'unchanged';
  existingId?: string;
}

export interface Counts {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportPlan {
  file: string;
  sheetRows: number;
  /** The fields the file maps: only these are written on update. */
  fields: FieldKey[];
  households: PlannedHousehold[];
  newVillages: { townshipId: string; townshipName: string; name: string }[];
  householdCounts: Counts;
  personCounts: Counts & { removed: number };
  issues: Issue[];
  rejectedRows: number[];
}

/** What the importer needs to know about the database before it plans. */
export interface ImportContext {
  townshipsByName: Map<string, { id: string; name: string; code: string }>;
  /** `${townshipId}|${villageName}` → village id */
  villages: Map<string, string>;
  /** list name → active names (canonical) */
  codes: Map<string, Set<string>>;
  /** id number → household number, for every person already registered */
  personHousehold: Map<string, string>;
  /** household number → { id, head, signature over the mapped fields } */
  households: Map<string, { id: string; head: string; signature: string }>;
}
