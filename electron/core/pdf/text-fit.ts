/**
 * Text widths for fixed-layout pages drawn with pdfkit: advance widths read once per character
 * from the bundled font (CJK glyphs have no kerning, so a sum of advances is the drawn width),
 * clipping to a cell, and the characters the font cannot draw.
 */
import { missingChars, openFont, type FontFace, type FontWeight } from './fonts';

export interface Glyphs {
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
  unitsPerEm: number;
}

/** Drawn instead of a character the font lacks: the typesetter's mark for a missing character. */
export const MISSING_MARK = '〓';

export class TextMeasure {
  private readonly widths = new Map<number, number>();
  private readonly font: Glyphs;
  private readonly scale: number;

  /** A face to open, or a fontkit font already open (pdfkit's, so the 10 MB file is parsed once). */
  constructor(face: FontFace | Glyphs = 'Sans', weight: FontWeight = 'normal') {
    this.font = typeof face === 'string' ? openFont(face, weight) : face;
    this.scale = 1 / this.font.unitsPerEm;
  }

  /** Advance of one code point in em; -1 when the font has no glyph for it. */
  private advance(cp: number): number {
    let w = this.widths.get(cp);
    if (w === undefined) {
      const g = this.font.glyphForCodePoint(cp);
      w = g.id === 0 ? -1 : g.advanceWidth * this.scale;
      this.widths.set(cp, w);
    }
    return w;
  }

  /** Width in points at `size`, missing characters counted as the mark that replaces them. */
  width(text: string, size: number): number {
    let em = 0;
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) cp = text.codePointAt(i++)!;
      const w = this.advance(cp);
      em += w < 0 ? 1 : w;
    }
    return em * size;
  }

  /** True when every character can be drawn (the common case, checked without allocating). */
  drawable(text: string): boolean {
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) cp = text.codePointAt(i++)!;
      if (cp > 0x20 && this.advance(cp) < 0) return false;
    }
    return true;
  }

  /** The text with every character the font lacks replaced by MISSING_MARK. */
  printable(text: string): string {
    if (this.drawable(text)) return text;
    const missing = new Set(missingChars(text));
    let out = '';
    for (const ch of text) out += missing.has(ch) ? MISSING_MARK : ch;
    return out;
  }

  /**
   * Fits text into `maxWidth`: at `size` if it fits, else at `minSize` if it fits there, else
   * clipped at `minSize` with an ellipsis. Never wider than maxWidth.
   */
  fit(text: string, size: number, minSize: number, maxWidth: number): { text: string; size: number } {
    if (this.width(text, size) <= maxWidth) return { text, size };
    if (this.width(text, minSize) <= maxWidth) return { text, size: minSize };
    const ell = this.width('…', minSize);
    const chars = [...text];
    let w = 0;
    let n = 0;
    for (; n < chars.length; n++) {
      const cw = this.width(chars[n], minSize);
      if (w + cw + ell > maxWidth) break;
      w += cw;
    }
    return { text: chars.slice(0, n).join('') + '…', size: minSize };
  }
}
