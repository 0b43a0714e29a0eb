/**
 * Accounts and roles, enforced in the main process: the first administrator, signing in, wrong
 * passwords slowing down after five, the idle lock, read-only and township operators refused or
 * narrowed by the dispatcher (not only hidden in the UI), writes recorded under the account, the
 * CLI's --operator, and scrypt hashes with their parameters.
 */
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir, xinshaoApp } from './helpers/app';
import { cli } from '../support/cli';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { setHashParamsForTests, waitAfter } from '../../electron/core/auth/auth-service';
import { hashPassword, verifyPassword } from '../../electron/core/auth/password';
import { accessOf } from '../../shared/ipc/access';
import { callNames } from '../../shared/ipc/contract';

afterEach(cleanup);
beforeAll(() => setHashParamsForTests({ N: 2 ** 10, r: 8, p: 1 }));

const PW = 'Xinshao#2017';

async function withAccounts(households = 30) {
  const t = await xinshaoApp();
  const file = path.join(tempDir(), 'r.xlsx');
  await writeRosterXlsx(file, countyRows({ households, seed: 9 }));
  const ctx = t.app.ctx();
  await commitImport(ctx, (await previewImport(ctx, file)).token);
  await t.call('auth.createAdmin', { login: 'admin', name: '张三', password: PW });
  return t;
}

describe('passwords', () => {
  it('are scrypt N=2^17 r=8 p=1 hashes with their parameters and salt; verified in constant time', async () => {
    const h = await hashPassword('一二三四五六七八');
    expect(h).toMatch(/^scrypt\$131072\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await hashPassword('一二三四五六七八')).not.toBe(h); // salted
    expect(await verifyPassword('一二三四五六七八', h)).toBe(true);
    expect(await verifyPassword('一二三四五六七九', h)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$999999999$8$1$AAAA$BBBB')).toBe(false); // refused parameters, no hang
  });

  it('wait after five wrong tries, doubling up to five minutes', () => {
    expect([1, 2, 3, 4].map(waitAfter)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 12].map(waitAfter)).toEqual([5, 10, 20, 300]);
  });
});

describe('signing in', () => {
  it('creates the first administrator once; then every call needs a session', async () => {
    const t = await withAccounts();
    expect((await t.call('app.status', {})).session).toMatchObject({ login: 'admin', role: 'admin' });
    expect(await t.fail('auth.createAdmin', { login: 'other', name: '王五', password: PW })).toMatchObject({ key: 'auth.exists' });
    await t.call('auth.logout', {});
    expect(await t.fail('roster.query', { offset: 0, limit: 10 })).toMatchObject({ code: 'UNAUTHENTICATED', key: 'auth.required' });
    expect(await t.fail('auth.login', { login: 'admin', password: 'wrong-password' })).toMatchObject({ key: 'auth.wrong', field: 'password' });
    expect(await t.fail('auth.login', { login: 'nobody', password: PW })).toMatchObject({ key: 'auth.wrong' }); // no hint which was wrong
    await t.call('auth.login', { login: 'ADMIN', password: PW });
    await expect(t.call('roster.query', { offset: 0, limit: 10 })).resolves.toMatchObject({ total: 30 });
  });

  it('refuses a sixth wrong password and even the right one until the wait is over', async () => {
    const t = await withAccounts(2);
    await t.call('auth.logout', {});
    for (let i = 0; i < 4; i++) expect(await t.fail('auth.login', { login: 'admin', password: `bad-${i}-password` })).toMatchObject({ key: 'auth.wrong' });
    expect(await t.fail('auth.login', { login: 'admin', password: 'bad-5-password' })).toMatchObject({ key: 'auth.wait', params: { seconds: 5 } });
    expect(await t.fail('auth.login', { login: 'admin', password: PW })).toMatchObject({ key: 'auth.wait' });
    // The wait is over: the right password works and the count starts again.
    await t.app.db.kysely.updateTable('account').set({ retry_after: '2000-01-01T00:00:00.000Z' }).execute();
    await t.call('auth.login', { login: 'admin', password: PW });
    expect(await t.app.db.kysely.selectFrom('account').select('failed_count').executeTakeFirst()).toEqual({ failed_count: 0 });
  });

  it('locks after the idle time; the password unlocks it; reads are refused while locked', async () => {
    const t = await withAccounts(2);
    await t.call('auth.idle.set', { minutes: 1 });
    expect((await t.call('app.status', {})).idleMinutes).toBe(1);
    t.app.auth.session!.lastActivity -= 61_000;
    expect(await t.fail('roster.query', { offset: 0, limit: 10 })).toMatchObject({ code: 'LOCKED' });
    expect((await t.call('app.status', {})).locked).toBe(true);
    expect(await t.fail('auth.unlock', { password: 'not-it-at-all' })).toMatchObject({ key: 'auth.wrong' });
    await t.call('auth.unlock', { password: PW });
    await expect(t.call('roster.query', { offset: 0, limit: 10 })).resolves.toBeTruthy();
  });
});

