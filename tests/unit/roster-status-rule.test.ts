/**
 * One rule for what a 脱贫状态 counts as: the home page / roster totals, 按村统计, the village
 * chart, the township board, the household card and the quality checks all count the national
 * export's own 「已脱贫」, full-width brackets, monitored exited households and 注销 alike, and
 * an office's own status counts as its code-list entry says.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, xinshaoApp } from './helpers/app';
import { seedVillage } from './wallchart-fixture';
import { findTemplate } from '../../electron/core/wallchart/template-service';
import { villageChartData } from '../../electron/core/wallchart/chart-data';
import { boardDoc } from '../../electron/core/wallchart/board-pdf';
import { readCharts } from '../../electron/core/wallchart/chart-repo';
import { buildCards } from '../../electron/core/pdf/cards';
import { loadStatusRule } from '../../electron/core/roster/roster-service';
import { runChecks } from '../../electron/core/roster/quality/run';
import { defaultStatusKind, statusClass, statusRule } from '../../shared/roster/status';

afterEach(cleanup);

/** Ten households of sizes 1–5 (seeded as 未脱贫 / 已脱贫(享受政策) / 预脱贫), then restated in the export's spellings. */
const STATUSES: [string, string][] = [
  ['已脱贫', ''], // 2017-era national export
  ['已脱贫（不再享受政策）', ''], // full-width brackets
  ['已脱贫(享受政策)', '脱贫不稳定户'], // exited and monitored: still exited
  ['未脱贫', ''],
  ['监测对象', '边缘易致贫户'],
  ['注销', ''],
  ['返贫', ''],
  ['预脱贫', ''],
  ['已脱贫(享受政策)', ''],
  ['未脱贫', ''],
];

async function county() {
  const t = await xinshaoApp({ now: () => new Date('2017-04-30T08:00:00Z') });
  const townshipId = t.byCode('430522100').id;
  const f = await seedVillage(t.app, t.call as never, { households: STATUSES.length, townshipId });
  const raw = t.app.db.raw;
  const set = raw.prepare('UPDATE household SET status = ?, monitor_type = ?, exit_year = ? WHERE id = ?');
  const sizes: number[] = [];
  STATUSES.forEach(([s, m], i) => {
    set.run(s, m, s.includes('脱贫') && !s.includes('未') && !s.includes('预') ? 2016 : null, `h-${f.villageCode}-${i}`);
    sizes.push(1 + (i % 5));
  });
  return { ...t, f, townshipId, sizes };
}

/** What a clerk expects from the list above: exited = 已脱贫 in any spelling, struck off counts as neither. */
function expected(sizes: number[]) {
  const sum = (pick: (s: string) => boolean) => STATUSES.reduce((n, [s], i) => n + (pick(s) ? sizes[i] : 0), 0);
  const count = (pick: (s: string) => boolean) => STATUSES.filter(([s]) => pick(s)).length;
  const exited = (s: string) => s.startsWith('已脱贫');
  const open = (s: string) => !exited(s) && s !== '注销';
  return { exitedH: count(exited), exitedP: sum(exited), openH: count(open), openP: sum(open) };
}

