/** Townships, villages, work promotion groups and supporting units, through the dispatcher. */
import { afterEach, describe, expect, it } from 'vitest';
import { UUID, cleanup, xinshaoApp } from './helpers/app';

afterEach(cleanup);

const village = (townshipId: string, code: string, name: string, extra: { isPoor?: boolean; population?: number | null } = {}) => ({
  townshipId,
  code,
  name,
  isPoor: extra.isPoor ?? true,
  population: extra.population === undefined ? 1200 : extra.population,
});

describe('townships', () => {
  it('creates a township that then appears in the list', async () => {
    const t = await xinshaoApp();
    const made = await t.call('org.townships.save', { code: ' 430522300 ', name: ' 测试乡 ' });
    expect(made).toMatchObject({ code: '430522300', name: '测试乡', villageCount: 0 });
    expect(made.id).toMatch(UUID);
    const list = await t.call('org.townships.list', {});
    expect(list).toHaveLength(16);
    expect(list.find((x) => x.id === made.id)).toEqual(made);
  });

  it('edits a township in place: same id, new code and name', async () => {
    const t = await xinshaoApp();
    const made = await t.call('org.townships.save', { code: '430522300', name: '测试乡' });
    const edited = await t.call('org.townships.save', { id: made.id, code: '430522301', name: '测试镇' });
    expect(edited).toMatchObject({ id: made.id, code: '430522301', name: '测试镇' });
    expect(t.count('township')).toBe(16);
    expect((await t.call('org.townships.list', {})).filter((x) => x.name.startsWith('测试'))).toEqual([edited]);
  });

  it('refuses a code another township uses, naming that township', async () => {
    const t = await xinshaoApp();
    const e = await t.fail('org.townships.save', { code: '430522100', name: '新酿溪镇' });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'code', key: 'code.duplicate' });
    expect(e.message).toBe('代码 430522100 已被「酿溪镇」使用');
    // The same when an edit would take another township's code.
    const e2 = await t.fail('org.townships.save', { id: t.byCode('430522101').id, code: '430522100', name: '严塘镇' });
    expect(e2.message).toContain('「酿溪镇」');
    expect(t.count('township')).toBe(15);
    expect((await t.call('org.townships.list', {})).map((x) => x.code)).toContain('430522101');
  });

  it.each([
    ['another county', '430521300'],
    ['8 digits', '43052230'],
    ['a village-length code', '430522300201'],
    ['letters', '43052230a'],
  ])('refuses a code of %s', async (_label, code) => {
    const t = await xinshaoApp();
    const e = await t.fail('org.townships.save', { code, name: '测试乡' });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'code', key: 'code.township' });
    expect(e.message).toBe('乡镇代码应为 9 位数字，并以县代码 430522 开头');
    expect(t.count('township')).toBe(15);
  });

  it('refuses an empty or too long name', async () => {
    const t = await xinshaoApp();
    expect(await t.fail('org.townships.save', { code: '430522300', name: '  ' })).toMatchObject({ field: 'name', message: '名称不能为空' });
    expect(await t.fail('org.townships.save', { code: '430522300', name: '乡'.repeat(41) })).toMatchObject({ field: 'name', key: 'name.tooLong' });
    const e = await t.fail('org.townships.save', { id: t.byCode('430522100').id, code: '430522100', name: '' });
    expect(e.field).toBe('name');
    expect((await t.call('org.townships.list', {})).find((x) => x.code === '430522100')!.name).toBe('酿溪镇');
    expect(t.count('township')).toBe(15);
  });

  it('refuses to edit a township that no longer exists', async () => {
    const t = await xinshaoApp();
    const e = await t.fail('org.townships.save', { id: 'gone', code: '430522300', name: '测试乡' });
    expect(e.code).toBe('NOT_FOUND');
    expect(t.count('township')).toBe(15);
  });

  it('refuses to change the code of a township that has villages, naming a village; renaming is fine', async () => {
    const t = await xinshaoApp();
    const ns = t.byCode('430522100');
    await t.call('org.villages.save', village(ns.id, '430522100201', '长青村'));
    const e = await t.fail('org.townships.save', { id: ns.id, code: '430522120', name: '酿溪镇' });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'code', key: 'code.townshipHasVillages' });
    expect(e.message).toContain('「长青村」');
    const after = (await t.call('org.townships.list', {})).find((x) => x.id === ns.id)!;
    expect(after).toMatchObject({ code: '430522100', name: '酿溪镇', villageCount: 1 });

    const renamed = await t.call('org.townships.save', { id: ns.id, code: '430522100', name: '酿溪街道' });
    expect(renamed).toMatchObject({ code: '430522100', name: '酿溪街道', villageCount: 1 });
    expect((await t.call('org.villages.list', {}))[0].townshipName).toBe('酿溪街道');
  });
});

