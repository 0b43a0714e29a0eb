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
}

export interface ImportResult {
  villagesCreated: number;
  householdsWritten: number;
  personsWritten: number;
  personsRemoved: number;
}
