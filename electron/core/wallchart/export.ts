/** Writes a chart PDF to a file (optionally tiled onto A4/A3 sheets for an office printer). */
import type { Ctx } from '../context';
import { tilePdf } from '../pdf/tile';
import type { TemplateBody } from '../../../shared/domain/wallchart';
import { renderTemplate, type Scope } from './render';
import type { MissingGlyph } from '../../../shared/domain/wallchart';
import { writeFileAtomic } from '../files/atomic-write';

export interface ExportOptions {
  tile?: 'A4' | 'A3' | null;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, phase: string) => void;
}

export interface ExportResult {
  sheets: number;
  pages: number;
  bytes: number;
  missing: MissingGlyph[];
}

export async function writeChart(ctx: Ctx, body: TemplateBody, scope: Scope, file: string, opts: ExportOptions = {}): Promise<ExportResult> {
  opts.onProgress?.(0, 3, 'render');
  const r = await renderTemplate(ctx, body, scope, { signal: opts.signal });
  opts.onProgress?.(1, 3, 'render');
  let bytes: Uint8Array = r.pdf;
  let pages = r.sheets;
  if (opts.tile) {
    opts.onProgress?.(1, 3, 'tile');
    bytes = await tilePdf(r.pdf, { paper: opts.tile, signal: opts.signal });
    const { PDFDocument } = await import('pdf-lib');
    pages = (await PDFDocument.load(bytes)).getPageCount();
  }
  opts.signal?.throwIfAborted();
  opts.onProgress?.(2, 3, 'write');
  await writeFileAtomic(file, bytes);
  opts.onProgress?.(3, 3, 'write');
  return { sheets: r.sheets, pages, bytes: bytes.length, missing: r.missing };
}
