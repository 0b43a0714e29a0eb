/**
 * The household card's sections (members, measures, income, 两不愁三保障) and the small pieces
 * they share: labelled cells, boxed states, section headings, grid lines. Sizes from
 * design/README.md (A4 card grid and type scale).
 */
import { BW } from './palette';
import type { Content, TableCell } from './engine';
import { mm } from './engine';
import { TextMeasure } from './text-fit';
import type { CardData } from './card-data';
import { yuanText as yuan } from '../../../shared/rules/money';

export { RED } from './palette';
import { RED } from './palette';
export const { INK, GREY, RULE, HAIR, FILL: HEAD } = BW;
export const W = 180;
export const THICK = mm(0.35);
export const THIN = mm(0.2);
/** Table text is set at 10 pt with line height 0.92: Noto's line box is 1.448 em. */
const TABLE_LH = 0.92;
const BODY_LINE = 10 * 1.448 * TABLE_LH;

/** pdfmake widths exclude cell padding: a column of `w` mm on paper with `pad` mm each side. */
export const col = (w: number, pad: number) => mm(w - 2 * pad) - THIN;

let measure: TextMeasure | null = null;
const fit = (text: string, widthMm: number, size = 10, min = 8) => {
  measure ??= new TextMeasure('Sans', 'normal');
  return measure.fit(text, size, min, mm(widthMm));
};
/** A cell whose text is shrunk, then clipped, to stay on one line. */
const oneLine = (text: string, widthMm: number, extra: Record<string, unknown> = {}): TableCell => {
  const f = fit(text, widthMm);
  return { text: f.text, fontSize: f.size, ...extra } as TableCell;
};

export const labelled = (label: string, value: Content, size = 11): Content => ({
  stack: [{ text: label, fontSize: 8, color: GREY, lineHeight: 0.88 }, typeof value === 'string' ? { text: value || '—', fontSize: size, bold: true, lineHeight: 0.95 } : value],
});

/** A pdfmake node where the typings are narrower than what pdfmake accepts (pattern fills, widths on nodes). */
export type Node = Record<string, unknown>;

export const boxed = (text: string, color = INK, size = 10.5): Node => ({
  table: { body: [[{ text, bold: true, fontSize: size, color }]] },
  layout: { hLineWidth: () => THICK, vLineWidth: () => THICK, hLineColor: () => color, vLineColor: () => color, paddingLeft: () => mm(1.2), paddingRight: () => mm(1.2), paddingTop: () => 0, paddingBottom: () => 0 },
});

export function heading(numeral: string, title: string, note: string): Content {
  return {
    columns: [
      { width: 'auto', text: [{ text: numeral, color: RED }, title], fontSize: 12, bold: true, lineHeight: 0.85 },
      { width: '*', text: note, fontSize: 8.5, color: GREY, alignment: 'right', margin: [0, 2.5, 0, 0], lineHeight: 0.85 },
    ],
    margin: [0, mm(3), 0, mm(1.3)],
  };
}

/** Lines of a grid table: ink top and bottom, rule-coloured inside, no outer verticals. */
function gridLayout(rows: number, rowHmm: number, footer = false) {
  return {
    hLineWidth: (i: number) => (i === 0 || i === rows ? THICK : footer && i === rows - 1 ? mm(0.3) : THIN),
    hLineColor: (i: number) => (i === 0 || i === rows || (footer && i === rows - 1) ? INK : RULE),
    vLineWidth: (i: number, node: { table: { widths?: unknown[] } }) => (i === 0 || i === (node.table.widths?.length ?? 0) ? 0 : THIN),
    vLineColor: () => RULE,
    paddingLeft: () => mm(1.4),
    paddingRight: () => mm(1.4),
    paddingTop: (i: number) => (i === 0 ? mm(0.8) : (mm(rowHmm) - BODY_LINE) / 2),
    paddingBottom: (i: number) => (i === 0 ? mm(0.6) : (mm(rowHmm) - BODY_LINE) / 2),
    fillColor: (i: number) => (i === 0 ? HEAD : footer && i === rows - 1 ? '#F6F6F6' : null),
  };
}

