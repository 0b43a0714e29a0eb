/** What every chart sheet shares: the red frame, the title band with its double rule, the footer. */
import { GREY, HAIR, INK, RED, Sheet, textEm } from './draw';
import type { TemplateBody } from '../../../shared/domain/wallchart';

const PT = 72 / 25.4;

/** The red frame is never nearer the sheet edge than this (mm). */
export const FRAME_MIN_MM = 5;

export interface FrameText {
  title: string;
  subtitle: string;
  year: number;
  dataDate: string;
  unit: string;
  /** Right of the footer: who issued the design. */
  issuer: string;
  sample: boolean;
  contact: string;
}

export interface Areas {
  side: number;
  mainY: number;
  mainH: number;
  footerY: number;
}

const zhDate = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Draws frame, title band and footer; `band` is the title band height at A1 (64 first sheet, 40 continuation). */
export function frame(sh: Sheet, t: FrameText, legend: TemplateBody['legend'], band: number, page: { n: number; of: number; show: boolean }): Areas {
  const s = sh.s;
  const W = sh.widthMm;
  const H = sh.heightMm;
  // The frame stays at least 5 mm from the sheet edge (office printers clip below about 5 mm),
  // and the content keeps its distance inside it, also on sheets smaller than A1.
  const inset = Math.max(8 * s, FRAME_MIN_MM);
  const side = Math.max(18 * s, inset + 4);
  const top = Math.max(18 * s, inset + 4);
  const bottom = Math.max(15 * s, inset + 3);
  sh.rect(inset, inset, W - 2 * inset, H - 2 * inset, 'none', { color: RED, width: Math.max(0.6 * s, 0.3) });

  const titleSize = (band >= 64 ? 92 : 72) * s;
  const rightW = 150 * s;
  const titleRoom = W - 2 * side - rightW - 50 * s;
  const size = Math.min(titleSize, (titleRoom * PT) / Math.max(1, textEm(t.title, true)));
  sh.text(side, top - 2 * s, W - 2 * side, t.title, { size, bold: true, color: RED, font: 'Serif' });
  const tw = (textEm(t.title, true) * size) / PT;
  const badge = `${t.year}年`;
  const bw = (textEm(badge, true) * 36 * s) / PT + 6 * s;
  const by = top + (size * 0.6) / PT - 6 * s;
  sh.rect(side + tw + 8 * s, by, bw, 13 * s, 'none', { color: RED, width: 0.6 * s });
  sh.textMid(side + tw + 8 * s, by + 6.5 * s, bw, badge, { size: 36 * s, bold: true, color: RED, align: 'center' });
  if (band >= 64 && t.subtitle) sh.text(side, top + 44 * s, W - 2 * side - rightW, t.subtitle, { size: 30 * s, bold: true, color: GREY, spacing: 6 * s * PT * 0.5 });
  sh.text(W - side - rightW, top + (band >= 64 ? 22 : 8) * s, rightW, { text: [{ text: '数据截至 ', fontSize: 20 * s, color: GREY }, { text: zhDate(t.dataDate), bold: true }] }, { size: 26 * s, align: 'right' });
  if (t.unit) sh.text(W - side - rightW - 60 * s, top + (band >= 64 ? 44 : 22) * s, rightW + 60 * s, `制表单位：${t.unit}`, { size: 20 * s, color: GREY, align: 'right' });

  const ruleY = top + band * s;
  sh.rect(side, ruleY, W - 2 * side, 2.4 * s, RED);
  sh.rect(side, ruleY + 3.4 * s, W - 2 * side, 0.6 * s, RED);

  const footerY = H - bottom - 22 * s;
  sh.line(side, footerY + 4 * s, W - side, footerY + 4 * s, HAIR, 0.3 * s);
  const fy = footerY + 13 * s;
  sh.textMid(side, fy, 14 * s, '图例', { size: 18 * s, color: GREY });
  let x = side + 14 * s;
  for (const [label, fill, color] of [
    ['未脱贫', legend.unexited, '#FFFFFF'],
    ['已脱贫', legend.exited, '#FFFFFF'],
    ['监测/预脱贫', legend.monitored, '#2B2B2B'],
  ] as const) {
    const w = (textEm(label, true) * 17 * s) / PT + 5 * s;
    sh.rect(x, fy - 3.6 * s, w, 7.2 * s, fill);
    sh.textMid(x, fy, w, label, { size: 17 * s, bold: true, color, align: 'center' });
    x += w + 3 * s;
  }
  x += 6 * s;
  sh.check(x + 2 * s, fy, 4 * s, INK);
  sh.textMid(x + 5 * s, fy, 22 * s, '已保障', { size: 18 * s });
  x += 28 * s;
  sh.cross(x + 2 * s, fy, 4 * s, RED);
  sh.textMid(x + 5 * s, fy, 22 * s, '未保障', { size: 18 * s });
  x += 28 * s;
  sh.line(x, fy, x + 4 * s, fy, GREY, 0.4 * s);
  sh.textMid(x + 6 * s, fy, 22 * s, '不涉及', { size: 18 * s });
  x += 32 * s;
  if (t.contact) sh.textMid(x, fy, 120 * s, t.contact, { size: 18 * s });

  const right = [t.sample ? '示例数据：姓名、数字均为虚构' : '', `${t.issuer}${page.show ? ` · 第 ${page.n} 张 / 共 ${page.of} 张` : ''}`].filter(Boolean);
  right.forEach((line, k) => sh.textMid(W / 2, fy - (right.length - 1 - k) * 7 * s + (right.length > 1 ? 3.5 * s : 0), W / 2 - side, line, { size: 16 * s, color: GREY, align: 'right' }));

  const mainY = ruleY + 4 * s + (band >= 64 ? 11 : 8) * s;
  return { side, mainY, mainH: footerY - mainY, footerY };
}
