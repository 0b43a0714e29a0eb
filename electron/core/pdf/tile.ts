/**
 * Splits each page of a poster PDF (A0/A1 wall chart) onto A4 or A3 sheets for an office
 * printer: first a sheet map (the poster with its numbered tiles), then one sheet per tile with
 * the poster window clipped to the sheet, crop marks at the window corners, registration
 * crosses in the overlaps and a label (第2行第3列 · 共 12 张). Text is set by pdfmake with the
 * bundled fonts on transparent overlay pages; pdf-lib places the poster and the overlays.
 */
import { PDFDocument, PDFPage, rgb, pushGraphicsState, popGraphicsState, rectangle, clip, endPath, type PDFEmbeddedPage } from 'pdf-lib';
import { mm, renderPdf, type Content } from './engine';
import { planTiles, tileChoices, type TilePaper, type TilePlan } from './tile-plan';

export interface TileOptions {
  paper: TilePaper;
  overlapMm?: number;
  /**
   * The poster at this fraction of its size (default 1), or 'fewest': the choice of
   * tileChoices that needs the fewest sheets (a reduction of at most 15 %, or the other
   * orientation). The scale is printed on the map and on every sheet.
   */
  scale?: number | 'fewest';
  orientation?: 'portrait' | 'landscape';
  signal?: AbortSignal;
}

/** No mark or label closer to the sheet's edge than this: office printers clip below about 5 mm. */
export const SAFE_EDGE_MM = 5;
const pct = (scale: number) => `${Math.round(scale * 100)}%`;

const INK = rgb(0.15, 0.15, 0.15);
const GREY = rgb(0.45, 0.45, 0.45);
const RED = rgb(0.718, 0.11, 0.11);
const PT_PER_MM = mm(1);

interface PosterPage {
  plan: TilePlan;
  page: PDFEmbeddedPage;
  /** The poster's printed size (its size × the plan's scale), mm. */
  wMm: number;
  hMm: number;
  /** A way with fewer sheets, when the chosen one leaves sheets nearly blank. */
  hint?: string;
}

/** Registration crosses: centred this far outside the window edge, this radius (mm). */
const CROSS_OUT = 3;
const CROSS_R = 1.2;

/** The stretch of the bottom margin free of crosses and crop marks, mm from the sheet's left edge. */
function labelSpan(plan: TilePlan): { left: number; right: number } {
  return { left: plan.marginMm + plan.overlapMm / 2 + CROSS_R * 1.5 + 1, right: plan.marginMm + plan.windowW - plan.overlapMm / 2 - CROSS_R * 1.5 - 1 };
}

const sheetsOf = (p: TilePlan) => p.tiles.length + 1;

