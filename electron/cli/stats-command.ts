/** `stats [--township CODE] [--json]`: the roster's counts for the county and each township. */
import type { App } from '../core/app/app';
import { rosterStats, type StatsRow } from '../core/roster/stats-service';
import type { CommandResult } from './commands';

const incidence = (r: StatsRow) => (r.incidencePermille === null ? '—' : `${(r.incidencePermille / 10).toFixed(2)}%`);

const HEAD = ['乡镇代码', '乡镇', '户数', '人数', '已脱贫户', '已脱贫人', '未脱贫户', '未脱贫人', '监测户', '监测人', '贫困发生率'];
const cells = (r: StatsRow) => [r.code, r.name, ...[r.households, r.persons, r.exitedHouseholds, r.exitedPersons, r.remainingHouseholds, r.remainingPersons, r.monitoredHouseholds, r.monitoredPersons].map(String), incidence(r)];

export async function statsCommand(app: App, townshipCode?: string): Promise<CommandResult> {
  const s = await rosterStats(app.ctx(), { townshipCode });
  const t = s.total;
  const lines = [
    `${t.name}（${t.code}）：${t.households} 户 ${t.persons} 人；已脱贫 ${t.exitedHouseholds} 户 ${t.exitedPersons} 人，未脱贫 ${t.remainingHouseholds} 户 ${t.remainingPersons} 人，监测 ${t.monitoredHouseholds} 户 ${t.monitoredPersons} 人`,
    `贫困发生率 ${incidence(t)}（未脱贫人数 ÷ 村人口；有贫困户的村 ${t.villages} 个，其中登记了人口的 ${t.villagesWithPopulation} 个计入）`,
  ];
  if (!townshipCode) {
    const rows = [HEAD, ...s.townships.map(cells)];
    const width = (c: string) => [...c].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    const widths = HEAD.map((_, i) => Math.max(...rows.map((r) => width(r[i]))));
    lines.push('', ...rows.map((r) => r.map((c, i) => (i < 2 ? c + ' '.repeat(widths[i] - width(c)) : ' '.repeat(widths[i] - width(c)) + c)).join('  ')));
  }
  return { json: s, text: lines.join('\n') };
}
