/** Household cards (明白卡): masking, one page per household, the figures, missing characters. */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, idNumber } from './helpers/app';
import { cardVillage, IDS } from './pdf-fixture';
import { writeCards } from '../../electron/core/pdf/cards';
import { pdfInfo, pdfPages, pdfText, pdfToPng } from '../support/pdf';

afterEach(cleanup);

describe('household cards', () => {
  it('prints the village one page per household, masked, with the design household’s figures', async () => {
    const t = await cardVillage();
    const file = path.join(t.dir, 'cards.pdf');
    const r = await writeCards(t.app.ctx(), file, { villageId: t.village.id });
    expect(r).toMatchObject({ pages: 2, households: 2 });
    const info = pdfInfo(file);
    expect(info).toMatchObject({ pages: 2, widthMm: 210, heightMm: 297 });
    const [card, second] = pdfPages(file);
    // Masking: ID first 6 + last 4, household phone masked, cadre work phone in full.
    for (const id of Object.values(IDS)) expect(pdfText(file)).not.toContain(id);
    expect(card).toContain(`${IDS.head.slice(0, 6)}********${IDS.head.slice(-4)}`);
    expect(card).toContain('139****5678');
    expect(card).not.toContain('13907395678');
    expect(card).toContain('138 0000 1234');
    expect(card).toContain('长期慢性病');
    // Figures: income 2016, net per person, subsidies without the loan.
    expect(card).toContain('13,980');
    expect(card).toContain('2,516');
    expect(card).toContain('标准 2,952 元/人');
    expect(card).toContain('低于标准');
    expect(card).toContain('19,450');
    expect(card).toContain('30,000');
    expect(card).toMatch(/住房安全\s+未保障/);
    expect(card).toContain('2017 年帮扶措施');
    expect(card).toContain('户主签字');
    expect(second).toContain('赵春华');
    expect(second).toContain('〓');
    expect(r.missing).toEqual([{ name: '王𠮷祥', householdNumber: '430522100201000002', chars: ['𠮷'] }]);
    pdfToPng(file, 'test-output/pdf', { dpi: 60, first: 1, last: 1 });
  });

  it('prints one household alone', async () => {
    const t = await cardVillage();
    const file = path.join(t.dir, 'one.pdf');
    const r = await writeCards(t.app.ctx(), file, { householdId: t.h1.id });
    expect(r.pages).toBe(1);
    expect(pdfText(file)).toContain('陈德明');
    expect(pdfText(file)).not.toContain('赵春华');
  });
});

describe('household cards: a village larger than one rendering part', () => {
  it('merges the parts into one PDF, one page per household, in order, with progress up to the end', async () => {
    const t = await cardVillage();
    // 120 more households in the village: the cards render in parts of 100 and are merged.
    for (let i = 0; i < 120; i++) {
      await t.call('roster.household.save', {
        number: `430522100201${String(i + 10).padStart(6, '0')}`,
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
        members: [
          {
            number: '',
            name: `测试${i}`,
            idNumber: idNumber(`19${50 + (i % 40)}0101`, String(i % 100).padStart(2, '0'), 3),
            relation: '户主',
            ethnicity: '汉族',
            education: '小学',
            schoolStatus: '非在校生',
            health: '健康',
            skill: '普通劳动力',
            workStatus: '',
            workMonths: null,
            insured: '是',
            phone: '',
          },
        ],
      });
    }
    const file = path.join(t.dir, 'village.pdf');
    const progress: [number, number][] = [];
    const r = await writeCards(t.app.ctx(), file, { villageId: t.village.id, onProgress: (d, n) => progress.push([d, n]) });
    expect(r).toMatchObject({ households: 122, pages: 122 });
    expect(pdfInfo(file).pages).toBe(122);
    const pages = pdfPages(file);
    expect(pages[0]).toContain('陈德明');
    expect(pages.filter((p) => /测试\d+/.test(p))).toHaveLength(120);
    expect(pages.filter((p) => p.includes('赵春华'))).toHaveLength(1);
    // 组 in counting order, as on the wall chart: 一组, 二组, then the 120 of 三组.
    expect(pages[1]).toContain('赵春华');
    expect(progress.at(-1)).toEqual([244, 244]);
  }, 120_000);
});
