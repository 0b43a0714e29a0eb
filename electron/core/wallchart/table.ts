/**
 * The chart table, drawn cell by cell at fixed row heights (design: 10.2 mm rows at 20 pt on
 * sheet 1, 8.5 mm at the 16 pt floor on continuation sheets): header with a 三保障-style spanning
 * row, a merged vertical cell per run of the merge column (组, or the cadre in the pairing
 * register), a heavier rule between runs, ✓/✗ drawn as vectors, status chips.
 */
import { fit, GAP_FILL, GREY, GROUP_RULE, HAIR, HEAD_FILL, INK, RED, Sheet, textEm } from './draw';

export type CellValue =
  | { kind: 'text'; text: string; align?: 'left' | 'center' | 'right'; bold?: boolean; color?: string }
  | { kind: 'mark'; value: 'ok' | 'gap' | 'na' }
  | { kind: 'chip'; text: string; fill: string; color: string }
  | { kind: 'bar'; value: number; fill: string; label: string };

export interface Column<R> {
  id: string;
  /** Header label; '\n' splits it over two lines. */
  label: string;
  /** Width at A1 on sheet 1, mm; 0 = takes what is left (shared between flexible columns). */
  width: number;
  /** A spanning header above this column (三保障). */
  span?: string;
  /** Rows with the same value of this column merge into one vertical cell. */
  merge?: boolean;
  cell(r: R): CellValue;
}

export interface TableStyle {
  /** Scale of the sheet (A1 = 1). */
  s: number;
  /** Body size in pt at A1 (20 on sheet 1, 16 on continuation sheets). */
  body: number;
  rowMm: number;
  /** Fixed columns are narrowed by this factor (continuation sheets). */
  narrow: number;
}

export function headerHeight(cols: Column<unknown>[], st: TableStyle): number {
  return (cols.some((c) => c.span) ? 9 + 12 : 15) * st.s * (st.body / 20);
}

/** Column widths in sheet mm for a table `w` mm wide. */
export function widths<R>(cols: Column<R>[], w: number, st: TableStyle): number[] {
  const fixed = cols.map((c) => c.width * st.s * st.narrow);
  const sumFixed = fixed.reduce((a, b) => a + b, 0);
  const flex = cols.filter((c) => c.width === 0).length;
  if (flex > 0 && w - sumFixed >= 30 * st.s) return cols.map((c, i) => (c.width === 0 ? (w - sumFixed) / flex : fixed[i]));
  // No room left (or no flexible column): every column scales to fill exactly.
  const base = cols.map((c, i) => (c.width === 0 ? 60 * st.s : fixed[i]));
  const sum = base.reduce((a, b) => a + b, 0);
  return base.map((b) => (b * w) / sum);
}

const PT_PER_MM = 72 / 25.4;

