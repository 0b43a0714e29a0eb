/** Deleting records that are still referenced is refused, saying by what; nothing is deleted. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, idNumber, xinshaoApp } from './helpers/app';
import type { ErrorInfo } from '../../shared/i18n/messages';

afterEach(cleanup);

/** An IN_USE refusal of `name` whose Chinese message names each of `parts`. */
function expectInUse(e: ErrorInfo, name: string, ...parts: string[]) {
  expect(e.code).toBe('IN_USE');
  expect(e.message.startsWith(`无法删除「${name}」`), e.message).toBe(true);
  expect(e.message).toContain('请先解除这些关联');
  for (const p of parts) expect(e.message).toContain(p);
}

async function registry() {
  const t = await xinshaoApp();
  const ns = t.byCode('430522100');
  const yt = t.byCode('430522101');
  const v1 = await t.call('org.villages.save', { townshipId: ns.id, code: '430522100201', name: '长青村', isPoor: true, population: 1200 });
  const v2 = await t.call('org.villages.save', { townshipId: ns.id, code: '430522100202', name: '枫林村', isPoor: false, population: null });
  const captain = await t.call('org.cadres.save', { name: '李志强', gender: '男', idNumber: idNumber('19800101', '00', 1), unit: '', post: '', phone: '' });
  const member = await t.call('org.cadres.save', { name: '陈红梅', gender: '女', idNumber: idNumber('19850505', '01', 2), unit: '', post: '', phone: '' });
  const unit = await t.call('org.units.save', { name: '县财政局', villageIds: [v1.id] });
  const team = await t.call('org.teams.save', {
    villageId: v1.id,
    supportUnitId: unit.id,
    captainId: captain.id,
    memberIds: [member.id],
    termStart: null,
    termEnd: null,
  });
  const counts = () => t.call('org.counts', {});
  return { ...t, ns, yt, v1, v2, captain, member, unit, team, counts };
}