describe('villages', () => {
  it('creates a village under its township and counts it there', async () => {
    const t = await xinshaoApp();
    const ns = t.byCode('430522100');
    const v = await t.call('org.villages.save', village(ns.id, '430522100201', ' 长青村 ', { population: 1234 }));
    expect(v).toMatchObject({ code: '430522100201', name: '长青村', townshipId: ns.id, townshipName: '酿溪镇', isPoor: true, population: 1234 });
    expect(v.id).toMatch(UUID);
    await t.call('org.villages.save', village(ns.id, '430522100202', '枫林村', { isPoor: false, population: null }));
    await t.call('org.villages.save', village(t.byCode('430522101').id, '430522101201', '石桥村'));

    expect((await t.call('org.townships.list', {})).find((x) => x.id === ns.id)!.villageCount).toBe(2);
    expect((await t.call('org.villages.list', { townshipId: ns.id })).map((x) => x.name)).toEqual(['长青村', '枫林村']);
    expect((await t.call('org.villages.list', {})).map((x) => x.code)).toEqual(['430522100201', '430522100202', '430522101201']);
    expect(await t.call('org.counts', {})).toMatchObject({ villages: 3, poorVillages: 2 });
  });

  it("refuses a code that does not start with the township's code", async () => {
    const t = await xinshaoApp();
    const e = await t.fail('org.villages.save', village(t.byCode('430522100').id, '430522101201', '长青村'));
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'code', key: 'code.village' });
    expect(e.message).toBe('行政村代码应为 12 位数字，并以所属乡镇代码 430522100 开头');
    expect(t.count('village')).toBe(0);
  });

  it('refuses a code another village uses, naming that village', async () => {
    const t = await xinshaoApp();
    const ns = t.byCode('430522100');
    await t.call('org.villages.save', village(ns.id, '430522100201', '长青村'));
    const e = await t.fail('org.villages.save', village(ns.id, '430522100201', '枫林村'));
    expect(e).toMatchObject({ field: 'code', message: '代码 430522100201 已被「长青村」使用' });
    expect(t.count('village')).toBe(1);
  });

  it('refuses an unknown township', async () => {
    const t = await xinshaoApp();
    const e = await t.fail('org.villages.save', village('no-such-township', '430522100201', '长青村'));
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'townshipId', message: '所选乡镇不存在，可能已被删除' });
    expect(t.count('village')).toBe(0);
  });

  it('refuses a negative or absurd population', async () => {
    const t = await xinshaoApp();
    const ns = t.byCode('430522100');
    for (const population of [-1, 1_000_001]) {
      const e = await t.fail('org.villages.save', village(ns.id, '430522100201', '长青村', { population }));
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'population', message: '人口数应为 0 到 1000000 之间的整数' });
    }
    expect(t.count('village')).toBe(0);
  });

  it('edits a village, including moving it to another township with a matching code', async () => {
    const t = await xinshaoApp();
    const v = await t.call('org.villages.save', village(t.byCode('430522100').id, '430522100201', '长青村'));
    const yt = t.byCode('430522101');
    const moved = await t.call('org.villages.save', { id: v.id, ...village(yt.id, '430522101205', '长青村', { isPoor: false, population: 980 }) });
    expect(moved).toMatchObject({ id: v.id, townshipId: yt.id, townshipName: '严塘镇', code: '430522101205', isPoor: false, population: 980 });
    expect(t.count('village')).toBe(1);
    // An edit may keep its own code.
    expect((await t.call('org.villages.save', { id: v.id, ...village(yt.id, '430522101205', '长青新村') })).name).toBe('长青新村');
  });
});

