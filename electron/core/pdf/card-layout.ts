/**
 * The household card's page (design/household-card-A4.*): A4 portrait, margins 12/15/10 mm,
 * 180 mm of content; black-and-white safe (states never depend on colour: a gap is a ✗ with a
 * boxed 未保障 on a hatched row). The pledge and signature row sit in the page footer, so they
 * are pinned to the foot of every card.
 */
import type { Content, TDocumentDefinitions } from './engine';
import { mm } from './engine';
import type { CardData } from './card-data';
import { boxed, col, GREY, guarantees, HAIR, heading, income, INK, labelled, measures, members, RED, RULE, THICK, THIN, W, type Node } from './card-sections';

export function cardContent(d: CardData): Content[] {
  const statusCell = d.exited ? labelled('脱贫状态', d.status, 10.5) : labelled('脱贫状态', { columns: [{ width: 'auto', ...boxed(d.status || '未登记') } as unknown as Content] });
  const cadre = d.cadre;
  return [
    {
      columns: [
        { text: `${d.county}脱贫攻坚指挥部 统一印制`, fontSize: 8.5, color: GREY },
        { text: '扶贫手册摘要 · 一户一卡', fontSize: 8.5, color: GREY, alignment: 'right' },
      ],
    },
    { text: '建档立卡贫困户扶贫明白卡', font: 'Serif', bold: true, fontSize: 22, color: RED, alignment: 'center', characterSpacing: mm(1.2), lineHeight: 0.85 },
    { text: `${d.year} 年度`, bold: true, fontSize: 10.5, characterSpacing: mm(1), alignment: 'center' },
    {
      canvas: [
        { type: 'rect', x: 0, y: mm(2.2), w: mm(W), h: mm(1.1), color: RED },
        { type: 'rect', x: 0, y: mm(2.2 + 1.1 + 0.8), w: mm(W), h: mm(0.3), color: RED },
      ],
      margin: [0, 0, 0, mm(3)],
    },
    {
      table: {
        widths: [col(27, 2.2), col(27, 2.2), col(27, 2.2), col(20, 2.2), '*'],
        body: [[labelled('县', d.county), labelled('乡镇', d.township), labelled('村', d.village), labelled('组', d.group), labelled('户编号', { text: d.number, fontSize: 11, bold: true, characterSpacing: 0.6 })]],
      },
      layout: {
        hLineWidth: () => THICK,
        vLineWidth: (i: number) => (i === 0 || i === 5 ? THICK : THIN),
        hLineColor: () => INK,
        vLineColor: (i: number) => (i === 0 || i === 5 ? INK : RULE),
        paddingLeft: () => mm(2.2),
        paddingRight: () => mm(2.2),
        paddingTop: () => mm(1),
        paddingBottom: () => mm(1),
      },
    } as Content,
    {
      table: {
        widths: ['*', '*', '*', '*'],
        body: [
          [labelled('户主', d.head), labelled('家庭人口', `${d.size} 人`, 10.5), labelled('贫困户属性', d.attribute, 10.5), statusCell],
          [labelled('主要致贫原因', d.mainCause, 10.5), labelled('次要致贫原因', d.secondaryCauses, 10.5), labelled('计划脱贫年度', d.plannedExit, 10.5), labelled('户联系电话', d.phone, 10.5)],
        ],
      },
      layout: {
        hLineWidth: (i: number) => (i === 0 ? 0 : i === 2 ? THICK : THIN),
        hLineColor: (i: number) => (i === 2 ? INK : HAIR),
        vLineWidth: (i: number) => (i === 0 || i === 4 ? THICK : THIN),
        vLineColor: (i: number) => (i === 0 || i === 4 ? INK : HAIR),
        paddingLeft: () => mm(2.2),
        paddingRight: () => mm(2.2),
        paddingTop: () => mm(1),
        paddingBottom: () => mm(1),
      },
    } as Content,
    heading('一、', '家庭成员', '证件号码已脱敏：保留前 6 位与后 4 位'),
    members(d),
    heading('二、', '帮扶责任人', cadre?.since ? `结对时间 ${cadre.since} 起${cadre.others ? `；另有 ${cadre.others} 名责任人` : ''}` : ''),
    cadre
      ? ({
          table: {
            widths: [col(30, 2.2), '*', col(30, 2.2), col(40, 2.2)],
            body: [[labelled('姓名', cadre.name), labelled('工作单位', cadre.unit), labelled('职务', cadre.post), labelled('联系电话', { text: cadre.phone || '—', fontSize: 11, bold: true, characterSpacing: 0.8 })]],
          },
          layout: {
            hLineWidth: () => THICK,
            hLineColor: () => INK,
            vLineWidth: (i: number) => (i === 0 || i === 4 ? 0 : THIN),
            vLineColor: () => HAIR,
            paddingLeft: () => mm(2.2),
            paddingRight: () => mm(2.2),
            paddingTop: () => mm(1.4),
            paddingBottom: () => mm(1.4),
          },
        } as Content)
      : { text: '尚未结对帮扶责任人', color: RED, bold: true, fontSize: 10 },
    heading('三、', `${d.year} 年帮扶措施`, '金额单位：元'),
    measures(d),
    // Income and 两不愁三保障 side by side, kept whole: a long card moves them to its next page together.
    { columns: [{ width: mm(72), stack: income(d) }, { width: '*', stack: guarantees(d) }], columnGap: mm(7), unbreakable: true } as Content,
  ];
}

