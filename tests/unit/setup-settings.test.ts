/** First-run setup, calls before setup, settings, and who is recorded as having written a row. */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COUNTY } from '../../shared/domain/org';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { OPERATOR, UUID, cleanup, idNumber, openTestApp, setUpXinshao, xinshaoApp } from './helpers/app';

afterEach(cleanup);

const XINSHAO = { countyCode: '430522', countyName: '新邵县', operator: OPERATOR, townships: DEFAULT_COUNTY.townships };

describe('first-run setup', () => {
  it('with the Xinshao default creates the county, the operator and its 15 townships', async () => {
    const t = await openTestApp();
    const before = await t.call('app.status', {});
    expect(before.ready).toBe(false);
    expect(before.county).toBeNull();
    expect(before.schemaVersion).toBe(LATEST_VERSION);

    const status = await t.call('app.setup', XINSHAO);
    expect(status).toMatchObject({ ready: true, county: { code: '430522', name: '新邵县' }, operator: OPERATOR, sample: false, dataDir: t.dir });

    const townships = await t.call('org.townships.list', {});
    expect(townships).toHaveLength(15);
    expect(townships.map((x) => [x.code, x.name])).toEqual(DEFAULT_COUNTY.townships.map((x) => [x.code, x.name]));
    for (const x of townships) {
      expect(x.id).toMatch(UUID);
      expect(x.villageCount).toBe(0);
      expect(Number.isNaN(Date.parse(x.updatedAt))).toBe(false);
    }
    expect(new Set(townships.map((x) => x.id)).size).toBe(15);
    expect(await t.call('org.counts', {})).toEqual({ townships: 15, villages: 0, poorVillages: 0, workGroups: 0, supportUnits: 0, villageTeams: 0, cadres: 0 });
    // The operator who did the setup is recorded on every row it wrote.
    expect(t.app.db.raw.prepare('SELECT DISTINCT updated_by FROM township').pluck().all()).toEqual([OPERATOR]);
    expect(t.app.db.raw.prepare('SELECT DISTINCT updated_by FROM setting').pluck().all()).toEqual([OPERATOR]);
  });

  it('survives closing and reopening the data folder', async () => {
    const t = await openTestApp();
    await setUpXinshao(t);
    await t.app.close();
    const again = await openTestApp({ dir: t.dir });
    expect(await again.call('app.status', {})).toMatchObject({ ready: true, operator: OPERATOR, county: { name: '新邵县' } });
    expect(await again.call('org.townships.list', {})).toHaveLength(15);
  });

  it('is refused a second time, naming the county, and changes nothing', async () => {
    const t = await openTestApp();
    await setUpXinshao(t);
    const e = await t.fail('app.setup', { countyCode: '430521', countyName: '邵阳县', operator: '李四', townships: [{ code: '430521100', name: '塘渡口镇' }] });
    expect(e.code).toBe('CONFLICT');
    expect(e.message).toBe('本数据目录已经完成初始设置（新邵县）');
    expect(await t.call('app.status', {})).toMatchObject({ county: { code: '430522', name: '新邵县' }, operator: OPERATOR });
    expect(t.count('township')).toBe(15);
  });

  it.each([
    ['a bad county code', { countyCode: '43052', countyName: '新邵县', operator: OPERATOR, townships: [] }, 'countyCode', 'code.county'],
    ['an empty county name', { countyCode: '430522', countyName: '  ', operator: OPERATOR, townships: [] }, 'countyName', 'name.empty'],
    ['an empty operator', { countyCode: '430522', countyName: '新邵县', operator: ' ', townships: [] }, 'operator', 'operator.empty'],
    ['a township of another county', { ...XINSHAO, townships: [...XINSHAO.townships, { code: '430521100', name: '外县镇' }] }, 'townships.15', 'code.township'],
    ['a township without a name', { ...XINSHAO, townships: [{ code: '430522100', name: '' }] }, 'townships.0', 'name.empty'],
  ])('with %s is refused on that field and writes nothing', async (_label, input, field, key) => {
    const t = await openTestApp();
    const e = await t.fail('app.setup', input);
    expect(e).toMatchObject({ code: 'VALIDATION', field, key });
    expect(t.count('setting') + t.count('township')).toBe(0);
    // A correct setup still works afterwards.
    await setUpXinshao(t);
    expect(t.count('township')).toBe(15);
  });

  it('refuses two townships with the same code, naming the first', async () => {
    const t = await openTestApp();
    const e = await t.fail('app.setup', { ...XINSHAO, townships: [{ code: '430522100', name: '酿溪镇' }, { code: '430522100', name: '严塘镇' }] });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'townships.1' });
    expect(e.message).toBe('代码 430522100 已被「酿溪镇」使用');
    expect(t.count('township')).toBe(0);
  });
});