/** The text of every output sheet, as transparent pdfmake pages of the sheets' sizes. */
async function overlays(posters: PosterPage[], signal?: AbortSignal): Promise<Uint8Array> {
  const content: Content[] = [];
  const total = posters.reduce((n, p) => n + sheetsOf(p.plan), 0);
  let sheet = 0;
  const first = () => (sheet++ === 0 ? {} : { pageBreak: 'before' as const });
  posters.forEach((p, pi) => {
    const { plan } = p;
    const size = { width: mm(plan.paperW), height: mm(plan.paperH) };
    const of = posters.length > 1 ? `海报第 ${pi + 1} 张 · ` : '';
    const m = map(plan, p.wMm, p.hMm);
    const nums: Content[] = plan.tiles.map((t) => {
      const cx = m.x + (t.x + (t.col < plan.cols ? (t.w - plan.overlapMm) / 2 : (Math.min(t.w, p.wMm - t.x)) / 2)) * m.scale;
      const cy = m.y + (t.y + (t.row < plan.rows ? (t.h - plan.overlapMm) / 2 : (Math.min(t.h, p.hMm - t.y)) / 2)) * m.scale;
      // A fixed-width column: centred text without a width centres on the whole page.
      return {
        columns: [{ width: 60, alignment: 'center', color: '#B71C1C', text: [{ text: `${t.index}\n`, fontSize: 16, bold: true }, { text: `${t.row}行${t.col}列`, fontSize: 8 }] }],
        absolutePosition: { x: mm(cx) - 30, y: mm(cy) - 13 },
      } as Content;
    });
    content.push({
      ...first(),
      pageOrientation: plan.orientation,
      stack: [
        { text: '拼贴示意图', font: 'Serif', bold: true, fontSize: 20, color: '#B71C1C', absolutePosition: { x: mm(plan.marginMm), y: mm(plan.marginMm) } },
        {
          text: `${of}共 ${plan.tiles.length} 张 ${plan.paperW < plan.paperH ? '纵向' : '横向'}（另加本页），${plan.rows} 行 × ${plan.cols} 列，相邻两张重叠 ${plan.overlapMm} mm，比例 ${pct(plan.scale)}`,
          fontSize: 10,
          absolutePosition: { x: mm(plan.marginMm), y: mm(plan.marginMm + 10) },
        },
        {
          text: '拼贴方法：按编号从左上角开始，沿角线裁去白边；右侧和下方的重叠区压在邻张下面，对准十字标记后粘贴。',
          fontSize: 8.5,
          color: '#555555',
          absolutePosition: { x: mm(plan.marginMm), y: mm(plan.marginMm + 15.5) },
        },
        ...(p.hint ? [{ text: p.hint, fontSize: 8.5, color: '#B71C1C', absolutePosition: { x: mm(plan.marginMm), y: mm(plan.marginMm + 19.5) } }] : []),
        ...nums,
      ],
    } as Content);
    for (const t of plan.tiles) {
      const neighbours = [t.row > 1 ? `上接第${t.row - 1}行第${t.col}列` : '', t.col > 1 ? `左接第${t.row}行第${t.col - 1}列` : ''].filter(Boolean).join('　');
      // In the bottom margin, between the registration crosses of the left and right overlaps.
      const { left, right } = labelSpan(plan);
      content.push({
        ...first(),
        pageOrientation: plan.orientation,
        stack: [
          {
            text: [{ text: `第${t.row}行第${t.col}列`, bold: true }, ` · 第 ${t.index} 张 · 共 ${plan.tiles.length} 张 · 比例 ${pct(plan.scale)}`],
            fontSize: 8,
            absolutePosition: { x: mm(left + 7), y: mm(plan.paperH - plan.marginMm + 0.8) },
          },
          {
            columns: [{ width: mm(right - left - 7), text: `${of}${neighbours}`, fontSize: 7, color: '#555555', alignment: 'right' }],
            absolutePosition: { x: mm(left + 7), y: mm(plan.paperH - plan.marginMm + 1) },
          },
        ],
      } as Content);
    }
    void size;
  });
  const pageSize = posters.length ? { width: mm(posters[0].plan.paperW), height: mm(posters[0].plan.paperH) } : 'A4';
  void total;
  const buf = await renderPdf({ pageSize: pageSize as never, pageOrientation: posters[0]?.plan.orientation, pageMargins: 0, content }, { signal });
  return new Uint8Array(buf);
}

/** Where the poster sits on the map sheet (mm) and its scale. */
function map(plan: TilePlan, wMm: number, hMm: number) {
  const top = plan.marginMm + 24;
  const availW = plan.windowW;
  const availH = plan.paperH - plan.marginMm - top;
  const gridW = Math.max(wMm, plan.tiles.at(-1)!.x + plan.windowW);
  const gridH = Math.max(hMm, plan.tiles.at(-1)!.y + plan.windowH);
  const scale = Math.min(availW / gridW, availH / gridH);
  return { x: plan.marginMm + (availW - gridW * scale) / 2, y: top, scale, gridW, gridH };
}

