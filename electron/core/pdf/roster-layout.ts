/**
 * The roster list's fixed page layout (landscape A4): columns, row heights, and the pager that
 * places village headings, person rows and totals. Every row has the same height, so one pass
 * over the row counts gives the page count before anything is drawn, and the drawing pass
 * places each row exactly as the counting pass did.
 */
import { mm, PAPER_MM } from './engine';

export const PAGE_W = mm(PAPER_MM.A4[1]);
export const PAGE_H = mm(PAPER_MM.A4[0]);
export const MARGIN_X = mm(10);
export const TOP = mm(9);
export const BAND_H = mm(14);
export const HEADER_H = mm(9);
export const ROW_H = mm(5);
export const FOOTER_Y = PAGE_H - mm(9);
export const BODY_TOP = TOP + BAND_H + HEADER_H;
export const ROWS_PER_PAGE = Math.floor((FOOTER_Y - mm(3) - BODY_TOP) / ROW_H);

export type ColumnKey =
  | 'seq'
  | 'township'
  | 'village'
  | 'group'
  | 'number'
  | 'head'
  | 'relation'
  | 'name'
  | 'gender'
  | 'idNumber'
  | 'size'
  | 'attribute'
  | 'cause'
  | 'status'
  | 'plannedExit'
  | 'phone';

export interface Column {
  key: ColumnKey;
  /** Header text; '\n' marks where a two-line header breaks. */
  header: string;
  widthMm: number;
  align: 'left' | 'center';
}

/** 277 mm: the page width less 10 mm margins. */
export const COLUMNS: Column[] = [
  { key: 'seq', header: '序号', widthMm: 11, align: 'center' },
  { key: 'township', header: '乡镇', widthMm: 17, align: 'left' },
  { key: 'village', header: '村', widthMm: 17, align: 'left' },
  { key: 'group', header: '组', widthMm: 10, align: 'center' },
  { key: 'number', header: '户编号', widthMm: 30, align: 'left' },
  { key: 'head', header: '户主', widthMm: 13, align: 'left' },
  { key: 'relation', header: '与户主\n关系', widthMm: 13, align: 'center' },
  { key: 'name', header: '姓名', widthMm: 13, align: 'left' },
  { key: 'gender', header: '性别', widthMm: 7, align: 'center' },
  { key: 'idNumber', header: '证件号码', widthMm: 31, align: 'left' },
  { key: 'size', header: '人数', widthMm: 8, align: 'center' },
  { key: 'attribute', header: '属性', widthMm: 21, align: 'left' },
  { key: 'cause', header: '主要致贫\n原因', widthMm: 22, align: 'left' },
  { key: 'status', header: '状态', widthMm: 28, align: 'left' },
  { key: 'plannedExit', header: '计划脱贫\n年度', widthMm: 14, align: 'center' },
  { key: 'phone', header: '联系电话', widthMm: 22, align: 'left' },
];

/** Left edge of each column in points, and the right edge of the table. */
export const COLUMN_X: number[] = (() => {
  const xs: number[] = [];
  let x = MARGIN_X;
  for (const c of COLUMNS) {
    xs.push(x);
    x += mm(c.widthMm);
  }
  xs.push(x);
  return xs;
})();

export interface PagerEvents {
  /** A new page starts (1-based number). */
  page?(n: number): void;
  /** A village continues on a new page: its heading is repeated at this row. */
  continued?(row: number): void;
}

/**
 * Places rows on pages. A village heading never ends a page (it needs room for one more row);
 * a village that runs over a page repeats its heading, marked 续, at the top of the next.
 */
export class Pager {
  pages = 0;
  private row: number;

  constructor(
    private readonly rowsPerPage: number = ROWS_PER_PAGE,
    private readonly on: PagerEvents = {},
  ) {
    this.row = rowsPerPage;
  }

  private newPage(): void {
    this.pages++;
    this.row = 0;
    this.on.page?.(this.pages);
  }

  /** The row of a village heading. */
  heading(): number {
    if (this.row + 2 > this.rowsPerPage) this.newPage();
    return this.row++;
  }

  /** The row of a person or a totals line inside a village. */
  line(): number {
    if (this.row + 1 > this.rowsPerPage) {
      this.newPage();
      // The repeated heading takes a row whether or not anyone draws it.
      const heading = this.row++;
      this.on.continued?.(heading);
    }
    return this.row++;
  }

  /** The row of the grand total (no village heading to repeat). */
  last(): number {
    if (this.row + 1 > this.rowsPerPage) this.newPage();
    return this.row++;
  }
}

/** Pages the roster takes: households in order, given their village and person-row count. */
export function countPages(shapes: Iterable<{ villageId: string; persons: number }>, rowsPerPage = ROWS_PER_PAGE): number {
  const pager = new Pager(rowsPerPage);
  let village: string | null = null;
  for (const s of shapes) {
    if (s.villageId !== village) {
      if (village !== null) pager.line();
      pager.heading();
      village = s.villageId;
    }
    for (let i = 0; i < s.persons; i++) pager.line();
  }
  if (village !== null) pager.line();
  pager.last();
  return pager.pages;
}
