/**
 * The bundled fonts registered on a pdfkit document, with a plain character-to-glyph layout.
 * pdfkit shapes every string through fontkit's OpenType engine and caches each distinct string;
 * for table text in Chinese, digits and Latin (no ligatures, no kerning in these faces) a
 * cmap lookup gives the same glyphs and advances, about twice as fast, and with no per-string
 * cache the memory of a 3,000-page list stays flat.
 */
import type PDFDocument from 'pdfkit';
import { fontBuffer, type FontFace, type FontWeight } from './fonts';
import { patchSubsetTags } from './subset-tag';

interface FkGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
export interface EmbeddedFont {
  id: string;
  font: { glyphForCodePoint(cp: number): FkGlyph; unitsPerEm: number };
  scale: number;
  ascender: number;
  ref(): unknown;
  encode(text: string): [string[], unknown[]];
  layoutCache?: unknown;
  layoutRun(text: string, features?: unknown): unknown;
}

const FACES: [string, FontFace, FontWeight][] = [
  ['Sans', 'Sans', 'normal'],
  ['SansBold', 'Sans', 'bold'],
  ['Serif', 'Serif', 'normal'],
  ['SerifBold', 'Serif', 'bold'],
];

/** Glyphs by face and code point, kept across documents: a subset takes only their id, advance and code points. */
const glyphCache = new Map<string, Map<number, FkGlyph>>();

function plainLayout(name: string, f: EmbeddedFont): void {
  let glyphs = glyphCache.get(name);
  if (!glyphs) {
    glyphs = new Map<number, FkGlyph>();
    glyphCache.set(name, glyphs);
  }
  const cache = glyphs;
  f.layoutCache = undefined;
  f.layoutRun = (text: string) => {
    const gs: FkGlyph[] = [];
    const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let g = cache.get(cp);
      if (!g) {
        g = f.font.glyphForCodePoint(cp);
        cache.set(cp, g);
      }
      const a = g.advanceWidth * f.scale;
      gs.push(g);
      positions.push({ xAdvance: a, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: a });
      advanceWidth += a;
    }
    return { glyphs: gs, positions, advanceWidth };
  };
}

type Doc = PDFKit.PDFDocument | InstanceType<typeof PDFDocument>;
export type FontName = 'Sans' | 'SansBold' | 'Serif' | 'SerifBold';

/** Registers Sans, SansBold, Serif and SerifBold on the document (fonts embed as subsets). */
export function registerFonts(doc: Doc, only?: FontName[]): Record<FontName, EmbeddedFont> {
  const fonts = {} as Record<FontName, EmbeddedFont>;
  for (const [name, face, weight] of FACES) {
    // Each face is parsed per document: register only the ones the document draws with. The
    // files themselves are read once per process (fontBuffer).
    if (only && !only.includes(name as FontName)) continue;
    doc.registerFont(name, fontBuffer(face, weight));
    doc.font(name);
    const f = (doc as unknown as { _font: EmbeddedFont })._font;
    patchSubsetTags(f);
    plainLayout(name, f);
    fonts[name as FontName] = f;
  }
  return fonts;
}

export interface Run {
  text: string;
  /** Left edge and top of the line box (pdfkit's top-left coordinates), points. */
  x: number;
  top: number;
  size: number;
  font?: FontName;
}

const num = (n: number) => (Math.round(n * 100) / 100).toString();

/**
 * Writes many single-line text runs in one text object: the same operators pdfkit's text()
 * writes for each (font, position, glyph string), without its per-call option handling and
 * graphics-state churn. For fixed layouts whose widths are measured beforehand.
 */
export function writeRuns(doc: Doc, fonts: Record<FontName, EmbeddedFont>, runs: Run[]): void {
  if (!runs.length) return;
  const d = doc as unknown as { page: { height: number; fonts: Record<string, unknown> }; addContent(s: string): void };
  const h = d.page.height;
  const out: string[] = [`q 1 0 0 -1 0 ${num(h)} cm BT`];
  let current = '';
  for (const r of runs) {
    if (!r.text) continue;
    const f = fonts[r.font ?? 'Sans'];
    if (d.page.fonts[f.id] == null) d.page.fonts[f.id] = f.ref();
    const tf = `/${f.id} ${num(r.size)} Tf`;
    if (tf !== current) {
      out.push(tf);
      current = tf;
    }
    const [hex] = f.encode(r.text);
    out.push(`1 0 0 1 ${num(r.x)} ${num(h - r.top - (f.ascender / 1000) * r.size)} Tm <${hex.join('')}> Tj`);
  }
  out.push('ET Q');
  d.addContent(out.join('\n'));
}
