/** Monthly responsibility breakdown: tasks, done marks, completion rates, ranking and the bulletin PDF. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, openTestApp, setUpXinshao } from './helpers/app';
import { assessMonth, monthLabel } from '../../shared/ledger/monthly';
import { bulletinPdf } from '../../electron/core/ledger/monthly-bulletin';
import { execFileSync } from 'node:child_process';
import { pdfInfo, pdfPages, pdfToPng } from '../support/pdf';

afterEach(cleanup);

const SHOTS = path.resolve('test-output/ledger-bulletin');

describe('assessMonth', () => {
  it('rate = done on time / assigned; late or open tasks do not count; ties share a rank', () => {
    const t = (unit: string, deadline: string, doneDate: string | null) => ({ unit, deadline, doneDate });
    const a = assessMonth('2026-11', [
      t('酿溪镇', '2026-11-10', '2026-11-09'),
      t('酿溪镇', '2026-11-20', '2026-11-20'), // on the deadline day: on time
      t('严塘镇', '2026-11-10', '2026-11-11'), // a day late
      t('严塘镇', '2026-11-20', '2026-11-15'),
      t('雀塘镇', '2026-11-20', null),
      t('雀塘镇', '2026-11-20', '2026-11-19'),
      t('县教育局', '2026-11-30', null),
    ]);
    expect(a.units.map((u) => [u.unit, u.assigned, u.done, u.doneOnTime, u.rate, u.rank])).toEqual([
      ['酿溪镇', 2, 2, 2, 1, 1],
      ['雀塘镇', 2, 1, 1, 0.5, 2],
      ['严塘镇', 2, 2, 1, 0.5, 2],
      ['县教育局', 1, 0, 0, 0, 4],
    ]);
    expect([a.assigned, a.doneOnTime]).toEqual([7, 4]);
  });
});

describe('monthLabel', () => {
  it('names a month in the reader\'s language: Chinese by default (printouts), English for the English UI', () => {
    expect(monthLabel('2026-11')).toBe('2026年11月');
    expect(monthLabel('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(monthLabel('2026-09', 'en')).toBe('September 2026');
    expect(monthLabel('2017-01', 'en')).toBe('January 2017');
  });
});

describe('monthly tasks through the service', () => {
  it('adds tasks, marks done with a note and date (not in the future), undoes, and ranks the units', async () => {
    const t = await openTestApp({ now: () => new Date('2026-11-18T10:00:00') });
    await setUpXinshao(t);
    const add = (title: string, unit: string, deadline: string) => t.call('monthly.save', { month: '2026-11', title, unit, deadline });
    const a = await add('完成 10 月帮扶手册更新', '酿溪镇', '2026-11-15');
    const b = await add('上报产业项目进度', '严塘镇', '2026-11-10');
    await add('组织政策宣讲', '严塘镇', '2026-11-30');
    expect([a.seq, b.seq]).toEqual([1, 2]);
    await t.call('monthly.done', { id: a.id, note: '已全部更新', date: '2026-11-14' });
    const late = await t.call('monthly.done', { id: b.id, note: '延期 2 天上报' });
    expect(late.doneDate).toBe('2026-11-18');
    expect((await t.fail('monthly.done', { id: b.id, note: '' })).message).toBe('该任务已标记完成');
    const tasks = (await t.call('monthly.view', { month: '2026-11' })).tasks;
    expect((await t.fail('monthly.done', { id: tasks[2].id, note: '', date: '2026-11-19' })).message).toContain('不晚于今天');
    const v = await t.call('monthly.view', { month: '2026-11' });
    expect(v.assessment.units.map((u) => [u.unit, u.rank, u.doneOnTime, u.assigned])).toEqual([
      ['酿溪镇', 1, 1, 1],
      ['严塘镇', 2, 0, 2],
    ]);
    await t.call('monthly.undo', { id: a.id });
    expect((await t.call('monthly.view', { month: '2026-11' })).assessment.doneOnTime).toBe(0);
    expect(await t.call('monthly.months', {})).toEqual(['2026-11']);
    expect((await t.fail('monthly.view', { month: '2026-13' })).message).toBe('月份格式应为 YYYY-MM');
    expect((await t.fail('monthly.save', { month: '2026-11', title: ' ', unit: '酿溪镇', deadline: '2026-11-30' })).message).toBe('请填写工作任务');
  });
});

describe('the monthly bulletin', () => {
  it('is an A4 official-style document naming the ranking, the best and the weakest units, with "— n —" page numbers', async () => {
    const units = ['酿溪镇', '严塘镇', '雀塘镇', '陈家坊镇', '潭溪镇', '寸石镇', '县教育局', '县卫健局'];
    const tasks = units.flatMap((unit, i) =>
      [0, 1, 2, 3].map((k) => ({
        id: `${i}-${k}`,
        month: '2026-11',
        seq: i * 4 + k + 1,
        title: ['完成帮扶手册更新', '上报产业项目进度', '组织政策宣讲', '核查危房改造户'][k],
        unit,
        deadline: '2026-11-20',
        doneDate: k < 4 - (i % 4) ? '2026-11-18' : i % 2 ? '2026-11-25' : null,
        doneNote: null,
        updatedAt: '',
        updatedBy: '',
      })),
    );
    const assessment = assessMonth('2026-11', tasks);
    const { pdf, missing } = await bulletinPdf({ county: '新邵县', issuer: '新邵县扶贫开发领导小组办公室', date: '2026-11-30', assessment, tasks });
    expect(missing).toEqual([]);
    fs.rmSync(SHOTS, { recursive: true, force: true });
    fs.mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, 'bulletin.pdf');
    fs.writeFileSync(file, pdf);
    const info = pdfInfo(file);
    expect([info.widthMm, info.heightMm]).toEqual([210, 297]);
    const pages = pdfPages(file);
    const text = pages.join('').replace(/\s+/g, '');
    expect(text).toContain('新邵县2026年11月工作责任分解任务完成情况通报');
    expect(text).toContain('共向8个单位分解工作任务32项');
    expect(text).toContain('酿溪镇（100.0%）');
    expect(text).toContain('需要加强的单位');
    expect(text).toContain('尚未完成');
    expect(pages[0].replace(/\s+/g, '')).toContain('—1—');
    if (pages.length > 1) expect(pages[1].replace(/\s+/g, '')).toContain('—2—');
    expect(pdfToPng(file, SHOTS, { dpi: 50 }).length).toBe(info.pages);
  });
});

describe('the monthly bulletin\'s pages', () => {
  const month = (units: number, done: boolean) => {
    const tasks = Array.from({ length: units }, (_, i) => `单位${i + 1}号`).flatMap((unit, i) =>
      [0, 1].map((k) => ({ id: `${i}-${k}`, month: '2026-11', seq: i * 2 + k + 1, title: '完成帮扶手册更新', unit, deadline: '2026-11-20', doneDate: done && k === 0 ? '2026-11-18' : null, doneNote: null, updatedAt: '', updatedBy: '' })),
    );
    return { assessment: assessMonth('2026-11', tasks), tasks };
  };
  /** Per page: the words and the lowest word's bottom as a share of the 225 mm text block. */
  const layout = (file: string) => {
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
    return bbox.split('<page ').slice(1).map((p) => {
      const words = [...p.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ top: Number(m[1]), bottom: Number(m[2]), text: m[3] }));
      const body = words.filter((w) => !/^[—\d]+$/.test(w.text));
      const used = (Math.max(...body.map((w) => w.bottom)) - (37 * 72) / 25.4) / ((225 * 72) / 25.4);
      return { text: words.map((w) => w.text).join(''), used };
    });
  };

  it('starts a long ranking under its heading on the same page, repeats the header row, and ends on a page that is not near empty', async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    const file = path.join(SHOTS, 'bulletin-18.pdf');
    const { pdf } = await bulletinPdf({ county: '新邵县', issuer: '新邵县脱贫攻坚领导小组办公室', date: '2026-11-30', ...month(18, true) });
    fs.writeFileSync(file, pdf);
    const pages = layout(file);
    expect(pages.length).toBeGreaterThan(2);
    // The heading, the header and the first rows on page 1; page 1 well used (it was 30 % before).
    expect(pages[0].text).toContain('一、完成情况排名');
    expect(pages[0].text).toContain('排名责任单位分解任务按时完成完成率');
    expect(pages[0].text).toMatch(/1单位\d+号2150\.0%1单位\d+号2150\.0%1单位\d+号2150\.0%/);
    expect(pages[0].used).toBeGreaterThan(0.75);
    // The table runs on to page 2 with its header repeated.
    expect(pages[1].text.startsWith('排名责任单位分解任务按时完成完成率')).toBe(true);
    // The closing paragraph, the issuer and the date share the last page with the block before them.
    const last = pages[pages.length - 1];
    expect(last.text).toContain('请各单位对照任务清单');
    expect(last.text).toContain('新邵县脱贫攻坚领导小组办公室2026年11月30日');
    expect(last.text).toContain('单位18号：完成帮扶手册更新');
    expect(last.used).toBeGreaterThan(0.25);
    expect(pdfToPng(file, SHOTS, { dpi: 40 }).length).toBe(pages.length);
  });

  it('says so in words, instead of ranking every unit first at 0.0 %, when nobody finished anything on time', async () => {
    const file = path.join(SHOTS, 'bulletin-none.pdf');
    fs.mkdirSync(SHOTS, { recursive: true });
    const { pdf } = await bulletinPdf({ county: '新邵县', issuer: '新邵县脱贫攻坚领导小组办公室', date: '2026-11-30', ...month(6, false) });
    fs.writeFileSync(file, pdf);
    const text = pdfPages(file).join('').replace(/\s+/g, '');
    expect(text).toContain('本月6个单位均未按时完成分解任务，暂不排名。');
    expect(text).not.toContain('排名责任单位');
    expect(text).not.toContain('（0.0%）');
    expect(text).toContain('各单位本月均未按时完成分解任务');
  });
});
