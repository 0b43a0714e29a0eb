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
  /** The poster printed at this fraction of its size (default 1). */
  scale?: number;
  /** Sheet orientation; by default the one that needs fewer sheets. */
  orientation?: 'portrait' | 'landscape';
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
  /** The poster's printed size (its size × scale), mm. */
  scale: number;
  posterW: number;
  posterH: number;
  tiles: Tile[];
  /** Sheets less than a quarter covered by the poster (the end of a row or column). */
  sparse: number;
}

/** Least share of a sheet's window the poster must cover for the sheet not to count as sparse. */
export const SPARSE_BELOW = 0.25;
/** The largest reduction offered to save sheets. */
export const MIN_SCALE = 0.85;

function count(length: number, window: number, overlap: number): number {
  if (length <= window) return 1;
  return Math.ceil((length - overlap) / (window - overlap) - 1e-9);
}

export function planTiles(posterW: number, posterH: number, opts: TilePlanOptions): TilePlan {
  const overlapMm = opts.overlapMm ?? 10;
  const marginMm = opts.marginMm ?? 10;
  const scale = opts.scale ?? 1;
  const [pw, ph] = PAPER_MM[opts.paper];
  if (!(posterW > 0 && posterH > 0)) throw new RangeError('poster has no size');
  if (!(scale > 0 && scale <= 1)) throw new RangeError('scale out of range');
  const posterWmm = posterW * scale;
  const posterHmm = posterH * scale;
  const orientations = opts.orientation ? [opts.orientation] : (['portrait', 'landscape'] as const);
  const candidates = orientations.map((orientation) => {
    const paperW = orientation === 'portrait' ? pw : ph;
    const paperH = orientation === 'portrait' ? ph : pw;
    const windowW = paperW - 2 * marginMm;
    const windowH = paperH - 2 * marginMm;
    if (overlapMm < 0 || overlapMm >= Math.min(windowW, windowH) / 2) throw new RangeError('overlap out of range');
    const cols = count(posterWmm, windowW, overlapMm);
    const rows = count(posterHmm, windowH, overlapMm);
    return { orientation, paperW, paperH, windowW, windowH, cols, rows };
  });
  const best = candidates.length === 1 || candidates[0].cols * candidates[0].rows <= candidates[1].cols * candidates[1].rows ? candidates[0] : candidates[1];
  const tiles: Tile[] = [];
  for (let r = 0; r < best.rows; r++)
    for (let c = 0; c < best.cols; c++)
      tiles.push({ index: tiles.length + 1, row: r + 1, col: c + 1, x: c * (best.windowW - overlapMm), y: r * (best.windowH - overlapMm), w: best.windowW, h: best.windowH });
  const sparse = tiles.filter((t) => (Math.min(t.w, posterWmm - t.x) * Math.min(t.h, posterHmm - t.y)) / (t.w * t.h) < SPARSE_BELOW).length;
  return { ...best, marginMm, overlapMm, scale, posterW: posterWmm, posterH: posterHmm, tiles, sparse };
}

export interface TileChoice {
  orientation: 'portrait' | 'landscape';
  /** Fraction of the poster's size, rounded down to a whole per cent. */
  scale: number;
  sheets: number;
  sparse: number;
}

/**
 * The ways to tile a poster worth offering: each orientation at full size, and at each largest
 * reduction (not below MIN_SCALE) that needs fewer sheets than any larger one. Fewest sheets first, full size
 * before a reduction of the same count.
 */
export function tileChoices(posterW: number, posterH: number, opts: Omit<TilePlanOptions, 'scale' | 'orientation'>): TileChoice[] {
  const out: TileChoice[] = [];
  const add = (p: TilePlan) => {
    if (!out.some((c) => c.orientation === p.orientation && c.scale === p.scale)) out.push({ orientation: p.orientation, scale: p.scale, sheets: p.tiles.length, sparse: p.sparse });
  };
  for (const orientation of ['portrait', 'landscape'] as const) {
    const full = planTiles(posterW, posterH, { ...opts, orientation });
    add(full);
    let fewest = full.tiles.length;
    for (let pct = 99; pct >= MIN_SCALE * 100; pct--) {
      const p = planTiles(posterW, posterH, { ...opts, orientation, scale: pct / 100 });
      if (p.tiles.length < fewest) {
        add(p);
        fewest = p.tiles.length;
      }
    }
  }
  return out.sort((a, b) => a.sheets - b.sheets || b.scale - a.scale || a.sparse - b.sparse);
}
