/**
 * The monthly bulletin (月度通报) of the responsibility breakdown, as a formal A4 document
 * (domain.md §7, GB/T 9704 proportions): margins top 37 mm and left 28 mm, text block 156 × 225 mm,
 * Serif title 22 pt, body 16 pt, page numbers "— n —" at the outer edge (odd right, even left).
 */
import { mm, type Content, type TableCell } from '../pdf/engine';
import { closing, cnDate, docTableLayout, docTitle, heading, headingWithTable, keepWith, officialPdf, para } from '../pdf/official-doc';
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


export async function bulletinPdf(b: BulletinInput): Promise<{ pdf: Buffer; missing: string[] }> {
  const a = b.assessment;
  const label = monthLabel(a.month);
  const late = b.tasks.filter((t) => !t.doneDate || t.doneDate > t.deadline);
  const top = a.units.filter((u) => u.rank <= 3 && u.rate > 0);
  const bottomRank = a.units.length ? a.units[a.units.length - 1].rank : 0;
  const bottom = a.units.length > 1 ? a.units.filter((u) => u.rank === bottomRank && u.rate < 1) : [];

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
  const late_: Content[] = late.map((t, i) => para(`${i + 1}. ${t.unit}：${t.title}（时限 ${cnDate(t.deadline)}，${t.doneDate ? `${cnDate(t.doneDate)}完成` : '尚未完成'}）。`));
  // A month in which nobody finished anything on time has no ranking: all would share rank 1 at 0.0 %.
  const none = a.doneOnTime === 0;
  const ranking: Content[] = none
    ? [keepWith(heading(0, '完成情况排名'), para(`本月 ${a.units.length} 个单位均未按时完成分解任务，暂不排名。`))]
    : headingWithTable(heading(0, '完成情况排名'), { widths: [mm(14), '*', mm(22), mm(22), mm(24)], body: table }, { fontSize: 12, layout: docTableLayout, margin: [0, 4, 0, 6] });
  const weak = keepWith(
    heading(2, '需要加强的单位'),
    para(
      none
        ? '各单位本月均未按时完成分解任务，请主要负责同志高度重视，查找原因，限期整改。'
        : bottom.length
          ? `${bottom.map((u) => `${u.unit}（${percent(u.rate)}）`).join('、')}按时完成率排名靠后，请主要负责同志高度重视，查找原因，限期整改。`
          : '各单位均按时完成了分解任务。',
    ),
  );
  const lateBlock: Content[] = late_.length ? [keepWith(heading(3, '未按时完成的任务'), late_[0]), ...late_.slice(1)] : [];
  const content: Content[] = [
    docTitle(`${b.county}${label}工作责任分解任务\n完成情况通报`),
    { text: '各乡镇、县直有关单位：' },
    para(
      `${label}，共向 ${a.units.length} 个单位分解工作任务 ${a.assigned} 项，按时完成 ${a.doneOnTime} 项，总体按时完成率 ${percent(a.assigned ? a.doneOnTime / a.assigned : 0)}。现将各单位完成情况通报如下：`,
    ),
    ...ranking,
    keepWith(
      heading(1, '表现较好的单位'),
      para(top.length ? `${top.map((u) => `${u.unit}（${percent(u.rate)}）`).join('、')}按时完成率位居前列，予以通报表扬。` : '本月没有按时完成任务的单位。'),
    ),
    // The closing paragraph, issuer and date stay with the block before them: no page of two lines.
    ...(lateBlock.length ? [weak, ...lateBlock.slice(0, -1)] : []),
    closing(lateBlock.length ? lateBlock[lateBlock.length - 1] : weak, para('请各单位对照任务清单，压实工作责任，确保各项任务按时保质完成。'), b.issuer, b.date),
  ];
  const missing = missingChars(JSON.stringify(content), 'Serif');
  const { pdf } = await officialPdf({ title: `${b.county}${label}工作责任分解任务完成情况通报`, content });
  return { pdf, missing };
}
