/** The main-side IPC entry: unknown calls, payload validation, and unexpected failures. */
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers, type Handlers } from '../../electron/core/ipc/handlers';
import { callNames } from '../../shared/ipc/contract';
import { cleanup, idNumber, openTestApp, xinshaoApp } from './helpers/app';

afterEach(cleanup);

const HAN = /[\u4e00-\u9fff]/;
const INTERNAL_MESSAGE = '程序内部错误，操作未完成，数据未被修改。请重试或联系技术支持';

async function registry() {
  const t = await xinshaoApp();
  const ns = t.byCode('430522100');
  const counts = () => t.call('org.counts', {});
  return { ...t, ns, counts };
}

describe('call names', () => {
  it.each(['org.secrets.dump', 'app.quit', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])(
    'refuses %j with FORBIDDEN',
    async (name) => {
      const t = await registry();
      const e = await t.fail(name, {});
      expect(e.code).toBe('FORBIDDEN');
      expect(e.message).toBe('拒绝来自未知页面的请求');
    },
  );

  it('has a handler for every call in the contract, and each answers', async () => {
    const t = await registry();
    const handlers = createHandlers(t.app);
    expect(Object.keys(handlers).sort()).toEqual([...callNames].sort());
    for (const name of callNames.filter((n) => n.endsWith('.list') || n === 'org.counts' || n === 'app.status')) {
      const r = await t.dispatch(name, {});
      expect(r.ok, name).toBe(true);
    }
  });
});

describe('payload validation', () => {
  const good = (townshipId: string) => ({ townshipId, code: '430522100201', name: '长青村', isPoor: true, population: 1200 });

  it.each([
    ['a wrong type', (v: Record<string, unknown>) => ({ ...v, population: '1200' }), 'population'],
    ['a fractional number', (v: Record<string, unknown>) => ({ ...v, population: 12.5 }), 'population'],
    ['a missing field', ({ isPoor: _drop, ...v }: Record<string, unknown>) => v, 'isPoor'],
    ['an extra unknown field', (v: Record<string, unknown>) => ({ ...v, is_poor: 1 }), 'is_poor'],
    ['an over-long string', (v: Record<string, unknown>) => ({ ...v, name: '村'.repeat(61) }), 'name'],
  ])('refuses %s with BAD_PAYLOAD in Chinese and writes nothing', async (_label, spoil, mentioned) => {
    const t = await registry();
    const before = await t.counts();
    const e = await t.fail('org.villages.save', spoil(good(t.ns.id)));
    expect(e.code).toBe('BAD_PAYLOAD');
    expect(e.message.startsWith('提交的数据格式不正确：'), e.message).toBe(true);
    expect(e.message).toMatch(HAN);
    expect(e.message).toContain(mentioned);
    expect(await t.counts()).toEqual(before);
    // The same payload, unspoilt, goes through.
    await t.call('org.villages.save', good(t.ns.id));
    expect((await t.counts()).villages).toBe(before.villages + 1);
  });

  it.each([null, undefined, '{"code":"430522300","name":"测试乡"}', 42, ['430522300', '测试乡']])(
    'refuses a non-object payload %j',
    async (payload) => {
      const t = await registry();
      const e = await t.fail('org.townships.save', payload);
      expect(e.code).toBe('BAD_PAYLOAD');
      expect(e.message).toMatch(HAN);
      expect(t.count('township')).toBe(15);
    },
  );

  it('refuses a wrong enum value and a bad date before any service runs', async () => {
    const t = await registry();
    const cadre = { name: '李志强', gender: 'male', idNumber: idNumber(), unit: '', post: '', phone: '' };
    expect((await t.fail('org.cadres.save', cadre)).code).toBe('BAD_PAYLOAD');
    const team = { villageId: 'v', supportUnitId: null, captainId: 'c', memberIds: [], termStart: '2017/03/01', termEnd: null };
    const e = await t.fail('org.teams.save', team);
    expect(e.code).toBe('BAD_PAYLOAD');
    expect(e.message).toContain('日期格式应为 YYYY-MM-DD');
    expect(t.count('cadre') + t.count('village_team')).toBe(0);
  });

  it('refuses an extra field even on calls that take no input', async () => {
    const t = await registry();
    expect((await t.fail('org.townships.list', { all: true })).code).toBe('BAD_PAYLOAD');
    expect((await t.fail('org.townships.delete', { id: t.ns.id, force: true })).code).toBe('BAD_PAYLOAD');
    expect(t.count('township')).toBe(15);
  });

  it('refuses a bad setup payload and leaves the folder not set up', async () => {
    const t = await openTestApp();
    const e = await t.fail('app.setup', { countyCode: '430522', countyName: '新邵县', operator: '张三' });
    expect(e.code).toBe('BAD_PAYLOAD');
    expect(e.message).toContain('townships');
    expect((await t.call('app.status', {})).ready).toBe(false);
    expect(t.count('setting') + t.count('township')).toBe(0);
  });
});

describe('unexpected failures', () => {
  function throwingHandlers(real: Handlers, error: unknown): Handlers {
    return { ...real, 'org.townships.list': async () => Promise.reject(error) };
  }

  it('become INTERNAL with a generic Chinese message, no stack and no details; the log gets only the class name', async () => {
    const t = await registry();
    const logged: string[] = [];
    const secret = new TypeError(`Cannot read properties of undefined (reading 'x') for 李志强 ${idNumber()}`);
    const dispatch = createDispatcher(throwingHandlers(createHandlers(t.app), secret), (l) => logged.push(l));
    const r = await dispatch('org.townships.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', key: 'internal', message: INTERNAL_MESSAGE } });
    const wire = JSON.stringify(r);
    expect(wire).not.toContain('李志强');
    expect(wire).not.toContain(idNumber());
    expect(wire).not.toMatch(/\bat\s|stack|\.ts:\d+/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('TypeError');
    expect(logged[0]).not.toContain('李志强');
    expect(logged[0]).not.toContain(idNumber());
  });

  it('handles thrown non-Error values too', async () => {
    const t = await registry();
    for (const thrown of ['boom', null, 42, { weird: true }]) {
      const dispatch = createDispatcher(throwingHandlers(createHandlers(t.app), thrown), () => {});
      const r = await dispatch('org.townships.list', {});
      expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    }
  });

  it('a busy database becomes a STORAGE error saying so', async () => {
    const t = await registry();
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const dispatch = createDispatcher(throwingHandlers(createHandlers(t.app), busy), () => {});
    expect(await dispatch('org.townships.list', {})).toMatchObject({
      ok: false,
      error: { code: 'STORAGE', key: 'db.locked', message: '数据库正被另一个程序使用（可能是另开的一个扶贫工作台或命令行工具），请关闭它后重试' },
    });
  });

  it('calls on a closed database answer INTERNAL instead of throwing', async () => {
    const t = await registry();
    const dispatch = createDispatcher(createHandlers(t.app), () => {});
    await t.app.close();
    const r = await dispatch('org.townships.save', { code: '430522300', name: '测试乡' });
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: INTERNAL_MESSAGE } });
    expect(JSON.stringify(r)).not.toMatch(/\bat\s|stack/);
  });

  it('expected refusals keep their own code and field', async () => {
    const t = await registry();
    const e = await t.fail('org.townships.save', { code: '430522100', name: '重复镇' });
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'code', params: { code: '430522100', other: '酿溪镇' } });
    expect(e).not.toHaveProperty('stack');
  });
});
