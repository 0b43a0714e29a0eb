/** The roster's IPC calls (merged into the contract in contract.ts). */
import { z } from 'zod';
import { STATUS_KINDS } from '../roster/status';
import { byId, call, date, id, nothing, taskId, text, year } from './define';
import type {
  CodeItem,
  HouseholdDetail,
  PovertyLine,
  QualityResult,
  QualitySummary,
  RosterPage,
  RosterTotals,
  SearchHit,
  TaskProgress,
} from '../domain/roster';
import type { ImportInspect, ImportIssue, ImportPreview, ImportResult, ImportValues } from '../domain/roster-import';

const fen = z.number().int().min(-1e13).max(1e13);
const yesNo = z.enum(['', '是', '否']);

const filter = {
  townshipId: id.optional(),
  villageId: id.optional(),
  status: text(40).optional(),
  attribute: text(40).optional(),
  mainCause: text(40).optional(),
  exitYear: year.optional(),
  cadreId: id.optional(),
  flag: text(40).optional(),
  text: text(60).optional(),
};
export const rosterFilter = z.strictObject(filter);
const rosterQuery = z.strictObject({
  ...filter,
  sort: z.enum(['number', 'village', 'head', 'size', 'status', 'exitYear', 'income']).optional(),
  desc: z.boolean().optional(),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000),
});
const person = z.strictObject({
  id: id.optional(),
  number: text(40),
  name: text(40),
  idNumber: text(30),
  relation: text(20),
  gender: text(4).optional(),
  birthDate: text(10).optional(),
  ethnicity: text(20),
  education: text(20),
  schoolStatus: text(20),
  health: text(20),
  skill: text(20),
  workStatus: text(20),
  workMonths: z.number().int().nullable(),
  insured: yesNo,
  phone: text(30),
});
const household = z.strictObject({
  id: id.optional(),
  number: text(40),
  villageId: id,
  groupName: text(40),
  attribute: text(40),
  mainCause: text(40),
  secondaryCauses: z.array(text(40)).max(20),
  identifiedYear: year.nullable(),
  status: text(40),
  monitorType: text(40),
  plannedExitYear: year.nullable(),
  exitYear: year.nullable(),
  dangerousHouse: yesNo,
  waterSafe: yesNo,
  waterDifficult: yesNo,
  phone: text(30),
  members: z.array(person).min(1).max(30),
});
const statusChange = z.strictObject({ householdId: id, status: text(40), monitorType: text(40), effectiveDate: date, note: text(200) });
const income = z.strictObject({
  householdId: id,
  id: id.optional(),
  year,
  productionFen: fen,
  wageFen: fen,
  propertyFen: fen,
  transferFen: fen,
  costFen: fen,
});
const measure = z.strictObject({
  householdId: id,
  id: id.optional(),
  year,
  category: text(40),
  content: text(200),
  amountFen: fen.nullable(),
  supportUnitId: id.nullable(),
  date: date.nullable(),
});
const pairing = z.strictObject({ householdId: id, id: id.optional(), cadreId: id, startDate: date.nullable(), endDate: date.nullable() });
const searchInput = z.strictObject({ text: text(60), limit: z.number().int().min(1).max(200).optional() });
const codeSave = z.strictObject({ id: id.optional(), list: text(30), code: text(10), name: text(40), sort: z.number().int().min(0).max(10000), active: z.boolean(), kind: z.enum(STATUS_KINDS).nullable().optional() });
const lineSave = z.strictObject({ year, amountFen: fen });
const lineDelete = z.strictObject({ year });
const column = z.strictObject({ index: z.number().int().min(0).max(500), header: text(200), field: text(40).nullable() });
const importInspect = z.strictObject({ fileToken: id, sheet: z.number().int().min(0).max(200) });
const valueChoice = z.strictObject({ field: text(40), raw: text(200), code: text(40).nullable() });
const importValues = z.strictObject({ fileToken: id, sheet: z.number().int().min(0).max(200), columns: z.array(column).max(500), taskId });
const importPreview = z.strictObject({
  fileToken: id,
  sheet: z.number().int().min(0).max(200),
  columns: z.array(column).max(500),
  values: z.array(valueChoice).max(5000).optional(),
  confirmUnmapped: z.boolean().optional(),
  taskId,
});
const importCommit = z.strictObject({ token: id, taskId });
const importRow = z.strictObject({ token: id, row: z.number().int().min(1).max(2_000_000) });
const importErrors = z.strictObject({ token: id });
const exportInput = z.strictObject({ filter: rosterFilter, taskId });
const task = z.strictObject({ taskId });
const checkResults = z.strictObject({ rule: text(40).optional(), townshipId: id.optional(), offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) });