describe('calls before setup', () => {
  it('refuses every kind of save with NOT_SET_UP and writes nothing', async () => {
    const t = await openTestApp();
    const saves: [string, unknown][] = [
      ['org.townships.save', { code: '430522100', name: '酿溪镇' }],
      ['org.villages.save', { townshipId: 'x', code: '430522100201', name: '长青村', isPoor: true, population: null }],
      ['org.groups.save', { name: '第一工作推进组', leader: '', townshipIds: [] }],
      ['org.units.save', { name: '县财政局', villageIds: [] }],
      ['org.cadres.save', { name: '李志强', gender: '男', idNumber: idNumber(), unit: '', post: '', phone: '' }],
      ['org.teams.save', { villageId: 'x', supportUnitId: null, captainId: 'c', memberIds: [], termStart: null, termEnd: null }],
    ];
    for (const [name, input] of saves) {
      const e = await t.fail(name, input);
      expect(e.code, name).toBe('NOT_SET_UP');
      expect(e.message).toBe('尚未完成初始设置，请先填写县名和操作员');
    }
    expect(await t.call('org.counts', {})).toEqual({ townships: 0, villages: 0, poorVillages: 0, workGroups: 0, supportUnits: 0, villageTeams: 0, cadres: 0 });
  });

  it('allows choosing the language on the setup screen', async () => {
    const t = await openTestApp();
    expect((await t.call('settings.update', { language: 'en' })).language).toBe('en');
    expect((await t.call('app.status', {})).ready).toBe(false);
  });
});

describe('who wrote a row', () => {
  it('records the operator in updated_by of every kind of record', async () => {
    const t = await xinshaoApp();
    const ns = t.byCode('430522100');
    const v = await t.call('org.villages.save', { townshipId: ns.id, code: '430522100201', name: '长青村', isPoor: true, population: 1200 });
    const g = await t.call('org.groups.save', { name: '第一工作推进组', leader: '刘建国', townshipIds: [ns.id] });
    const u = await t.call('org.units.save', { name: '县财政局', villageIds: [v.id] });
    const c = await t.call('org.cadres.save', { name: '李志强', gender: '男', idNumber: idNumber(), unit: '县财政局', post: '科员', phone: '' });
    const team = await t.call('org.teams.save', { villageId: v.id, supportUnitId: u.id, captainId: c.id, memberIds: [], termStart: null, termEnd: null });
    const rows: [string, string][] = [['village', v.id], ['work_group', g.id], ['support_unit', u.id], ['cadre', c.id], ['village_team', team.id]];
    for (const [table, id] of rows) {
      expect(id, table).toMatch(UUID);
      expect(t.app.db.raw.prepare(`SELECT updated_by FROM ${table} WHERE id = ?`).pluck().get(id), table).toBe(OPERATOR);
    }
    for (const r of [v, g, u, c, team]) expect(Number.isNaN(Date.parse(r.updatedAt))).toBe(false);
  });

  it('stamps created and updated times from the clock, and an edit keeps the id and moves updatedAt', async () => {
    let now = new Date('2019-06-01T08:00:00.000Z');
    const t = await xinshaoApp({ now: () => now });
    const made = await t.call('org.townships.save', { code: '430522300', name: '测试乡' });
    expect(made.updatedAt).toBe('2019-06-01T08:00:00.000Z');
    now = new Date('2019-06-02T09:30:00.000Z');
    const edited = await t.call('org.townships.save', { id: made.id, code: '430522300', name: '测试镇' });
    expect(edited).toMatchObject({ id: made.id, name: '测试镇', updatedAt: '2019-06-02T09:30:00.000Z' });
    expect(t.app.db.raw.prepare('SELECT created_at FROM township WHERE id = ?').pluck().get(made.id)).toBe('2019-06-01T08:00:00.000Z');
  });

  // Regression: a query on the top-level Kysely instance inside a transaction waited for the
  // connection the transaction held, so changing the operator hung forever.
  it('changing the operator completes and later rows record the new operator', async () => {
    const t = await xinshaoApp();
    const timeout = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 3000));
    const r = await Promise.race([t.dispatch('settings.update', { operator: '李四' }), timeout]);
    expect(r, 'settings.update { operator } did not finish within 3 s').not.toBe('hung');
    expect(r).toMatchObject({ ok: true, value: { operator: '李四' } });
    const made = await t.call('org.townships.save', { code: '430522300', name: '测试乡' });
    expect(t.app.db.raw.prepare('SELECT updated_by FROM township WHERE id = ?').pluck().get(made.id)).toBe('李四');
    expect(t.app.db.raw.prepare("SELECT value FROM setting WHERE key = 'operator'").pluck().get()).toBe('李四');
  });

  it('refuses a blank operator name', async () => {
    const t = await xinshaoApp();
    const e = await t.fail('settings.update', { operator: '   ' });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'operator', message: '请填写操作员姓名' });
    expect((await t.call('app.status', {})).operator).toBe(OPERATOR);
  });
});
