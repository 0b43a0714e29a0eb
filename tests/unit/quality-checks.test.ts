/**
 * The data-quality checks (疑点核查) on a real SQLite database: one household per rule with
 * exactly one planted fault, clean households beside them, a fixed clock for ages, the stored
 * results, their summary and pages, a rerun, cancellation and the live flags of one household.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../electron/core/app/app';
import { makeCtx, type Ctx } from '../../electron/core/context';
import { checkResults, checkSummary, formatSummaryText, householdFlags, runChecks } from '../../electron/core/roster/quality';
import { detailText } from '../../electron/core/roster/quality/evaluate';
import { QUALITY_RULES, qualityRule } from '../../shared/roster/quality-rules';
import { messageTable } from '../../shared/i18n/messages';
import { cleanup, idNumber, tempDir, track, withWrongCheck } from './helpers/app';

afterEach(cleanup);

const AT = '2018-01-01T00:00:00.000Z';
/** Local noon, so the date is the same in every time zone the tests run in. */
const TODAY = new Date(2018, 8, 1, 12, 0, 0);

interface MemberSpec {
  name?: string;
  relation?: string;
  /** Birth date YYYYMMDD; the ID number is made valid from it. */
  birth?: string;
  male?: boolean;
  idNumber?: string;
  gender?: string;
  school?: string;
  health?: string;
  skill?: string;
  work?: string;
  months?: number | null;
  insured?: string;
}

interface HouseholdSpec {
  village?: 'v1' | 'v2';
  attribute?: string;
  mainCause?: string;
  status?: string;
  exitYear?: number | null;
  reportedIncomeFen?: number | null;
  size?: number;
  dangerousHouse?: string;
  members?: MemberSpec[];
  /** Cadre ids paired now; [] for none. */
  cadres?: string[];
  /** [cadre id, end date] pairings that ended or will end. */
  pairings?: [string, string][];
  income?: { year: number; wage: number; cost?: number };
}

let app: App;
let ctx: Ctx;
let seq = 0;
let householdNo = 0;

/** A valid ID number never used before in this test. */
function freshId(birth: string, male: boolean): string {
  seq++;
  return idNumber(birth, String(seq % 100).padStart(2, '0'), male ? 1 : 2, `4305${String(10 + Math.floor(seq / 100)).padStart(2, '0')}`);
}

const HEAD: MemberSpec = { name: '陈德明', relation: '户主', birth: '19700203', male: true };
const SPOUSE: MemberSpec = { name: '邓艳双', relation: '配偶', birth: '19720709', male: false };
const CHILD: MemberSpec = { name: '陈小军', relation: '之子', birth: '20080301', male: true, school: '小学' };

