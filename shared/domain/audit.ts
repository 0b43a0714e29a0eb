/** 审计日志: entries as the screens, the CLI and the export show them. */

export const AUDIT_ACTIONS = ['insert', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Record types (the audited tables), grouped as the 审计日志 screen offers them. */
export const AUDIT_GROUPS = {
  roster: ['household', 'person', 'household_status', 'income', 'measure', 'pairing'],
  org: ['township', 'village', 'work_group', 'work_group_township', 'support_unit', 'support_unit_village', 'cadre', 'village_team', 'village_team_member'],
  ledger: ['ledger_item', 'ledger_progress', 'ledger_transition', 'ledger_evidence', 'monthly_task'],
  inspection: ['insp_template', 'insp_template_version', 'insp_round', 'insp_round_template', 'insp_group', 'insp_target', 'insp_score', 'insp_evidence'],
  settings: ['setting', 'account', 'code_item', 'value_map', 'poverty_line', 'wallchart_template'],
} as const;
export type AuditGroup = keyof typeof AUDIT_GROUPS;
export const AUDIT_GROUP_KEYS = Object.keys(AUDIT_GROUPS) as AuditGroup[];
export const AUDIT_RECORD_TYPES: readonly string[] = Object.values(AUDIT_GROUPS).flat();

export type AuditValue = string | number | null;

export interface AuditChange {
  field: string;
  before: AuditValue;
  after: AuditValue;
  /** A household member's change inside its household's entry (a roster import): the member's name and what happened to it. */
  member?: { name: string; action: AuditAction };
}

export interface AuditEntry {
  seq: number;
  at: string;
  /** Login (or the operator of 设置 in an office without accounts); '' when nobody was named. */
  operator: string;
  /** The account's name, else the operator as recorded. */
  operatorName: string;
  recordType: string;
  recordId: string;
  action: AuditAction;
  townshipName: string | null;
  householdId: string | null;
  /** 户主 and 户编号 of the household the record belongs to (when it still exists). */
  household: { number: string; headName: string } | null;
  /** Who the record is about, when that is a person or a named record (a member's name). */
  subject: string | null;
  changes: AuditChange[];
}

export interface AuditPage {
  entries: AuditEntry[];
  /** Entries matching the filter in all. */
  total: number;
  /** Pass as `beforeSeq` for the next page; null on the last. */
  nextBeforeSeq: number | null;
  /** ID and phone numbers are masked (viewers other than county administrators). */
  masked: boolean;
}

export interface AuditVerifyResult {
  checked: number;
  head: { seq: number; hash: string } | null;
  broken: { seq: number; reason: 'hash' | 'link' | 'gap' } | null;
}

/** Fields whose values are masked for non-administrators. */
export const MASKED_ID_FIELDS = new Set(['id_number']);
export const MASKED_PHONE_FIELDS = new Set(['phone']);
