/**
 * 督查考核 through the IPC dispatcher (as the renderer calls it): checklists and their versions,
 * rounds over registry townships, score sheets with their refusals, results and ranking, evidence
 * files, and a deduction raised into the rectification ledger.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, tempDir, xinshaoApp } from './helpers/app';
import type { ScoreEntry, TargetSheet, TemplateDetail } from '../../shared/domain/inspection';
import type { Dialogs } from '../../electron/core/app/dialogs';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { latestRanking } from '../../electron/core/inspection';

afterEach(cleanup);

type T = Awaited<ReturnType<typeof xinshaoApp>>;

/** Values for a sheet: everything full marks, except the overrides by item title prefix. */
function entries(sheet: TargetSheet, over: Record<string, [number, string?]> = {}): ScoreEntry[] {
  return sheet.sections.flatMap((s) =>
    s.items.map((i) => {
      const o = Object.entries(over).find(([k]) => i.title.startsWith(k))?.[1];
      const full = i.mode === 'points' ? i.max : i.mode === 'passfail' ? 1 : 0;
      return { itemId: i.id, value: o ? o[0] : full, note: o?.[1] ?? '' };
    }),
  );
}

async function roundOver3(t: T, name = '2017年第一季度督查考核') {
  const ids = ['430522100', '430522101', '430522102'].map((c) => t.byCode(c).id);
  return t.call('inspection.rounds.create', {
    name,
    periodStart: '2017-03-20',
    periodEnd: '2017-03-27',
    theme: '春季行动',
    targets: ids.map((refId, i) => ({ type: 'township', refId, group: i % 2 })),
    groups: [
      { name: '第一督查组', inspectors: ['王五', '赵六'] },
      { name: '第二督查组', inspectors: ['孙七'] },
    ],
  });
}

async function score(t: T, targetId: string, over: Record<string, [number, string?]>, selfScore: number | null = 980) {
  const sheet = await t.call('inspection.sheet.get', { targetId });
  return t.call('inspection.sheet.save', { targetId, selfScore, scores: entries(sheet, over) });
}

