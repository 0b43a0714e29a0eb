/** Poster tiling: the geometry (coverage, exact overlaps, fewest sheets) and a real tiled PDF. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { planTiles, type TilePaper } from '../../electron/core/pdf/tile-plan';
import { tilePdf } from '../../electron/core/pdf/tile';
import { mm, PAPER_MM, renderPdf } from '../../electron/core/pdf/engine';
import { execFileSync } from 'node:child_process';
import { pdfInfo, pdfPages, pdfToPng } from '../support/pdf';
import { cleanup, tempDir } from './helpers/app';

afterEach(cleanup);

const POSTERS: [string, number, number][] = [
  ['A1 landscape', 841, 594],
  ['A0 portrait', 841, 1189],
  ['A1 portrait', 594, 841],
  ['long banner', 2000, 300],
  ['A4 itself', 210, 297],
];

/** Brute force: the fewest sheets of this paper, either orientation, with the same window and overlap. */
function fewest(w: number, h: number, paper: TilePaper, overlap: number, margin: number): number {
  const [pw, ph] = PAPER_MM[paper];
  let best = Infinity;
  for (const [a, b] of [
    [pw, ph],
    [ph, pw],
  ]) {
    const ww = a - 2 * margin;
    const wh = b - 2 * margin;
    let cols = 1;
    while (cols * ww - (cols - 1) * overlap < w) cols++;
    let rows = 1;
    while (rows * wh - (rows - 1) * overlap < h) rows++;
    best = Math.min(best, cols * rows);
  }
  return best;
}

describe('tile plan', () => {
  for (const paper of ['A4', 'A3'] as const)
    for (const [name, w, h] of POSTERS)
      it(`${name} on ${paper}: covers the poster, overlaps exactly, fewest sheets`, () => {
        const overlap = 10;
        const plan = planTiles(w, h, { paper, overlapMm: overlap, marginMm: 10 });
        expect(plan.tiles).toHaveLength(plan.rows * plan.cols);
        expect(plan.tiles.length).toBe(fewest(w, h, paper, overlap, 10));
        // Every point of the poster on a 1 mm grid lies in some window.
        for (let x = 0; x <= w; x += 1)
          for (let y = 0; y <= h; y += 7) expect(plan.tiles.some((t) => x >= t.x && x <= t.x + t.w && y >= t.y && y <= t.y + t.h)).toBe(true);
        // Neighbours share exactly `overlap` mm.
        for (const t of plan.tiles) {
          const right = plan.tiles.find((u) => u.row === t.row && u.col === t.col + 1);
          if (right) expect(t.x + t.w - right.x).toBeCloseTo(overlap, 9);
          const below = plan.tiles.find((u) => u.col === t.col && u.row === t.row + 1);
          if (below) expect(t.y + t.h - below.y).toBeCloseTo(overlap, 9);
        }
        expect(plan.windowW).toBe(plan.paperW - 20);
      });

  it('takes the orientation that needs fewer sheets', () => {
    // A1 landscape on A4: portrait sheets 5 × 3 = 15, landscape 4 × 4 = 16.
    expect(planTiles(841, 594, { paper: 'A4' })).toMatchObject({ orientation: 'portrait', cols: 5, rows: 3 });
    // A1 portrait on A4: landscape sheets 3 × 5 = 15.
    expect(planTiles(594, 841, { paper: 'A4' })).toMatchObject({ orientation: 'landscape', cols: 3, rows: 5 });
  });

  it('refuses an overlap as wide as half a sheet', () => {
    expect(() => planTiles(841, 594, { paper: 'A4', overlapMm: 100 })).toThrow(RangeError);
  });
});

describe('tilePdf', () => {
  it('tiles an A1 poster onto A4: a sheet map, then one labelled sheet per tile', async () => {
    const src = await PDFDocument.create();
    const page = src.addPage([mm(841), mm(594)]);
    page.drawRectangle({ x: mm(20), y: mm(20), width: mm(801), height: mm(554), borderWidth: 4 });
    const out = await tilePdf(await src.save(), { paper: 'A4', overlapMm: 15 });
    const dir = tempDir();
    const file = path.join(dir, 'tiled.pdf');
    fs.writeFileSync(file, out);
    const plan = planTiles(841, 594, { paper: 'A4', overlapMm: 15 });
    const info = pdfInfo(file);
    expect(info.pages).toBe(plan.tiles.length + 1);
    expect([info.widthMm, info.heightMm]).toEqual(plan.orientation === 'portrait' ? [210, 297] : [297, 210]);
    const pages = pdfPages(file);
    expect(pages[0]).toContain('拼贴示意图');
    expect(pages[0]).toContain(`共 ${plan.tiles.length} 张`);
    expect(pages[0]).toContain('重叠 15 mm');
    for (const t of plan.tiles) {
      expect(pages[0]).toContain(`${t.row}行${t.col}列`);
      expect(pages[t.index]).toContain(`第${t.row}行第${t.col}列`);
      expect(pages[t.index]).toContain(`共 ${plan.tiles.length} 张`);
    }
    pdfToPng(file, 'test-output/pdf', { dpi: 30, first: 1, last: 2 });
  });
});

/** pdffonts' rows: font name and the object holding it. */
function fontObjects(file: string): { name: string; object: string }[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    return { name: cols[0], object: cols.slice(-2).join(' ') };
  });
}

describe('subset names in a tiled file', () => {
  it('the poster\'s subset and the labels\' subset carry different tags', async () => {
    const poster = await renderPdf({
      pageSize: { width: mm(841), height: mm(594) },
      pageMargins: mm(20),
      content: [{ text: '大河村脱贫攻坚作战图', fontSize: 60 }, { text: '户主 张三 李四 王五 帮扶责任人', fontSize: 30 }],
    });
    const dir = tempDir();
    const src = path.join(dir, 'poster.pdf');
    fs.writeFileSync(src, poster);
    const file = path.join(dir, 'tiled.pdf');
    fs.writeFileSync(file, await tilePdf(new Uint8Array(poster), { paper: 'A4' }));
    const fonts = fontObjects(file);
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    // One name, one font object: no two different subsets share a name.
    const byName = new Map<string, Set<string>>();
    for (const f of fonts) byName.set(f.name, (byName.get(f.name) ?? new Set()).add(f.object));
    for (const [name, objects] of byName) expect(objects.size, name).toBe(1);
    for (const f of fonts) expect(f.name).toMatch(/^[A-Z]{6}\+/);
    expect(fonts.some((f) => f.name.startsWith('BZZZZZ+'))).toBe(false);
    // The same glyphs give the same tag: rendering the poster again names its subset alike.
    const again = path.join(dir, 'again.pdf');
    fs.writeFileSync(again, await renderPdf({
      pageSize: { width: mm(841), height: mm(594) },
      pageMargins: mm(20),
      content: [{ text: '大河村脱贫攻坚作战图', fontSize: 60 }, { text: '户主 张三 李四 王五 帮扶责任人', fontSize: 30 }],
    }));
    expect(fontObjects(again).map((f) => f.name)).toEqual(fontObjects(src).map((f) => f.name));
  });
});
