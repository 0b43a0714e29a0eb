/**
 * The village chart (挂图作战表) and the pairing register (一对一结对帮扶名册), laid out as in
 * design/README.md: sheet 1 with statistics | table | team and pairing; continuation sheets
 * (（续）) with two table blocks at the 16 pt floor; a 组 never starts in a block's last 5 rows.
 */
import { GREY, Sheet } from './draw';
import { drawTable, headerHeight, type CellValue, type Column } from './table';
import { frame, type FrameText } from './sheet-frame';
import { criteriaPanel, pairingPanel, statsColumn, teamPanel } from './panels';
import type { ChartHousehold, VillageChartData } from './chart-data';
import { figure, paperMm, type ColumnId, type TemplateBody } from '../../../shared/domain/wallchart';

const t = (text: string, align: 'left' | 'center' | 'right' = 'left', bold = false): CellValue => ({ kind: 'text', text, align, bold });

export function householdColumns(body: TemplateBody, mergeOn: 'group' | 'cadre' | null): Column<ChartHousehold>[] {
  const L = body.legend;
  const defs: Record<ColumnId, Column<ChartHousehold>> = {
    seq: { id: 'seq', label: '序号', width: 16, cell: (h) => t(String(h.seq), 'center') },
    group: { id: 'group', label: '组', width: 15, merge: mergeOn === 'group', cell: (h) => t(h.group, 'center') },
    head: { id: 'head', label: '户主', width: 27, cell: (h) => t(h.head) },
    size: { id: 'size', label: '人口', width: 16, cell: (h) => t(String(h.size), 'center') },
    attribute: { id: 'attribute', label: '贫困户\n属性', width: 26, cell: (h) => t(h.attribute, 'center') },
    cause: { id: 'cause', label: '主要\n致贫原因', width: 33, cell: (h) => t(h.cause, 'center') },
    cadre: { id: 'cadre', label: '帮扶\n责任人', width: 27, merge: mergeOn === 'cadre', cell: (h) => t(h.cadre || (mergeOn === 'cadre' ? '未结对' : ''), mergeOn === 'cadre' ? 'center' : 'left') },
    measures: { id: 'measures', label: '主要帮扶措施', width: 0, cell: (h) => t(h.measures) },
    income: { id: 'income', label: '人均纯收入\n（元）', width: 33, cell: (h) => t(h.income === null ? '' : figure(h.income), 'right') },
    education: { id: 'education', label: '义务\n教育', width: 16, span: '三保障', cell: (h) => ({ kind: 'mark', value: h.education }) },
    medical: { id: 'medical', label: '基本\n医疗', width: 16, span: '三保障', cell: (h) => ({ kind: 'mark', value: h.medical }) },
    housing: { id: 'housing', label: '住房\n安全', width: 16, span: '三保障', cell: (h) => ({ kind: 'mark', value: h.housing }) },
    water: { id: 'water', label: '饮水\n安全', width: 16, span: '三保障', cell: (h) => ({ kind: 'mark', value: h.water }) },
    exitYear: { id: 'exitYear', label: '计划脱贫\n年度', width: 28, cell: (h) => t(h.exitYear ? String(h.exitYear) : '', 'center') },
    status: {
      id: 'status',
      label: '状态',
      width: 29,
      cell: (h) => ({ kind: 'chip', text: h.statusLabel, fill: L[h.status], color: h.status === 'monitored' ? '#2B2B2B' : '#FFFFFF' }),
    },
    phone: { id: 'phone', label: '联系电话', width: 36, cell: (h) => t(h.phone, 'center') },
    idNumber: { id: 'idNumber', label: '户主身份证号', width: 52, cell: (h) => t(h.idNumber, 'center') },
    health: { id: 'health', label: '健康状况', width: 24, cell: (h) => t(h.health, 'center') },
  };
  return body.columns.filter((c) => !(c === 'health' && body.masking.hideHealth)).map((c) => defs[c]);
}

export interface Block {
  rows: ChartHousehold[];
}

/** Splits rows into blocks of the given capacities; a run of the merge key never starts in a block's last 5 rows. */
export function paginate(rows: ChartHousehold[], caps: (k: number) => number, key: ((h: ChartHousehold) => string) | null): Block[] {
  const blocks: Block[] = [{ rows: [] }];
  let cap = caps(0);
  rows.forEach((r, i) => {
    let b = blocks[blocks.length - 1];
    const startsRun = key !== null && i > 0 && key(rows[i - 1]) !== key(r);
    if (b.rows.length >= cap || (startsRun && b.rows.length > 0 && b.rows.length > cap - 5 - 1 && cap > 10)) {
      b = { rows: [] };
      blocks.push(b);
      cap = caps(blocks.length - 1);
    }
    b.rows.push(r);
  });
  return blocks;
}

export interface ChartDoc {
  pages: Sheet[];
  sheets: number;
  title: string;
  subject: string;
}

