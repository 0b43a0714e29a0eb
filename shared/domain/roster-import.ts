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
  format: 'xlsx' | 'csv';
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

export interface ImportIssue {
  row: number;
  column: string | null;
  severity: 'error' | 'warning';
  rule: string;
  /** Chinese text, and the message key with its parameters for other languages. */
  message: string;
  key: string;
  params?: Record<string, string | number>;
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
  /** Findings by rule, for the summary. */
  byRule: { rule: string; severity: 'error' | 'warning'; count: number; example: string; key: string; params?: Record<string, string | number> }[];
  /** The first findings in row order (the error workbook has them all). */
  issues: ImportIssue[];
  issuesTotal: number;
  /** Values 值对照 replaced, with how many cells each. */
  mapped: { field: string; raw: string; code: string; count: number }[];
}

export interface ImportResult {
  villagesCreated: number;
  householdsWritten: number;
  personsWritten: number;
  personsRemoved: number;
}
