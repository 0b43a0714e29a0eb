/**
 * The fonts that ship with the app (resources/fonts, SIL OFL): Noto Sans SC for charts and
 * tables, Noto Serif SC for titles and documents. Both engines (pdfmake and pdfkit driven
 * directly) take them from here, embedded as subsets.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { patchPdfmakeSubsetTags } from './subset-tag';

export type FontFace = 'Sans' | 'Serif';
export type FontWeight = 'normal' | 'bold';

const FILES: Record<FontFace, Record<FontWeight, string>> = {
  Sans: { normal: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' },
  Serif: { normal: 'NotoSerifSC-Regular.ttf', bold: 'NotoSerifSC-Bold.ttf' },
};

// Read when first needed, so an entry point may set FUPIN_RESOURCES after its imports ran.
let resourcesDir: string | undefined;

/** The packaged app points this at process.resourcesPath; dev, tests and the CLI use ./resources. */
export function setResourcesDir(dir: string): void {
  resourcesDir = dir;
}

export function fontDir(): string {
  return path.join(resourcesDir ?? process.env.FUPIN_RESOURCES ?? path.resolve(process.cwd(), 'resources'), 'fonts');
}

export function fontFile(face: FontFace, weight: FontWeight = 'normal'): string {
  const file = path.join(fontDir(), FILES[face][weight]);
  if (!fs.existsSync(file)) throw new Error(`font missing: ${FILES[face][weight]}`);
  return file;
}

/** pdfmake's font dictionary: italics fall back to the upright faces (CJK has no italics). */
export function pdfmakeFonts(): Record<FontFace, { normal: string; bold: string; italics: string; bolditalics: string }> {
  const entry = (face: FontFace) => {
    const normal = fontFile(face, 'normal');
    const bold = fontFile(face, 'bold');
    return { normal, bold, italics: normal, bolditalics: bold };
  };
  // Subsets named by their glyphs, not all BZZZZZ+ (see subset-tag.ts).
  patchPdfmakeSubsetTags(() => fontBuffer('Sans'));
  return { Sans: entry('Sans'), Serif: entry('Serif') };
}

/** The font files, read once per process and shared by measuring, checking and drawing (10–15 MB each). */
const buffers = new Map<string, Buffer>();

export function fontBuffer(face: FontFace, weight: FontWeight = 'normal'): Buffer {
  const file = fontFile(face, weight);
  let buf = buffers.get(file);
  if (!buf) {
    buf = fs.readFileSync(file);
    buffers.set(file, buf);
  }
  return buf;
}

const opened = new Map<string, fontkit.Font>();

/** The face parsed by fontkit, once per process: glyph lookups and advance widths. */
export function openFont(face: FontFace, weight: FontWeight = 'normal'): fontkit.Font {
  const key = `${face}/${weight}`;
  let f = opened.get(key);
  if (!f) {
    f = fontkit.create(fontBuffer(face, weight));
    opened.set(key, f);
  }
  return f;
}

/**
 * Characters of `text` the face cannot draw (rare name characters, e.g. in Extension B), in
 * order of first appearance. Whitespace and control characters are not reported.
 */
export function missingChars(text: string, face: FontFace = 'Sans'): string[] {
  const font = openFont(face);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const ch of text) {
    if (seen.has(ch)) continue;
    seen.add(ch);
    const cp = ch.codePointAt(0)!;
    if (cp < 0x21 || (cp >= 0x7f && cp < 0xa0)) continue;
    if (!font.hasGlyphForCodePoint(cp)) out.push(ch);
  }
  return out;
}