function insertHousehold(spec: HouseholdSpec = {}): string {
  const raw = app.db.raw;
  const id = `h${++householdNo}`;
  const village = spec.village ?? 'v1';
  const number = `${village === 'v1' ? '430522100201' : '430522101201'}${String(householdNo).padStart(4, '0')}`;
  const members = spec.members ?? [HEAD, SPOUSE, CHILD];
  raw
    .prepare(
      `INSERT INTO household (id, number, village_id, attribute, main_cause, status, exit_year, reported_income_fen, dangerous_house, head_name, size, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      number,
      village,
      spec.attribute ?? '一般贫困户',
      spec.mainCause ?? '缺技术',
      spec.status ?? '未脱贫',
      spec.exitYear ?? null,
      spec.reportedIncomeFen ?? null,
      spec.dangerousHouse ?? '否',
      members.find((m) => m.relation === '户主')?.name ?? '',
      spec.size ?? members.length,
      AT,
      AT,
      '测试',
    );
  const person = raw.prepare(
    `INSERT INTO person (id, household_id, name, id_number, id_rev, relation, gender, birth_date, school_status, health, skill, work_status, work_months, insured, sort, created_at, updated_at, updated_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  members.forEach((m, i) => {
    const birth = m.birth ?? '19800101';
    const male = m.male ?? true;
    const idNo = m.idNumber ?? freshId(birth, male);
    person.run(
      `${id}p${i + 1}`,
      id,
      m.name ?? `成员${i + 1}`,
      idNo,
      [...idNo].reverse().join(''),
      m.relation ?? '之子',
      m.gender ?? (male ? '男' : '女'),
      `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
      m.school ?? '非在校生',
      m.health ?? '健康',
      m.skill ?? '普通劳动力',
      m.work ?? '',
      m.months ?? null,
      m.insured ?? '是',
      i + 1,
      AT,
      AT,
      '测试',
    );
  });
  const pair = raw.prepare('INSERT INTO pairing (id, cadre_id, household_id, start_date, end_date, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  (spec.cadres ?? ['c1']).forEach((c, i) => pair.run(`${id}c${i}`, c, id, '2017-03-01', null, AT, AT, '测试'));
  (spec.pairings ?? []).forEach(([c, end], i) => pair.run(`${id}e${i}`, c, id, '2016-03-01', end, AT, AT, '测试'));
  if (spec.income) {
    raw
      .prepare('INSERT INTO income (id, household_id, year, wage_fen, cost_fen, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(`${id}i`, id, spec.income.year, spec.income.wage, spec.income.cost ?? 0, AT, AT, '测试');
  }
  return id;
}

const stored = (householdId: string) =>
  app.db.raw.prepare('SELECT rule, detail FROM quality_result WHERE household_id = ? ORDER BY rule').all(householdId) as { rule: string; detail: string }[];
const storedRules = (householdId: string) => stored(householdId).map((r) => r.rule);

/** The cadre on the roll: his ID number is that of a member of a (clean) household. */
const CADRE_ON_ROLL_ID = idNumber('19750505', '77', 1, '430522');

beforeEach(async () => {
  seq = 0;
  householdNo = 0;
  app = track(await openApp(tempDir(), { now: () => TODAY }));
  ctx = app.ctx();
  const raw = app.db.raw;
  const t = raw.prepare('INSERT INTO township (id, code, name, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)');
  t.run('t1', '430522100', '酿溪镇', AT, AT, '测试');
  t.run('t2', '430522101', '严塘镇', AT, AT, '测试');
  const v = raw.prepare('INSERT INTO village (id, township_id, code, name, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)');
  v.run('v1', 't1', '430522100201', '长青村', AT, AT, '测试');
  v.run('v2', 't2', '430522101201', '枫林村', AT, AT, '测试');
  const c = raw.prepare('INSERT INTO cadre (id, name, gender, id_number, unit, post, phone, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  c.run('c1', '李志强', '男', idNumber('19800101', '99', 1, '430521'), '县财政局', '科员', '', AT, AT, '测试');
  c.run('c2', '王建国', '男', CADRE_ON_ROLL_ID, '县农业局', '股长', '', AT, AT, '测试');
});

/** Every planted household: its expected rule (null = clean). */
function plantCounty(): { id: string; rule: string | null; what: string }[] {
  const out: { id: string; rule: string | null; what: string }[] = [];
  const add = (rule: string | null, what: string, spec: HouseholdSpec) => out.push({ id: insertHousehold(spec), rule, what });

  // Clean households of several kinds.
  add(null, 'plain', {});
  add(null, '因病 with a chronically ill member', { mainCause: '因病', members: [HEAD, { ...SPOUSE, health: '长期慢性病' }] });
  add(null, '因残 with a disabled member', { mainCause: '因残', members: [{ ...HEAD, health: '残疾' }, SPOUSE] });
  add(null, '因学 with a pupil of 14 in 七至九年级', { mainCause: '因学', members: [HEAD, SPOUSE, { ...CHILD, birth: '20040101', school: '七至九年级' }] });
  add(null, '特困 with members unable to work or old', {
    attribute: '特困供养贫困户',
    members: [{ ...HEAD, birth: '19500101', skill: '普通劳动力' }, { ...SPOUSE, skill: '丧失劳动力' }],
  });
  add(null, 'worker with status and months', { members: [HEAD, { ...SPOUSE, work: '省外', months: 10 }] });
  add(null, 'exited above the line', { status: '已脱贫(享受政策)', exitYear: 2017, income: { year: 2017, wage: 1_000_000 }, members: [HEAD, SPOUSE] });
  add(null, 'exited with reported income above the line', { status: '已脱贫(不再享受政策)', exitYear: 2016, reportedIncomeFen: 300_000, members: [HEAD, SPOUSE] });
  add(null, 'exited below the income in a year without a line', { status: '已脱贫(享受政策)', exitYear: 2013, income: { year: 2013, wage: 100_000 }, members: [HEAD, SPOUSE] });
  add(null, 'pairing ending in the future only', { cadres: [], pairings: [['c1', '2019-12-31']], village: 'v2' });
  add(null, 'struck off without a cadre', { status: '注销', cadres: [] });
  add(null, 'the member whose ID the cadre has', { members: [{ ...HEAD, name: '王建国', idNumber: CADRE_ON_ROLL_ID }, SPOUSE] });

  // One fault each.
  add('Q01', 'no attribute', { attribute: '' });
  add('Q01', 'exited without exit year', { status: '已脱贫(享受政策)', exitYear: null, members: [HEAD, SPOUSE] });
  add('Q02', 'member without relation', { members: [HEAD, SPOUSE, { ...CHILD, relation: '' }] });
  add('Q03', 'wrong check digit', { members: [HEAD, { ...SPOUSE, idNumber: withWrongCheck(freshId('19720709', false)) }] });
  const id18 = freshId('19650203', true);
  const id15 = id18.slice(0, 6) + id18.slice(8, 17);
  add('Q04', 'the 18-digit form', { members: [{ ...HEAD, birth: '19650203', idNumber: id18 }, SPOUSE] });
  add('Q04', 'the old 15-digit form of the same number', { village: 'v2', members: [{ ...HEAD, name: '陈德明二', birth: '19650203', idNumber: id15 }, SPOUSE] });
  add('Q05', '因病 without a sick member', { mainCause: '因病' });
  add('Q06', '因残 without a disabled member', { mainCause: '因残' });
  add('Q07', '因学 without a pupil', { mainCause: '因学', members: [HEAD, SPOUSE] });
  add('Q08', '五保 with a member of 48 able to work', { attribute: '分散供养五保户', members: [HEAD, { ...SPOUSE, skill: '无劳动力' }] });
  add('Q09', 'work status without months', { members: [HEAD, { ...SPOUSE, work: '县外省内' }] });
  add('Q09', 'months without work status', { members: [HEAD, { ...SPOUSE, months: 6 }] });
  add('Q10', 'no cadre', { cadres: [] });
  add('Q10', 'only a pairing that ended', { cadres: [], pairings: [['c1', '2018-08-31']] });
  add('Q11', 'paired with a cadre on the roll', { cadres: ['c1', 'c2'] });
  add('Q12', 'head and spouse both male', { members: [HEAD, { ...SPOUSE, male: true }] });
  add('Q13', 'pupil of 12 in 高中', { members: [HEAD, SPOUSE, { ...CHILD, birth: '20060101', school: '高中' }] });
  add('Q14', 'pupil of 10 in 学前教育', { members: [HEAD, SPOUSE, { ...CHILD, school: '学前教育' }] });
  add('Q14', 'child of 10 not in school', { members: [HEAD, SPOUSE, { ...CHILD, school: '非在校生' }] });
  add('Q15', 'exited in 2017 below the line', { status: '已脱贫(享受政策)', exitYear: 2017, income: { year: 2017, wage: 520_000, cost: 20_000 }, members: [HEAD, SPOUSE] });
  add('Q15', 'exited in 2016, reported income below the line', { status: '已脱贫(不再享受政策)', exitYear: 2016, reportedIncomeFen: 200_050, members: [HEAD, SPOUSE] });
  add('Q16', 'two heads', { members: [HEAD, { ...CHILD, relation: '户主', school: '小学' }] });
  add('Q16', 'no head', { members: [{ ...SPOUSE, relation: '配偶' }] });
  add('Q17', 'size 5 with 3 members', { size: 5 });
  add('Q18', 'exited but still a dangerous house', { status: '已脱贫(享受政策)', exitYear: 2017, dangerousHouse: '是', income: { year: 2017, wage: 1_000_000 }, members: [HEAD, SPOUSE] });
  return out;
}

describe('runChecks', () => {
  it('finds each planted fault with its rule on its household, and nothing on clean households', async () => {
    const planted = plantCounty();
    // Every rule has at least one planted fault (Q09 months outside 0–12 is tested below).
    expect(new Set(planted.map((p) => p.rule).filter(Boolean))).toEqual(new Set(QUALITY_RULES.map((r) => r.code)));
    const progress: [number, number][] = [];
    const summary = await runChecks(ctx, { onProgress: (d, t) => progress.push([d, t]) });
    for (const p of planted) expect(storedRules(p.id), `${p.what} (${p.id})`).toEqual(p.rule ? [p.rule] : []);
    expect(progress.at(-1)).toEqual([planted.length, planted.length]);

    // The summary: every rule, counts of flagged households, townships.
    const expected = new Map<string, number>();
    for (const p of planted) if (p.rule) expected.set(p.rule, (expected.get(p.rule) ?? 0) + 1);
    expect(summary.ranAt).toBe(TODAY.toISOString());
    expect(summary.households).toBe(planted.length);
    expect(summary.flaggedHouseholds).toBe(planted.filter((p) => p.rule).length);
    expect(summary.byRule.map((r) => r.rule)).toEqual(QUALITY_RULES.map((r) => r.code));
    for (const r of summary.byRule) {
      expect(r.count, r.rule).toBe(expected.get(r.rule) ?? 0);
      expect(r.title).toBe(qualityRule(r.rule)!.title);
    }
    expect(summary.byTownship).toEqual([
      { townshipId: 't1', townshipName: '酿溪镇', count: summary.flaggedHouseholds - 1 },
      { townshipId: 't2', townshipName: '严塘镇', count: 1 },
    ]);
    expect(await checkSummary(ctx)).toEqual(summary);
  });

  it('writes Chinese details with the parameters of each finding', async () => {
    const planted = plantCounty();
    await runChecks(ctx);
    const detail = (what: string) => stored(planted.find((p) => p.what === what)!.id)[0].detail;
    expect(detail('exited in 2017 below the line')).toBe('脱贫年度 2017 年人均纯收入 2,500.00 元，低于当年贫困线 2,952 元');
    expect(detail('exited in 2016, reported income below the line')).toBe('脱贫年度 2016 年人均纯收入（花名册填报）2,000.50 元，低于当年贫困线 2,952 元');
    expect(detail('因病 without a sick member')).toBe('因病致贫，但家庭成员中没有患病成员');
    expect(detail('head and spouse both male')).toBe('户主与配偶性别相同（均为男）');
    expect(detail('pupil of 12 in 高中')).toBe('成员 陈小军（12 岁）在校生状况为「高中」');
    expect(detail('pupil of 10 in 学前教育')).toBe('成员 陈小军（10 岁）在校生状况为「学前教育」，与年龄不符');
    expect(detail('wrong check digit')).toBe('成员 邓艳双 的身份证号码校验位不正确');
    expect(detail('two heads')).toBe('该户有 2 个户主（陈德明、陈小军）');
    expect(detail('size 5 with 3 members')).toBe('户人数登记为 5 人，实有成员 3 人');
    expect(detail('paired with a cadre on the roll')).toMatch(/^帮扶责任人 王建国 本人登记在贫困户 4305221002010012 中（成员 王建国）$/);
    expect(detail('the old 15-digit form of the same number')).toMatch(/^成员 陈德明二 与户 \d{16} 的 陈德明 是同一身份证号码（写法不同）$/);
    expect(detail('五保 with a member of 48 able to work')).toBe('贫困户属性为「分散供养五保户」，但成员 陈德明（48 岁）劳动技能为「普通劳动力」');
    expect(detail('exited without exit year')).toBe('脱贫状态为「已脱贫(享受政策)」，但未填脱贫年度');
    // Every message key used has both languages.
    const zh = messageTable('zh-CN');
    const en = messageTable('en');
    for (const k of Object.keys(zh).filter((k) => k.startsWith('quality.'))) expect(en[k], k).toBeDefined();
  });

  it('keeps every finding as a message key with parameters, so the English screens show English', async () => {
    const planted = plantCounty();
    await runChecks(ctx);
    const id = (what: string) => planted.find((p) => p.what === what)!.id;
    const page = await checkResults(ctx, { offset: 0, limit: 1000 });
    expect(page.rows.length).toBeGreaterThan(10);
    for (const r of page.rows) {
      expect(r.details.length, r.rule).toBeGreaterThan(0);
      // The keys give back exactly the stored Chinese text, and an English text that differs from it.
      expect(detailText(r.details), r.rule).toBe(r.detail);
      expect(detailText(r.details, 'en'), r.rule).not.toBe(r.detail);
      for (const d of r.details) expect(messageTable('en')[d.key], d.key).toBeDefined();
    }
    const en = (what: string) => detailText(page.rows.find((r) => r.householdId === id(what))!.details, 'en');
    expect(en('exited in 2017 below the line')).toBe("Net income per person in the exit year 2017 is 2,500.00 yuan, below that year's line of 2,952 yuan");
    expect(en('two heads')).toBe('The household has 2 heads (陈德明、陈小军)');
    expect(en('size 5 with 3 members')).toBe('Household size is 5 but it has 3 members');
    expect(en('因病 without a sick member')).toBe('Poor because of illness (因病), but no member is ill');
    // The live flags of one household carry the same keys.
    const live = await householdFlags(ctx, id('pupil of 12 in 高中'));
    expect(live.map((f) => detailText(f.details, 'en'))).toEqual(['Member 陈小军 (aged 12) has school status "高中"']);
    // Results stored before the keys were kept (details '[]') still read, with the Chinese text only.
    app.db.raw.prepare("UPDATE quality_result SET details = '[]' WHERE household_id = ?").run(id('two heads'));
    const old = (await checkResults(ctx, { offset: 0, limit: 1000 })).rows.find((r) => r.householdId === id('two heads'))!;
    expect(old).toMatchObject({ detail: '该户有 2 个户主（陈德明、陈小军）', details: [] });
  });

  it('joins several findings of one rule in one household into one row', async () => {
    const id = insertHousehold({ members: [HEAD, { ...SPOUSE, work: '省外' }, { ...CHILD, birth: '19980101', months: 3, school: '非在校生' }] });
    // Months outside 0–12 cannot be written through the schema's CHECK; old or foreign data may have them.
    app.db.raw.pragma('ignore_check_constraints = ON');
    const bad = insertHousehold({ members: [HEAD, { ...SPOUSE, work: '省外', months: 14 }] });
    app.db.raw.pragma('ignore_check_constraints = OFF');
    await runChecks(ctx);
    expect(stored(id)).toEqual([{ rule: 'Q09', detail: '成员 邓艳双 务工状况为「省外」，但务工时间为空或 0 个月；成员 陈小军 务工 3 个月，但未填务工状况' }]);
    expect(stored(bad)).toEqual([{ rule: 'Q09', detail: '成员 邓艳双 务工时间为 14 个月，超出 0–12 个月' }]);
    expect((await checkSummary(ctx)).byRule.find((r) => r.rule === 'Q09')!.count).toBe(2);
  });

  it('flags a household whose village is gone (written with foreign keys off) and lists it without a township', async () => {
    const id = insertHousehold({ status: '' });
    app.db.raw.pragma('foreign_keys = OFF');
    app.db.raw.prepare("UPDATE household SET village_id = 'gone' WHERE id = ?").run(id);
    app.db.raw.pragma('foreign_keys = ON');
    await runChecks(ctx);
    expect(stored(id)).toEqual([{ rule: 'Q01', detail: '未关联所属行政村；未填脱贫状态' }]);
    const page = await checkResults(ctx, { offset: 0, limit: 10 });
    expect(page.rows).toMatchObject([{ householdId: id, townshipName: '（未归属乡镇）', villageName: '' }]);
    expect((await checkSummary(ctx)).byTownship.map((t) => t.count)).toEqual([0, 0]);
  });

  it('computes ages with the injected clock', async () => {
    const id = insertHousehold({ members: [HEAD, SPOUSE, { ...CHILD, name: '陈小红', male: false, birth: '20040902', school: '小学' }] });
    await runChecks(ctx);
    expect(storedRules(id)).toEqual([]); // 13 on 2018-09-01
    // The day before her 17th birthday she is 16 and still fits 小学; on it she does not.
    await runChecks(makeCtx(app.db, '张三', () => new Date(2021, 8, 1, 12)));
    expect(storedRules(id)).toEqual([]);
    expect(await householdFlags(makeCtx(app.db, '张三', () => new Date(2021, 8, 1, 12)), id)).toEqual([]);
    const birthday = makeCtx(app.db, '张三', () => new Date(2021, 8, 2, 12));
    await runChecks(birthday);
    expect(stored(id)).toEqual([{ rule: 'Q14', detail: '成员 陈小红（17 岁）在校生状况为「小学」，与年龄不符' }]);
    expect((await householdFlags(birthday, id)).map((f) => f.rule)).toEqual(['Q14']);
  });

  it('replaces the stored results on a rerun', async () => {
    const planted = plantCounty();
    await runChecks(ctx);
    const noAttr = planted.find((p) => p.what === 'no attribute')!.id;
    const noCadre = planted.find((p) => p.what === 'no cadre')!.id;
    expect(storedRules(noAttr)).toEqual(['Q01']);
    app.db.raw.prepare("UPDATE household SET attribute = '低保贫困户' WHERE id = ?").run(noAttr);
    app.db.raw.prepare("UPDATE household SET main_cause = '因病' WHERE id = ?").run(noCadre);
    const later = new Date(2018, 9, 1, 12);
    const summary = await runChecks(makeCtx(app.db, '李四', () => later));
    expect(storedRules(noAttr)).toEqual([]);
    expect(storedRules(noCadre)).toEqual(['Q05', 'Q10']);
    expect(summary.ranAt).toBe(later.toISOString());
    expect(summary.byRule.find((r) => r.rule === 'Q01')!.count).toBe(1);
    expect(app.db.raw.prepare('SELECT count(*) FROM quality_run').pluck().get()).toBe(1);
    expect(app.db.raw.prepare('SELECT DISTINCT created_at FROM quality_result').pluck().all()).toEqual([later.toISOString()]);
  });

  it('drops the results of a household deleted while the run is under way', async () => {
    insertHousehold(); // paired: pairings have been entered, so Q10 is checked
    const gone = insertHousehold({ cadres: [] });
    const kept = insertHousehold({ cadres: [] });
    const summary = await runChecks(ctx, {
      onProgress: (done) => {
        if (done > 0) app.db.raw.prepare('DELETE FROM household WHERE id = ?').run(gone);
      },
    });
    expect(storedRules(gone)).toEqual([]);
    expect(storedRules(kept)).toEqual(['Q10']);
    expect(summary.byRule.find((r) => r.rule === 'Q10')!.count).toBe(1);
  });

  it('without any pairing entered, does not flag every household for Q10 but says so once', async () => {
    insertHousehold({ cadres: [] });
    insertHousehold({ cadres: [] });
    const summary = await runChecks(ctx);
    expect(summary.pairingsEntered).toBe(false);
    expect(summary.byRule.find((r) => r.rule === 'Q10')!.count).toBe(0);
    insertHousehold(); // the first pairing: now Q10 applies to the others
    const again = await runChecks(ctx);
    expect(again.pairingsEntered).toBe(true);
    expect(again.byRule.find((r) => r.rule === 'Q10')!.count).toBe(2);
  });

  it('writes nothing when cancelled', async () => {
    const planted = plantCounty();
    await runChecks(ctx);
    const before = app.db.raw.prepare('SELECT * FROM quality_result ORDER BY id').all();
    app.db.raw.prepare("UPDATE household SET attribute = '' WHERE id = ?").run(planted[0].id);
    const ac = new AbortController();
    ac.abort();
    await expect(runChecks(ctx, { signal: ac.signal })).rejects.toThrow();
    // Cancelled mid-run (after the first progress report).
    const mid = new AbortController();
    await expect(runChecks(ctx, { signal: mid.signal, onProgress: () => mid.abort() })).rejects.toThrow();
    expect(app.db.raw.prepare('SELECT * FROM quality_result ORDER BY id').all()).toEqual(before);
  });
});

describe('checkSummary, checkResults and formatSummaryText', () => {
  it('reports a never-run state', async () => {
    insertHousehold();
    const s = await checkSummary(ctx);
    expect(s.ranAt).toBeNull();
    expect(s.households).toBe(1);
    expect(s.flaggedHouseholds).toBe(0);
    expect(s.byRule.every((r) => r.count === 0)).toBe(true);
    expect(formatSummaryText(s)).toBe('尚未运行疑点核查');
    expect(await checkResults(ctx, { offset: 0, limit: 10 })).toEqual({ total: 0, rows: [] });
  });

  it('pages the results in register order and filters by rule and township', async () => {
    const planted = plantCounty();
    await runChecks(ctx);
    const all = await checkResults(ctx, { offset: 0, limit: 1000 });
    expect(all.total).toBe(planted.filter((p) => p.rule).length);
    expect(all.rows).toHaveLength(all.total);
    // Township code, village code, household number.
    const keys = all.rows.map((r) => `${r.townshipName === '酿溪镇' ? 0 : 1}/${r.householdNumber}/${r.rule}`);
    expect(keys).toEqual([...keys].sort());
    expect(all.rows.at(-1)!.townshipName).toBe('严塘镇');
    const q15 = all.rows.find((r) => r.rule === 'Q15')!;
    expect(q15).toMatchObject({ title: '已脱贫户收入低于脱贫年度贫困线', severity: 'error', villageName: '长青村', townshipName: '酿溪镇', headName: '陈德明' });

    const pages = [];
    for (let offset = 0; offset < all.total; offset += 7) {
      const page = await checkResults(ctx, { offset, limit: 7 });
      expect(page.total).toBe(all.total);
      pages.push(...page.rows);
    }
    expect(pages).toEqual(all.rows);

    const q10 = await checkResults(ctx, { rule: 'Q10', offset: 0, limit: 50 });
    expect(q10.total).toBe(2);
    expect(q10.rows.map((r) => r.householdId).sort()).toEqual(planted.filter((p) => p.rule === 'Q10').map((p) => p.id).sort());
    const t2 = await checkResults(ctx, { townshipId: 't2', offset: 0, limit: 50 });
    expect(t2.rows.map((r) => r.rule)).toEqual(['Q04']);
    expect((await checkResults(ctx, { townshipId: 't2', rule: 'Q01', offset: 0, limit: 50 })).total).toBe(0);
    expect((await checkResults(ctx, { offset: 1000, limit: 50 })).rows).toEqual([]);
  });

  it('formats the summary as Chinese lines', async () => {
    plantCounty();
    const s = await runChecks(ctx);
    const text = formatSummaryText(s);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^疑点核查（2018-09-01 12:00）：共 \d+ 户，有疑点 \d+ 户$/);
    expect(lines).toContain('  Q15 已脱贫户收入低于脱贫年度贫困线【错误】：2 户');
    expect(lines).toContain('  Q05 因病致贫但无患病成员【提示】：1 户');
    expect(lines).toContain('  严塘镇：1 户');
    expect(formatSummaryText(s, 'en')).toContain('Q15 Exited household with income below the line of its exit year [error]: 2 households');
  });
});

describe('householdFlags', () => {
  it('evaluates one household live, the same as the county run', async () => {
    const planted = plantCounty();
    await runChecks(ctx);
    for (const p of planted) {
      const flags = await householdFlags(ctx, p.id);
      expect(flags.map((f) => ({ rule: f.rule, detail: f.detail })), p.what).toEqual(stored(p.id));
      for (const f of flags) expect(f).toMatchObject({ title: qualityRule(f.rule)!.title, severity: qualityRule(f.rule)!.severity });
    }
  });

  it('shows the current state without a rerun, and refuses an unknown household', async () => {
    const id = insertHousehold();
    insertHousehold(); // another paired household: pairings stay entered
    await runChecks(ctx);
    expect(await householdFlags(ctx, id)).toEqual([]);
    app.db.raw.prepare('DELETE FROM pairing WHERE household_id = ?').run(id);
    expect(await householdFlags(ctx, id)).toEqual([{ rule: 'Q10', title: '未落实帮扶责任人', severity: 'error', detail: '该户没有在帮的帮扶责任人', details: [{ key: 'quality.Q10' }] }]);
    expect(storedRules(id)).toEqual([]);
    await expect(householdFlags(ctx, 'nope')).rejects.toMatchObject({ info: { code: 'NOT_FOUND' } });
  });
});
