/** The rectification ledger's and the monthly breakdown's IPC calls (merged in contract.ts). */
import { z } from 'zod';
import { byId, call, date, id, nothing, taskId, text } from './define';
import {
  LEDGER_SOURCE_KINDS,
  LEDGER_STATUSES,
  LEDGER_VIEWS,
  type LedgerHome,
  type LedgerItem,
  type LedgerItemDetail,
  type LedgerList,
  type MonthlyTask,
  type MonthlyAssessment,
} from '../domain/ledger';

const month = z.string().regex(/^\d{4}-\d{2}$/, '月份格式应为 YYYY-MM');

const filterFields = {
  sourceKind: z.enum(LEDGER_SOURCE_KINDS).optional(),
  category: text(40).optional(),
  unit: text(100).optional(),
  person: text(60).optional(),
  text: text(100).optional(),
};
const ledgerFilter = z.strictObject({ view: z.enum(LEDGER_VIEWS).default('all'), ...filterFields });
const itemFields = {
  sourceKind: z.enum(LEDGER_SOURCE_KINDS),
  sourceText: text(200),
  sourceRef: z.strictObject({ roundId: id, targetId: id, itemId: id }).nullable().optional(),
  category: text(40),
  description: text(2000),
  measures: text(2000),
  leadUnit: text(100),
  responsibleUnit: text(100),
  responsiblePerson: text(60),
  deadline: text(10),
};
const itemCreate = z.strictObject(itemFields);
const itemUpdate = z.strictObject({ id, expectedUpdatedAt: text(40).optional(), ...itemFields });
const progressAdd = z.strictObject({ id, note: text(2000) });
const transition = z.strictObject({
  id,
  to: z.enum(LEDGER_STATUSES),
  note: text(2000).optional(),
  verification: z.strictObject({ note: text(2000), by: text(60), date: text(10) }).nullable().optional(),
});
const exportInput = z.strictObject({ filter: ledgerFilter, format: z.enum(['xlsx', 'pdf']), taskId });
const monthInput = z.strictObject({ month });
const taskSave = z.strictObject({ id: id.optional(), month, title: text(500), unit: text(100), deadline: text(10) });
const taskDone = z.strictObject({ id, note: text(1000), date: date.optional() });
const bulletin = z.strictObject({ month, taskId });
const categorySave = z.strictObject({ id: id.optional(), name: text(40), active: z.boolean() });

export interface LedgerCategoryOut {
  id: string;
  name: string;
  sort: number;
  active: boolean;
  /** Items using it (a used category cannot be renamed). */
  used: number;
}

export interface LedgerOptionsOut {
  categories: string[];
  units: string[];
  people: string[];
}
export interface MonthViewOut {
  month: string;
  tasks: MonthlyTask[];
  assessment: MonthlyAssessment;
}
export interface ExportOut {
  name: string;
  rows: number;
  /** Characters the font cannot draw (PDF only), by 序号 and column. */
  missing: { seq: number; column: string; chars: string[] }[];
}

export const ledgerContract = {
  'ledger.list': call<typeof ledgerFilter, LedgerList>(ledgerFilter),
  'ledger.get': call<typeof byId, LedgerItemDetail>(byId),
  'ledger.create': call<typeof itemCreate, LedgerItem>(itemCreate),
  'ledger.update': call<typeof itemUpdate, LedgerItem>(itemUpdate),
  'ledger.progress.add': call<typeof progressAdd, LedgerItemDetail>(progressAdd),
  'ledger.transition': call<typeof transition, LedgerItemDetail>(transition),
  'ledger.evidence.add': call<typeof byId, LedgerItemDetail | null>(byId),
  'ledger.evidence.open': call<typeof byId, void>(byId),
  'ledger.evidence.remove': call<typeof byId, LedgerItemDetail>(byId),
  'ledger.options': call<typeof nothing, LedgerOptionsOut>(nothing),
  'ledger.export': call<typeof exportInput, ExportOut | null>(exportInput),
  'ledger.home': call<typeof nothing, LedgerHome>(nothing),
  'ledger.categories.list': call<typeof nothing, LedgerCategoryOut[]>(nothing),
  'ledger.categories.save': call<typeof categorySave, LedgerCategoryOut[]>(categorySave),
  'monthly.months': call<typeof nothing, string[]>(nothing),
  'monthly.view': call<typeof monthInput, MonthViewOut>(monthInput),
  'monthly.save': call<typeof taskSave, MonthlyTask>(taskSave),
  'monthly.delete': call<typeof byId, void>(byId),
  'monthly.done': call<typeof taskDone, MonthlyTask>(taskDone),
  'monthly.undo': call<typeof byId, MonthlyTask>(byId),
  'monthly.bulletin': call<typeof bulletin, { name: string; missing: string[] } | null>(bulletin),
};
