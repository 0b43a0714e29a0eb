/** Looking inside generated PDFs with poppler (installed by .ci/run): text, pages, fonts, PNGs. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function pdfText(file: string, opts: { first?: number; last?: number; layout?: boolean } = {}): string {
  const args = [...(opts.layout ? ['-layout'] : []), ...(opts.first ? ['-f', String(opts.first)] : []), ...(opts.last ? ['-l', String(opts.last)] : []), file, '-'];
  return execFileSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
}

/** Text of each page, in order. */
export function pdfPages(file: string): string[] {
  return pdfText(file).split('\f').slice(0, pdfInfo(file).pages);
}

export function pdfInfo(file: string): { pages: number; widthMm: number; heightMm: number } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1] ?? 0);
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  const toMm = (pt: string) => Math.round((Number(pt) * 25.4) / 72);
  return { pages, widthMm: m ? toMm(m[1]) : 0, heightMm: m ? toMm(m[2]) : 0 };
}

/** Embedded fonts as pdffonts lists them: name, whether embedded and subset. */
export function pdfFonts(file: string): { name: string; embedded: boolean; subset: boolean }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    const n = cols.length;
    return { name: cols[0], embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
  });
}

/** Renders pages to PNG (for looking, and kept in test-output/pdf for review). Returns the files. */
export function pdfToPng(file: string, outDir: string, opts: { dpi?: number; first?: number; last?: number } = {}): string[] {
  fs.mkdirSync(outDir, { recursive: true });
  const prefix = path.join(outDir, path.basename(file, '.pdf'));
  // Pages of an earlier, longer render would be counted as this one's.
  const mine = (f: string) => f.startsWith(path.basename(prefix)) && /^-\d+\.png$/.test(f.slice(path.basename(prefix).length));
  for (const f of fs.readdirSync(outDir)) if (mine(f)) fs.rmSync(path.join(outDir, f));
  execFileSync('pdftoppm', ['-png', '-r', String(opts.dpi ?? 40), ...(opts.first ? ['-f', String(opts.first)] : []), ...(opts.last ? ['-l', String(opts.last)] : []), file, prefix]);
  return fs.readdirSync(outDir).filter(mine).map((f) => path.join(outDir, f));
}
