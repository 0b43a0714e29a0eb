/**
 * Draws chart sheets with pdfkit directly (the engine under pdfmake, same bundled fonts as
 * subsets). A chart is thousands of absolutely placed cells: pdfmake's layout pass per node
 * costs more than the drawing, so the charts skip it.
 */
import PDFDocument from 'pdfkit';
import { registerFonts } from '../pdf/pdfkit-fonts';
import type { Sheet } from './draw';
import { mm } from '../pdf/engine';


/** Noto Sans/Serif SC ascender, em: where the baseline sits below the top of the line box. */
const ASCENT = 1.16;

export async function renderSheets(sheets: Sheet[], info: { title: string; subject: string }, signal?: AbortSignal): Promise<Buffer> {
  signal?.throwIfAborted();
  const doc = new PDFDocument({ autoFirstPage: false, margin: 0, compress: true, info: { Title: info.title, Subject: info.subject, Creator: '扶贫工作台', Producer: '扶贫工作台' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  registerFonts(doc, ['Sans', 'SansBold', 'SerifBold']);
  for (const sh of sheets) {
    signal?.throwIfAborted();
    doc.addPage({ size: [mm(sh.widthMm), mm(sh.heightMm)], margin: 0 });
    doc.lineCap('butt');
    for (const g of sh.shapes) {
      if (g.type === 'rect') {
        doc.rect(g.x, g.y, g.w, g.h);
        if (g.color && g.lineColor && g.lineWidth > 0) doc.lineWidth(g.lineWidth).fillAndStroke(g.color, g.lineColor);
        else if (g.color) doc.fill(g.color);
        else if (g.lineColor && g.lineWidth > 0) doc.lineWidth(g.lineWidth).stroke(g.lineColor);
        else doc.fill('#FFFFFF');
      } else if (g.type === 'line') {
        doc.moveTo(g.x1, g.y1).lineTo(g.x2, g.y2).lineWidth(g.lineWidth).stroke(g.lineColor);
      } else {
        doc.save().lineJoin('round').lineCap('round');
        g.points.forEach((p, i) => (i === 0 ? doc.moveTo(p.x, p.y) : doc.lineTo(p.x, p.y)));
        doc.lineWidth(g.lineWidth).stroke(g.lineColor);
        doc.restore();
      }
    }
    for (const t of sh.texts) {
      const baseline = t.y + Math.max(...t.runs.map((r) => r.fontSize)) * ASCENT;
      let x = t.x;
      for (const r of t.runs) {
        if (r.text === '') continue;
        const font = `${t.font}${r.bold ? 'Bold' : ''}`;
        doc.font(font).fontSize(r.fontSize).fillColor(r.color);
        doc.text(r.text, x, baseline - r.fontSize * ASCENT, { lineBreak: false, characterSpacing: t.spacing });
        x += doc.widthOfString(r.text, { characterSpacing: t.spacing });
      }
    }
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
