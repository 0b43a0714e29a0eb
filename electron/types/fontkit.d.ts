// fontkit ships no types; the app uses only opening a font and asking for glyphs and advances.
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }
  export interface Font {
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
  }
  export function openSync(file: string): Font;
  export function create(buffer: Buffer): Font;
}