describe('roles, in the main process', () => {
  it('a read-only account reads and prints but cannot write; the refusal names its role', async () => {
    const t = await withAccounts(5);
    await t.call('auth.accounts.add', { login: 'viewer', name: '赵六', role: 'readonly', townshipId: null, password: PW });
    await t.call('auth.logout', {});
    await t.call('auth.login', { login: 'viewer', password: PW });
    const page = await t.call('roster.query', { offset: 0, limit: 10 });
    const h = await t.call('roster.household.get', { id: page.rows[0].id });
    expect(await t.fail('roster.household.delete', { id: h.id })).toMatchObject({ code: 'FORBIDDEN', key: 'auth.forbidden', message: expect.stringContaining('只读') });
    expect(await t.fail('org.townships.save', { code: '430522999', name: '新乡' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.fail('auth.accounts.list', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.fail('backup.list', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(t.count('household')).toBe(5);
  });

  it("a township operator sees only its township: lists narrowed, another township's household, search hit or filter refused", async () => {
    const t = await withAccounts(60);
    const byTownship = await t.app.db.kysely
      .selectFrom('household as h')
      .innerJoin('village as v', 'v.id', 'h.village_id')
      .select(['v.township_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('v.township_id')
      .orderBy('n', 'desc')
      .execute();
    expect(byTownship.length).toBeGreaterThan(1);
    const [mine, other] = byTownship;
    await t.call('auth.accounts.add', { login: 'xiang', name: '李四', role: 'township', townshipId: mine.township_id, password: PW });
    await t.call('auth.logout', {});
    await t.call('auth.login', { login: 'xiang', password: PW });

    expect((await t.call('roster.totals', {})).households).toBe(Number(mine.n));
    expect((await t.call('roster.query', { offset: 0, limit: 500 })).total).toBe(Number(mine.n));
    expect(await t.fail('roster.query', { townshipId: other.township_id, offset: 0, limit: 10 })).toMatchObject({ code: 'FORBIDDEN', key: 'auth.township' });
    const foreign = await t.app.db.kysely
      .selectFrom('household as h')
      .innerJoin('village as v', 'v.id', 'h.village_id')
      .select(['h.id', 'h.head_name', 'h.number'])
      .where('v.township_id', '=', other.township_id)
      .executeTakeFirstOrThrow();
    expect(await t.fail('roster.household.get', { id: foreign.id })).toMatchObject({ key: 'auth.township' });
    expect(await t.fail('roster.household.delete', { id: foreign.id })).toMatchObject({ key: 'auth.township' });
    expect(await t.call('roster.search', { text: foreign.number })).toEqual([]);
    expect(await t.fail('roster.import.pickFile', {})).toMatchObject({ code: 'FORBIDDEN' });
    // Its own households it may edit; the change is recorded under its name.
    const own = (await t.call('roster.query', { offset: 0, limit: 1 })).rows[0];
    await t.call('roster.household.delete', { id: own.id });
    expect(t.count('household')).toBe(60 - 1);
  });

  it("a township operator's ledger is the items naming its township; another's item is refused", async () => {
    const t = await withAccounts(2);
    const [mine, other] = [t.byCode('430522100'), t.byCode('430522101')];
    const item = (unit: string) => ({
      sourceKind: 'self_check' as const,
      sourceText: '2026年自查',
      category: '精准识别',
      description: `${unit}问题`,
      measures: '整改',
      leadUnit: '县扶贫办',
      responsibleUnit: unit,
      responsiblePerson: '李四',
      deadline: '2099-12-31',
    });
    const a = await t.call('ledger.create', item(mine.name));
    const b = await t.call('ledger.create', item(other.name));
    await t.call('auth.accounts.add', { login: 'xiang', name: '李四', role: 'township', townshipId: mine.id, password: PW });
    await t.call('auth.logout', {});
    await t.call('auth.login', { login: 'xiang', password: PW });
    expect((await t.call('ledger.list', { view: 'all' })).items.map((i) => i.id)).toEqual([a.id]);
    expect(await t.fail('ledger.list', { view: 'all', unit: other.name })).toMatchObject({ key: 'auth.township' });
    expect((await t.call('ledger.get', { id: a.id })).item.id).toBe(a.id);
    expect(await t.fail('ledger.get', { id: b.id })).toMatchObject({ key: 'auth.township' });
    expect(await t.fail('ledger.export', { filter: { view: 'all', unit: other.name }, format: 'xlsx', taskId: crypto.randomUUID() })).toMatchObject({ key: 'auth.township' });
  });

  it('writes are recorded under the signed-in account', async () => {
    const t = await withAccounts(2);
    await t.call('auth.accounts.add', { login: 'wang', name: '王五', role: 'admin', townshipId: null, password: PW });
    await t.call('auth.logout', {});
    await t.call('auth.login', { login: 'wang', password: PW });
    const saved = await t.call('org.townships.save', { code: '430522999', name: '测试乡' });
    expect(await t.app.db.kysely.selectFrom('township').select('updated_by').where('id', '=', saved.id).executeTakeFirst()).toEqual({ updated_by: '王五' });
  });

  it('the only active administrator cannot be deactivated or demoted', async () => {
    const t = await withAccounts(1);
    const [me] = await t.call('auth.accounts.list', {});
    expect(await t.fail('auth.accounts.update', { id: me.id, name: me.name, role: 'readonly', townshipId: null, active: true })).toMatchObject({ key: 'auth.lastAdmin' });
    expect(await t.fail('auth.accounts.update', { id: me.id, name: me.name, role: 'admin', townshipId: null, active: false })).toMatchObject({ key: 'auth.lastAdmin' });
  });

  it('every call of the contract has an access class; county-wide and destructive work is admin-only', () => {
    const admin = ['backup.restore', 'backup.create', 'roster.import.commit', 'roster.codes.save', 'org.cadres.delete', 'ledger.transition', 'inspection.sheet.save', 'auth.accounts.add', 'auth.idle.set', 'roster.check.run', 'wallchart.templates.save', 'monthly.save'];
    for (const n of admin) expect(accessOf(n), n).toBe('admin');
    for (const n of ['roster.query', 'roster.export', 'pdf.roster', 'wallchart.export', 'ledger.list', 'auth.password.change']) expect(accessOf(n), n).toBe('read');
    for (const n of ['roster.household.save', 'roster.income.delete']) expect(accessOf(n), n).toBe('edit');
    for (const n of callNames) expect(['public', 'read', 'edit', 'admin']).toContain(accessOf(n));
  });
});

describe('the CLI', () => {
  it('refuses a write without --operator on a data folder with accounts, and takes an administrator login', async () => {
    const t = await withAccounts(3);
    await t.call('auth.accounts.add', { login: 'viewer', name: '赵六', role: 'readonly', townshipId: null, password: PW });
    await t.app.close();
    expect(await cli('--data-dir', t.dir, 'check')).toMatchObject({ code: 1, err: expect.stringContaining('--operator') });
    expect(await cli('--data-dir', t.dir, 'check', '--operator', 'nobody')).toMatchObject({ code: 1, err: expect.stringContaining('nobody') });
    expect(await cli('--data-dir', t.dir, 'check', '--operator', 'viewer')).toMatchObject({ code: 1, err: expect.stringContaining('只读') });
    expect(await cli('--data-dir', t.dir, 'check', '--operator', 'admin')).toMatchObject({ code: 0 });
    expect((await cli('--data-dir', t.dir, 'stats')).code).toBe(0); // reading needs none
    const add = await cli('--data-dir', t.dir, 'user', 'add', 'li', '--name', '李四', '--role', 'township', '--township', '430522100', '--password', PW, '--operator', 'admin');
    expect(add).toMatchObject({ code: 0, out: expect.stringContaining('乡镇操作员') });
    expect((await cli('--data-dir', t.dir, 'user', 'list')).out).toMatch(/li {2}李四 {2}乡镇操作员（酿溪镇）/);
  });
});