describe('work promotion groups and supporting units', () => {
  it('saves a group with the townships it covers and lists them in code order', async () => {
    const t = await xinshaoApp();
    const [a, b, c] = ['430522102', '430522100', '430522101'].map(t.byCode);
    const g = await t.call('org.groups.save', { name: '第一工作推进组', leader: '刘建国', townshipIds: [a.id, b.id, b.id] });
    expect(g).toMatchObject({ name: '第一工作推进组', leader: '刘建国', townshipIds: [b.id, a.id] });
    expect(g.id).toMatch(UUID);
    expect(await t.call('org.groups.list', {})).toEqual([g]);

    const edited = await t.call('org.groups.save', { id: g.id, name: '第一工作推进组', leader: '', townshipIds: [c.id] });
    expect(edited.townshipIds).toEqual([c.id]);
    expect(t.count('work_group_township')).toBe(1);
  });

  it('refuses unknown township ids, a duplicate name and an empty name, writing nothing', async () => {
    const t = await xinshaoApp();
    const ns = t.byCode('430522100');
    const e = await t.fail('org.groups.save', { name: '第一工作推进组', leader: '', townshipIds: [ns.id, 'no-such-township'] });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'townshipIds', key: 'ref.township' });
    expect(t.count('work_group') + t.count('work_group_township')).toBe(0);

    await t.call('org.groups.save', { name: '第一工作推进组', leader: '', townshipIds: [] });
    expect(await t.fail('org.groups.save', { name: ' 第一工作推进组 ', leader: '', townshipIds: [] })).toMatchObject({
      field: 'name',
      message: '名称「第一工作推进组」已存在',
    });
    expect(await t.fail('org.groups.save', { name: '', leader: '', townshipIds: [] })).toMatchObject({ field: 'name', key: 'name.empty' });
    expect(t.count('work_group')).toBe(1);
  });

  it('saves a unit with the villages it supports; unknown village ids are refused', async () => {
    const t = await xinshaoApp();
    const ns = t.byCode('430522100');
    const v2 = await t.call('org.villages.save', village(ns.id, '430522100202', '枫林村'));
    const v1 = await t.call('org.villages.save', village(ns.id, '430522100201', '长青村'));
    const u = await t.call('org.units.save', { name: '县财政局', villageIds: [v2.id, v1.id] });
    expect(u).toMatchObject({ name: '县财政局', villageIds: [v1.id, v2.id] });
    expect(u.id).toMatch(UUID);
    expect(await t.call('org.units.list', {})).toEqual([u]);

    const e = await t.fail('org.units.save', { id: u.id, name: '县财政局', villageIds: [v1.id, 'no-such-village'] });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'villageIds', message: '所选行政村不存在，可能已被删除' });
    expect((await t.call('org.units.list', {}))[0].villageIds).toEqual([v1.id, v2.id]);
    expect(await t.fail('org.units.save', { name: '县财政局', villageIds: [] })).toMatchObject({ key: 'name.duplicate' });
    expect(t.count('support_unit')).toBe(1);
  });

  it('deletes a group together with its township links, keeping the townships', async () => {
    const t = await xinshaoApp();
    const g = await t.call('org.groups.save', { name: '第二工作推进组', leader: '', townshipIds: [t.byCode('430522100').id] });
    await t.call('org.groups.delete', { id: g.id });
    expect(await t.call('org.groups.list', {})).toEqual([]);
    expect(t.count('work_group_township')).toBe(0);
    expect(t.count('township')).toBe(15);
    expect((await t.fail('org.groups.delete', { id: g.id })).code).toBe('NOT_FOUND');
  });
});