const tick = (cross: boolean, color: string): Node => {
  const s = mm(4.2) / 20;
  const p = (x: number, y: number) => ({ x: x * s, y: y * s + 1 });
  return {
    canvas: cross
      ? [
          { type: 'line', x1: 5 * s, y1: 5 * s + 1, x2: 15 * s, y2: 15 * s + 1, lineWidth: 3.2 * s, lineColor: color, lineCap: 'round' },
          { type: 'line', x1: 15 * s, y1: 5 * s + 1, x2: 5 * s, y2: 15 * s + 1, lineWidth: 3.2 * s, lineColor: color, lineCap: 'round' },
        ]
      : [{ type: 'polyline', points: [p(3.8, 10.6), p(8.2, 14.8), p(16.4, 5.2)], lineWidth: 2.6 * s, lineColor: color, lineCap: 'round' }],
  };
};

export function members(d: CardData): Content {
  const widths = [10, 17, 16, 10, 10, 41, 22, 27, 27];
  const body: TableCell[][] = [
    ['序号', '姓名', '与户主\n关系', '性别', '年龄', '证件号码', '健康状况', '劳动技能', '在校生状况'].map((h) => ({ text: h, bold: true, fontSize: 9, lineHeight: 0.85 })),
    ...d.members.map((m, i) => [
      String(i + 1),
      oneLine(m.name, 14, { bold: true }),
      oneLine(m.relation, 13),
      m.gender,
      m.age,
      { text: m.idNumber, characterSpacing: 0.4 },
      oneLine(m.health, 19),
      oneLine(m.skill, 24),
      oneLine(m.school, 24),
    ]),
  ];
  if (d.members.length === 0) body.push([{ text: '未登记家庭成员', colSpan: 9, color: GREY }, '', '', '', '', '', '', '', '']);
  return {
    table: { headerRows: 1, widths: widths.map((w, i) => (i === widths.length - 1 ? '*' : col(w, 1.4))), body },
    layout: gridLayout(body.length, d.compact ? 5 : 5.9),
    fontSize: 10,
    lineHeight: TABLE_LH,
    alignment: 'center',
  } as Content;
}

export function measures(d: CardData): Content {
  const widths = [10, 19, 78, 24, 27, 22];
  const rows: TableCell[][] = d.measures.map((m, i) => [
    String(i + 1),
    oneLine(m.category, 16),
    oneLine(m.content, 75, { alignment: 'left' }),
    m.amountFen === null ? '' : { text: m.loan ? [{ text: '贷款 ', fontSize: 7.5, color: GREY }, yuan(m.amountFen)] : yuan(m.amountFen), alignment: 'right' },
    oneLine(m.unit, 24),
    { text: m.date, fontSize: 9.5 },
  ]);
  if (rows.length === 0) rows.push([{ text: `${d.year} 年暂无登记的帮扶措施`, colSpan: 6, color: GREY }, '', '', '', '', '']);
  const more = d.hiddenMeasures ? `；另有 ${d.hiddenMeasures} 项见扶贫手册` : '';
  const body: TableCell[][] = [
    ['序号', '类别', '内容', '金额（元）', '帮扶单位', '日期'].map((h) => ({ text: h, bold: true, fontSize: 9 })),
    ...rows,
    [{ text: `补助资金合计（不含贷款）${more}`, colSpan: 3, alignment: 'left', bold: true }, '', '', { text: yuan(d.subsidyFen), alignment: 'right', bold: true }, { text: '', colSpan: 2 }, ''],
  ];
  return {
    table: { headerRows: 1, widths: widths.map((w, i) => (i === 2 ? '*' : col(w, 1.4))), body },
    layout: gridLayout(body.length, d.compact ? 5 : 5.9, true),
    fontSize: 10,
    lineHeight: TABLE_LH,
    alignment: 'center',
  } as Content;
}

