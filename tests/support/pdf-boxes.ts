/** Word boxes of a PDF page as poppler sees them (pdftotext -bbox-layout), in mm from the top-left. */
import { execFileSync } from 'node:child_process';

const MM = 25.4 / 72;

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** Font size estimated from the box height (pt): poppler's word box is ascent + descent of the font. */
  sizePt: number;
}

export interface PageBoxes {
  page: number;
  widthMm: number;
  heightMm: number;
  words: WordBox[];
}

/** Noto Sans/Serif CJK: the word box is about 1.15 em high in poppler's bbox output (measured). */
const BOX_EM = 1.15;

export function pdfBoxes(file: string): PageBoxes[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const pages: PageBoxes[] = [];
  const pageRe = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordRe = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  let m: RegExpExecArray | null;
  while ((m = pageRe.exec(xml))) {
    const page = pages.length + 1;
    const words: WordBox[] = [];
    let w: RegExpExecArray | null;
    while ((w = wordRe.exec(m[3]))) {
      const [x0, y0, x1, y1] = [w[1], w[2], w[3], w[4]].map(Number);
      words.push({ page, text: unescape(w[5]), xMin: x0 * MM, yMin: y0 * MM, xMax: x1 * MM, yMax: y1 * MM, sizePt: (y1 - y0) / BOX_EM });
    }
    pages.push({ page, widthMm: Number(m[1]) * MM, heightMm: Number(m[2]) * MM, words });
  }
  return pages;
}

function unescape(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Words nearer the sheet edge than `mm`. */
export function wordsNearEdge(p: PageBoxes, mm: number): WordBox[] {
  return p.words.filter((w) => w.xMin < mm || w.yMin < mm || w.xMax > p.widthMm - mm || w.yMax > p.heightMm - mm);
}
