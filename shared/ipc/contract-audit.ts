/** 审计日志: the log's pages, a household's history, the chain check and the export. */
import { z } from 'zod';
import { call, date, id, nothing, taskId, text } from './define';
import { AUDIT_RECORD_TYPES, type AuditPage, type AuditVerifyResult } from '../domain/audit';

export const auditQuery = z.strictObject({
  operator: text(100).optional(),
  recordTypes: z
    .array(z.string().refine((t) => AUDIT_RECORD_TYPES.includes(t), '未知的记录类型'))
    .max(AUDIT_RECORD_TYPES.length)
    .optional(),
  from: date.optional(),
  to: date.optional(),
  townshipId: id.optional(),
  householdId: id.optional(),
});

const listInput = z.strictObject({
  filter: auditQuery.default({}),
  beforeSeq: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(500).optional(),
});
const exportInput = z.strictObject({ filter: auditQuery, taskId });
const verifyInput = z.strictObject({ taskId });

export interface AuditOperator {
  operator: string;
  name: string | null;
}

export const auditContract = {
  'audit.list': call<typeof listInput, AuditPage>(listInput),
  /** Who appears in the log (the operator filter's choices). */
  'audit.options': call<typeof nothing, AuditOperator[]>(nothing),
  'audit.verify': call<typeof verifyInput, AuditVerifyResult & { message: string }>(verifyInput),
  /** Asks where to save (a file dialog), then writes every matching entry to an xlsx file. */
  'audit.export': call<typeof exportInput, { name: string; rows: number; masked: boolean } | null>(exportInput),
};