describe('checklists', () => {
  it('ships one per built-in type; saving makes a new version and a past round keeps its results', async () => {
    const t = await xinshaoApp();
    const list = await t.call('inspection.templates.list', {});
    expect(list.map((x) => [x.targetType, x.version, x.totalMax])).toEqual(
      expect.arrayContaining([['township', 1, 1000], ['work_group', 1, 1000], ['support_unit', 1, 1000], ['village_team', 1, 1000]]),
    );
    const r = await roundOver3(t);
    const [a, b, c] = r.targets;
    await score(t, a.id, { 贫困户手册: [3, '3处错误'] });
    await score(t, b.id, {});
    await score(t, c.id, { 产业扶贫: [70] });
    await t.call('inspection.rounds.finish', { id: r.id });
    const before = await t.call('inspection.results', { roundId: r.id });

    // Edit the township checklist: halve the manual item's cap and add an item.
    const tpl = list.find((x) => x.targetType === 'township') as TemplateDetail;
    const sections = structuredClone(tpl.sections);
    sections[1].items[0].max = 150;
    sections[0].items.push({ id: '', title: '扶贫档案分类归档', mode: 'points', max: 50, per: 0, guidance: '' });
    const saved = await t.call('inspection.templates.save', { id: tpl.id, targetType: tpl.targetType, name: tpl.name, sections });
    expect(saved.version).toBe(2);
    expect(saved.totalMax).toBe(1000 - 150 + 50);
    expect(saved.usedBy).toEqual(['2017年第一季度督查考核']);

    const after = await t.call('inspection.results', { roundId: r.id });
    expect(after.rankings).toEqual(before.rankings);
    // Still counted with version 1: the manual item capped at 30 points (3 errors × 2 = −6).
    expect(after.rankings[0].rows.map((x) => [x.name, x.total, x.rank])).toEqual([
      ['严塘镇', 1000, 1],
      ['雀塘镇', 970, 2],
      ['酿溪镇', 940, 3],
    ]);
    // A new round uses version 2.
    const r2 = await roundOver3(t, '2017年第二季度督查考核');
    expect(r2.templates[0].version).toBe(2);
  });

  it('refuses deleting a checklist in use, naming the rounds; deletes an unused one', async () => {
    const t = await xinshaoApp();
    await roundOver3(t);
    const list = await t.call('inspection.templates.list', {});
    const e = await t.fail('inspection.templates.delete', { id: list.find((x) => x.targetType === 'township')!.id });
    expect(e.code).toBe('IN_USE');
    expect(e.message).toContain('2017年第一季度督查考核');
    await t.call('inspection.templates.delete', { id: list.find((x) => x.targetType === 'work_group')!.id });
    expect((await t.call('inspection.templates.list', {})).some((x) => x.targetType === 'work_group')).toBe(false);
  });

  it('exports and imports a checklist file; refuses foreign, newer or broken files in plain Chinese', async () => {
    const dir = tempDir();
    const out = path.join(dir, '检查表.json');
    let pick = out;
    const dialogs: Dialogs = { openFile: async () => pick, saveFile: async () => out, openPath: async () => undefined };
    const t = await xinshaoApp();
    const d = createDispatcher(createHandlers(t.app, { dialogs }), () => {});
    const call = async (n: string, i: unknown) => d(n as never, i as never);
    const list = await t.call('inspection.templates.list', {});
    const team = list.find((x) => x.targetType === 'village_team')!;
    expect(await call('inspection.templates.export', { id: team.id })).toMatchObject({ ok: true });
    const file = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(file).toMatchObject({ format: 'fupin-inspection-template', formatVersion: 1, targetType: 'village_team' });
    expect(file.sections[0].items[0]).toMatchObject({ title: '驻村工作队每月在村不少于20天', mode: 'deduct', max: 20, per: 2 });
    const imported = await call('inspection.templates.import', {});
    expect(imported.ok && (imported.value as TemplateDetail).name).toBe(`${team.name}（导入）`);
    expect(imported.ok && (imported.value as TemplateDetail).sections).toHaveLength(team.sections.length);

    const bad = path.join(dir, '坏.json');
    for (const [content, text] of [
      ['not json', '不是本软件导出的检查表'],
      ['{"format":"other"}', '不是检查表文件'],
      [JSON.stringify({ ...file, formatVersion: 9 }), '更新版本的软件导出'],
      [JSON.stringify({ ...file, sections: [{ title: '一', items: [{ title: 'x', mode: 'deduct', max: 5, per: 9, guidance: '' }] }] }), '每次扣分应大于 0 且不超过'],
    ]) {
      fs.writeFileSync(bad, content);
      pick = bad;
      const r = await call('inspection.templates.import', {});
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toContain(text);
    }
    expect((await t.call('inspection.templates.list', {})).length).toBe(5);
  });
});

