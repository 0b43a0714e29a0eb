/** Shapes shared by the roster importer's steps. */
import type { FieldKey } from '../../../shared/roster/layout';
import type { FindingGroup } from './import-report';

export interface SheetCell {
  kind: string; // 'string' | 'number' | 'boolean' | 'date' | 'error' | 'empty'
  text: string;
  number?: number;
}
export interface SheetRow {
  rowNumber: number;
  cells: SheetCell[];
}

/** error: the row is refused; warning: imported, worth a look; info: a value was read in a way worth saying (e.g. 「3,200元」 → 3200). */
export type Severity = 'error' | 'warning' | 'info';


/** Canonical text values of one household or person, as the importer compares them. */
export type Values = Partial<Record<FieldKey, string>>;

/**
 * The file's rows as the planner keeps them until the commit, column by column and without an
 * object per row: a field with one value per person (name, ID number, person number, phones)
 * as strings; every other field, whose values repeat (township, village, codes, years, money),
 * as indexes into one dictionary, in typed arrays outside the JavaScript heap. A county of a
 * million persons then holds a few strings per person and little for the garbage collector.
 */
export interface RowStore {
  fields: FieldKey[];
  column: Map<FieldKey, number>;
  /** How many rows are stored (the typed arrays may be longer). */
  length: number;
  /** Per field: the strings of a one-per-person field, else null. The ID number is the normalised one. */
  texts: (string[] | null)[];
  /** Per field: for a repeating field, each row's value as an index into `dict`, else null. */
  codes: (Int32Array | null)[];
  dict: string[];
  dictIndex: Map<string, number>;
  /** The sheet row number of each stored row. */
  row: Int32Array;
  /** The household size the row states (人数), -1 when none. */
  statedSize: Int32Array;
  /** Stored rows with an error of their own. */
  errors: Set<number>;
}

export interface PlannedHousehold {
  number: string;
  firstRow: number;
  townshipId: string;
  villageName: string;
  /** The members' stored rows, in file order; the household's own fields come from the first. */
  members: number[];
  action: 'add' | 'update' | 'unchanged';
  existingId?: string;
  /** No member is registered yet anywhere: the commit inserts without looking for conflicts. */
  allNew: boolean;
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
  /** The accepted and rejected rows' values (kept for the commit, never sent to the screen). */
  rows: RowStore;
  households: PlannedHousehold[];
  newVillages: { townshipId: string; townshipName: string; name: string }[];
  householdCounts: Counts;
  personCounts: Counts & { removed: number };
  /** The findings, grouped (import-report.ts), errors first. */
  groups: FindingGroup[];
  /** How many findings the groups hold. */
  findings: number;
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
