/**
 * The household card's page as printed (issue 13): every text box inside the A4 grid of the
 * design (15 mm sides, 10 mm bottom, nothing off the sheet), measured from the PDF with
 * `pdftotext -bbox`, for households of 1, 6, 12 and 30 members with many measures; a card
 * longer than a page carries on with whole sections and a line naming the household; money in
 * whole yuan, as on the wall chart.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, idNumber } from './helpers/app';
import { cardVillage } from './pdf-fixture';
import { writeCards } from '../../electron/core/pdf/cards';
import { pdfPages, pdfToPng } from '../support/pdf';

afterEach(cleanup);

const PT = 25.4 / 72;
interface Word { page: number; text: string; x0: number; y0: number; x1: number; y1: number }
interface Page { width: number; height: number; words: Word[] }

/** Every word's box in mm, page by page (pdftotext -bbox). */
function boxes(file: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: Page[] = [];
  for (const p of html.split('<page ').slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(p)![1]) * PT;
    const height = Number(/height="([\d.]+)"/.exec(p)![1]) * PT;
    const words: Word[] = [];
    for (const m of p.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g))
      words.push({ page: pages.length + 1, text: m[5], x0: Number(m[1]) * PT, y0: Number(m[2]) * PT, x1: Number(m[3]) * PT, y1: Number(m[4]) * PT });
    pages.push({ width, height, words });
  }
  return pages;
}

/** Words that break the A4 card grid: closer than 15 mm to a side or 10 mm to the foot, or off the sheet. */
function outsideGrid(pages: Page[]): string[] {
  const bad: string[] = [];
  const e = 0.05;
  for (const p of pages)
    for (const w of p.words) {
      const where = `p${w.page} "${w.text}" x ${w.x0.toFixed(1)}–${w.x1.toFixed(1)} y ${w.y0.toFixed(1)}–${w.y1.toFixed(1)} mm`;
      if (w.x0 < 15 - e || w.x1 > p.width - 15 + e) bad.push(`${where}: inside the 15 mm side margin`);
      if (w.y1 > p.height - 10 + e) bad.push(`${where}: ${(p.height - w.y1).toFixed(1)} mm from the bottom (10 mm asked)`);
      if (w.y0 < 0) bad.push(`${where}: above the sheet`);
    }
  return bad;
}


async function household(t: Awaited<ReturnType<typeof cardVillage>>, n: number, members: number, measures: number, income?: Record<string, number>) {
  const number = `430522100201${String(100 + n).padStart(6, '0')}`;
  const h = await t.call('roster.household.save', {
    number,
    villageId: t.village.id,
    groupName: '三组',
    attribute: '一般贫困户',
    mainCause: '缺技术',
    secondaryCauses: [],
    identifiedYear: 2014,
    status: '未脱贫',
    monitorType: '',
    plannedExitYear: 2018,
    exitYear: null,
    dangerousHouse: '否',
    waterSafe: '是',
    waterDifficult: '否',
    phone: '',
    members: Array.from({ length: members }, (_, i) => ({
      number: '',
      name: i === 0 ? `户主${n}号` : `成员${n}之${i}`,
      idNumber: idNumber(`19${60 + i}0101`, String(n).padStart(2, '0'), (i % 9) + 1),
      relation: i === 0 ? '户主' : '其他',
      ethnicity: '汉族',
      education: '小学',
      schoolStatus: '非在校生',
      health: '健康',
      skill: '普通劳动力',
      workStatus: '',
      workMonths: null,
      insured: '是' as const,
      phone: '',
    })),
  });
  for (let i = 0; i < measures; i++)
    await t.call('roster.measure.save', { householdId: h.id, year: 2017, category: '产业扶贫', content: `第 ${i + 1} 项：种植养殖补助，技术培训与跟踪服务`, amountFen: 123_450 + i, supportUnitId: null, date: `2017-03-${String(i + 1).padStart(2, '0')}` });
  if (income) await t.call('roster.income.save', { householdId: h.id, year: 2016, wageFen: 0, productionFen: 0, propertyFen: 0, transferFen: 0, costFen: 0, ...income });
  return { id: h.id, number, head: `户主${n}号` };
}

