/**
 * The roster list's order and filters over `household.sort_key` (migration 0007): the key stays
 * right when a household moves or is renumbered, when a village's or township's code changes and
 * on import; the default order, the township filter and every other sort column give the same
 * households in the same order as the plain joined query they replace.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, idNumber, tempDir, xinshaoApp } from './helpers/app';
import type { HouseholdInput } from '../../shared/ipc/contract-roster';
import type { RosterSortColumn } from '../../shared/domain/roster';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { GROUP_KEY, SORT_KEY_SQL } from '../../electron/core/db/migrations/0011-group-order';
import { groupNumber, groupSortKey } from '../../shared/roster/group-order';
import { registerAuditFunctions } from '../../electron/core/db/audit-functions';

afterEach(cleanup);

type T = Awaited<ReturnType<typeof xinshaoApp>>;

function member(name: string, id: string, relation: string) {
  return { number: '', name, idNumber: id, relation, ethnicity: '汉族', education: '小学', schoolStatus: '非在校生', health: '健康', skill: '普通劳动力', workStatus: '', workMonths: null, insured: '是' as const, phone: '' };
}

let seq = 0;
function household(villageId: string, number: string, groupName: string, head: string): HouseholdInput {
  seq++;
  return {
    number,
    villageId,
    groupName,
    attribute: '一般贫困户',
    mainCause: '因病',
    secondaryCauses: [],
    identifiedYear: 2014,
    status: '未脱贫',
    monitorType: '',
    plannedExitYear: null,
    exitYear: null,
    dangerousHouse: '否',
    waterSafe: '是',
    waterDifficult: '否',
    phone: '',
    members: [member(head, idNumber('19650203', String(seq % 100).padStart(2, '0'), 1, `4305${String(10 + Math.floor(seq / 100)).padStart(2, '0')}`), '户主')],
  };
}

/**
 * The list's order computed independently of sort_key: the joined rows sorted by township code,
 * village code, group by its number (the printouts' groupNumber: 2组 before 10组), group name,
 * household number.
 */
function joinedOrder(t: T, townshipId?: string): string[] {
  const rows = t.app.db.raw
    .prepare(
      `SELECT t.code AS tc, v.code AS vc, h.group_name AS g, h.number FROM household h JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id
       WHERE ? IS NULL OR t.id = ?`,
    )
    .all(townshipId ?? null, townshipId ?? null) as { tc: string; vc: string; g: string; number: string }[];
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const n = groupNumber;
  return rows.sort((a, b) => cmp(a.tc, b.tc) || cmp(a.vc, b.vc) || n(a.g) - n(b.g) || cmp(a.g, b.g) || cmp(a.number, b.number)).map((r) => r.number);
}

async function listed(t: T, q: { townshipId?: string; villageId?: string; sort?: RosterSortColumn; desc?: boolean } = {}): Promise<string[]> {
  const page = await t.call('roster.query', { offset: 0, limit: 1000, ...q });
  expect(page.rows).toHaveLength(page.total);
  return page.rows.map((r) => r.number);
}

/** Every household's stored key equals the key computed afresh from its village and township. */
function keysAreRight(t: T): void {
  const wrong = t.app.db.raw.prepare(`SELECT number, sort_key, ${SORT_KEY_SQL} AS fresh FROM household WHERE sort_key IS NOT (${SORT_KEY_SQL})`).all();
  expect(wrong).toEqual([]);
}

async function smallCounty() {
  const t = await xinshaoApp();
  const a = t.byCode('430522100');
  const b = t.byCode('430522101');
  const v = async (townshipId: string, code: string, name: string) => (await t.call('org.villages.save', { townshipId, code, name, isPoor: true, population: 800 })).id;
  const a2 = await v(a.id, '430522100202', '红旗村');
  const a1 = await v(a.id, '430522100201', '长青村');
  const b1 = await v(b.id, '430522101201', '石门村');
  // Saved out of order on purpose; groups "1组" < "2组", and numbers decide within a group.
  await t.call('roster.household.save', household(b1, '4305221012010001', '1组', '王一'));
  await t.call('roster.household.save', household(a2, '4305221002020002', '1组', '李二'));
  await t.call('roster.household.save', household(a1, '4305221002010003', '2组', '张三'));
  await t.call('roster.household.save', household(a1, '4305221002010001', '2组', '赵四'));
  await t.call('roster.household.save', household(a1, '4305221002010009', '1组', '钱五'));
  await t.call('roster.household.save', household(a2, '4305221002020001', '3组', '孙六'));
  return { t, a, b, a1, a2, b1 };
}

