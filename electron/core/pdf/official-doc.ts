/**
 * Formal A4 documents (通报) in the GB/T 9704 layout (domain.md §7): margins top 37 mm and left
 * (binding) 28 mm, a 156 × 225 mm text block, body 16 pt Serif (仿宋 stand-in), title 22 pt Serif
 * bold centred, "一、" headings bold Sans (黑体 stand-in), "（一）" headings bold Serif, page
 * numbers "— n —" at the foot, odd pages right and even pages left. Inspection bulletins and
 * monthly bulletins share this frame.
 */
import { mm, renderPdf, type Content, type TableCell } from './engine';

export const CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2017-04-30 → 2017年4月30日 */
export function cnDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

export const docTitle = (text: string): Content => ({ text, font: 'Serif', bold: true, fontSize: 22, alignment: 'center', lineHeight: 1.3, margin: [0, 0, 0, 20] });
/** A body paragraph, first line indented two characters. */
export const para = (text: string): Content => ({ text, leadingIndent: 32 });
/** 一、… (n counts from 0). */
export const heading = (n: number, text: string): Content => ({ text: `${CN_NUM[n]}、${text}`, font: 'Sans', bold: true, margin: [0, 8, 0, 2] });
/** （一）… (n counts from 0). */
export const subHeading = (n: number, text: string): Content => ({ text: `（${CN_NUM[n]}）${text}`, bold: true, margin: [0, 4, 0, 2] });
/** A heading kept on one page with what follows it: never the last line of a page. */
export const keepWith = (h: Content, first: Content | undefined): Content => ({ stack: first ? [h, first] : [h], unbreakable: true });
/**
 * A heading followed by a table that may run over pages: the table starts on the heading's page
 * and repeats its header row on every page; the heading moves to the next page only when the
 * header and the first rows (up to `KEEP_ROWS`) would not fit under it. `body[0]` is the header row.
 */
export const KEEP_ROWS = 3;
let keepSeq = 0;
export function headingWithTable(h: Content, table: { widths: (number | string)[]; body: TableCell[][] }, style: Record<string, unknown>): Content[] {
  const key = `keep${++keepSeq}`;
  const kept = Math.min(table.body.length, 1 + KEEP_ROWS);
  // The first cell of each body row kept with the heading carries a mark the page-break check looks
  // for (the header row is laid out apart from the body and is not seen by the check).
  const body = table.body.map((row, i) => (i > 0 && i < kept ? [{ ...(row[0] as object), id: `${key}:r${i}` } as TableCell, ...row.slice(1)] : row));
  return [
    { ...(h as object), headlineLevel: 1, id: `${key}#${kept - 1}` } as Content,
    { table: { headerRows: 1, dontBreakRows: true, keepWithHeaderRows: kept - 1, widths: table.widths, body }, ...style } as Content,
  ];
}
/** pdfmake's page-break check for `headingWithTable`: break before the heading when its rows are not on its page. */
function pageBreakBefore(node: { id?: string; headlineLevel?: number }, q: { getFollowingNodesOnPage(): { id?: string }[] }): boolean {
  const m = node.headlineLevel === 1 && typeof node.id === 'string' ? /^(keep\d+)#(\d+)$/.exec(node.id) : null;
  if (!m) return false;
  const onPage = q.getFollowingNodesOnPage().filter((n) => typeof n.id === 'string' && n.id.startsWith(`${m[1]}:r`)).length;
  return onPage < Number(m[2]);
}
/** The closing lines (last paragraph, issuer and date) kept on one page with the block before them. */
export const closing = (before: Content | undefined, last: Content, issuer: string, date: string): Content => ({ stack: [...(before ? [before] : []), last, ...signature(issuer, date)], unbreakable: true });
/** The issuing office and date, right-aligned under the text. */
export const signature = (issuer: string, date: string): Content[] => [
  { text: issuer, alignment: 'right', margin: [0, 28, 32, 0] },
  { text: cnDate(date), alignment: 'right', margin: [0, 0, 32, 0] },
];
/** Ruled table lines for tables inside a document. */
export const docTableLayout = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#444444', vLineColor: () => '#444444', paddingTop: () => 3, paddingBottom: () => 3 };

export async function officialPdf(doc: { title: string; subject?: string; content: Content[] }, signal?: AbortSignal): Promise<{ pdf: Buffer; pages: number }> {
  const pdf = await renderPdf(
    {
      pageSize: 'A4',
      // left 28 (binding), right 26, top 37, bottom 35: a 156 × 225 mm text block
      pageMargins: [mm(28), mm(37), mm(26), mm(35)],
      defaultStyle: { font: 'Serif', fontSize: 16, lineHeight: 1.45, color: '#1A1A1A' },
      info: { title: doc.title, ...(doc.subject ? { subject: doc.subject } : {}) },
      content: doc.content,
      pageBreakBefore: pageBreakBefore as never,
      footer: (page: number) => ({
        text: `— ${page} —`,
        font: 'Serif',
        fontSize: 14,
        alignment: page % 2 === 1 ? 'right' : 'left',
        margin: [mm(28), mm(12), mm(26), 0],
      }),
    },
    { signal },
  );
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  return { pdf, pages };
}