describe('household card on the A4 grid', () => {
  it('keeps every text box 15 mm from the sides and 10 mm from the foot, for households of 1 to 30 members with many measures', async () => {
    const t = await cardVillage();
    const sizes = [1, 6, 12, 30];
    const made = [];
    for (const [k, m] of sizes.entries()) made.push(await household(t, k + 1, m, 14));
    const file = path.join(t.dir, 'grid.pdf');
    const r = await writeCards(t.app.ctx(), file, { villageId: t.village.id });
    const pages = boxes(file);
    expect(pages.length).toBe(r.pages);
    for (const p of pages) expect([p.width.toFixed(0), p.height.toFixed(0)]).toEqual(['210', '297']);
    expect(outsideGrid(pages)).toEqual([]);
    // The foot line (打印日期 …) is the lowest text and sits on the 10 mm margin, not 2.8 mm from the edge.
    const foot = pages[0].words.filter((w) => w.text.startsWith('打印日期'));
    expect(foot).toHaveLength(1);
    expect(297 - foot[0].y1).toBeGreaterThanOrEqual(10 - 0.05);
    expect(297 - foot[0].y1).toBeLessThan(12);
    pdfToPng(file, 'test-output/pdf/card-grid', { dpi: 60 });

    // Every household's card starts on its own page, with its title and signature row.
    const text = pdfPages(file);
    for (const h of made) {
      const own = text.map((p, i) => [p, i] as const).filter(([p]) => p.includes(h.number));
      expect(own.length, h.head).toBeGreaterThanOrEqual(1);
      expect(own[0][0]).toContain('建档立卡贫困户扶贫明白卡');
      for (const [p] of own) expect(p).toContain('户主签字');
      // Pages of one card follow each other.
      expect(own.map(([, i]) => i)).toEqual(own.map(([, i]) => own[0][1] + i - own[0][1]).map((_, k) => own[0][1] + k));
    }
  }, 60_000);

  it('carries a 30-member household (the most a household may have) onto a second page: whole sections, the household named (续)', async () => {
    const t = await cardVillage();
    const big = await household(t, 1, 30, 6);
    const file = path.join(t.dir, 'big.pdf');
    const r = await writeCards(t.app.ctx(), file, { householdId: big.id });
    expect(r.households).toBe(1);
    expect(r.pages).toBe(2);
    const [first, second] = pdfPages(file);
    expect(first).toContain('建档立卡贫困户扶贫明白卡');
    // The second page says whose card it continues, and the members table repeats its header.
    expect(second).toContain('（续）');
    expect(second).toContain(big.head);
    expect(second).toContain(big.number);
    // All 30 members on the first page; income and 两不愁三保障 move whole to the second.
    expect(first).not.toContain('收入情况');
    for (const label of ['四、收入情况', '五、两不愁三保障', '吃穿不愁', '义务教育', '基本医疗', '住房安全', '饮水安全']) expect(second).toContain(label);
    expect(first).not.toContain('（续）');
    // Every member is printed exactly once across the two pages.
    const all = first + second;
    for (let i = 1; i < 30; i++) expect(all.split(`成员1之${i}\n`).length - 1, `成员1之${i}`).toBe(1);
    expect(outsideGrid(boxes(file))).toEqual([]);
    pdfToPng(file, 'test-output/pdf/card-big', { dpi: 60 });
  }, 60_000);

  it('prints money in whole yuan with thousands separators, rounded half up, in the measures and the income calculation', async () => {
    const t = await cardVillage();
    // Wages 19,450.50 yuan, costs 1,234.49: a household of 1, so the net is 18,216.01.
    const h = await household(t, 1, 1, 2, { wageFen: 1_945_050, costFen: 123_449 });
    const file = path.join(t.dir, 'money.pdf');
    await writeCards(t.app.ctx(), file, { householdId: h.id });
    const [card] = pdfPages(file);
    expect(card).toContain('19,451');
    expect(card).toContain('1,234');
    expect(card).toContain('18,216');
    // Measures of 1,234.50 and 1,234.51 yuan: both 1,235; their sum 2,469.01 → 2,469.
    expect(card.match(/\b1,235\b/g)?.length).toBe(2);
    expect(card).toContain('2,469');
    expect(card).not.toMatch(/\d,\d{3}\.\d{2}/);
    expect(card).not.toMatch(/\d\.\d{2}\b/);
  }, 60_000);
});
