/**
 * Wall-chart templates (挂图作战, domain.md §4): what a printed chart shows and how, as data.
 * The county designs one template and every township and village prints with it, so a template
 * is a versioned document that can travel as a file (see electron/core/wallchart/template-file.ts).
 */
import { z } from 'zod';
import { statusClass, type StatusRule } from '../roster/status';

export const LEVELS = ['village', 'township', 'county'] as const;
export type Level = (typeof LEVELS)[number];

/** What the template draws. The level follows from it. */
export const KINDS = ['villageChart', 'pairingRegister', 'townshipBoard', 'countyOverview'] as const;
export type TemplateKind = (typeof KINDS)[number];
export const KIND_LEVEL: Record<TemplateKind, Level> = {
  villageChart: 'village',
  pairingRegister: 'village',
  townshipBoard: 'township',
  countyOverview: 'county',
};

export const PAPERS = ['A0', 'A1', 'A2', 'A3', 'A4', 'custom'] as const;
export type Paper = (typeof PAPERS)[number];

/** Columns of the household table, in the design's default order. */
export const COLUMNS = [
  'seq',
  'group',
  'head',
  'size',
  'attribute',
  'cause',
  'cadre',
  'measures',
  'income',
  'education',
  'medical',
  'housing',
  'water',
  'exitYear',
  'status',
  'phone',
  'idNumber',
  'health',
] as const;
export type ColumnId = (typeof COLUMNS)[number];

/** Sections: those before `table` in the order go in the left column, those after it in the right. */
export const SECTIONS = ['stats', 'table', 'team', 'pairing', 'exitCriteria'] as const;
export type SectionId = (typeof SECTIONS)[number];

/** Statistics panels, in the order they stack. */
export const STATS = ['total', 'status', 'incidence', 'target', 'cause', 'attribute', 'measure'] as const;
export type StatsId = (typeof STATS)[number];

const hex = z.string().regex(/^#[0-9A-Fa-f]{6}$/, '颜色应为 #RRGGBB');
const line = (max: number) => z.string().max(max);

export const paperSchema = z.strictObject({
  size: z.enum(PAPERS),
  orientation: z.enum(['portrait', 'landscape']),
  /** Only for size 'custom'. */
  widthMm: z.number().int().min(100).max(5000).nullable(),
  heightMm: z.number().int().min(100).max(5000).nullable(),
});

export const templateBodySchema = z.strictObject({
  kind: z.enum(KINDS),
  level: z.enum(LEVELS),
  paper: paperSchema,
  title: line(60),
  subtitle: line(80),
  /** The year shown in the badge and used for the exit target; null = the year of the data date. */
  year: z.number().int().min(2000).max(2100).nullable(),
  sections: z.array(z.strictObject({ id: z.enum(SECTIONS), on: z.boolean() })).max(SECTIONS.length),
  stats: z.array(z.strictObject({ id: z.enum(STATS), on: z.boolean() })).max(STATS.length),
  columns: z.array(z.enum(COLUMNS)).min(1).max(COLUMNS.length),
  groupByGroup: z.boolean(),
  legend: z.strictObject({ unexited: hex, exited: hex, monitored: hex }),
  masking: z.strictObject({ idNumbers: z.boolean(), phones: z.boolean(), hideHealth: z.boolean() }),
  footer: z.strictObject({
    unit: line(80),
    /** 数据截至: a fixed date, or null for the day the chart is printed. */
    dataDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
    note: line(200),
    pageNumbers: z.boolean(),
  }),
});
export type TemplateBody = z.output<typeof templateBodySchema>;

export interface WallchartTemplate {
  id: string;
  name: string;
  /** The built-in this row was installed from ('village-chart', …), or null for the office's own. */
  builtin: string | null;
  version: number;
  body: TemplateBody;
  updatedAt: string;
  updatedBy: string;
}

export interface TemplateSummary {
  id: string;
  name: string;
  builtin: string | null;
  kind: TemplateKind;
  level: Level;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** A character the bundled font cannot draw, with where it occurs, so the user can fix the record. */
export interface MissingGlyph {
  char: string;
  name: string;
  household: string;
}

export interface RenderResult {
  pages: number;
  bytes: number;
  missing: MissingGlyph[];
}

export const STATUS_GROUPS = ['unexited', 'exited', 'monitored'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

/**
 * Which legend colour a roster status takes, by the one status rule (shared/roster/status.ts):
 * exited green, not exited but monitored or 预脱贫 amber, the rest red; null for a struck-off
 * (注销) household, which the charts leave out.
 */
export function statusGroup(rule: StatusRule, status: string, monitorType = ''): StatusGroup | null {
  const c = statusClass(rule, status, monitorType);
  return c === 'cancelled' ? null : c === 'open' ? 'unexited' : c;
}

/** The short label printed in a status chip. */
export function statusLabel(rule: StatusRule, status: string, monitorType = ''): string {
  const g = statusGroup(rule, status, monitorType);
  if (g === 'exited') return '已脱贫';
  if (g === 'monitored') return status.includes('预脱贫') ? '预脱贫' : '监测';
  return status === '' ? '未脱贫' : status.replace(/\(.*\)|（.*）/, '');
}

/** Paper size in mm, oriented. */
export function paperMm(p: TemplateBody['paper']): { w: number; h: number } {
  const SIZES: Record<Exclude<Paper, 'custom'>, [number, number]> = { A0: [841, 1189], A1: [594, 841], A2: [420, 594], A3: [297, 420], A4: [210, 297] };
  const [a, b] = p.size === 'custom' ? [p.widthMm ?? 594, p.heightMm ?? 841] : SIZES[p.size];
  const short = Math.min(a, b);
  const long = Math.max(a, b);
  return p.orientation === 'landscape' ? { w: long, h: short } : { w: short, h: long };
}