/** A registration cross with a circle, at a point given in pdf-lib coordinates. */
function cross(page: PDFPage, x: number, y: number) {
  const r = mm(CROSS_R);
  page.drawCircle({ x, y, size: r, borderColor: INK, borderWidth: 0.4 });
  page.drawLine({ start: { x: x - r * 1.5, y }, end: { x: x + r * 1.5, y }, thickness: 0.4, color: INK });
  page.drawLine({ start: { x, y: y - r * 1.5 }, end: { x, y: y + r * 1.5 }, thickness: 0.4, color: INK });
}

function drawMap(page: PDFPage, p: PosterPage) {
  const { plan } = p;
  const H = mm(plan.paperH);
  const m = map(plan, p.wMm, p.hMm);
  const X = (xmm: number) => mm(m.x + xmm * m.scale);
  const Y = (ymm: number) => H - mm(m.y + ymm * m.scale);
  page.drawPage(p.page, { x: X(0), y: Y(p.hMm), width: mm(p.wMm * m.scale), height: mm(p.hMm * m.scale), opacity: 0.35 });
  page.drawRectangle({ x: X(0), y: Y(p.hMm), width: mm(p.wMm * m.scale), height: mm(p.hMm * m.scale), borderColor: INK, borderWidth: 1 });
  for (const t of plan.tiles) {
    page.drawRectangle({ x: X(t.x), y: Y(t.y + t.h), width: mm(t.w * m.scale), height: mm(t.h * m.scale), borderColor: RED, borderWidth: 0.8, borderDashArray: t.index % 2 ? undefined : [3, 2] });
  }
}

function drawTile(page: PDFPage, p: PosterPage, index: number) {
  const { plan } = p;
  const t = plan.tiles[index];
  const H = mm(plan.paperH);
  const M = mm(plan.marginMm);
  const W = mm(plan.windowW);
  const Wh = mm(plan.windowH);
  // The poster, shifted so the tile's window lands in the sheet's window, and clipped to it.
  page.pushOperators(pushGraphicsState(), rectangle(M, H - M - Wh, W, Wh), clip(), endPath());
  page.drawPage(p.page, { x: M - mm(t.x), y: H - M + mm(t.y) - mm(p.hMm), width: mm(p.wMm), height: mm(p.hMm) });
  page.pushOperators(popGraphicsState());
  // Crop marks outside each window corner, ending SAFE_EDGE_MM from the sheet's edge.
  const gap = mm(1.5);
  const len = Math.max(mm(2), mm(plan.marginMm - SAFE_EDGE_MM) - gap);
  for (const [cx, cy, dx, dy] of [
    [M, H - M, -1, 1],
    [M + W, H - M, 1, 1],
    [M, H - M - Wh, -1, -1],
    [M + W, H - M - Wh, 1, -1],
  ]) {
    page.drawLine({ start: { x: cx + dx * gap, y: cy }, end: { x: cx + dx * (gap + len), y: cy }, thickness: 0.5, color: INK });
    page.drawLine({ start: { x: cx, y: cy + dy * gap }, end: { x: cx, y: cy + dy * (gap + len) }, thickness: 0.5, color: INK });
  }
  // Overlap bands shared with a neighbour: a dashed inner edge drawn in the margin only (a tick
  // at each end; nothing over the poster), and registration crosses in the margin on the band's
  // centre line, at the same poster line on both sheets.
  const o = plan.overlapMm;
  const out = mm(CROSS_OUT);
  const tick = { thickness: 0.4, color: GREY, dashArray: [1.5, 1.5] };
  const vLine = (x: number) => {
    page.drawLine({ start: { x, y: H - M }, end: { x, y: H - M + mm(1.5) }, ...tick });
    page.drawLine({ start: { x, y: H - M - Wh }, end: { x, y: H - M - Wh - mm(1.5) }, ...tick });
  };
  const hLine = (y: number) => {
    page.drawLine({ start: { x: M, y }, end: { x: M - mm(1.5), y }, ...tick });
    page.drawLine({ start: { x: M + W, y }, end: { x: M + W + mm(1.5), y }, ...tick });
  };
  const vBand = (x: number) => {
    cross(page, x, H - M + out);
    cross(page, x, H - M - Wh - out);
  };
  const hBand = (y: number) => {
    cross(page, M - out, y);
    cross(page, M + W + out, y);
  };
  if (t.col < plan.cols) {
    vLine(M + W - mm(o));
    vBand(M + W - mm(o / 2));
  }
  if (t.col > 1) vBand(M + mm(o / 2));
  if (t.row < plan.rows) {
    hLine(H - M - Wh + mm(o));
    hBand(H - M - Wh + mm(o / 2));
  }
  if (t.row > 1) hBand(H - M - mm(o / 2));
  // The sheet's colour tab, in the bottom margin beside the label.
  const { left } = labelSpan(plan);
  page.drawRectangle({ x: mm(left), y: mm(plan.marginMm - 4.4), width: mm(5), height: mm(3.2), color: RED });
}

