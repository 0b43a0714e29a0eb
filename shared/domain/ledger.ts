/** Rectification ledger (整改台账) and monthly responsibility breakdown (工作责任分解表): domain.md §5–6. */

export const LEDGER_SOURCE_KINDS = ['inspection', 'self_check', 'notice', 'other'] as const;
/** 督查考核 / 自查 / 上级通报 / 其他 */
export type LedgerSourceKind = (typeof LEDGER_SOURCE_KINDS)[number];

/** Where an inspection-raised item came from (the inspection helper's ids). */
export interface LedgerSourceRef {
  roundId: string;
  targetId: string;
  itemId: string;
}

export const LEDGER_STATUSES = ['pending', 'in_progress', 'awaiting_check', 'closed'] as const;
/** 待整改 → 整改中 → 待验收 → 已销号 (reopen: 已销号 → 整改中 with a reason). */
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

/** The six special actions: the default 问题类别 list (editable, code list `ledgerCategory`). */
export const DEFAULT_LEDGER_CATEGORIES = ['精准识别', '精准退出', '精准帮扶', '政策落实', '资金使用', '作风问题'] as const;

/** What a caller (the ledger form, an inspection deduction, the CLI, seed) provides for a new item. */
export interface LedgerItemInput {
  sourceKind: LedgerSourceKind;
  /** 问题来源, in words: e.g. "2026年第一季度督查·酿溪镇". */
  sourceText: string;
  sourceRef?: LedgerSourceRef | null;
  /** 问题类别: one of the category list's names. */
  category: string;
  /** 问题描述 */
  description: string;
  /** 整改措施 */
  measures: string;
  /** 牵头单位 */
  leadUnit: string;
  /** 责任单位: a township / unit name or free text. */
  responsibleUnit: string;
  /** 责任人 */
  responsiblePerson: string;
  /** 整改时限, YYYY-MM-DD; not before the creation date. */
  deadline: string;
}

export interface LedgerVerification {
  note: string;
  by: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface LedgerItem extends Required<Omit<LedgerItemInput, 'sourceRef'>> {
  id: string;
  /** 序号: stable running number, never reused. */
  seq: number;
  sourceRef: LedgerSourceRef | null;
  status: LedgerStatus;
  /** 销号日期 (YYYY-MM-DD) while closed. */
  closedDate: string | null;
  verification: LedgerVerification | null;
  /** Latest progress note (整改进展), for the table. */
  lastProgress: string | null;
  progressCount: number;
  evidenceCount: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface LedgerProgress {
  id: string;
  itemId: string;
  note: string;
  by: string;
  at: string; // ISO
}

export interface LedgerTransition {
  id: string;
  itemId: string;
  from: LedgerStatus;
  to: LedgerStatus;
  note: string;
  by: string;
  at: string; // ISO
}

export interface LedgerEvidence {
  id: string;
  itemId: string;
  originalName: string;
  sha256: string;
  size: number;
  by: string;
  at: string;
}

export interface LedgerItemDetail {
  item: LedgerItem;
  progress: LedgerProgress[];
  transitions: LedgerTransition[];
  evidence: LedgerEvidence[];
}

/** Views of domain.md §6. */
export const LEDGER_VIEWS = ['all', 'overdue', 'due10', 'due20', 'closed'] as const;
export type LedgerView = (typeof LEDGER_VIEWS)[number];

export interface LedgerFilter {
  view: LedgerView;
  sourceKind?: LedgerSourceKind;
  category?: string;
  unit?: string;
  person?: string;
  /** Free text over description, measures, source, units and person. */
  text?: string;
}

export interface LedgerList {
  items: LedgerItem[];
  /** Count per view under the same filters (for the tabs). */
  counts: Record<LedgerView, number>;
  /** The date "today" used for the views (YYYY-MM-DD). */
  today: string;
}

// ---------------------------------------------------------------------------------------------
// Monthly work responsibility breakdown (工作责任分解表)

export interface MonthlyTaskInput {
  /** YYYY-MM */
  month: string;
  title: string;
  /** 责任单位 (department or township name). */
  unit: string;
  /** YYYY-MM-DD */
  deadline: string;
}

export interface MonthlyTask {
  id: string;
  month: string;
  seq: number;
  title: string;
  unit: string;
  deadline: string;
  doneDate: string | null;
  doneNote: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface UnitCompletion {
  unit: string;
  assigned: number;
  done: number;
  doneOnTime: number;
  /** doneOnTime / assigned, 0..1 */
  rate: number;
  rank: number;
}

export interface MonthlyAssessment {
  month: string;
  units: UnitCompletion[];
  assigned: number;
  doneOnTime: number;
}

/** Home page summary. */
export interface LedgerHome {
  today: string;
  overdue: LedgerItem[];
  overdueCount: number;
  dueThisWeek: { kind: 'ledger' | 'task'; id: string; title: string; unit: string; deadline: string }[];
}