export const rosterContract = {
  'roster.query': call<typeof rosterQuery, RosterPage>(rosterQuery),
  'roster.totals': call<typeof rosterFilter, RosterTotals>(rosterFilter),
  'roster.search': call<typeof searchInput, SearchHit[]>(searchInput),
  'roster.household.get': call<typeof byId, HouseholdDetail>(byId),
  'roster.household.save': call<typeof household, HouseholdDetail>(household),
  'roster.household.delete': call<typeof byId, void>(byId),
  'roster.household.setStatus': call<typeof statusChange, HouseholdDetail>(statusChange),
  'roster.income.save': call<typeof income, HouseholdDetail>(income),
  'roster.income.delete': call<typeof byId, HouseholdDetail>(byId),
  'roster.measure.save': call<typeof measure, HouseholdDetail>(measure),
  'roster.measure.delete': call<typeof byId, HouseholdDetail>(byId),
  'roster.pairing.save': call<typeof pairing, HouseholdDetail>(pairing),
  'roster.pairing.delete': call<typeof byId, HouseholdDetail>(byId),
  'roster.codes.list': call<typeof nothing, CodeItem[]>(nothing),
  'roster.codes.save': call<typeof codeSave, CodeItem>(codeSave),
  'roster.lines.list': call<typeof nothing, PovertyLine[]>(nothing),
  'roster.lines.save': call<typeof lineSave, PovertyLine[]>(lineSave),
  'roster.lines.delete': call<typeof lineDelete, PovertyLine[]>(lineDelete),
  'roster.import.pickFile': call<typeof nothing, { fileToken: string; name: string } | null>(nothing),
  'roster.import.inspect': call<typeof importInspect, ImportInspect>(importInspect),
  'roster.import.values': call<typeof importValues, ImportValues>(importValues),
  'roster.import.preview': call<typeof importPreview, ImportPreview>(importPreview),
  'roster.import.row': call<typeof importRow, ImportIssue[]>(importRow),
  'roster.import.commit': call<typeof importCommit, ImportResult>(importCommit),
  'roster.import.saveErrors': call<typeof importErrors, { name: string } | null>(importErrors),
  'roster.export': call<typeof exportInput, { name: string; households: number; persons: number } | null>(exportInput),
  'roster.check.run': call<typeof task, QualitySummary>(task),
  'roster.check.summary': call<typeof nothing, QualitySummary>(nothing),
  'roster.check.results': call<typeof checkResults, { total: number; rows: QualityResult[] }>(checkResults),
  'tasks.progress': call<typeof task, TaskProgress | null>(task),
  'tasks.cancel': call<typeof task, void>(task),
};


export type RosterQueryInput = z.output<typeof rosterQuery>;
export type RosterFilterInput = z.output<typeof rosterFilter>;
export type HouseholdInput = z.output<typeof household>;
export type StatusChangeInput = z.output<typeof statusChange>;
export type IncomeInput = z.output<typeof income>;
export type MeasureInput = z.output<typeof measure>;
export type PairingInput = z.output<typeof pairing>;
export type CodeSaveInput = z.output<typeof codeSave>;
export type ColumnInput = z.output<typeof column>;