/** The tiled file's title: the poster's title and 分幅. */
export function tiledTitle(source: string | undefined): string {
  const t = source?.trim();
  return t ? `${t}（分幅）` : '分幅';
}

function planFor(wMm: number, hMm: number, opts: TileOptions): TilePlan {
  const base = { paper: opts.paper, overlapMm: opts.overlapMm };
  if (opts.scale === 'fewest') {
    const best = tileChoices(wMm, hMm, base)[0];
    return planTiles(wMm, hMm, { ...base, scale: best.scale, orientation: best.orientation });
  }
  return planTiles(wMm, hMm, { ...base, scale: opts.scale, orientation: opts.orientation });
}

/** When sheets of the chosen plan are nearly blank and another way needs fewer: say which. */
function hintFor(wMm: number, hMm: number, plan: TilePlan, opts: TileOptions): string | undefined {
  if (!plan.sparse) return undefined;
  const better = tileChoices(wMm, hMm, { paper: opts.paper, overlapMm: opts.overlapMm }).find((c) => c.sheets < plan.tiles.length);
  if (!better) return undefined;
  const way = [better.orientation !== plan.orientation ? (better.orientation === 'portrait' ? '纵向' : '横向') : '', better.scale < 1 ? `缩小到 ${pct(better.scale)}` : ''].filter(Boolean).join('、');
  return `其中 ${plan.sparse} 张几乎空白；${way}只需 ${better.sheets} 张`;
}

/** Tiles every page of `input`; returns the new PDF (a map sheet, then the tiles, per page). */
export async function tilePdf(input: Uint8Array, opts: TileOptions): Promise<Uint8Array> {
  const src = await PDFDocument.load(input);
  const out = await PDFDocument.create();
  out.setCreator('扶贫工作台');
  out.setProducer('扶贫工作台');
  out.setTitle(tiledTitle(src.getTitle()));
  const embedded = await out.embedPdf(src, src.getPageIndices());
  const posters: PosterPage[] = embedded.map((page) => {
    const plan = planFor(page.width / PT_PER_MM, page.height / PT_PER_MM, opts);
    return { page, wMm: plan.posterW, hMm: plan.posterH, plan, hint: hintFor(page.width / PT_PER_MM, page.height / PT_PER_MM, plan, opts) };
  });
  opts.signal?.throwIfAborted();
  const text = await PDFDocument.load(await overlays(posters, opts.signal));
  const textPages = await out.embedPdf(text, text.getPageIndices());
  let k = 0;
  for (const p of posters) {
    const size: [number, number] = [mm(p.plan.paperW), mm(p.plan.paperH)];
    const mapPage = out.addPage(size);
    drawMap(mapPage, p);
    mapPage.drawPage(textPages[k++], { x: 0, y: 0 });
    for (let i = 0; i < p.plan.tiles.length; i++) {
      const page = out.addPage(size);
      drawTile(page, p, i);
      page.drawPage(textPages[k++], { x: 0, y: 0 });
    }
    opts.signal?.throwIfAborted();
  }
  return out.save();
}