/** Height of the page footer (pledge, signature row, rule, foot line), in mm. */
export const FOOTER_MM = 19;
/** The design's bottom margin: the foot line's text ends 10 mm above the sheet's edge. */
export const BOTTOM_MM = 10;

/**
 * The pledge, signature row and foot line: the page footer, so they sit at the foot of every
 * card, the foot line's text ending on the design's 10 mm bottom margin. `continued` names the
 * household on the second and later pages of a card that runs longer than a page.
 */
function footer(printed: string, continued: string | null): Content {
  const third = (W - 16) / 3;
  const signLine = (label: string, labelMm: number): Node => ({
    width: mm(third),
    columns: [
      { width: mm(labelMm), text: label, fontSize: 10.5, margin: [0, mm(1.5), 0, 0] },
      { width: '*', canvas: [{ type: 'line', x1: 0, y1: mm(5.5), x2: mm(third - labelMm), y2: mm(5.5), lineWidth: mm(0.3), lineColor: INK }] },
    ],
  });
  return ({
    margin: [mm(15), 0, mm(15), 0],
    stack: [
      { text: '以上内容经户主本人核实无误。本卡一式两份，户主与村扶贫档案各存一份；帮扶措施如有变动，由帮扶责任人及时更新。', fontSize: 8.5, color: GREY, lineHeight: 1 },
      {
        columns: [
          signLine('户主签字', 17),
          signLine('帮扶责任人签字', 27),
          { width: mm(third), text: '日期　　　年　　月　　日', fontSize: 10.5, margin: [0, mm(1.5), 0, 0] },
        ],
        columnGap: mm(8),
      },
      { canvas: [{ type: 'line', x1: 0, y1: mm(2), x2: mm(W), y2: mm(2), lineWidth: mm(0.3), lineColor: RULE }] },
      {
        columns: [
          { text: continued ? [{ text: continued, bold: true, color: INK }, `　${printed}`] : printed, fontSize: 8, color: GREY, lineHeight: 1 },
          { width: 'auto', text: '扶贫监督举报电话 12317', fontSize: 8, color: GREY, alignment: 'right', lineHeight: 1 },
        ],
        margin: [0, mm(1.2), 0, 0],
      },
    ],
  } as unknown) as Content;
}

/**
 * One card: a section of its own (a new page), whose footer names the household on every page
 * after its first, so a card longer than a page is not mistaken for the next household's.
 */
export function cardSection(d: CardData, printed: string): Content {
  let first: number | undefined;
  return ({
    section: cardContent(d),
    footer: (page: number) => {
      first ??= page;
      return footer(printed, page === first ? null : `${d.head}户 明白卡（续） 户编号 ${d.number}`);
    },
  } as unknown) as Content;
}

/** One document, one card per page (a long card takes more). */
export function cardsDocument(cards: CardData[], printed: string): TDocumentDefinitions {
  return {
    pageSize: 'A4',
    pageMargins: [mm(15), mm(12), mm(15), mm(FOOTER_MM + BOTTOM_MM)],
    info: { title: '扶贫明白卡' },
    defaultStyle: { font: 'Sans', fontSize: 10, color: INK, lineHeight: 1.05 },
    patterns: { hatch: { boundingBox: [0, 0, 4.25, 4.25], xStep: 4.25, yStep: 4.25, pattern: '1.5 w -1 5.25 m 5.25 -1 l S -1 1 m 1 -1 l S 3.25 5.25 m 5.25 3.25 l S' } },
    content: cards.map((d) => cardSection(d, printed)),
  } as TDocumentDefinitions;
}
