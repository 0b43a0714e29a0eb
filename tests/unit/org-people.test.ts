/** Paired cadres (帮扶责任人) and village-based teams (驻村工作队), through the dispatcher. */
import { afterEach, describe, expect, it } from 'vitest';
import { UUID, cleanup, idNumber, withWrongCheck, xinshaoApp } from './helpers/app';

afterEach(cleanup);

const cadre = (name: string, id: string, gender: '男' | '女' = '男', phone = '13907391234') => ({
  name,
  gender,
  idNumber: id,
  unit: '县财政局',
  post: '科员',
  phone,
});

describe('cadres', () => {
  it('registers a cadre with the canonical ID number', async () => {
    const t = await xinshaoApp();
    const id = idNumber('19800101', '00', 1);
    const c = await t.call('org.cadres.save', { ...cadre(' 李志强 ', `${id.slice(0, 6)} ${id.slice(6)}`), phone: '139 0739 1234' });
    expect(c).toMatchObject({ name: '李志强', gender: '男', idNumber: id, unit: '县财政局', post: '科员', phone: '13907391234' });
    expect(c.id).toMatch(UUID);
    expect(await t.call('org.cadres.list', {})).toEqual([c]);
  });

  it("stores the check character X upper-case", async () => {
    const t = await xinshaoApp();
    const c = await t.call('org.cadres.save', cadre('陈红梅', '11010519491231002x', '女'));
    expect(c.idNumber).toBe('11010519491231002X');
  });

  it('refuses an ID number with a wrong check digit on the idNumber field', async () => {
    const t = await xinshaoApp();
    const e = await t.fail('org.cadres.save', cadre('李志强', withWrongCheck(idNumber())));
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'idNumber', key: 'id.check', message: '身份证号码校验位不正确，请核对' });
    expect(t.count('cadre')).toBe(0);
  });

  it.each([
    ['an impossible birth date', idNumber('19800230'), 'id.birth'],
    ['a wrong length', '4305221980010100', 'id.length'],
    ['letters', '4305221980A1010019', 'id.chars'],
    ['nothing', '', 'id.empty'],
  ])('refuses an ID number with %s', async (_label, id, key) => {
    const t = await xinshaoApp();
    expect(await t.fail('org.cadres.save', cadre('李志强', id))).toMatchObject({ code: 'VALIDATION', field: 'idNumber', key });
    expect(t.count('cadre')).toBe(0);
  });

  it('refuses a birth date after today by the app clock', async () => {
    const t = await xinshaoApp({ now: () => new Date('2010-06-01T04:00:00Z') });
    expect(await t.fail('org.cadres.save', cadre('李志强', idNumber('20100602')))).toMatchObject({ field: 'idNumber', key: 'id.birthFuture', message: '身份证号码中的出生日期晚于今天，请核对' });
  });

  it('refuses a gender that does not match the ID number', async () => {
    const t = await xinshaoApp();
    const e = await t.fail('org.cadres.save', cadre('李志强', idNumber('19800101', '00', 1), '女'));
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'gender', message: '性别与身份证号码不符（身份证显示为男）' });
    const e2 = await t.fail('org.cadres.save', cadre('陈红梅', idNumber('19800101', '00', 4), '男'));
    expect(e2.message).toContain('身份证显示为女');
    expect(t.count('cadre')).toBe(0);
  });

  it('stores an old 15-digit ID number upgraded to 18 digits', async () => {
    const t = await xinshaoApp();
    const c = await t.call('org.cadres.save', cadre('李志强', '430522800101001'));
    expect(c.idNumber).toBe('430522198001010019');
    expect(t.app.db.raw.prepare('SELECT id_number FROM cadre WHERE id = ?').pluck().get(c.id)).toBe('430522198001010019');
  });

  it('refuses an ID number already registered, naming the other cadre, in any of its forms', async () => {
    const t = await xinshaoApp();
    await t.call('org.cadres.save', cadre('李志强', '430522198001010019'));
    for (const form of ['430522198001010019', '430522800101001', '４３０５２２１９８００１０１００１９']) {
      const e = await t.fail('org.cadres.save', cadre('王伟', form));
      expect(e).toMatchObject({ code: 'VALIDATION', field: 'idNumber', message: '身份证号码已登记为帮扶责任人「李志强」' });
    }
    expect(t.count('cadre')).toBe(1);
  });

  it('refuses a bad phone number and accepts a landline', async () => {
    const t = await xinshaoApp();
    const e = await t.fail('org.cadres.save', cadre('李志强', idNumber(), '男', '3621234'));
    expect(e).toMatchObject({ code: 'VALIDATION', field: 'phone', key: 'phone.format' });
    expect(t.count('cadre')).toBe(0);
    expect((await t.call('org.cadres.save', cadre('李志强', idNumber(), '男', '0739-3621234'))).phone).toBe('0739-3621234');
  });

  it('edits a cadre keeping the id and its own ID number', async () => {
    const t = await xinshaoApp();
    const c = await t.call('org.cadres.save', cadre('李志强', idNumber()));
    const edited = await t.call('org.cadres.save', { id: c.id, ...cadre('李志强', idNumber()), post: '副局长' });
    expect(edited).toMatchObject({ id: c.id, post: '副局长', idNumber: idNumber() });
    expect(t.count('cadre')).toBe(1);
  });
});