describe('deleting what is still referenced', () => {
  it('a township with villages: refused, naming the villages; works once they are gone', async () => {
    const t = await registry();
    const before = await t.counts();
    const e = await t.fail('org.townships.delete', { id: t.ns.id });
    expectInUse(e, '酿溪镇', '2 个行政村（长青村、枫林村）');
    expect(await t.counts()).toEqual(before);

    await t.call('org.villages.delete', { id: t.v2.id });
    expect((await t.fail('org.townships.delete', { id: t.ns.id })).message).not.toContain('枫林村');
    // Take the rest apart, then the township goes.
    await t.call('org.teams.delete', { id: t.team.id });
    await t.call('org.units.save', { id: t.unit.id, name: '县财政局', villageIds: [] });
    await t.call('org.villages.delete', { id: t.v1.id });
    await t.call('org.townships.delete', { id: t.ns.id });
    expect((await t.call('org.townships.list', {})).map((x) => x.id)).not.toContain(t.ns.id);
    expect(t.count('township')).toBe(14);
  });

  it('a township covered by a work group: refused, naming the group', async () => {
    const t = await registry();
    const g = await t.call('org.groups.save', { name: '第二工作推进组', leader: '', townshipIds: [t.yt.id] });
    const e = await t.fail('org.townships.delete', { id: t.yt.id });
    expectInUse(e, '严塘镇', '1 个工作推进组（第二工作推进组）');
    expect(t.count('township')).toBe(15);
    await t.call('org.groups.delete', { id: g.id });
    await t.call('org.townships.delete', { id: t.yt.id });
    expect(t.count('township')).toBe(14);
  });

  it('a village supported by a unit: refused, naming the unit; works once the unit lets go', async () => {
    const t = await registry();
    const other = await t.call('org.units.save', { name: '县教育局', villageIds: [t.v2.id] });
    const e = await t.fail('org.villages.delete', { id: t.v2.id });
    expectInUse(e, '枫林村', '1 个帮扶单位（县教育局）');
    expect(t.count('village')).toBe(2);
    await t.call('org.units.save', { id: other.id, name: '县教育局', villageIds: [] });
    await t.call('org.villages.delete', { id: t.v2.id });
    expect((await t.call('org.villages.list', {})).map((v) => v.name)).toEqual(['长青村']);
  });

  it('a village with a team and a unit: refused, naming both', async () => {
    const t = await registry();
    const e = await t.fail('org.villages.delete', { id: t.v1.id });
    expectInUse(e, '长青村', '1 个帮扶单位（县财政局）', '1 个驻村工作队（长青村）');
    expect(e.parts?.map((p) => p.key).sort()).toEqual(['inUse.teams', 'inUse.units']);
    expect(t.count('village')).toBe(2);
  });

  it('a cadre who is captain of a team: refused, naming the village of the team', async () => {
    const t = await registry();
    const before = await t.counts();
    const e = await t.fail('org.cadres.delete', { id: t.captain.id });
    expectInUse(e, '李志强', '1 个驻村工作队（长青村）');
    expect(await t.counts()).toEqual(before);

    await t.call('org.teams.delete', { id: t.team.id });
    await t.call('org.cadres.delete', { id: t.captain.id });
    expect((await t.call('org.cadres.list', {})).map((c) => c.name)).toEqual(['陈红梅']);
  });

  it('a cadre who is a team member: refused, naming the village; works once removed from the team', async () => {
    const t = await registry();
    expectInUse(await t.fail('org.cadres.delete', { id: t.member.id }), '陈红梅', '1 个驻村工作队（长青村）');
    await t.call('org.teams.save', { id: t.team.id, villageId: t.v1.id, supportUnitId: t.unit.id, captainId: t.captain.id, memberIds: [], termStart: null, termEnd: null });
    await t.call('org.cadres.delete', { id: t.member.id });
    expect(t.count('cadre')).toBe(1);
  });

  it('a supporting unit that dispatched a team: refused, naming the village; works once the team has no unit', async () => {
    const t = await registry();
    const e = await t.fail('org.units.delete', { id: t.unit.id });
    expectInUse(e, '县财政局', '1 个驻村工作队（长青村）');
    expect(t.count('support_unit')).toBe(1);
    expect(t.count('support_unit_village')).toBe(1);

    await t.call('org.teams.save', { id: t.team.id, villageId: t.v1.id, supportUnitId: null, captainId: t.captain.id, memberIds: [t.member.id], termStart: null, termEnd: null });
    // The villages a unit supports belong to the unit's own record and go with it.
    await t.call('org.units.delete', { id: t.unit.id });
    expect(t.count('support_unit') + t.count('support_unit_village')).toBe(0);
    expect(t.count('village')).toBe(2);
  });

  it('names at most three referencing records and says there are more', async () => {
    const t = await registry();
    const names = ['县交通运输局', '县农业农村局', '县水利局', '县人社局'];
    for (const name of names) await t.call('org.units.save', { name, villageIds: [t.v2.id] });
    const e = await t.fail('org.villages.delete', { id: t.v2.id });
    expectInUse(e, '枫林村', '4 个帮扶单位（');
    const shown = String(e.parts![0].params!.names);
    expect(shown.endsWith(' 等'), shown).toBe(true);
    expect(names.filter((n) => shown.includes(n))).toHaveLength(3);
  });

  it('deleting a team releases its members but keeps the cadres, village and unit', async () => {
    const t = await registry();
    await t.call('org.teams.delete', { id: t.team.id });
    expect(await t.counts()).toMatchObject({ villageTeams: 0, cadres: 2, villages: 2, supportUnits: 1 });
    expect(t.count('village_team_member')).toBe(0);
  });

  it.each(['org.townships.delete', 'org.villages.delete', 'org.units.delete', 'org.cadres.delete', 'org.teams.delete', 'org.groups.delete'])(
    '%s of an unknown id is NOT_FOUND',
    async (name) => {
      const t = await registry();
      const before = await t.counts();
      expect((await t.fail(name, { id: 'no-such-record' })).code).toBe('NOT_FOUND');
      expect(await t.counts()).toEqual(before);
    },
  );
});
