/** 督查考核's IPC calls (merged into the contract in contract.ts). Points are integer tenths. */
import { z } from 'zod';
import { byId, call, date, id, nothing, taskId, text } from './define';
import type {
  Candidate,
  LatestRanking,
  RoundDetail,
  RoundResults,
  RoundSummary,
  TargetSheet,
  TemplateDetail,
} from '../domain/inspection';
import type { LedgerItem } from '../domain/ledger';

const tenths = z.number().int().min(-100_000).max(100_000);
const item = z.strictObject({
  id: z.string().max(64),
  title: text(200),
  mode: z.enum(['points', 'deduct', 'passfail', 'veto']),
  max: tenths,
  per: tenths,
  guidance: text(1000),
});
const templateInput = z.strictObject({
  id: id.optional(),
  targetType: text(40),
  name: text(100),
  sections: z.array(z.strictObject({ title: text(200), items: z.array(item).max(300) })).max(50),
});
const roundInput = z.strictObject({
  name: text(100),
  periodStart: date,
  periodEnd: date,
  theme: text(40),
  targets: z.array(z.strictObject({ type: text(40), refId: id.nullable(), name: text(100).optional(), group: z.number().int().min(0).max(500).nullable().optional() })).max(5000),
  groups: z.array(z.strictObject({ name: text(60), inspectors: z.array(text(40)).max(50) })).max(200),
  templateIds: z.array(z.strictObject({ type: text(40), templateId: id })).max(50).optional(),
});
const sheetInput = z.strictObject({
  targetId: id,
  selfScore: tenths.nullable(),
  scores: z.array(z.strictObject({ itemId: z.string().max(64), value: z.number().int().min(-100_000).max(100_000).nullable(), note: text(1000) })).max(300),
});
const findingInput = z.strictObject({
  roundId: id,
  targetId: id,
  itemId: z.string().max(64),
  category: text(40),
  deadline: date,
  measures: text(2000).optional(),
  leadUnit: text(100).optional(),
  responsiblePerson: text(60).optional(),
});
const roundRef = z.strictObject({ roundId: id });
const assignInput = z.strictObject({ targetId: id, groupId: id.nullable() });
const targetRef = z.strictObject({ targetId: id });
const evidenceInput = z.strictObject({ targetId: id, itemId: z.string().max(64).nullable() });
const roundTask = z.strictObject({ roundId: id, taskId });
const bulletinInput = z.strictObject({ roundId: id, taskId, topN: z.number().int().min(1).max(10) });

export const inspectionContract = {
  'inspection.templates.list': call<typeof nothing, TemplateDetail[]>(nothing),
  'inspection.templates.save': call<typeof templateInput, TemplateDetail>(templateInput),
  'inspection.templates.delete': call<typeof byId, void>(byId),
  'inspection.templates.export': call<typeof byId, { name: string } | null>(byId),
  'inspection.templates.import': call<typeof nothing, TemplateDetail | null>(nothing),
  'inspection.rounds.list': call<typeof nothing, RoundSummary[]>(nothing),
  'inspection.rounds.candidates': call<typeof nothing, Candidate[]>(nothing),
  'inspection.rounds.create': call<typeof roundInput, RoundDetail>(roundInput),
  'inspection.rounds.get': call<typeof byId, RoundDetail>(byId),
  'inspection.rounds.assign': call<typeof assignInput, RoundDetail>(assignInput),
  'inspection.rounds.finish': call<typeof byId, RoundDetail>(byId),
  'inspection.rounds.reopen': call<typeof byId, RoundDetail>(byId),
  'inspection.rounds.delete': call<typeof byId, void>(byId),
  'inspection.sheet.get': call<typeof targetRef, TargetSheet>(targetRef),
  'inspection.sheet.save': call<typeof sheetInput, TargetSheet>(sheetInput),
  'inspection.evidence.add': call<typeof evidenceInput, TargetSheet | null>(evidenceInput),
  'inspection.evidence.open': call<typeof byId, void>(byId),
  'inspection.evidence.remove': call<typeof byId, TargetSheet>(byId),
  'inspection.results': call<typeof roundRef, RoundResults>(roundRef),
  'inspection.results.export': call<typeof roundTask, { name: string } | null>(roundTask),
  'inspection.bulletin': call<typeof bulletinInput, { name: string; pages: number } | null>(bulletinInput),
  'inspection.finding.options': call<typeof nothing, { categories: string[]; units: string[]; people: string[]; today: string }>(nothing),
  'inspection.finding.toLedger': call<typeof findingInput, LedgerItem>(findingInput),
  'inspection.latest': call<typeof nothing, LatestRanking | null>(nothing),
};

export type TemplateInputIpc = z.output<typeof templateInput>;
