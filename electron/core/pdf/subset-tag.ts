/**
 * Subset tags. pdfkit names every embedded subset `BZZZZZ+<font>` (the tag comes from the
 * font's resource id, F1, F2 …), so two documents merged into one file (a tiled poster: the
 * poster's subset and the labels' subset) hold two different subsets under one name, and a
 * viewer or printer may draw one with the other's glyphs. Here the tag is derived from the
 * glyphs the subset holds, in order (which fixes its glyph ids): different subsets get
 * different tags, the same subset the same tag.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

interface EmbeddedProto {
  id: string;
  font: { postscriptName?: string };
  subset: { glyphs?: number[] };
  embed(): unknown;
}

const PATCHED = Symbol.for('fupin.subsetTag');

/** Six capital letters from the font's name and the subset's glyph ids. */
export function subsetTag(postscriptName: string, glyphs: readonly number[]): string {
  const h = createHash('sha256').update(postscriptName).update('\0').update(Uint32Array.from(glyphs)).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (h[i] % 26));
  return tag;
}

/**
 * Makes pdfkit's embedded fonts (the class of `font`, a document's `_font`) name their subsets
 * by subsetTag. pdfkit reads the tag from `id` characters 1–6 (each plus 17) while embedding;
 * the id is lent for that call only, then restored.
 */
export function patchSubsetTags(font: unknown): void {
  const proto = (font ? Object.getPrototypeOf(font) : null) as (EmbeddedProto & { [PATCHED]?: true }) | null;
  if (!proto || typeof proto.embed !== 'function' || proto[PATCHED]) return;
  const original = proto.embed;
  proto.embed = function (this: EmbeddedProto) {
    if (!this.subset?.glyphs) return original.call(this);
    const tag = subsetTag(this.font.postscriptName ?? '', this.subset.glyphs);
    const id = this.id;
    this.id = 'T' + [...tag].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('');
    try {
      return original.call(this);
    } finally {
      this.id = id;
    }
  };
  proto[PATCHED] = true;
}

let cjsDone = false;

/**
 * The same for the pdfkit that pdfmake requires (the CommonJS build, which under ESM imports is
 * a different class from `import 'pdfkit'`): its EmbeddedFont class is reached through a
 * throwaway document opening `fontData` (fontkit reads only the font's table directory).
 */
export function patchPdfmakeSubsetTags(fontData: () => Uint8Array): void {
  if (cjsDone) return;
  cjsDone = true;
  const require = createRequire(import.meta.url ?? __filename);
  const PDFKit = require('pdfkit') as new (o: object) => { font(src: Uint8Array): unknown; _font: unknown };
  const doc = new PDFKit({ autoFirstPage: false });
  doc.font(fontData());
  patchSubsetTags(doc._font);
}
