/** The wall-chart calls (merged into the contract in contract.ts). */
import { z } from 'zod';
import { byId, call, id, nothing, taskId, text } from './define';
import { templateBodySchema, type MissingGlyph, type TemplateSummary, type WallchartTemplate } from '../domain/wallchart';

const save = z.strictObject({ id: id.optional(), name: text(60), baseVersion: z.number().int().min(1).optional(), body: templateBodySchema });
const scope = { body: templateBodySchema, villageId: id.optional(), townshipId: id.optional() };
const preview = z.strictObject(scope);
const exportPdf = z.strictObject({ ...scope, name: text(60), tile: z.enum(['A4', 'A3']).nullable(), taskId });
const openExported = z.strictObject({ token: id });

export interface PreviewResult {
  /** The PDF, base64, for pdf.js in the renderer (capped: see wallchart.preview.tooBig). */
  pdfBase64: string;
  sheets: number;
  bytes: number;
  missing: MissingGlyph[];
}

export interface ExportedChart {
  name: string;
  sheets: number;
  pages: number;
  missing: MissingGlyph[];
  /** Pass to wallchart.openExported to show the file in the system viewer. */
  token: string;
}

export const wallchartContract = {
  'wallchart.templates.list': call<typeof nothing, TemplateSummary[]>(nothing),
  'wallchart.templates.get': call<typeof byId, WallchartTemplate>(byId),
  'wallchart.templates.save': call<typeof save, WallchartTemplate>(save),
  'wallchart.templates.delete': call<typeof byId, void>(byId),
  'wallchart.templates.restore': call<typeof nothing, TemplateSummary[]>(nothing),
  'wallchart.templates.export': call<typeof byId, { name: string; version: number } | null>(byId),
  'wallchart.templates.import': call<typeof nothing, { name: string; version: number; outcome: 'added' | 'updated'; previousVersion: number | null } | null>(nothing),
  'wallchart.preview': call<typeof preview, PreviewResult>(preview),
  'wallchart.export': call<typeof exportPdf, ExportedChart | null>(exportPdf),
  'wallchart.openExported': call<typeof openExported, void>(openExported),
};