async function withPeople() {
  const t = await xinshaoApp();
  const ns = t.byCode('430522100');
  const v1 = await t.call('org.villages.save', { townshipId: ns.id, code: '430522100201', name: '长青村', isPoor: true, population: 1200 });
  const v2 = await t.call('org.villages.save', { townshipId: ns.id, code: '430522100202', name: '枫林村', isPoor: true, population: 900 });
  const unit = await t.call('org.units.save', { name: '县财政局', villageIds: [v1.id] });
  const [a, b, c] = await Promise.all(
    [['李志强', 1], ['王伟', 3], ['陈红梅', 2]].map(([name, g], i) =>
      t.call('org.cadres.save', cadre(name as string, idNumber('19800101', `0${i}`, g as number), (g as number) % 2 ? '男' : '女')),
    ),
  );
  const team = (over: Record<string, unknown> = {}) => ({
    villageId: v1.id,
    supportUnitId: unit.id,
    captainId: a.id,
    memberIds: [b.id, c.id],
    termStart: '2017-03-01',
    termEnd: '2019-02-28',
    ...over,
  });
  return { ...t, v1, v2, unit, a, b, c, team };
}

describe('village teams', () => {
  it('creates a team with its captain, members, unit and term', async () => {
    const t = await withPeople();
    const team = await t.call('org.teams.save', t.team());
    expect(team).toMatchObject({
      villageId: t.v1.id,
      villageName: '长青村',
      supportUnitId: t.unit.id,
      captainId: t.a.id,
      termStart: '2017-03-01',
      termEnd: '2019-02-28',
    });
    expect([...team.memberIds].sort()).toEqual([t.b.id, t.c.id].sort());
    expect(team.id).toMatch(UUID);
    expect(await t.call('org.teams.list', {})).toEqual([team]);

    const edited = await t.call('org.teams.save', { id: team.id, ...t.team({ memberIds: [t.c.id], supportUnitId: null, termEnd: null }) });
    expect(edited).toMatchObject({ id: team.id, memberIds: [t.c.id], supportUnitId: null, termEnd: null });
    expect(t.count('village_team_member')).toBe(1);
  });

  it('requires a captain', async () => {
    const t = await withPeople();
    expect(await t.fail('org.teams.save', t.team({ captainId: null }))).toMatchObject({
      code: 'VALIDATION',
      field: 'captainId',
      message: '请指定工作队队长',
    });
    expect(t.count('village_team')).toBe(0);
  });

  it('refuses the captain also listed as a member', async () => {
    const t = await withPeople();
    const e = await t.fail('org.teams.save', t.team({ memberIds: [t.b.id, t.a.id] }));
    expect(e).toMatchObject({ field: 'memberIds', message: '队长不能同时列为队员' });
    expect(t.count('village_team') + t.count('village_team_member')).toBe(0);
  });

  it('refuses a term that ends before it starts; a one-day term is fine', async () => {
    const t = await withPeople();
    const e = await t.fail('org.teams.save', t.team({ termStart: '2019-03-01', termEnd: '2019-02-28' }));
    expect(e).toMatchObject({ field: 'termEnd', message: '任期结束日期不能早于开始日期' });
    expect(t.count('village_team')).toBe(0);
    await t.call('org.teams.save', t.team({ termStart: '2019-03-01', termEnd: '2019-03-01' }));
  });

  it('refuses a second team for the same village, naming the village', async () => {
    const t = await withPeople();
    const first = await t.call('org.teams.save', t.team());
    const e = await t.fail('org.teams.save', t.team({ captainId: t.b.id, memberIds: [] }));
    expect(e).toMatchObject({ field: 'villageId', message: '「长青村」已有驻村工作队，一个村只登记一支工作队' });
    expect(await t.call('org.teams.list', {})).toHaveLength(1);
    // Moving another team onto the village is refused the same way.
    const other = await t.call('org.teams.save', t.team({ villageId: t.v2.id, captainId: t.b.id, memberIds: [] }));
    expect((await t.fail('org.teams.save', { id: other.id, ...t.team({ captainId: t.b.id, memberIds: [] }) })).key).toBe('team.villageTaken');
    expect((await t.call('org.teams.list', {})).map((x) => [x.id, x.villageId])).toEqual([[first.id, t.v1.id], [other.id, t.v2.id]]);
  });

  it('refuses unknown villages, units and cadres', async () => {
    const t = await withPeople();
    expect(await t.fail('org.teams.save', t.team({ villageId: 'gone' }))).toMatchObject({ field: 'villageId', key: 'ref.village' });
    expect(await t.fail('org.teams.save', t.team({ supportUnitId: 'gone' }))).toMatchObject({ field: 'supportUnitId', key: 'ref.unit' });
    expect(await t.fail('org.teams.save', t.team({ captainId: 'gone' }))).toMatchObject({ key: 'ref.cadre' });
    expect(await t.fail('org.teams.save', t.team({ memberIds: [t.b.id, 'gone'] }))).toMatchObject({ field: 'memberIds', key: 'ref.cadre' });
    expect(t.count('village_team') + t.count('village_team_member')).toBe(0);
  });
});
