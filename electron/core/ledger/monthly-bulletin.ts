/**
 * The monthly bulletin (月度通报) of the responsibility breakdown, as a formal A4 document
 * (domain.md §7, GB/T 9704 proportions): margins top 37 mm and left 28 mm, text block 156 × 225 mm,
 * Serif title 22 pt, body 16 pt, page numbers "— n —" at the outer edge (odd right, even left).
 */
import { mm, renderPdf, type Content, type TableCell } from '../pdf/engine';
import { missingChars } from '../pdf/fonts';
import { monthLabel, percent } from '../../../shared/ledger/monthly';
import type { MonthlyAssessment, MonthlyTask } from '../../../shared/domain/ledger';

export interface BulletinInput {
  county: string;
  issuer: string;
  /** YYYY-MM-DD, printed as the date of issue. */
  date: string;
  assessment: MonthlyAssessment;
  tasks: readonly MonthlyTask[];
}

const cnDate = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};
const NUM = ['一', '二', '三', '四', '五'];

export async function bulletinPdf(b: BulletinInput): Promise<{ pdf: Buffer; missing: string[] }> {
  const a = b.assessment;
  const label = monthLabel(a.month);
  const late = b.tasks.filter((t) => !t.doneDate || t.doneDate > t.deadline);
  const top = a.units.filter((u) => u.rank <= 3 && u.rate > 0);
  const bottomRank = a.units.length ? a.units[a.units.length - 1].rank : 0;
  const bottom = a.units.length > 1 ? a.units.filter((u) => u.rank === bottomRank && u.rate < 1) : [];
  const para = (text: string): Content => ({ text, leadingIndent: 32, margin: [0, 0, 0, 0] });
  const heading = (n: number, text: string): Content => ({ text: `${NUM[n]}、${text}`, bold: true, margin: [0, 6, 0, 2], headlineLevel: 1 });

  const table: TableCell[][] = [
    ['排名', '责任单位', '分解任务', '按时完成', '完成率'].map((h) => ({ text: h, bold: true, alignment: 'center' as const })),
    ...a.units.map((u) => [
      { text: String(u.rank), alignment: 'center' as const },
      { text: u.unit },
      { text: String(u.assigned), alignment: 'center' as const },
      { text: String(u.doneOnTime), alignment: 'center' as const },
      { text: percent(u.rate), alignment: 'center' as const },
    ]),
  ];
  const content: Content[] = [
    { text: `${b.county}${label}工作责任分解任务\n完成情况通报`, font: 'Serif', bold: true, fontSize: 22, alignment: 'center', lineHeight: 1.3, margin: [0, 0, 0, 20] },
    { text: '各乡镇、县直有关单位：' },
    para(
      `${label}，共向 ${a.units.length} 个单位分解工作任务 ${a.assigned} 项，按时完成 ${a.doneOnTime} 项，总体按时完成率 ${percent(a.assigned ? a.doneOnTime / a.assigned : 0)}。现将各单位完成情况通报如下：`,
    ),
    heading(0, '完成情况排名'),
    {
      table: { headerRows: 1, widths: [mm(14), '*', mm(22), mm(22), mm(24)], body: table },
      fontSize: 12,
      layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => '#555555', vLineColor: () => '#555555', paddingTop: () => 3, paddingBottom: () => 3 },
      margin: [0, 4, 0, 6],
    },
    heading(1, '表现较好的单位'),
    para(top.length ? `${top.map((u) => `${u.unit}（${percent(u.rate)}）`).join('、')}按时完成率位居前列，予以通报表扬。` : '本月没有按时完成任务的单位。'),
    heading(2, '需要加强的单位'),
    para(
      bottom.length
        ? `${bottom.map((u) => `${u.unit}（${percent(u.rate)}）`).join('、')}按时完成率排名靠后，请主要负责同志高度重视，查找原因，限期整改。`
        : '各单位均按时完成了分解任务。',
    ),
    ...(late.length
      ? [
          heading(3, '未按时完成的任务'),
          ...late.map((t, i) => para(`${i + 1}. ${t.unit}：${t.title}（时限 ${cnDate(t.deadline)}，${t.doneDate ? `${cnDate(t.doneDate)}完成` : '尚未完成'}）。`)),
        ]
      : []),
    para('请各单位对照任务清单，压实工作责任，确保各项任务按时保质完成。'),
    { text: b.issuer, alignment: 'right', margin: [0, 28, 32, 0] },
    { text: cnDate(b.date), alignment: 'right', margin: [0, 0, 32, 0] },
  ];
  const allText = JSON.stringify(content);
  const missing = missingChars(allText, 'Serif');
  const pdf = await renderPdf({
    pageSize: 'A4',
    // left 28 (binding), right 26, top 37, bottom 35: a 156 × 225 mm text block
    pageMargins: [mm(28), mm(37), mm(26), mm(35)],
    defaultStyle: { font: 'Serif', fontSize: 16, lineHeight: 1.45, color: '#1F1F1F' },
    info: { title: `${b.county}${label}工作责任分解任务完成情况通报` },
    content,
    // A heading never ends a page: it moves to the next one with its first paragraph.
    pageBreakBefore: (node, q) => node.headlineLevel === 1 && q.getFollowingNodesOnPage().every((n) => n.headlineLevel === 9),
    footer: (page: number) => ({
      text: `— ${page} —`,
      font: 'Serif',
      fontSize: 14,
      alignment: page % 2 === 1 ? 'right' : 'left',
      margin: [mm(28), mm(12), mm(26), 0],
      headlineLevel: 9, // the page number: not content that could follow a heading
    }),
  });
  return { pdf, missing };
}
