/**
 * Wall-chart templates (挂图作战, domain.md §4): what a printed chart shows and how, as data.
 * The county designs one template and every township and village prints with it, so a template
 * is a versioned document that can travel as a file (see electron/core/wallchart/template-file.ts).
 */
import { z } from 'zod';
import { grouped } from '../rules/money';
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

/**
 * The type floor of each sheet (design/README.md, "A village with 300 households"): the smallest
 * body type a chart may print, in pt. The design sets 16 pt table body at A1, the smallest size
 * that stays readable at 2 m (5.6 mm CJK em). A sheet is read from a distance in proportion to
 * its size, so the floor scales with the reading distance:
 *
 *   sheet  read at  body floor  secondary floor (14/16 of it: cadre unit/post, gauge ticks)
 *   A0     2.8 m    22 pt       19.25 pt
 *   A1     2.0 m    16 pt       14 pt
 *   A2     1.5 m    12 pt       10.5 pt
 *   A3     1.2 m    10 pt       8.75 pt
 *   A4     1.0 m     8 pt       7 pt
 *
 * Nothing on a sheet prints below its secondary floor; body text (table cells, names) not below
 * the body floor. A chart that does not fit at its floor takes more sheets instead of shrinking.
 */
export const TYPE_FLOOR: Record<Exclude<Paper, 'custom'>, { readingM: number; body: number }> = {
  A0: { readingM: 2.8, body: 22 },
  A1: { readingM: 2.0, body: 16 },
  A2: { readingM: 1.5, body: 12 },
  A3: { readingM: 1.2, body: 10 },
  A4: { readingM: 1.0, body: 8 },
};

/** Secondary labels may go down to 14/16 of the body floor, never lower. */
export const SECONDARY_RATIO = 14 / 16;

/**
 * The floor of a sheet: for a standard size from the table; for a custom size, the floor of the
 * largest standard sheet whose long side it reaches (so a custom sheet never gets a lower floor
 * than the standard sheet it is at least as big as).
 */
export function typeFloor(p: TemplateBody['paper']): { body: number; secondary: number; readingM: number } {
  let row = TYPE_FLOOR.A4;
  if (p.size !== 'custom') row = TYPE_FLOOR[p.size];
  else {
    const { w, h } = paperMm(p);
    const long = Math.max(w, h);
    for (const [size, longMm] of [['A0', 1189], ['A1', 841], ['A2', 594], ['A3', 420]] as const) {
      if (long >= longMm) {
        row = TYPE_FLOOR[size];
        break;
      }
    }
  }
  return { body: row.body, secondary: row.body * SECONDARY_RATIO, readingM: row.readingM };
}

/** A count or amount as the charts print it: whole number with thousands separators (29,626). */
export function figure(n: number): string {
  return grouped(n);
}