export function villageChartDoc(d: VillageChartData, body: TemplateBody, text: FrameText, register: boolean): ChartDoc {
  const { w: W, h: H } = paperMm(body.paper);
  const s = Math.min(W / 841, H / 594);
  const mergeOn = register ? 'cadre' : body.groupByGroup ? 'group' : null;
  const rows = register
    ? [...d.households].sort((a, b) => (a.cadre || '\uffff').localeCompare(b.cadre || '\uffff', 'zh') || a.seq - b.seq).map((h, i) => ({ ...h, seq: i + 1 }))
    : d.households;
  const cols = householdColumns(body, mergeOn);
  const key = mergeOn === 'cadre' ? (h: ChartHousehold) => h.cadre : mergeOn === 'group' ? (h: ChartHousehold) => h.group : null;
  const on = (id: string) => body.sections.some((x) => x.id === id && x.on);
  const order = body.sections.filter((x) => x.on).map((x) => x.id);
  const tableAt = order.indexOf('table');
  const left = tableAt < 0 ? order : order.slice(0, tableAt);
  const right = tableAt < 0 ? [] : order.slice(tableAt + 1);

  // Sheet geometry, first sheet then continuation sheets.
  const probe = new Sheet(s, W, H);
  const a1 = frame(probe, text, body.legend, 64, { n: 1, of: 1, show: false });
  const sideW = 168 * s;
  const gutter = 10 * s;
  const tableX = a1.side + (left.length ? sideW + gutter : 0);
  const tableW = W - 2 * a1.side - (left.length ? sideW + gutter : 0) - (right.length ? sideW + gutter : 0);
  const st1 = { s, body: 20, rowMm: 10.2, narrow: 1 };
  const stC = { s, body: 16, rowMm: 8.5, narrow: 0.815 };
  const head1 = 10 * s;
  const noteH = 7 * s;
  const cap1 = on('table') ? Math.max(1, Math.floor((a1.mainH - head1 - headerHeight(cols as never, st1) - noteH) / (st1.rowMm * s))) : 0;
  const probeC = new Sheet(s, W, H);
  const aC = frame(probeC, text, body.legend, 40, { n: 2, of: 2, show: false });
  const blockW = Math.min(396 * s, (W - 2 * aC.side - gutter) / 2);
  const capC = Math.max(1, Math.floor((aC.mainH - head1 - headerHeight(cols as never, stC) - noteH) / (stC.rowMm * s)));
  const blocks = on('table') ? paginate(rows, (k) => (k === 0 ? cap1 : capC), key) : [{ rows: [] }];
  const sheets = 1 + Math.ceil((blocks.length - 1) / 2);

  const pages: Sheet[] = [];
  const page = (n: number) => ({ n, of: sheets, show: body.footer.pageNumbers });
  // Sheet 1.
  const sh = new Sheet(s, W, H);
  const A = frame(sh, text, body.legend, 64, page(1));
  const column = (ids: string[], x: number) => {
    let y = A.mainY;
    for (const id of ids) {
      const room = A.mainY + A.mainH - y;
      if (room < 30 * s) break;
      if (id === 'stats') {
        statsColumn(sh, { x, y, w: sideW }, room, body.stats.filter((p) => p.on).map((p) => p.id), d, body.legend);
        y = A.mainY + A.mainH;
      } else if (id === 'team') y += teamPanel(sh, { x, y, w: sideW }, d) + 7 * s;
      else if (id === 'pairing') y += pairingPanel(sh, { x, y, w: sideW }, room - (ids.includes('exitCriteria') && ids.indexOf('exitCriteria') > ids.indexOf('pairing') ? 58 * s : 0), d) + 7 * s;
      else if (id === 'exitCriteria') y += criteriaPanel(sh, { x, y, w: sideW }, d, body.legend) + 7 * s;
    }
  };
  column(left, a1.side);
  column(right, W - a1.side - sideW);
  const title = register ? '一对一结对帮扶名册' : '挂图作战表';
  const blockHead = (sheet: Sheet, x: number, y: number, w: number, label: string, note: string) => {
    sheet.rect(x, y + 1.5 * s, 1.6 * s, 7 * s, '#B71C1C');
    sheet.textMid(x + 4 * s, y + 5 * s, w / 2, label, { size: 24 * s, bold: true });
    sheet.textMid(x + w / 2, y + 5 * s, w / 2, note, { size: 15 * s, color: GREY, align: 'right' });
  };
  const summary = `全村 ${d.households.length} 户 ${d.persons} 人全部列出${key ? (register ? ' · 按帮扶责任人排列' : ' · 按组排列') : ''}`;
  if (on('table')) {
    blockHead(sh, tableX, A.mainY, tableW, title, summary);
    const end = drawTable(sh, tableX, A.mainY + head1, tableW, cols, blocks[0].rows, st1);
    const note = body.footer.note;
    if (note) sh.text(tableX, end + 1.5 * s, tableW * 0.75, note, { size: 14 * s, color: GREY });
    if (!register) sh.text(tableX + tableW * 0.75, end + 1.5 * s, tableW * 0.25, `三保障缺口 ${d.gaps} 项`, { size: 14 * s, color: GREY, align: 'right' });
    if (blocks.length > 1) sh.text(tableX, end + 7 * s, tableW, `（续见第 2 张）`, { size: 14 * s, color: GREY });
    if (d.households.length === 0) sh.text(tableX, A.mainY + head1 + 30 * s, tableW, '本村暂无贫困户记录', { size: 20 * s, color: GREY, align: 'center' });
  }
  pages.push(sh);

  // Continuation sheets.
  for (let n = 2; n <= sheets; n++) {
    const c = new Sheet(s, W, H);
    const A2 = frame(c, { ...text, title: `${text.title.replace(/脱贫攻坚作战图$/, '')} ${title}（续）` }, body.legend, 40, page(n));
    for (let k = 0; k < 2; k++) {
      const b = blocks[1 + (n - 2) * 2 + k];
      if (!b || b.rows.length === 0) continue;
      const bx = A2.side + k * (blockW + (W - 2 * A2.side - 2 * blockW));
      blockHead(c, bx, A2.mainY, blockW, `${title}（续）`, `第 ${b.rows[0].seq}–${b.rows[b.rows.length - 1].seq} 户`);
      drawTable(c, bx, A2.mainY + head1, blockW, cols, b.rows, stC);
    }
    pages.push(c);
  }

  return { sheets, pages, title: text.title, subject: title };
}
