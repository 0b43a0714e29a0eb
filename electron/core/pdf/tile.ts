/**
 * Splits each page of a poster PDF (A0/A1 wall chart) onto A4 or A3 sheets for an office
 * printer: first a sheet map (the poster with its numbered tiles), then one sheet per tile with
 * the poster window clipped to the sheet, crop marks at the window corners, registration
 * crosses in the overlaps and a label (第2行第3列 · 共 12 张). Text is set by pdfmake with the
 * bundled fonts on transparent overlay pages; pdf-lib places the poster and the overlays.
 */
import { PDFDocument, PDFPage, rgb, pushGraphicsState, popGraphicsState, rectangle, clip, endPath, type PDFEmbeddedPage } from 'pdf-lib';
import { mm, renderPdf, type Content } from './engine';
import { planTiles, type TilePaper, type TilePlan } from './tile-plan';

export interface TileOptions {
  paper: TilePaper;
  overlapMm?: number;
  signal?: AbortSignal;
}

const INK = rgb(0.15, 0.15, 0.15);
const GREY = rgb(0.45, 0.45, 0.45);
const RED = rgb(0.718, 0.11, 0.11);
const PT_PER_MM = mm(1);

interface PosterPage {
  plan: TilePlan;
  page: PDFEmbeddedPage;
  wMm: number;
  hMm: number;
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
          text: `${of}共 ${plan.tiles.length} 张 ${plan.paperW < plan.paperH ? '纵向' : '横向'}（另加本页），${plan.rows} 行 × ${plan.cols} 列，相邻两张重叠 ${plan.overlapMm} mm`,
          fontSize: 10,
          absolutePosition: { x: mm(plan.marginMm), y: mm(plan.marginMm + 10) },
        },
        {
          text: '拼贴方法：按编号从左上角开始，沿角线裁去白边；右侧和下方的重叠区压在邻张下面，对准十字标记后粘贴。',
          fontSize: 8.5,
          color: '#555555',
          absolutePosition: { x: mm(plan.marginMm), y: mm(plan.marginMm + 15.5) },
        },
        ...nums,
      ],
    } as Content);
    for (const t of plan.tiles) {
      const neighbours = [t.row > 1 ? `上接第${t.row - 1}行第${t.col}列` : '', t.col > 1 ? `左接第${t.row}行第${t.col - 1}列` : ''].filter(Boolean).join('　');
      content.push({
        ...first(),
        pageOrientation: plan.orientation,
        stack: [
          {
            text: [{ text: `第${t.row}行第${t.col}列`, bold: true }, ` · 第 ${t.index} 张 · 共 ${plan.tiles.length} 张`],
            fontSize: 9,
            absolutePosition: { x: mm(plan.marginMm + 8), y: mm(plan.paperH - plan.marginMm + 3) },
          },
          {
            columns: [{ width: mm(plan.windowW), text: `${of}${neighbours}`, fontSize: 7.5, color: '#555555', alignment: 'right' }],
            absolutePosition: { x: mm(plan.marginMm), y: mm(plan.paperH - plan.marginMm + 3.3) },
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
  const r = mm(2.2);
  page.drawCircle({ x, y, size: r, borderColor: INK, borderWidth: 0.4 });
  page.drawLine({ start: { x: x - r * 1.6, y }, end: { x: x + r * 1.6, y }, thickness: 0.4, color: INK });
  page.drawLine({ start: { x, y: y - r * 1.6 }, end: { x, y: y + r * 1.6 }, thickness: 0.4, color: INK });
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
  // Crop marks outside each window corner.
  const len = mm(6);
  const gap = mm(1.5);
  for (const [cx, cy, dx, dy] of [
    [M, H - M, -1, 1],
    [M + W, H - M, 1, 1],
    [M, H - M - Wh, -1, -1],
    [M + W, H - M - Wh, 1, -1],
  ]) {
    page.drawLine({ start: { x: cx + dx * gap, y: cy }, end: { x: cx + dx * (gap + len), y: cy }, thickness: 0.5, color: INK });
    page.drawLine({ start: { x: cx, y: cy + dy * gap }, end: { x: cx, y: cy + dy * (gap + len) }, thickness: 0.5, color: INK });
  }
  // Overlap bands shared with a neighbour: dashed inner edge, and crosses at the same poster
  // points on both sheets.
  const o = plan.overlapMm;
  const toX = (xmm: number) => M + mm(xmm - t.x);
  const toY = (ymm: number) => H - M - mm(ymm - t.y);
  const dash = { thickness: 0.4, color: GREY, dashArray: [2, 2] };
  if (t.col < plan.cols) page.drawLine({ start: { x: M + W - mm(o), y: H - M }, end: { x: M + W - mm(o), y: H - M - Wh }, ...dash });
  if (t.row < plan.rows) page.drawLine({ start: { x: M, y: H - M - Wh + mm(o) }, end: { x: M + W, y: H - M - Wh + mm(o) }, ...dash });
  const vBand = (x0: number) => [1, 2].map((k) => cross(page, toX(x0 + o / 2), toY(t.y + (t.h * k) / 3)));
  const hBand = (y0: number) => [1, 2].map((k) => cross(page, toX(t.x + (t.w * k) / 3), toY(y0 + o / 2)));
  if (t.col < plan.cols) vBand(t.x + t.w - o);
  if (t.col > 1) vBand(t.x);
  if (t.row < plan.rows) hBand(t.y + t.h - o);
  if (t.row > 1) hBand(t.y);
  page.drawRectangle({ x: M, y: mm(plan.marginMm - 7.2), width: mm(6), height: mm(4.2), color: RED });
}

/** Tiles every page of `input`; returns the new PDF (a map sheet, then the tiles, per page). */
export async function tilePdf(input: Uint8Array, opts: TileOptions): Promise<Uint8Array> {
  const src = await PDFDocument.load(input);
  const out = await PDFDocument.create();
  out.setCreator('扶贫工作台');
  out.setProducer('扶贫工作台');
  const embedded = await out.embedPdf(src, src.getPageIndices());
  const posters: PosterPage[] = embedded.map((page) => {
    const wMm = page.width / PT_PER_MM;
    const hMm = page.height / PT_PER_MM;
    return { page, wMm, hMm, plan: planTiles(wMm, hMm, { paper: opts.paper, overlapMm: opts.overlapMm }) };
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
