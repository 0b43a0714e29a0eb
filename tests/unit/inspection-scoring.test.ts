import { describe, expect, it } from 'vitest';
import { parsePoints, points, rankTargets, scoreItem, topBottom, totalOf } from '../../shared/inspection/scoring';
import { checkScore, checkSections } from '../../shared/inspection/rules';
import { DEFAULT_TEMPLATES } from '../../shared/inspection/defaults';
import type { TemplateItem } from '../../shared/domain/inspection';

const item = (mode: TemplateItem['mode'], max: number, per = 0, id = 'i'): TemplateItem => ({ id, title: '项目', mode, max, per, guidance: '' });

describe('scoring modes (tenths of a point)', () => {
  it('points: the given points, never above the max', () => {
    expect(scoreItem(item('points', 100), 85)).toEqual({ score: 85, deducted: true, vetoed: false });
    expect(scoreItem(item('points', 100), 100).deducted).toBe(false);
  });
  it('deduct: occurrences × per, capped at the item max', () => {
    // 贫困户手册: −2 per error, at most −30
    const manual = item('deduct', 300, 20);
    expect(scoreItem(manual, 0)).toEqual({ score: 300, deducted: false, vetoed: false });
    expect(scoreItem(manual, 3).score).toBe(240);
    expect(scoreItem(manual, 15).score).toBe(0);
    expect(scoreItem(manual, 40).score).toBe(0); // capped, never negative
  });
  it('pass/fail gives the max or nothing; a veto scores 0 and fails the target', () => {
    expect(scoreItem(item('passfail', 40), 1).score).toBe(40);
    expect(scoreItem(item('passfail', 40), 0)).toEqual({ score: 0, deducted: true, vetoed: false });
    expect(scoreItem(item('veto', 0), 1)).toEqual({ score: 0, deducted: true, vetoed: true });
    expect(scoreItem(item('veto', 0), 0).vetoed).toBe(false);
  });
  it('sums a target in integers and flags the veto', () => {
    const items = [item('points', 100, 0, 'a'), item('deduct', 300, 20, 'b'), item('veto', 0, 0, 'c')];
    const t = totalOf(items, new Map([['a', 95], ['b', 2], ['c', 1]]));
    expect(t).toEqual({ total: 95 + 260, deductedItems: 3, vetoed: true });
  });
  it('formats and parses points', () => {
    expect(points(85)).toBe('8.5');
    expect(points(1000)).toBe('100');
    expect(parsePoints('8.5')).toBe(85);
    expect(parsePoints('10')).toBe(100);
    expect(parsePoints('8.55')).toBeNull();
    expect(parsePoints('-1')).toBeNull();
  });
});

describe('ranking by the stated rule', () => {
  const row = (name: string, total: number, deductedItems = 0, vetoed = false, done = true) => ({
    targetId: name, name, type: 'township', total, selfScore: null, deductedItems, vetoed, done, group: '',
  });
  it('equal totals share a rank (1,2,2,4), ordered by fewer deducted items then pinyin', () => {
    const r = rankTargets([row('严塘镇', 900, 3), row('酿溪镇', 950), row('陈家坊镇', 900, 3), row('雀塘镇', 900, 1), row('潭溪镇', 880)]);
    expect(r.map((x) => [x.name, x.rank])).toEqual([
      ['酿溪镇', 1],
      ['雀塘镇', 2],
      ['陈家坊镇', 2], // chen before yan by pinyin, both with 3 deducted items
      ['严塘镇', 2],
      ['潭溪镇', 5],
    ]);
  });
  it('a vetoed target is ranked after every non-vetoed one whatever its total; unscored ones get no rank', () => {
    const r = rankTargets([row('甲', 990, 1, true), row('乙', 700), row('丙', 0, 0, false, false), row('丁', 800, 2, true)]);
    expect(r.map((x) => [x.name, x.rank, x.vetoed])).toEqual([
      ['乙', 1, false],
      ['甲', 2, true],
      ['丁', 3, true],
      ['丙', null, false],
    ]);
  });
  it('top and bottom N skip unscored targets and never overlap (N shrinks to half of the ranked)', () => {
    const r = rankTargets([row('a', 10), row('b', 9), row('c', 8), row('d', 7), row('e', 0, 0, false, false)]);
    const tb = topBottom(r, 3);
    expect(tb.top.map((x) => x.name)).toEqual(['a', 'b']);
    expect(tb.bottom.map((x) => x.name)).toEqual(['d', 'c']);
    const seven = rankTargets('abcdefg'.split('').map((n, i) => row(n, 100 - i)));
    expect(topBottom(seven, 3)).toMatchObject({ top: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], bottom: [{ name: 'g' }, { name: 'f' }, { name: 'e' }] });
    expect(topBottom(rankTargets([row('only', 5)]), 3)).toEqual({ top: [], bottom: [] });
  });
});

describe('template and score validation', () => {
  it('ships four valid 100-point checklists with the domain examples', () => {
    expect(DEFAULT_TEMPLATES.map((t) => t.type)).toEqual(['township', 'work_group', 'support_unit', 'village_team']);
    for (const t of DEFAULT_TEMPLATES) {
      expect(checkSections(t.sections)).toBeNull();
      expect(t.sections.flatMap((s) => s.items).reduce((a, i) => a + i.max, 0)).toBe(1000);
    }
    const manual = DEFAULT_TEMPLATES[0].sections.flatMap((s) => s.items).find((i) => i.title.startsWith('贫困户手册'))!;
    expect([manual.mode, manual.max, manual.per]).toEqual(['deduct', 300, 20]);
    expect(DEFAULT_TEMPLATES[3].sections.flatMap((s) => s.items).some((i) => i.title.includes('每月在村不少于20天'))).toBe(true);
  });
  it('refuses items without a title, a deduction above the max, a veto with points', () => {
    const sec = (i: TemplateItem) => [{ title: '一、组织', items: [i] }];
    expect(checkSections([])?.key).toBe('insp.template.noSections');
    expect(checkSections(sec({ ...item('points', 100), title: ' ' }))?.key).toBe('insp.item.title');
    expect(checkSections(sec(item('deduct', 50, 60)))?.key).toBe('insp.item.per');
    expect(checkSections(sec(item('veto', 10)))?.key).toBe('insp.item.vetoMax');
    expect(checkSections(sec(item('points', 0)))?.key).toBe('insp.item.max');
  });
  it('refuses a score above the max, below zero, missing, or a veto without a note', () => {
    const p = item('points', 100);
    expect(checkScore(p, { itemId: 'i', value: 101, note: '' })?.key).toBe('insp.score.aboveMax');
    expect(checkScore(p, { itemId: 'i', value: -1, note: '' })?.key).toBe('insp.score.negative');
    expect(checkScore(p, { itemId: 'i', value: null, note: '' })?.key).toBe('insp.score.missing');
    expect(checkScore(item('veto', 0), { itemId: 'i', value: 1, note: ' ' })?.key).toBe('insp.score.vetoNote');
    expect(checkScore(item('veto', 0), { itemId: 'i', value: 1, note: '虚报脱贫2户' })).toBeNull();
  });
});
