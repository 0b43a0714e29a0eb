/**
 * The bulletin (通报) of an inspection round as a formal A4 document (domain.md §7, GB/T 9704):
 * margins top 37 mm and left 28 mm, text block 156 × 225 mm, body 16 pt Serif (仿宋 stand-in),
 * title 22 pt Serif bold, "一、" headings bold Sans (黑体 stand-in), "（一）" Serif bold, page
 * numbers "— n —" at the foot, odd pages right and even pages left. Ranking tables per type, the
 * stated tie rule, top units praised and bottom units' leaders to be interviewed (约谈).
 */
import { mm, type Content, type TableCell } from '../pdf/engine';
import { closing, cnDate, docTableLayout, docTitle, heading, headingWithTable, keepWith, officialPdf, para, subHeading } from '../pdf/official-doc';
import { missingChars } from '../pdf/fonts';
import { AppError } from '../errors';
import { points, topBottom } from '../../../shared/inspection/scoring';
import type { RoundResults, RankedTarget } from '../../../shared/domain/inspection';

export interface BulletinInput {
  county: string;
  /** Issuing office, printed above the date. */
  issuer: string;
  /** YYYY-MM-DD */
  date: string;
  results: RoundResults;
  groups: { name: string; inspectors: string[] }[];
  topN: number;
}

const names = (rows: RankedTarget[]) => rows.map((r) => r.name).join('、');

export function bulletinTitle(r: RoundResults): string {
  return `关于${r.round.name}情况的通报`;
}

export function bulletinContent(b: BulletinInput): Content[] {
  const r = b.results;
  const inspectors = b.groups.reduce((a, g) => a + g.inspectors.length, 0);
  const scope = r.rankings.map((k) => `${k.typeName} ${k.rows.length} 个`).join('、');
  const theme = r.round.theme ? `，围绕“${r.round.theme}”` : '';
  const content: Content[] = [
    docTitle(bulletinTitle(r)),
    { text: '各乡镇人民政府，县直各有关单位，各驻村工作队：' },
    para(
      `${cnDate(r.round.periodStart)}至${cnDate(r.round.periodEnd)}，${b.issuer}组织 ${b.groups.length} 个督查组${inspectors ? `（督查人员 ${inspectors} 名）` : ''}${theme}，对${scope}开展了督查考核。现将有关情况通报如下：`,
    ),
  ];
  const overview: Content[] = [];
  for (const k of r.rankings) {
    const ranked = k.rows.filter((x) => x.rank !== null);
    if (!ranked.length) continue;
    const ok = ranked.filter((x) => !x.vetoed);
    const avg = ok.length ? Math.round(ok.reduce((a, x) => a + x.total, 0) / ok.length) : 0;
    const vetoed = ranked.filter((x) => x.vetoed);
    overview.push(
      para(
        `${k.typeName}：考核 ${ranked.length} 个，满分 ${points(k.totalMax)} 分` +
          (ok.length ? `，平均得分 ${points(avg)} 分，最高 ${points(ok[0].total)} 分（${ok[0].name}），最低 ${points(ok[ok.length - 1].total)} 分（${ok[ok.length - 1].name}）` : '') +
          (vetoed.length ? `；${names(vetoed)}被一票否决，本次考核不合格` : '') +
          '。',
      ),
    );
  }
  content.push(keepWith(heading(0, '总体情况'), overview[0]), ...overview.slice(1));
  content.push(keepWith(heading(1, '考核排名'), para(r.tieRule)));
  r.rankings.forEach((k, i) => {
    const body: TableCell[][] = [
      ['名次', '单位', '督查得分', '自评分', '扣分项', '备注'].map((h) => ({ text: h, font: 'Sans', bold: true, alignment: 'center' as const })),
      ...k.rows.map((x) => [
        { text: x.rank === null ? '—' : String(x.rank), alignment: 'center' as const },
        { text: x.name },
        { text: x.done ? points(x.total) : '未评分', alignment: 'center' as const },
        { text: x.selfScore === null ? '' : points(x.selfScore), alignment: 'center' as const },
        { text: x.done ? String(x.deductedItems) : '', alignment: 'center' as const },
        { text: x.vetoed ? '一票否决' : '', alignment: 'center' as const },
      ]),
    ];
    // The table starts under its heading and runs over pages with its header repeated.
    content.push(...headingWithTable(subHeading(i, `${k.typeName}（满分 ${points(k.totalMax)} 分）`), { widths: [mm(11), '*', mm(19), mm(15), mm(14), mm(19)], body }, {
      fontSize: 11,
      lineHeight: 1.2,
      layout: docTableLayout,
      margin: [0, 4, 0, 8],
    }));
  });
  const praise: Content[] = [];
  for (const k of r.rankings) {
    const { top, bottom } = topBottom(k.rows, b.topN);
    const good = top.filter((x) => !x.vetoed);
    if (good.length) praise.push(para(`${k.typeName}排名前 ${good.length} 位的${names(good)}，工作扎实、成效明显，予以通报表扬。`));
    if (bottom.length)
      praise.push(
        para(`${k.typeName}排名后 ${bottom.length} 位的${names(bottom.slice().reverse())}，由县脱贫攻坚领导小组对其主要负责人进行约谈，限期整改到位。`),
      );
  }
  content.push(keepWith(heading(2, '表扬与约谈'), praise[0]), ...praise.slice(1));
  // The last section, the issuer and the date stay together: no page of two lines at the end.
  content.push(closing(heading(3, '工作要求'), para('各单位要对照督查发现的问题，逐项建立整改台账，明确整改措施、责任人和整改时限，做到整改一项、销号一项；整改情况请于通报下发之日起 30 日内报县扶贫办。'), b.issuer, b.date));
  return content;
}

/** Refuses (naming them) when a unit's name has characters the fonts cannot print. */
export function checkGlyphs(r: RoundResults): void {
  const bad = r.rankings.flatMap((k) => k.rows).map((x) => ({ name: x.name, chars: [...new Set([...missingChars(x.name, 'Serif'), ...missingChars(x.name, 'Sans')])] })).filter((x) => x.chars.length);
  if (bad.length) throw new AppError('VALIDATION', 'insp.bulletin.glyphs', { list: bad.map((x) => `${x.name}（${x.chars.join('')}）`).join('、') });
}

export async function bulletinPdf(b: BulletinInput, signal?: AbortSignal): Promise<{ pdf: Buffer; pages: number }> {
  checkGlyphs(b.results);
  return officialPdf({ title: bulletinTitle(b.results), subject: `${b.county} 督查考核通报`, content: bulletinContent(b) }, signal);
}
