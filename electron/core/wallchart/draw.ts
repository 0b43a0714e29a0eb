/**
 * The visual language of the wall charts (design/README.md): palette, type measured with the
 * bundled font, and small builders for pdfmake nodes placed at absolute positions on a sheet.
 * Sizes are given at A1 and multiplied by the sheet's scale, so an A3 chart is the A1 chart
 * scaled down.
 */
import { TextMeasure } from '../pdf/text-fit';
import { mm } from '../pdf/engine';

export { INK, GREY, RED, HAIR, GROUP_RULE, CREAM, HEAD_FILL, BAR, GAP_FILL, AMBER_TEXT } from '../pdf/palette';
import { INK } from '../pdf/palette';

/** Noto Sans SC: ascender + descender over the em, pdfmake's line height for a font size. */
export const LINE = 1.448;

// Opened on first use, not at import: loading the module (every CLI command does) reads no font.
let measure: TextMeasure | undefined;

/** Width of `text` in em of Noto Sans SC (bold is drawn slightly wider: +3 %). */
export function textEm(text: string, bold = false): number {
  const w = (measure ??= new TextMeasure('Sans')).width(text, 1);
  return bold ? w * 1.03 : w;
}

/** `text` cut to fit `widthPt` at `sizePt`, ending in … when cut. */
export function fit(text: string, widthPt: number, sizePt: number, bold = false): string {
  if (textEm(text, bold) * sizePt <= widthPt) return text;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((textEm(chars.slice(0, mid).join(''), bold) + 1) * sizePt <= widthPt) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('') + '…';
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
  font?: 'Sans' | 'Serif';
  align?: 'left' | 'right' | 'center';
  spacing?: number;
}

export interface Run {
  text: string;
  fontSize?: number;
  bold?: boolean;
  color?: string;
}
/** Rich text: runs of different sizes on one baseline. */
export interface RichText {
  text: Run[];
}

export type Shape =
  | { type: 'rect'; x: number; y: number; w: number; h: number; color?: string; lineColor?: string; lineWidth: number }
  | { type: 'line'; x1: number; y1: number; x2: number; y2: number; lineColor: string; lineWidth: number }
  | { type: 'polyline'; points: { x: number; y: number }[]; lineColor: string; lineWidth: number };

export interface TextItem {
  /** Top-left of the line box, pt. */
  x: number;
  y: number;
  runs: Required<Run>[];
  font: 'Sans' | 'Serif';
  spacing: number;
}

/** A sheet under construction: shapes and text placed in mm (pt inside), drawn by pdfkit-sheets.ts. */
export class Sheet {
  readonly shapes: Shape[] = [];
  readonly texts: TextItem[] = [];
  constructor(
    readonly s: number,
    readonly widthMm: number,
    readonly heightMm: number,
  ) {}

  rect(x: number, y: number, w: number, h: number, fill: string, line?: { color: string; width: number }): void {
    this.shapes.push({ type: 'rect', x: mm(x), y: mm(y), w: mm(w), h: mm(h), color: fill === 'none' ? undefined : fill, lineColor: line?.color, lineWidth: line ? mm(line.width) : 0 });
  }

  line(x1: number, y1: number, x2: number, y2: number, color: string, widthMm: number): void {
    this.shapes.push({ type: 'line', x1: mm(x1), y1: mm(y1), x2: mm(x2), y2: mm(y2), lineColor: color, lineWidth: mm(widthMm) });
  }

  /** Text whose line box has its top-left at (x, y) mm, aligned in a box `w` mm wide. */
  text(x: number, y: number, w: number, text: RichText | string, style: TextStyle = { size: 10 }): void {
    const base = { fontSize: style.size, bold: style.bold ?? false, color: style.color ?? INK };
    const runs = (typeof text === 'string' ? [{ text }] : text.text).map((r) => ({ ...base, ...r }) as Required<Run>);
    const spacing = style.spacing ?? 0;
    const align = style.align ?? 'left';
    let dx = 0;
    if (align !== 'left') {
      const width = runs.reduce((n, r) => n + textEm(r.text, r.bold) * r.fontSize + spacing * [...r.text].length, 0) / (72 / 25.4);
      dx = align === 'center' ? (w - width) / 2 : w - width;
    }
    this.texts.push({ x: mm(x + dx), y: mm(y), runs, font: style.font ?? 'Sans', spacing });
  }

  /** Text centred vertically on y (mm): the line box is LINE × size high. */
  textMid(x: number, yMid: number, w: number, text: RichText | string, style: TextStyle): void {
    const hMm = (style.size * LINE) / (72 / 25.4);
    this.text(x, yMid - hMm / 2, w, text, style);
  }

  /** A ✓ (vector: the font has no ✗, so both are drawn) centred on (cx, cy). */
  check(cx: number, cy: number, sizeMm: number, color: string): void {
    const h = sizeMm / 2;
    this.shapes.push({ type: 'polyline', lineWidth: mm(sizeMm / 7), lineColor: color, points: [{ x: mm(cx - h), y: mm(cy) }, { x: mm(cx - h / 3), y: mm(cy + h * 0.7) }, { x: mm(cx + h), y: mm(cy - h * 0.7) }] });
  }

  cross(cx: number, cy: number, sizeMm: number, color: string): void {
    const h = sizeMm * 0.4;
    this.line(cx - h, cy - h, cx + h, cy + h, color, sizeMm / 6);
    this.line(cx - h, cy + h, cx + h, cy - h, color, sizeMm / 6);
  }
}