describe('the roster order (sort_key)', () => {
  it('lists township code, village code, group, number, both ways, like the joined query it replaces', async () => {
    const { t, a } = await smallCounty();
    keysAreRight(t);
    const expected = ['4305221002010009', '4305221002010001', '4305221002010003', '4305221002020002', '4305221002020001', '4305221012010001'];
    expect(joinedOrder(t)).toEqual(expected);
    expect(await listed(t)).toEqual(expected);
    expect(await listed(t, { desc: true })).toEqual([...expected].reverse());
    // The township filter is a range of the key: exactly that township's households, in order.
    expect(await listed(t, { townshipId: a.id })).toEqual(joinedOrder(t, a.id));
    expect(await listed(t, { townshipId: a.id })).toHaveLength(5);
    // Pages follow one another without gaps or repeats.
    const p1 = await t.call('roster.query', { offset: 0, limit: 4, townshipId: a.id });
    const p2 = await t.call('roster.query', { offset: 4, limit: 4, townshipId: a.id });
    expect([...p1.rows, ...p2.rows].map((r) => r.number)).toEqual(joinedOrder(t, a.id));
    expect([p1.total, p2.total]).toEqual([5, 5]);
  });

  it('orders 组 by their number, in digits or Chinese numerals, and the importer computes the same key as SQL', async () => {
    const { t, a1 } = await smallCounty();
    const names = ['10组', '2组', '十二组', '三组', '组外', '一组', '二十一组'];
    for (const [k, g] of names.entries()) await t.call('roster.household.save', household(a1, `43052210020100${20 + k}`, g, `户${k}`));
    keysAreRight(t);
    const order = (await t.call('roster.query', { offset: 0, limit: 100, villageId: a1 })).rows.map((r) => r.groupName);
    expect(order).toEqual(['1组', '一组', '2组', '2组', '2组', '三组', '10组', '十二组', '二十一组', '组外']);
    expect(await listed(t)).toEqual(joinedOrder(t));
    // The importer's key (shared/roster/group-order.ts) is the SQL one, odd names included.
    const tricky = [...names, '', '3', ' 3组', '３组', '十', '一百组', '一百零一组', '两组', '一十组', '一十二组', '第三组', '一心组', '99999999999999999999组', '007组', '九十九组'];
    // The printouts' number of a group is the list's (one definition).
    expect(['两组', '一十组', '一十二组', '十二组', '二十一组', '一百组', '007组', '组外'].map(groupNumber)).toEqual([2, 10, 12, 12, 21, 100, 7, 99_999]);
    const sqlKey = t.app.db.raw.prepare(`SELECT ${GROUP_KEY('@g')}`).pluck();
    for (const g of tricky) expect(sqlKey.get({ g }), g).toBe(groupSortKey(g));
  });

  it('counts the filtered list afresh after every write, including writes from another connection', async () => {
    const { t, a, a1 } = await smallCounty();
    expect((await t.call('roster.query', { offset: 0, limit: 1, townshipId: a.id })).total).toBe(5);
    expect((await t.call('roster.query', { offset: 0, limit: 1 })).total).toBe(6);
    await t.call('roster.household.save', household(a1, '4305221002010010', '1组', '周七'));
    expect((await t.call('roster.query', { offset: 0, limit: 1, townshipId: a.id })).total).toBe(6);
    expect((await t.call('roster.query', { offset: 0, limit: 1 })).total).toBe(7);
    const other = new Database(t.app.db.file);
    registerAuditFunctions(other); // another copy of the app
    other.prepare("DELETE FROM household WHERE number = '4305221002010010'").run();
    other.close();
    expect((await t.call('roster.query', { offset: 0, limit: 1, townshipId: a.id })).total).toBe(5);
  });

  it('keeps the key right when a household moves, is renumbered or regrouped, and when codes change', async () => {
    const { t, a, b, a1, b1 } = await smallCounty();
    // A household moves from 长青村 (酿溪镇) to 石门村 (严塘镇) and changes group.
    const zhao = (await t.call('roster.query', { offset: 0, limit: 10, text: '4305221002010001' })).rows[0];
    const detail = await t.call('roster.household.get', { id: zhao.id });
    const moved = household(b1, detail.number, '0组', '赵四');
    moved.members[0].idNumber = detail.members[0].idNumber;
    await t.call('roster.household.save', { ...moved, id: zhao.id });
    keysAreRight(t);
    expect(await listed(t, { townshipId: b.id })).toEqual(['4305221002010001', '4305221012010001']);
    expect(await listed(t)).toEqual(joinedOrder(t));

    // A village's code changes: 长青村 becomes 208, after 红旗村 (202).
    await t.call('org.villages.save', { id: a1, townshipId: a.id, code: '430522100208', name: '长青村', isPoor: true, population: 800 });
    keysAreRight(t);
    expect((await listed(t, { townshipId: a.id })).slice(0, 2)).toEqual(['4305221002020002', '4305221002020001']);
    expect(await listed(t)).toEqual(joinedOrder(t));

    // A township's code changes (written directly: the service only allows it for a township whose villages agree).
    t.app.db.raw.prepare("UPDATE township SET code = '430522199' WHERE id = ?").run(a.id);
    keysAreRight(t);
    expect(await listed(t)).toEqual(joinedOrder(t));
    expect((await listed(t)).at(-1)).toBe('4305221002010003'); // 酿溪镇 now sorts after 严塘镇
    expect(await listed(t, { townshipId: a.id })).toEqual(joinedOrder(t, a.id));

    // A household renumbered with plain SQL (any writer) gets its key from the trigger.
    t.app.db.raw.prepare("UPDATE household SET number = '4305221002010000' WHERE number = '4305221002010003'").run();
    keysAreRight(t);
    expect(await listed(t)).toEqual(joinedOrder(t));
  });

  it('gives every other sort column the same order as before, with the household number breaking ties', async () => {
    const { t } = await smallCounty();
    const raw = t.app.db.raw;
    raw.prepare("UPDATE household SET size = 3, exit_year = 2019, status = '已脱贫(享受政策)' WHERE number LIKE '%0001'").run();
    raw.prepare("UPDATE household SET reported_income_fen = 350000 WHERE number LIKE '%0002' OR number LIKE '%0009'").run();
    const cols: Record<string, string> = { number: 'h.number', head: 'h.head_name', size: 'h.size', status: 'h.status', exitYear: 'h.exit_year', income: 'h.reported_income_fen' };
    for (const [sort, col] of Object.entries(cols)) {
      for (const desc of [false, true]) {
        const dir = desc ? 'DESC' : 'ASC';
        const tie = sort === 'number' ? '' : ', h.number';
        const expected = raw.prepare(`SELECT h.number FROM household h ORDER BY ${col} ${dir}${tie}`).pluck().all();
        expect(await listed(t, { sort: sort as RosterSortColumn, desc }), `${sort} ${dir}`).toEqual(expected);
      }
    }
  });

  it('writes the right key on import (given by the importer, so the triggers need not rewrite)', async () => {
    const t = await xinshaoApp();
    const file = path.join(tempDir(), 'county.xlsx');
    await writeRosterXlsx(file, [...countyRows({ households: 120, seed: 3 })]);
    const ctx = t.app.ctx();
    // Without the insert trigger, so that the keys checked below are the importer's own.
    t.app.db.raw.exec('DROP TRIGGER household_sort_insert');
    const preview = await previewImport(ctx, file);
    await commitImport(ctx, preview.token);
    expect(t.count('household')).toBe(120);
    keysAreRight(t);
    expect(await listed(t)).toEqual(joinedOrder(t));
    for (const tw of t.townships.slice(0, 4)) expect(await listed(t, { townshipId: tw.id }), tw.name).toEqual(joinedOrder(t, tw.id));
  });

  it('a bulk import (search indexes and the key trigger set aside while writing) leaves the schema as it was, keys right', async () => {
    const t = await xinshaoApp();
    const schema = () => t.app.db.raw.prepare("SELECT type, name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') ORDER BY name").all();
    const before = schema();
    const file = path.join(tempDir(), 'county.xlsx');
    await writeRosterXlsx(file, [...countyRows({ households: 1800, seed: 5 })]);
    const ctx = t.app.ctx();
    const raw = t.app.db.raw;
    // A failure in the middle of the write: nothing written, the schema and the connection's
    // settings (foreign keys, automatic checkpoint, page cache) as they were.
    raw.exec("CREATE TRIGGER boom BEFORE INSERT ON person WHEN NEW.sort = 3 BEGIN SELECT RAISE(ABORT, 'boom'); END");
    await expect(commitImport(ctx, (await previewImport(ctx, file)).token)).rejects.toThrow(/boom/);
    raw.exec('DROP TRIGGER boom');
    expect(t.count('household')).toBe(0);
    expect(schema()).toEqual(before);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(raw.pragma('cache_size', { simple: true })).toBe(-131072);

    const checkpoint = vi.spyOn(t.app.db, 'checkpointSoon');
    await commitImport(ctx, (await previewImport(ctx, file)).token);
    expect(checkpoint).toHaveBeenCalledTimes(1); // the WAL goes to the database file on a worker thread
    expect(t.count('person')).toBeGreaterThan(5000); // over the bulk threshold
    expect(schema()).toEqual(before);
    keysAreRight(t);
    // Foreign keys were off while writing: nothing dangles, and they are on again, as is the
    // automatic checkpoint the import set aside (its own runs on a worker thread), and the
    // page cache the write kept small (the roster's queries use the usual one).
    expect(raw.pragma('foreign_key_check')).toEqual([]);
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(raw.pragma('cache_size', { simple: true })).toBe(-131072);
    const ck = await t.app.db.checkpointSoon();
    expect(ck.ok, ck.message).toBe(true);
    expect(ck.checkpointed).toBe(ck.log);
    // Stored in the list's order: rows listed together are stored together.
    const stored = raw.prepare('SELECT sort_key FROM household ORDER BY rowid').pluck().all() as string[];
    expect(stored).toEqual([...stored].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await listed(t, { townshipId: t.townships[0].id })).toEqual(joinedOrder(t, t.townships[0].id));
    // The restored trigger still fills the key of a household saved without one.
    const v = t.app.db.raw.prepare('SELECT id FROM village LIMIT 1').pluck().get() as string;
    await t.call('roster.household.save', household(v, '4305229999990001', '1组', '吴八'));
    keysAreRight(t);
  }, 60_000);
});
