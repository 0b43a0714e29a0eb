/** One household through the services: validation, one person one household, income, pairing, history. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, idNumber, withWrongCheck, xinshaoApp } from './helpers/app';
import type { HouseholdInput } from '../../shared/ipc/contract-roster';
import { formatError } from '../../shared/i18n/messages';
import { buildCards } from '../../electron/core/pdf/cards';

afterEach(cleanup);

const HEAD = idNumber('19650203', '01', 1);
const WIFE = idNumber('19680709', '02', 2);
const SON = idNumber('19920101', '03', 3);

/** The app's clock: households are registered on 2017-06-01; a test may move it on. */
let clock = new Date('2017-06-01T08:00:00Z');
const moveClockTo = (iso: string) => (clock = new Date(iso));

async function withVillage() {
  clock = new Date('2017-06-01T08:00:00Z');
  const t = await xinshaoApp({ now: () => clock });
  const v = await t.call('org.villages.save', { townshipId: t.byCode('430522100').id, code: '430522100201', name: '长青村', isPoor: true, population: 1200 });
  return { ...t, villageId: v.id };
}

function member(name: string, id: string, relation: string) {
  return { number: '', name, idNumber: id, relation, ethnicity: '汉族', education: '小学', schoolStatus: '非在校生', health: '健康', skill: '普通劳动力', workStatus: '', workMonths: null, insured: '是' as const, phone: '' };
}

function household(villageId: string, over: Partial<HouseholdInput> = {}): HouseholdInput {
  return {
    number: '430522100201000001',
    villageId,
    groupName: '3组',
    attribute: '一般贫困户',
    mainCause: '因病',
    secondaryCauses: ['缺技术'],
    identifiedYear: 2014,
    status: '未脱贫',
    monitorType: '',
    plannedExitYear: 2018,
    exitYear: null,
    dangerousHouse: '否',
    waterSafe: '是',
    waterDifficult: '否',
    phone: '13907391234',
    members: [member('陈德明', HEAD, '户主'), member('邓艳双', WIFE, '配偶'), member('陈志强', SON, '之子')],
    ...over,
  };
}

