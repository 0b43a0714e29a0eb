import type { App } from '../core/app/app';
import { requireSettings } from '../core/settings/service';
import { listTownships, listVillages } from '../core/org/divisions-service';
import { listGroups, listUnits } from '../core/org/units-service';
import { listCadres, listTeams } from '../core/org/people-service';
import { maskIdNumber } from '../../shared/rules/id-number';
import type { CommandResult } from './commands';

/** The whole registry; ID numbers are masked, since this output ends up in terminals and files. */
export async function orgList(app: App): Promise<CommandResult> {
  const ctx = app.ctx();
  const { county } = await requireSettings(ctx);
  const status = await app.status();
  const townships = await listTownships(ctx);
  const villages = await listVillages(ctx);
  const groups = await listGroups(ctx);
  const units = await listUnits(ctx);
  const teams = await listTeams(ctx);
  const cadres = (await listCadres(ctx)).map((c) => ({ ...c, idNumber: maskIdNumber(c.idNumber) }));
  const tName = new Map(townships.map((t) => [t.id, t.name]));
  const vName = new Map(villages.map((v) => [v.id, v.name]));
  const cName = new Map(cadres.map((c) => [c.id, c.name]));

  const lines = [`${county.name}（${county.code}）${status.sample ? '【示例数据】' : ''}`, '', `乡镇 ${townships.length} 个：`];
  for (const t of townships) {
    lines.push(`  ${t.code} ${t.name}`);
    for (const v of villages.filter((v) => v.townshipId === t.id)) {
      lines.push(`    ${v.code} ${v.name}${v.isPoor ? '（贫困村）' : ''}${v.population !== null ? ` 人口 ${v.population}` : ''}`);
    }
  }
  lines.push('', `工作推进组 ${groups.length} 个：`);
  for (const g of groups) lines.push(`  ${g.name}（组长 ${g.leader || '—'}）：${g.townshipIds.map((id) => tName.get(id)).join('、') || '—'}`);
  lines.push('', `帮扶单位 ${units.length} 个：`);
  for (const u of units) lines.push(`  ${u.name}：${u.villageIds.map((id) => vName.get(id)).join('、') || '—'}`);
  lines.push('', `驻村工作队 ${teams.length} 支：`);
  for (const t of teams) {
    lines.push(`  ${t.villageName}：队长 ${cName.get(t.captainId)}，队员 ${t.memberIds.map((id) => cName.get(id)).join('、') || '—'}`);
  }
  lines.push('', `帮扶责任人 ${cadres.length} 名：`);
  for (const c of cadres) lines.push(`  ${c.name} ${c.gender} ${c.idNumber} ${c.unit} ${c.post} ${c.phone}`);
  return { json: { county, sample: status.sample, townships, villages, groups, units, teams, cadres }, text: lines.join('\n') };
}
