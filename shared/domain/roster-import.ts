/** What the import screens show: the file's mapping, the preview, the result. */

export interface ImportColumn {
  /** 0-based column index in the sheet. */
  index: number;
  header: string;
  /** The roster field (shared/roster/layout.ts FieldKey) or null: not imported. */
  field: string | null;
}

export interface ImportInspect {
  name: string;
  format: 'xlsx' | 'xls' | 'csv';
  sheets: string[];
  sheet: number;
  headerRow: number;
  columns: ImportColumn[];
  duplicates: { header: string; columns: number[] }[];
  sample: string[][];
}

/** 值对照: one code value the file uses that the office's list does not have. */
export interface ImportUnknownValue {
  /** The roster field (FieldKey) and its code list. */
  field: string;
  list: string;
  raw: string;
  count: number;
  firstRow: number;
  /** The suggested list entry (null: none); where the suggestion comes from. */
  suggestion: string | null;
  source: 'remembered' | 'known' | 'similar' | null;
}

export interface ImportValues {
  values: ImportUnknownValue[];
  /** Fields with more distinct unknown values than listed, and how many more. */
  more: { field: string; count: number }[];
  /** The office's active entries of each list concerned. */
  entries: Record<string, string[]>;
}

export type ImportSeverity = 'error' | 'warning' | 'info';

/** One finding of one row (the 「定位到行」 lookup). */
export interface ImportIssue {
  row: number;
  column: string | null;
  severity: ImportSeverity;
  rule: string;
  /** Chinese text, and the message key with its parameters for other languages. */
  message: string;
  key: string;
  params?: Record<string, string | number>;
}

/** Findings grouped by rule, column and value: one line of the report. */
export interface ImportGroup {
  rule: string;
  severity: ImportSeverity;
  column: string | null;
  key: string;
  params?: Record<string, string | number>;
  /** The first finding's message (personal data masked). */
  message: string;
  /** Findings (处) in the group, and the distinct rows they concern. */
  count: number;
  rowCount: number;
  /** The first rows, in sheet order (all of them are in the error workbook). */
  rows: number[];
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportPreview {
  /** Commit with this; a new preview, or any change to the data, invalidates it. */
  token: string;
  name: string;
  rows: number;
  households: ImportCounts;
  persons: ImportCounts & { removed: number };
  newVillages: { township: string; village: string }[];
  errorRows: number;
  warningRows: number;
  /** The findings grouped, errors first, then warnings, then notes. */
  groups: ImportGroup[];
  /** How many findings the groups hold. */
  findings: number;
  /** Values 值对照 replaced, with how many cells each. */
  mapped: { field: string; raw: string; code: string; count: number }[];
}

export interface ImportResult {
  villagesCreated: number;
  householdsWritten: number;
  personsWritten: number;
  personsRemoved: number;
}