describe('household records', () => {
  it('saves a household with derived gender and birth date, records who, and keeps a status history', async () => {
    const t = await withVillage();
    const h = await t.call('roster.household.save', household(t.villageId));
    expect(h).toMatchObject({ headName: '陈德明', size: 3, villageName: '长青村', townshipName: '酿溪镇', updatedBy: '张三' });
    expect(h.members.map((m) => [m.name, m.gender, m.birthDate])).toEqual([
      ['陈德明', '男', '1965-02-03'],
      ['邓艳双', '女', '1968-07-09'],
      ['陈志强', '男', '1992-01-01'],
    ]);
    expect(h.history.map((s) => s.status)).toEqual(['未脱贫']);
    // A change dated after today is refused (the household page could not know it yet).
    const future = await t.fail('roster.household.setStatus', { householdId: h.id, status: '已脱贫(享受政策)', monitorType: '', effectiveDate: '2018-12-01', note: '' });
    expect(future).toMatchObject({ field: 'effectiveDate', key: 'household.futureDate', message: '日期 2018-12-01 晚于今天，不能登记尚未发生的事' });
    moveClockTo('2019-06-01T08:00:00Z');
    const changed = await t.call('roster.household.setStatus', { householdId: h.id, status: '已脱贫(享受政策)', monitorType: '', effectiveDate: '2018-12-01', note: '经村评议、乡审核、县审定' });
    expect(changed.status).toBe('已脱贫(享受政策)');
    expect(changed.history.map((s) => s.status)).toEqual(['已脱贫(享受政策)', '未脱贫']);
  });

  it('refuses a status change dated before the latest history entry, naming that date, in Chinese and English', async () => {
    const t = await withVillage();
    const h = await t.call('roster.household.save', household(t.villageId)); // 未脱贫 from 2017-06-01 (today)
    moveClockTo('2019-06-01T08:00:00Z');
    await t.call('roster.household.setStatus', { householdId: h.id, status: '已脱贫(享受政策)', monitorType: '', effectiveDate: '2018-12-01', note: '' });
    const early = { householdId: h.id, status: '返贫', monitorType: '', effectiveDate: '2018-11-30', note: '' };
    const err = await t.fail('roster.household.setStatus', early);
    expect(err).toMatchObject({ code: 'VALIDATION', field: 'effectiveDate', key: 'household.statusBeforeLatest', params: { date: '2018-12-01', given: '2018-11-30' } });
    expect(err.message).toBe('变更日期 2018-11-30 早于该户最近一次状态变更的日期 2018-12-01，请填写 2018-12-01 或之后的日期');
    expect(formatError(err, 'en')).toBe("The date 2018-11-30 is before the household's latest status change on 2018-12-01; enter 2018-12-01 or later");
    // Nothing was written: status and history are as before.
    const after = await t.call('roster.household.get', { id: h.id });
    expect(after.status).toBe('已脱贫(享受政策)');
    expect(after.history.map((s) => s.effectiveDate)).toEqual(['2018-12-01', '2017-06-01']);
    // The same day as the latest entry, and later days, are accepted.
    const same = await t.call('roster.household.setStatus', { ...early, effectiveDate: '2018-12-01' });
    expect(same.history).toHaveLength(3);
    expect((await t.call('roster.household.setStatus', { ...early, status: '已脱贫(享受政策)', effectiveDate: '2019-03-01' })).status).toBe('已脱贫(享受政策)');
  });

  it('refuses a bad ID at its member, no head, two heads, and a relation the ID contradicts', async () => {
    const t = await withVillage();
    const bad = household(t.villageId);
    bad.members[2] = member('陈志强', withWrongCheck(SON), '之子');
    expect(await t.fail('roster.household.save', bad)).toMatchObject({ code: 'VALIDATION', field: 'members.2.idNumber', message: '身份证号码校验位不正确，请核对' });
    const noHead = household(t.villageId);
    noHead.members[0] = member('陈德明', HEAD, '其他');
    expect(await t.fail('roster.household.save', noHead)).toMatchObject({ field: 'members', message: '该户没有“户主”' });
    const son = household(t.villageId);
    const girl = idNumber('19920101', '04', 2);
    son.members[2] = member('陈小红', girl, '之子');
    expect(await t.fail('roster.household.save', son)).toMatchObject({ field: 'members.2.relation' });
    expect(t.count('household')).toBe(0);
  });

  it('keeps one person in one household across the county, naming the other household', async () => {
    const t = await withVillage();
    await t.call('roster.household.save', household(t.villageId));
    const other = household(t.villageId, { number: '430522100201000002', members: [member('陈志强', SON, '户主')] });
    const e = await t.fail('roster.household.save', other);
    expect(e).toMatchObject({ field: 'members.0.idNumber' });
    expect(e.message).toContain('430522100201000001');
    expect(e.message).toContain('陈德明');
    expect(t.count('household')).toBe(1);
  });

  it('computes per-capita net income from the income parts, exactly, against that year’s poverty line', async () => {
    const t = await withVillage();
    const h = await t.call('roster.household.save', household(t.villageId));
    const r = await t.call('roster.income.save', { householdId: h.id, year: 2017, productionFen: 300050, wageFen: 1200000, propertyFen: 0, transferFen: 150025, costFen: 100000 });
    // (3000.50 + 12000 + 1500.25 − 1000) / 3 = 5166.91 yuan, rounded down to the fen
    expect(r.incomes[0]).toMatchObject({ year: 2017, netPerCapitaFen: 516691, lineFen: 295200 });
    expect(await t.fail('roster.income.save', { householdId: h.id, year: 2017, productionFen: 1, wageFen: 0, propertyFen: 0, transferFen: 0, costFen: 0 })).toMatchObject({ field: 'year' });
  });

  it('refuses an income or a measure of a year not yet begun, and a measure dated after today', async () => {
    const t = await withVillage(); // today: 2017-06-01
    const h = await t.call('roster.household.save', household(t.villageId));
    const income = { householdId: h.id, year: 2018, productionFen: 1, wageFen: 0, propertyFen: 0, transferFen: 0, costFen: 0 };
    expect(await t.fail('roster.income.save', income)).toMatchObject({ field: 'year', key: 'household.futureYear', message: '2018 年还没有到，不能登记该年度的数据' });
    const measure = { householdId: h.id, year: 2017, category: '产业扶贫', content: '发放鸡苗 50 只', amountFen: 50000, supportUnitId: null, date: '2017-06-02' };
    expect(await t.fail('roster.measure.save', measure)).toMatchObject({ field: 'date', key: 'household.futureDate' });
    expect(await t.fail('roster.measure.save', { ...measure, year: 2018, date: null })).toMatchObject({ field: 'year', key: 'household.futureYear' });
    const ok = await t.call('roster.measure.save', { ...measure, date: '2017-06-01' });
    expect(ok.measures).toHaveLength(1);
    expect(t.count('income')).toBe(0);
  });

  it('prints the latest income not after this year on the household card, even when a later year was stored', async () => {
    const t = await withVillage();
    const h = await t.call('roster.household.save', household(t.villageId));
    await t.call('roster.income.save', { householdId: h.id, year: 2016, productionFen: 300000, wageFen: 0, propertyFen: 0, transferFen: 0, costFen: 0 });
    // A 2018 row written before this rule (an old import): it is no headline in 2017.
    t.app.db.raw.prepare("INSERT INTO income (id, household_id, year, production_fen, wage_fen, property_fen, transfer_fen, cost_fen, created_at, updated_at, updated_by) VALUES ('future', ?, 2018, 9000000, 0, 0, 0, 0, 'a', 'a', 'a')").run(h.id);
    const { cards } = await buildCards(t.app.ctx(), { householdId: h.id });
    expect(cards[0].income?.year).toBe(2016);
  });

  it('pairs a cadre; the cadre cannot then be deleted, and a cadre on the roll cannot be paired', async () => {
    const t = await withVillage();
    const h = await t.call('roster.household.save', household(t.villageId));
    const cadre = await t.call('org.cadres.save', { name: '李志强', gender: '男', idNumber: idNumber('19800101', '10', 1), unit: '县财政局', post: '科员', phone: '13800000000' });
    const paired = await t.call('roster.pairing.save', { householdId: h.id, cadreId: cadre.id, startDate: '2017-03-01', endDate: null });
    expect(paired.pairings.map((p) => p.cadreName)).toEqual(['李志强']);
    const refused = await t.fail('org.cadres.delete', { id: cadre.id });
    expect(refused.code).toBe('IN_USE');
    expect(refused.message).toContain('陈德明');
    expect(t.count('cadre')).toBe(1);

    const onRoll = await t.call('org.cadres.save', { name: '陈志强', gender: '男', idNumber: SON, unit: '村委会', post: '', phone: '' });
    expect(await t.fail('roster.pairing.save', { householdId: h.id, cadreId: onRoll.id, startDate: null, endDate: null })).toMatchObject({ field: 'cadreId' });
  });

  it('finds people by name, full ID, the last digits of an ID, household number and phone', async () => {
    const t = await withVillage();
    await t.call('roster.household.save', household(t.villageId));
    const names = async (text: string) => (await t.call('roster.search', { text })).map((h) => h.name);
    expect(await names('邓艳')).toEqual(['邓艳双']);
    expect(await names(WIFE)).toEqual(['邓艳双']);
    expect(await names(WIFE.toLowerCase().replace(/^(\d{6})/, '$1 '))).toEqual(['邓艳双']);
    expect(await names(SON.slice(-6))).toEqual(['陈志强']);
    expect((await names('430522100201000001')).length).toBe(3);
    expect((await t.call('roster.query', { text: '13907391234', offset: 0, limit: 10 })).total).toBe(1);
    expect((await t.call('roster.query', { text: HEAD.slice(-4), offset: 0, limit: 10 })).rows[0].headName).toBe('陈德明');
  });

  it('the list shows a change at once, also while pages of the same filter are being reused', async () => {
    const t = await withVillage();
    await t.call('roster.household.save', household(t.villageId));
    const page = () => t.call('roster.query', { offset: 0, limit: 50 });
    expect((await page()).rows.map((r) => r.headName)).toEqual(['陈德明']);
    expect((await page()).total).toBe(1); // served again for the same filter
    await t.call('roster.household.save', household(t.villageId, { number: '430522100201000002', groupName: '1组', members: [member('王秀英', idNumber('19700101', '05', 2), '户主')] }));
    expect((await page()).rows.map((r) => r.headName)).toEqual(['王秀英', '陈德明']);
    const first = (await page()).rows[0];
    await t.call('roster.household.delete', { id: first.id });
    expect((await page()).rows.map((r) => r.headName)).toEqual(['陈德明']);
  });
});
