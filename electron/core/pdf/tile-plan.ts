/**
 * Poster tiling geometry (pure): which part of a large page goes on which A4/A3 sheet. Each
 * sheet prints a window of the poster inside a margin that holds the crop marks and the label;
 * neighbouring windows overlap by exactly `overlapMm`, and the orientation is the one that
 * needs fewer sheets.
 */
import { PAPER_MM } from './engine';

export type TilePaper = 'A4' | 'A3';

export interface TilePlanOptions {
  paper: TilePaper;
  /** Overlap between neighbouring sheets, mm (default 10). */
  overlapMm?: number;
  /** White border of each sheet holding marks and label, mm (default 10). */
  marginMm?: number;
}

export interface Tile {
  /** 1-based, row by row from the top left. */
  index: number;
  row: number;
  col: number;
  /** Window on the poster in mm, from its top-left corner. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TilePlan {
  orientation: 'portrait' | 'landscape';
  paperW: number;
  paperH: number;
  marginMm: number;
  overlapMm: number;
  cols: number;
  rows: number;
  /** The printable window on each sheet (paper less margins), mm. */
  windowW: number;
  windowH: number;
  tiles: Tile[];
}

function count(length: number, window: number, overlap: number): number {
  if (length <= window) return 1;
  return Math.ceil((length - overlap) / (window - overlap) - 1e-9);
}

export function planTiles(posterWmm: number, posterHmm: number, opts: TilePlanOptions): TilePlan {
  const overlapMm = opts.overlapMm ?? 10;
  const marginMm = opts.marginMm ?? 10;
  const [pw, ph] = PAPER_MM[opts.paper];
  if (!(posterWmm > 0 && posterHmm > 0)) throw new RangeError('poster has no size');
  const candidates = (['portrait', 'landscape'] as const).map((orientation) => {
    const paperW = orientation === 'portrait' ? pw : ph;
    const paperH = orientation === 'portrait' ? ph : pw;
    const windowW = paperW - 2 * marginMm;
    const windowH = paperH - 2 * marginMm;
    if (overlapMm < 0 || overlapMm >= Math.min(windowW, windowH) / 2) throw new RangeError('overlap out of range');
    const cols = count(posterWmm, windowW, overlapMm);
    const rows = count(posterHmm, windowH, overlapMm);
    return { orientation, paperW, paperH, windowW, windowH, cols, rows };
  });
  const best = candidates[0].cols * candidates[0].rows <= candidates[1].cols * candidates[1].rows ? candidates[0] : candidates[1];
  const tiles: Tile[] = [];
  for (let r = 0; r < best.rows; r++)
    for (let c = 0; c < best.cols; c++)
      tiles.push({ index: tiles.length + 1, row: r + 1, col: c + 1, x: c * (best.windowW - overlapMm), y: r * (best.windowH - overlapMm), w: best.windowW, h: best.windowH });
  return { ...best, marginMm, overlapMm, tiles };
}