describe('what a status counts as', () => {
  it('is the same on the home page totals, the village chart, the township board and the cards', async () => {
    const t = await county();
    const want = expected(t.sizes);
    expect(want).toEqual({ exitedH: 4, exitedP: 1 + 2 + 3 + 4, openH: 5, openP: 4 + 5 + 2 + 3 + 5 });

    const totals = await t.call('roster.totals', {});
    expect(totals.exitedHouseholds).toBe(want.exitedH);
    expect(totals.exitedPersons).toBe(want.exitedP);
    expect(totals.remainingHouseholds).toBe(want.openH);
    expect(totals.remainingPersons).toBe(want.openP);
    const v = totals.villages.find((x) => x.villageId === t.f.villageId)!;
    expect(v.remainingPersons).toBe(want.openP);

    const ctx = t.app.ctx();
    const rule = await loadStatusRule(ctx);
    const body = (await findTemplate(ctx, 'village-chart'))!.body;
    const chart = await readCharts(t.app.db, (r) => villageChartData(r, r.villageById(t.f.villageId)!, body, { county: '新邵县', dataDate: '2017-04-30', status: rule }));
    expect(chart.byStatus.exited.households).toBe(want.exitedH);
    expect(chart.byStatus.exited.persons).toBe(want.exitedP);
    // 未脱贫 on the chart = red + amber (monitored, 预脱贫): the totals' remaining households.
    expect(chart.byStatus.unexited.households + chart.byStatus.monitored.households).toBe(want.openH);
    expect(chart.byStatus.unexited.persons + chart.byStatus.monitored.persons).toBe(want.openP);
    // The struck-off household is not on the chart; the exited monitored one is green.
    expect(chart.households).toHaveLength(STATUSES.length - 1);
    expect(chart.households.filter((h) => h.status === 'exited')).toHaveLength(want.exitedH);
    expect(chart.households.filter((h) => h.status === 'monitored').map((h) => h.statusLabel).sort()).toEqual(['监测', '预脱贫']);

    const board = (await findTemplate(ctx, 'township-board'))!.body;
    const frame = { year: 2017, dataDate: '2017-04-30', sample: false, issuer: '', title: '', subtitle: '', unit: '', contact: '' };
    await expect(readCharts(t.app.db, (r) => boardDoc(r, board, frame, t.townshipId, rule))).resolves.toBeTruthy();

    const { cards } = await buildCards(ctx, { villageId: t.f.villageId });
    expect(cards.filter((c) => c.exited)).toHaveLength(want.exitedH);
  });

  it('lets the quality check ask an exit year of the legacy 已脱贫 too (Q01)', async () => {
    const t = await county();
    t.app.db.raw.prepare("UPDATE household SET exit_year = NULL WHERE status = '已脱贫'").run();
    await runChecks(t.app.ctx());
    const r = await t.call('roster.check.results', { rule: 'Q01', offset: 0, limit: 50 });
    expect(r.rows.map((x) => x.detail).join('\n')).toContain('已脱贫');
  });

  it('follows the code list: an office status marked 已脱贫 counts as exited, and deactivating keeps its kind', async () => {
    const t = await county();
    const before = await t.call('roster.totals', {});
    const saved = await t.call('roster.codes.save', { list: 'status', code: '20', name: '稳定脱贫户', sort: 20, active: true });
    expect(saved.kind).toBe('exited'); // from its name
    const mine = await t.call('roster.codes.save', { list: 'status', code: '21', name: '巩固提升户', sort: 21, active: true, kind: 'exited' });
    expect(mine.kind).toBe('exited');
    t.app.db.raw.prepare("UPDATE household SET status = '巩固提升户' WHERE id = ?").run(`h-${t.f.villageCode}-3`); // was 未脱贫, 4 persons
    const after = await t.call('roster.totals', {});
    expect(after.exitedHouseholds).toBe(before.exitedHouseholds + 1);
    expect(after.exitedPersons).toBe(before.exitedPersons + 4);
    expect(after.remainingHouseholds).toBe(before.remainingHouseholds - 1);

    // Deactivating (the list's 停用 button sends no kind) keeps what it counts as; old records still count.
    const off = await t.call('roster.codes.save', { id: mine.id, list: 'status', code: '21', name: '巩固提升户', sort: 21, active: false });
    expect(off.kind).toBe('exited');
    expect((await t.call('roster.totals', {})).exitedHouseholds).toBe(after.exitedHouseholds);

    // Other lists carry no kind.
    const codes = await t.call('roster.codes.list', {});
    expect(codes.filter((c) => c.list !== 'status').every((c) => c.kind === null)).toBe(true);
    expect(codes.filter((c) => c.list === 'status').find((c) => c.name === '注销')!.kind).toBe('cancelled');
  });
});

describe('the rule itself', () => {
  it('reads legacy spellings and keeps monitoring apart from exit', () => {
    expect(['已脱贫', '已脱贫（享受政策）', '已脱贫 (不再享受政策)', '脱贫'].map(defaultStatusKind)).toEqual(['exited', 'exited', 'exited', 'exited']);
    expect(['未脱贫', '返贫', '新识别', '预脱贫', '监测对象', ''].map(defaultStatusKind).every((k) => k === 'open')).toBe(true);
    expect(defaultStatusKind('注销')).toBe('cancelled');
    const rule = statusRule([{ list: 'status', name: '未脱贫', kind: 'open' }, { list: 'status', name: '自定义', kind: 'exited' }]);
    expect(statusClass(rule, '自定义')).toBe('exited');
    expect(statusClass(rule, '已脱贫(享受政策)', '脱贫不稳定户')).toBe('exited');
    expect(statusClass(rule, '未脱贫', '边缘易致贫户')).toBe('monitored');
    expect(statusClass(rule, '注销', '边缘易致贫户')).toBe('cancelled');
  });
});
