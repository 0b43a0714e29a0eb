/**
 * pdfmake in the main process, with the bundled CJK fonts and no access to anything but them:
 * no URLs, no local files outside resources/fonts. Suits documents of a few dozen pages (wall
 * charts, cards, bulletins); long lists stream through pdfkit directly (see `pdfkit-doc.ts`).
 */
import path from 'node:path';
import { createRequire } from 'node:module';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { fontDir, pdfmakeFonts } from './fonts';

export type { TDocumentDefinitions, Content, TableCell } from 'pdfmake/interfaces';

interface PdfmakeServer {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (p: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions, options?: { progressCallback?: (p: number) => void }): { getBuffer(): Promise<Buffer> };
}

const require = createRequire(import.meta.url ?? __filename);
let pdfmake: PdfmakeServer | null = null;

function engine(): PdfmakeServer {
  if (!pdfmake) {
    pdfmake = require('pdfmake') as PdfmakeServer;
    pdfmake.setUrlAccessPolicy(() => false);
  }
  // Fonts are set on every use: the resources folder is fixed at startup but tests may move it.
  const dir = path.resolve(fontDir()) + path.sep;
  pdfmake.setLocalAccessPolicy((p) => path.resolve(p).startsWith(dir));
  pdfmake.setFonts(pdfmakeFonts());
  return pdfmake;
}

export interface RenderOptions {
  signal?: AbortSignal;
}

/** Lays out and writes one document; `defaultStyle.font` is Sans unless the document says. */
export async function renderPdf(doc: TDocumentDefinitions, opts: RenderOptions = {}): Promise<Buffer> {
  opts.signal?.throwIfAborted();
  const full: TDocumentDefinitions = {
    ...doc,
    defaultStyle: { font: 'Sans', ...doc.defaultStyle },
    info: { creator: '扶贫工作台', producer: '扶贫工作台', ...doc.info },
  };
  const buf = await engine().createPdf(full).getBuffer();
  opts.signal?.throwIfAborted();
  return buf;
}

/** Paper sizes in mm, portrait. */
export const PAPER_MM = {
  A0: [841, 1189],
  A1: [594, 841],
  A2: [420, 594],
  A3: [297, 420],
  A4: [210, 297],
} as const;
export type PaperName = keyof typeof PAPER_MM;

export const MM = 72 / 25.4;
export const mm = (v: number) => v * MM;