describe('rounds and score sheets', () => {
  it('creates a round with groups and assignments; progress counts done targets', async () => {
    const t = await xinshaoApp();
    const r = await roundOver3(t);
    expect(r.targets.map((x) => x.name)).toEqual(['酿溪镇', '严塘镇', '雀塘镇']);
    expect(r.groups.map((g) => g.name)).toEqual(['第一督查组', '第二督查组']);
    expect(r.targets.map((x) => r.groups.findIndex((g) => g.id === x.groupId))).toEqual([0, 1, 0]);
    await score(t, r.targets[0].id, {});
    const list = await t.call('inspection.rounds.list', {});
    expect(list[0]).toMatchObject({ name: '2017年第一季度督查考核', targetCount: 3, doneCount: 1, status: 'open' });
    expect((await t.fail('inspection.rounds.create', { name: '2017年第一季度督查考核', periodStart: '2017-01-01', periodEnd: '2017-01-02', theme: '', targets: [{ type: 'township', refId: r.targets[0].refId }], groups: [] })).message).toBe('考核轮次「2017年第一季度督查考核」已存在');
    expect((await t.fail('inspection.rounds.create', { name: 'x', periodStart: '2017-02-01', periodEnd: '2017-01-02', theme: '', targets: [], groups: [] })).message).toContain('结束日期不能早于');
    const e = await t.fail('inspection.rounds.finish', { id: r.id });
    expect(e.message).toBe('还有 2 个考核对象未评分（如「严塘镇」），不能结束本轮考核');
  });

  it("takes the office's own target type with targets typed by name, and ranks them", async () => {
    const t = await xinshaoApp();
    await t.call('inspection.templates.save', {
      targetType: '行业扶贫部门',
      name: '行业扶贫部门考核表',
      sections: [{ title: '一、政策落实', items: [{ id: 'a', title: '行业政策落实到户', mode: 'points', max: 600, per: 0, guidance: '' }, { id: 'b', title: '资金按时拨付', mode: 'deduct', max: 400, per: 100, guidance: '每项滞后扣1分' }] }],
    });
    const r = await t.call('inspection.rounds.create', {
      name: '行业部门专项考核',
      periodStart: '2017-04-01',
      periodEnd: '2017-04-05',
      theme: '',
      targets: [{ type: '行业扶贫部门', refId: null, name: '县教育局' }, { type: '行业扶贫部门', refId: null, name: '县卫健局' }],
      groups: [],
    });
    expect(r.targets.map((x) => [x.type, x.name, x.refId])).toEqual([['行业扶贫部门', '县教育局', null], ['行业扶贫部门', '县卫健局', null]]);
    await score(t, r.targets[0].id, { 资金按时拨付: [2, '两笔资金滞后'] }, null);
    await score(t, r.targets[1].id, {}, null);
    const res = await t.call('inspection.results', { roundId: r.id });
    const k = res.rankings.find((x) => x.type === '行业扶贫部门')!;
    expect(k.rows.map((x) => [x.rank, x.name, x.total])).toEqual([[1, '县卫健局', 1000], [2, '县教育局', 800]]);
    const e = await t.fail('inspection.rounds.create', { name: 'y', periodStart: '2017-04-01', periodEnd: '2017-04-02', theme: '', targets: [{ type: '行业扶贫部门', refId: null, name: '  ' }], groups: [] });
    expect(e.code).toBe('VALIDATION');
  });

  it('refuses a score above the max, a negative one, a veto without a note; nothing is half-saved', async () => {
    const t = await xinshaoApp();
    const r = await roundOver3(t);
    const id = r.targets[0].id;
    const sheet = await t.call('inspection.sheet.get', { targetId: id });
    const save = (over: Record<string, [number, string?]>) => t.fail('inspection.sheet.save', { targetId: id, selfScore: null, scores: entries(sheet, over) });
    expect((await save({ 产业扶贫: [101] })).message).toBe('「产业扶贫项目覆盖有劳动能力的贫困户」的得分不能超过该项满分 10 分');
    expect((await save({ 产业扶贫: [-5] })).message).toContain('不能为负数');
    expect((await save({ 发生虚假脱贫: [1] })).message).toBe('「发生虚假脱贫、数字脱贫或违规违纪问题」被一票否决时必须写明理由');
    const noPoints = entries(sheet).map((e, i) => (i === 4 ? { ...e, value: null } : e));
    expect((await t.fail('inspection.sheet.save', { targetId: id, selfScore: null, scores: noPoints })).message).toContain('请为「贫困户退出程序规范');
    expect((await t.fail('inspection.sheet.save', { targetId: id, selfScore: 1001, scores: entries(sheet) })).message).toContain('自评分应在 0 到满分 100 分之间');
    expect(t.count('insp_score')).toBe(0);
    expect((await t.call('inspection.rounds.get', { id: r.id })).targets[0].done).toBe(false);
  });

  it('ranks with the veto last, keeps notes, and stops edits once the round is finished', async () => {
    const t = await xinshaoApp();
    const r = await roundOver3(t);
    const [a, b, c] = r.targets;
    const saved = await score(t, a.id, { 贫困户手册: [20, '抽查10户，手册错漏20处'] }, 950);
    expect(saved.target).toMatchObject({ done: true, total: 700, selfScore: 950 });
    expect(saved.nextTargetId).toBe(b.id);
    await score(t, b.id, { 发生虚假脱贫: [1, '虚报脱贫2户'] });
    await score(t, c.id, { 政策知晓: [4, '4户不知晓'] });
    const res = await t.call('inspection.results', { roundId: r.id });
    expect(res.tieRule).toContain('名次并列');
    expect(res.rankings[0].rows.map((x) => [x.name, x.rank, x.total, x.vetoed])).toEqual([
      ['雀塘镇', 1, 960, false],
      ['酿溪镇', 2, 700, false],
      ['严塘镇', 3, 1000, true],
    ]);
    expect(res.findings.map((f) => [f.targetName, f.item.slice(0, 5), f.note])).toEqual(
      expect.arrayContaining([['酿溪镇', '贫困户手册', '抽查10户，手册错漏20处'], ['严塘镇', '发生虚假脱', '虚报脱贫2户'], ['雀塘镇', '政策知晓：', '4户不知晓']]),
    );
    await t.call('inspection.rounds.finish', { id: r.id });
    const e = await t.fail('inspection.sheet.save', { targetId: a.id, selfScore: null, scores: entries(saved) });
    expect(e.message).toContain('已结束，不能再修改评分');
    const latest = await latestRanking(t.app.ctx());
    expect(latest?.types[0]).toMatchObject({ typeName: '乡镇' });
    expect(latest?.types[0].top.map((x) => x.name)).toEqual(['雀塘镇']);
    expect(latest?.types[0].bottom.map((x) => [x.name, x.vetoed])).toEqual([['严塘镇', true]]);
  });

  it('stores evidence files by hash, opens them, refuses empty ones', async () => {
    const dir = tempDir();
    const photo = path.join(dir, '手册照片.jpg');
    fs.writeFileSync(photo, Buffer.from('jpeg-bytes'));
    const empty = path.join(dir, '空.jpg');
    fs.writeFileSync(empty, '');
    let pick = photo;
    const opened: string[] = [];
    const t = await xinshaoApp();
    const d = createDispatcher(createHandlers(t.app, { dialogs: { openFile: async () => pick, saveFile: async () => null, openPath: async (p) => void opened.push(p) } }), () => {});
    const r = await roundOver3(t);
    const sheet = await t.call('inspection.sheet.get', { targetId: r.targets[0].id });
    const added = await d('inspection.evidence.add', { targetId: r.targets[0].id, itemId: sheet.sections[1].items[0].id });
    expect(added.ok).toBe(true);
    if (!added.ok) throw new Error(added.error.message);
    const ev = (added.value as TargetSheet).evidence[0];
    expect(ev).toMatchObject({ originalName: '手册照片.jpg', size: 10, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(await d('inspection.evidence.open', { id: ev.id })).toMatchObject({ ok: true });
    expect(fs.readFileSync(opened[0], 'utf8')).toBe('jpeg-bytes');
    expect(opened[0].startsWith(path.join(t.dir, 'evidence'))).toBe(true);
    pick = empty;
    const refused = await d('inspection.evidence.add', { targetId: r.targets[0].id, itemId: null });
    expect(refused.ok).toBe(false);
    expect(t.count('insp_evidence')).toBe(1);
  });
});

describe('findings to the rectification ledger', () => {
  it('raises a deduction as a ledger item carrying round, target, item and note; only once', async () => {
    const t = await xinshaoApp({ now: () => new Date('2017-04-01T09:00:00') });
    const r = await roundOver3(t);
    await score(t, r.targets[0].id, { 贫困户手册: [3, '3户手册收入栏漏填'] });
    const res = await t.call('inspection.results', { roundId: r.id });
    const f = res.findings[0];
    expect(f.ledgerSeq).toBeNull();
    const opts = await t.call('inspection.finding.options', {});
    expect(opts.categories).toContain('精准识别');
    const item = await t.call('inspection.finding.toLedger', { roundId: r.id, targetId: f.targetId, itemId: f.itemId, category: '精准识别', deadline: '2017-04-30' });
    expect(item).toMatchObject({
      sourceKind: 'inspection',
      sourceText: '2017年第一季度督查考核·酿溪镇',
      sourceRef: { roundId: r.id, targetId: f.targetId, itemId: f.itemId },
      responsibleUnit: '酿溪镇',
      status: 'pending',
    });
    expect(item.description).toContain('贫困户手册填写准确完整（扣 6 分）');
    expect(item.description).toContain('3户手册收入栏漏填');
    const ledger = await t.call('ledger.list', { view: 'all' });
    expect(ledger.items.map((x) => x.seq)).toEqual([item.seq]);
    expect((await t.call('inspection.results', { roundId: r.id })).findings[0].ledgerSeq).toBe(item.seq);
    const again = await t.fail('inspection.finding.toLedger', { roundId: r.id, targetId: f.targetId, itemId: f.itemId, category: '精准识别', deadline: '2017-04-30' });
    expect(again.message).toBe(`该扣分项已转入整改台账（序号 ${item.seq}）`);
    // An item without a deduction cannot be raised.
    const clean = (await t.call('inspection.sheet.get', { targetId: r.targets[0].id })).sections[0].items[0].id;
    expect((await t.fail('inspection.finding.toLedger', { roundId: r.id, targetId: r.targets[0].id, itemId: clean, category: '精准识别', deadline: '2017-04-30' })).message).toContain('没有扣分');
  });
});