export function income(d: CardData): Content[] {
  const i = d.income;
  const line = (label: string, fen: number | null, opts: Record<string, unknown> = {}): TableCell[] => [{ text: label, ...opts }, { text: fen === null ? '—' : yuan(fen), alignment: 'right', ...opts }];
  if (!i) {
    const net = d.reportedNetFen;
    return [
      heading('四、', '收入情况', '元'),
      { text: net === null ? '尚未登记收入' : `人均纯收入（全国系统导入）${yuan(net)} 元`, fontSize: 10, margin: [0, mm(2), 0, 0] },
    ];
  }
  const below = i.lineFen !== null && i.netFen < i.lineFen;
  const body: TableCell[][] = [
    line('工资性收入', i.wageFen),
    line('生产经营性收入', i.productionFen),
    line('财产性收入', i.propertyFen),
    line('转移性收入', i.transferFen),
    line('收入合计', i.totalFen, { bold: true }),
    line('减：生产经营性支出', i.costFen),
    [
      { columns: [{ width: mm(21), text: '人均纯收入', bold: true, fontSize: 11 }, ...(below ? [{ width: mm(17), ...boxed('低于标准', INK, 8), margin: [mm(1), 1.5, 0, 0] } as unknown as Content] : [])] },
      { text: yuan(i.netFen), alignment: 'right', bold: true, fontSize: 11 },
    ],
  ];
  return [
    heading('四、', '收入情况', `${i.year} 年度 · 元`),
    {
      table: { widths: ['*', 'auto'], body },
      layout: {
        hLineWidth: (k: number) => (k === 0 || k === 7 ? THICK : k === 4 ? mm(0.3) : THIN),
        hLineColor: (k: number) => (k === 0 || k === 7 || k === 4 ? INK : HAIR),
        vLineWidth: () => 0,
        paddingLeft: () => mm(1.6),
        paddingRight: () => mm(1.6),
        paddingTop: () => (mm(6) - BODY_LINE) / 2,
        paddingBottom: () => (mm(6) - BODY_LINE) / 2,
        fillColor: (k: number) => (k === 6 ? HEAD : null),
      },
      fontSize: 10,
      lineHeight: TABLE_LH,
    } as Content,
    {
      text: [`（${yuan(i.totalFen)} − ${yuan(i.costFen)}）÷ ${d.size} 人 = `, { text: yuan(i.netFen), bold: true, color: INK }, i.lineFen === null ? '' : `；标准 ${yuan(i.lineFen)} 元/人`],
      fontSize: 8.5,
      color: GREY,
      margin: [0, mm(1.2), 0, 0],
    },
  ];
}

export function guarantees(d: CardData): Content[] {
  const body: Node[][] = d.guarantees.map((g) => {
    const fill: Node = g.state === 'gap' ? { fillColor: ['hatch', '#E4E4E4'] } : {};
    const mark: Node = g.state === 'ok' || g.state === 'gap' ? { ...tick(g.state === 'gap', g.state === 'gap' ? RED : INK), ...fill } : { text: '', ...fill };
    const state: Node =
      g.state === 'ok'
        ? { text: '已保障', ...fill }
        : g.state === 'gap'
          ? { ...boxed('未保障', RED, 10), ...fill }
          : { text: g.state === 'na' ? '不涉及' : '待核实', color: GREY, ...fill };
    const note = oneLine(g.note, 48) as { text: string; fontSize: number };
    return [
      { text: g.label, bold: true, ...fill },
      mark,
      state,
      { text: note.text, fontSize: Math.min(9, note.fontSize), color: g.state === 'gap' ? INK : GREY, bold: g.state === 'gap', ...fill },
    ];
  });
  return [
    heading('五、', '两不愁三保障', `数据截至 ${d.date}`),
    {
      table: { widths: [col(18, 1.2), col(6, 0.6), col(17, 0.6), '*'], body: body as unknown as TableCell[][] },
      layout: {
        hLineWidth: (k: number) => (k === 0 || k === body.length ? THICK : THIN),
        hLineColor: (k: number) => (k === 0 || k === body.length ? INK : HAIR),
        vLineWidth: () => 0,
        paddingLeft: (k: number) => (k === 1 || k === 2 ? mm(0.6) : mm(1.2)),
        paddingRight: (k: number) => (k === 1 || k === 2 ? mm(0.6) : mm(1.2)),
        paddingTop: () => mm(1.5),
        paddingBottom: () => mm(1),
      },
      fontSize: 10,
      lineHeight: TABLE_LH,
    } as Content,
  ];
}

