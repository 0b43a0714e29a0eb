/**
 * Exports of the ledger's current view: an xlsx workbook (cells neutralised by writeXlsx) and a
 * landscape A4 PDF (pdfmake: a ledger view is tens to a few hundred rows; pdfmake handles
 * 10,000 rows in about 10 s). Characters the bundled font cannot draw are not printed as boxes:
 * they are replaced by 〓 and reported by 序号 and column.
 */
import * as palette from '../pdf/palette';
import { writeXlsx } from '../files/xlsx-write';
import { missingChars } from '../pdf/fonts';
import { mm, renderPdf, type Content, type TableCell } from '../pdf/engine';
import { STATUS_ZH } from '../../../shared/ledger/state';
import type { LedgerItem, LedgerSourceKind, LedgerView } from '../../../shared/domain/ledger';

export const SOURCE_ZH: Record<LedgerSourceKind, string> = { inspection: '督查考核', self_check: '自查', notice: '上级通报', other: '其他' };
export const VIEW_ZH: Record<LedgerView, string> = { all: '全部', overdue: '已逾期', due10: '10日内到期', due20: '20日内到期', closed: '已销号' };

export const COLUMNS: { header: string; width: number; pdf: number; value: (i: LedgerItem) => string | number }[] = [
  { header: '序号', width: 6, pdf: 9, value: (i) => i.seq },
  { header: '问题来源', width: 22, pdf: 26, value: (i) => `${SOURCE_ZH[i.sourceKind]}：${i.sourceText}` },
  { header: '问题类别', width: 10, pdf: 15, value: (i) => i.category },
  { header: '问题描述', width: 40, pdf: 44, value: (i) => i.description },
  { header: '整改措施', width: 40, pdf: 40, value: (i) => i.measures },
  { header: '牵头单位', width: 14, pdf: 17, value: (i) => i.leadUnit },
  { header: '责任单位', width: 14, pdf: 17, value: (i) => i.responsibleUnit },
  { header: '责任人', width: 8, pdf: 12, value: (i) => i.responsiblePerson },
  { header: '整改时限', width: 11, pdf: 21, value: (i) => i.deadline },
  { header: '整改进展', width: 30, pdf: 25, value: (i) => i.lastProgress ?? '' },
  { header: '佐证材料', width: 8, pdf: 15, value: (i) => (i.evidenceCount ? `${i.evidenceCount} 件` : '') },
  { header: '销号状态', width: 8, pdf: 15, value: (i) => STATUS_ZH[i.status] },
  { header: '销号日期', width: 11, pdf: 20, value: (i) => i.closedDate ?? '' },
];

export interface ExportContext {
  county: string;
  view: LedgerView;
  today: string;
  /** Filters in words, e.g. "问题类别：精准识别". */
  filterText: string;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export async function exportLedgerXlsx(file: string, items: readonly LedgerItem[], c: ExportContext): Promise<{ rows: number }> {
  return writeXlsx(
    file,
    [
      {
        name: '整改台账',
        columns: COLUMNS.map((col) => ({ header: col.header, width: col.width })),
        rows: items.map((i) => COLUMNS.map((col) => col.value(i))),
      },
    ],
    { signal: c.signal, onProgress: (n) => c.onProgress?.(n, items.length) },
  );
}

export interface MissingGlyphs {
  seq: number;
  column: string;
  chars: string[];
}

const { INK, GREY, HAIR: RULE, HEAD_FILL: HEAD, RED } = palette;

/** Builds the PDF of a ledger view; returns the bytes and the characters that were replaced. */
export async function ledgerPdf(items: readonly LedgerItem[], c: ExportContext): Promise<{ pdf: Buffer; missing: MissingGlyphs[] }> {
  const missing: MissingGlyphs[] = [];
  const safe = (seq: number, column: string, text: string) => {
    const m = missingChars(text);
    if (!m.length) return text;
    missing.push({ seq, column, chars: m });
    let out = text;
    for (const ch of m) out = out.split(ch).join('〓');
    return out;
  };
  const header: TableCell[] = COLUMNS.map((col) => ({ text: col.header, bold: true, fontSize: 8.5, alignment: 'center', fillColor: HEAD }));
  const body: TableCell[][] = [header];
  items.forEach((i, n) => {
    body.push(
      COLUMNS.map((col) => {
        const v = String(col.value(i));
        const cell: TableCell = { text: safe(i.seq, col.header, v), fontSize: 8.5 };
        if (col.header === '序号' || col.header === '销号状态' || col.header.endsWith('日期') || col.header === '整改时限' || col.header === '佐证材料') Object.assign(cell, { alignment: 'center' });
        if (col.header === '整改时限' && i.status !== 'closed' && i.deadline < c.today) Object.assign(cell, { color: RED, bold: true });
        return cell;
      }),
    );
    if (n % 200 === 0) c.onProgress?.(n, items.length);
  });
  const total = COLUMNS.reduce((s, col) => s + col.pdf, 0);
  const usable = 297 - 2 * 12;
  // pdfmake's widths exclude cell padding (3 pt each side) and rules (0.5 pt).
  const widths = COLUMNS.map((col) => mm((col.pdf / total) * usable) - 6.5);
  const content: Content[] = [
    { text: `${c.county}整改台账`, font: 'Serif', bold: true, fontSize: 20, alignment: 'center', color: RED, margin: [0, 0, 0, 4] },
    {
      columns: [
        { text: `视图：${VIEW_ZH[c.view]}${c.filterText ? `　${c.filterText}` : ''}`, fontSize: 9, color: GREY },
        { text: `共 ${items.length} 条　导出日期：${c.today}`, fontSize: 9, color: GREY, alignment: 'right' },
      ],
      margin: [0, 0, 0, 4],
    },
    {
      table: { headerRows: 1, widths, body, dontBreakRows: true },
      layout: {
        hLineColor: () => RULE,
        vLineColor: () => RULE,
        hLineWidth: (i: number) => (i === 1 ? 1 : 0.5),
        vLineWidth: () => 0.5,
        paddingLeft: () => 3,
        paddingRight: () => 3,
        paddingTop: () => 2,
        paddingBottom: () => 2,
      },
    },
  ];
  if (items.length === 0) content.push({ text: '本视图没有整改问题。', fontSize: 11, color: GREY, margin: [0, 12, 0, 0], alignment: 'center' });
  c.signal?.throwIfAborted();
  const pdf = await renderPdf(
    {
      pageSize: 'A4',
      pageOrientation: 'landscape',
      pageMargins: [mm(12), mm(12), mm(12), mm(14)],
      defaultStyle: { font: 'Sans', color: INK, lineHeight: 1.15 },
      info: { title: `${c.county}整改台账（${VIEW_ZH[c.view]}）` },
      content,
      footer: (page: number, pages: number) => ({ text: `第 ${page} 页 / 共 ${pages} 页`, alignment: 'center', fontSize: 8, color: GREY, margin: [0, mm(4), 0, 0] }),
    },
    { signal: c.signal },
  );
  c.onProgress?.(items.length, items.length);
  return { pdf, missing };
}