export function drawTable<R>(sh: Sheet, x: number, y: number, w: number, cols: Column<R>[], rows: R[], st: TableStyle): number {
  const s = st.s;
  const ws = widths(cols, w, st);
  const xs: number[] = [];
  ws.reduce((acc, cw, i) => ((xs[i] = acc), acc + cw), x);
  const headH = headerHeight(cols as Column<unknown>[], st);
  const head = 17 * s * (st.body / 20);
  const body = st.body * s;
  const pad = 1.6 * s;

  // Header.
  sh.line(x, y - 0.4 * s, x + w, y - 0.4 * s, RED, 0.8 * s);
  sh.rect(x, y, w, headH, HEAD_FILL);
  const spanTop = cols.some((c) => c.span) ? 9 * s * (st.body / 20) : 0;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (c.span && (i === 0 || cols[i - 1].span !== c.span)) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1].span === c.span) j++;
      const sw = xs[j] + ws[j] - xs[i];
      sh.textMid(xs[i], y + spanTop / 2, sw, c.span, { size: head, bold: true, align: 'center' });
      sh.line(xs[i] + 1 * s, y + spanTop, xs[i] + sw - 1 * s, y + spanTop, HAIR, 0.25 * s);
    }
    const top = c.span ? y + spanTop : y;
    const h = c.span ? headH - spanTop : headH;
    const lines = c.label.split('\n');
    const lh = (head * 1.15) / PT_PER_MM;
    lines.forEach((l, k) => {
      const mid = top + h / 2 + (k - (lines.length - 1) / 2) * lh;
      sh.textMid(xs[i], mid, ws[i], fit(l, ws[i] * PT_PER_MM, head, true), { size: head, bold: true, align: 'center' });
    });
  }
  sh.line(x, y + headH, x + w, y + headH, GROUP_RULE, 0.35 * s);

  // Body.
  const rh = st.rowMm * s;
  const mergeCol = cols.findIndex((c) => c.merge);
  let runStart = 0;
  const top0 = y + headH;
  rows.forEach((r, n) => {
    const ry = top0 + n * rh;
    const mid = ry + rh / 2;
    for (let i = 0; i < cols.length; i++) {
      if (i === mergeCol) continue;
      const v = cols[i].cell(r);
      const cx = xs[i];
      const cw = ws[i];
      if (v.kind === 'text') {
        if (v.text === '') continue;
        const align = v.align ?? 'left';
        const t = fit(v.text, (cw - 2 * pad) * PT_PER_MM, body, v.bold);
        sh.textMid(cx + pad, mid, cw - 2 * pad, t, { size: body, bold: v.bold, color: v.color ?? INK, align });
      } else if (v.kind === 'mark') {
        if (v.value === 'ok') sh.check(cx + cw / 2, mid, 4.2 * s * (st.body / 20), INK);
        else if (v.value === 'gap') {
          sh.rect(cx + 0.5 * s, ry + 0.5 * s, cw - 1 * s, rh - 1 * s, GAP_FILL);
          sh.cross(cx + cw / 2, mid, 4.4 * s * (st.body / 20), RED);
        } else sh.line(cx + cw / 2 - 1.6 * s, mid, cx + cw / 2 + 1.6 * s, mid, GREY, 0.3 * s);
      } else if (v.kind === 'bar') {
        const bw = cw - 2 * pad - 14 * s;
        sh.rect(cx + pad, mid - 2.2 * s, bw, 4.4 * s, HEAD_FILL);
        sh.rect(cx + pad, mid - 2.2 * s, Math.max(0, Math.min(1, v.value)) * bw, 4.4 * s, v.fill);
        sh.textMid(cx + pad + bw, mid, 14 * s, v.label, { size: body * 0.8, align: 'right' });
      } else {
        const size = 17 * s * (st.body / 20);
        const chipW = Math.min(cw - 3 * s, (textEm(v.text, true) * size) / PT_PER_MM + 3 * s);
        sh.rect(cx + (cw - chipW) / 2, ry + 1.4 * s, chipW, rh - 2.8 * s, v.fill);
        sh.textMid(cx, mid, cw, v.text, { size, bold: true, color: v.color, align: 'center' });
      }
    }
    const next = rows[n + 1];
    const key = (q: R) => (mergeCol >= 0 ? textOf(cols[mergeCol].cell(q)) : '');
    const endsRun = !next || (mergeCol >= 0 && key(next) !== key(r));
    if (endsRun) {
      if (mergeCol >= 0) drawMerged(sh, xs[mergeCol], top0 + runStart * rh, ws[mergeCol], (n - runStart + 1) * rh, key(r), body, s);
      const last = !next;
      sh.line(x, ry + rh, x + w, ry + rh, GROUP_RULE, (last ? 0.5 : 0.9) * s);
      runStart = n + 1;
    } else {
      const from = mergeCol >= 0 ? xs[mergeCol] + ws[mergeCol] : x;
      if (mergeCol > 0) sh.line(x, ry + rh, xs[mergeCol], ry + rh, HAIR, 0.25 * s);
      sh.line(from, ry + rh, x + w, ry + rh, HAIR, 0.25 * s);
    }
  });
  if (mergeCol >= 0 && rows.length > 0) {
    const bx = xs[mergeCol] + ws[mergeCol];
    sh.line(bx, top0, bx, top0 + rows.length * rh, HAIR, 0.25 * s);
    if (mergeCol > 0) sh.line(xs[mergeCol], top0, xs[mergeCol], top0 + rows.length * rh, HAIR, 0.25 * s);
  }
  return top0 + rows.length * rh;
}

function textOf(v: CellValue): string {
  return v.kind === 'mark' ? v.value : v.kind === 'bar' ? v.label : v.text;
}

/** A merged cell: the label written vertically when it fits, else across, cut to the width. */
function drawMerged(sh: Sheet, x: number, y: number, w: number, h: number, label: string, size: number, s: number): void {
  if (label === '') return;
  const chars = [...label];
  const lh = size / PT_PER_MM;
  if (chars.length * lh * 1.05 <= h - 2 * s && chars.length > 1) {
    const top = y + h / 2 - (chars.length * lh * 1.05) / 2;
    chars.forEach((ch, k) => sh.text(x, top + k * lh * 1.05 + (lh * 1.05 - lh * 1.448) / 2, w, ch, { size, bold: true, align: 'center' }));
  } else {
    const sz = Math.min(size, (w - 1 * s) * PT_PER_MM / Math.max(1, textEm(label, true)));
    sh.textMid(x, y + h / 2, w, fit(label, (w - 0.5 * s) * PT_PER_MM, Math.max(sz, size * 0.6), true), { size: Math.max(sz, size * 0.6), bold: true, align: 'center' });
  }
}
