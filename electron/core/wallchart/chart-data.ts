/**
 * The data a village chart prints, prepared from the roster: masked (ID numbers and phones are
 * masked here, health dropped when the template hides it, so the full values never reach the
 * PDF), shortened to the design's labels, with the statistics for the side panels and the
 * characters the font cannot draw.
 */
import { byGroupThenNumber } from '../../../shared/roster/group-order';
import { maskIdNumber, maskPhone } from '../../../shared/rules/mask';
import { statusGroup, statusLabel, type MissingGlyph, type StatusGroup, type TemplateBody } from '../../../shared/domain/wallchart';
import { missingChars } from '../pdf/fonts';
import * as repo from './chart-repo';
import type { StatusRule } from '../../../shared/roster/status';

export type Guarantee = 'ok' | 'gap' | 'na';

export interface ChartHousehold {
  seq: number;
  number: string;
  group: string;
  head: string;
  size: number;
  attribute: string;
  cause: string;
  cadre: string;
  measures: string;
  /** Per-capita net income in whole yuan, or null when none is recorded. */
  income: number | null;
  education: Guarantee;
  medical: Guarantee;
  housing: Guarantee;
  water: Guarantee;
  exitYear: number | null;
  status: StatusGroup;
  statusLabel: string;
  phone: string;
  idNumber: string;
  health: string;
}

export interface Count {
  label: string;
  households: number;
  persons: number;
}

export interface VillageChartData {
  county: string;
  township: string;
  village: string;
  year: number;
  dataDate: string;
  population: number | null;
  households: ChartHousehold[];
  persons: number;
  byStatus: Record<StatusGroup, Count>;
  byCause: Count[];
  byAttribute: Count[];
  byMeasure: Count[];
  target: { total: number; exited: number; monitored: number; open: number };
  gaps: number;
  /** dutyPhone: the team's work phone (the captain's), printed in full so villagers can call it; not personal data. */
  team: { unit: string; term: string; dutyPhone: string; members: { name: string; role: string; unit: string; post: string; phone: string }[] } | null;
  pairings: { cadre: string; unit: string; post: string; phone: string; households: string[] }[];
  missing: MissingGlyph[];
}

const SHORT_CAUSE: Record<string, string> = { 自身发展动力不足: '动力不足', 交通条件落后: '交通落后' };
const SHORT_ATTRIBUTE: Record<string, string> = { 一般贫困户: '一般户', 低保贫困户: '低保户', 特困供养贫困户: '特困户', 五保贫困户: '五保户' };

export const shortCause = (c: string) => SHORT_CAUSE[c] ?? c;
export const shortAttribute = (a: string) => SHORT_ATTRIBUTE[a] ?? a;


function age(birth: string, on: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birth)) return null;
  let a = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  if (on.slice(5) < birth.slice(5)) a--;
  return a;
}

function guarantees(h: repo.HouseholdRow, members: repo.PersonRow[], on: string): Pick<ChartHousehold, 'education' | 'medical' | 'housing' | 'water'> {
  const pupils = members.filter((m) => {
    const a = age(m.birth_date, on);
    return a !== null && a >= 6 && a <= 15;
  });
  const education: Guarantee = pupils.length === 0 ? 'na' : pupils.some((m) => m.school_status === '' || m.school_status === '非在校生') ? 'gap' : 'ok';
  const insured = members.map((m) => m.insured).filter((x) => x !== '');
  const medical: Guarantee = insured.length === 0 ? 'na' : insured.includes('否') ? 'gap' : 'ok';
  const housing: Guarantee = h.dangerous_house === '是' ? 'gap' : h.dangerous_house === '否' ? 'ok' : 'na';
  const water: Guarantee = h.water_safe === '否' || h.water_difficult === '是' ? 'gap' : h.water_safe === '是' ? 'ok' : 'na';
  return { education, medical, housing, water };
}

function tally(map: Map<string, Count>, label: string, persons: number): void {
  const c = map.get(label) ?? { label, households: 0, persons: 0 };
  c.households++;
  c.persons += persons;
  map.set(label, c);
}
const sorted = (m: Map<string, Count>) => [...m.values()].sort((a, b) => b.households - a.households || a.label.localeCompare(b.label, 'zh'));

export interface DataOptions {
  county: string;
  dataDate: string;
  /** What each status counts as (the office's 脱贫状态 list). */
  status: StatusRule;
}

export function villageChartData(r: repo.ChartReads, village: repo.PlaceRow, body: TemplateBody, opts: DataOptions): VillageChartData {
  const on = opts.dataDate;
  const year = body.year ?? Number(on.slice(0, 4));
  // Struck-off (注销) households are no longer poor households: not on the chart, not counted.
  const hs = r.villageHouseholds(village.id).filter((h) => statusGroup(opts.status, h.status, h.monitor_type) !== null).sort(byGroupThenNumber);
  const persons = new Map<string, repo.PersonRow[]>();
  for (const p of r.villagePersons(village.id)) {
    const l = persons.get(p.household_id);
    if (l) l.push(p);
    else persons.set(p.household_id, [p]);
  }
  const income = new Map(r.villageIncome(village.id).map((r) => [r.household_id, r]));
  const measures = new Map<string, { year: number; text: string; category: string }[]>();
  for (const m of r.villageMeasures(village.id)) {
    const l = measures.get(m.household_id) ?? [];
    l.push({ year: m.year, text: m.content || m.category, category: m.category });
    measures.set(m.household_id, l);
  }
  const pairs = r.villagePairings(village.id, on);
  const cadreOf = new Map<string, string>();
  for (const p of pairs) if (!cadreOf.has(p.household_id)) cadreOf.set(p.household_id, p.cadre_name);

  const m = body.masking;
  const byStatus: Record<StatusGroup, Count> = {
    unexited: { label: '未脱贫', households: 0, persons: 0 },
    exited: { label: '已脱贫', households: 0, persons: 0 },
    monitored: { label: '监测/预脱贫', households: 0, persons: 0 },
  };
  const byCause = new Map<string, Count>();
  const byAttribute = new Map<string, Count>();
  const byMeasure = new Map<string, Count>();
  const target = { total: 0, exited: 0, monitored: 0, open: 0 };
  let gaps = 0;
  let personCount = 0;
  const missing: MissingGlyph[] = [];
  const seenMissing = new Set<string>();

  const households = hs.map((h, i): ChartHousehold => {
    const members = persons.get(h.id) ?? [];
    const head = members.find((x) => x.relation === '户主') ?? members[0];
    const size = h.size || members.length;
    const group = statusGroup(opts.status, h.status, h.monitor_type)!;
    const g = guarantees(h, members, on);
    gaps += [g.education, g.medical, g.housing, g.water].filter((x) => x === 'gap').length;
    personCount += size;
    tally(byCause, shortCause(h.main_cause) || '未填', size);
    tally(byAttribute, shortAttribute(h.attribute) || '未填', size);
    byStatus[group].households++;
    byStatus[group].persons += size;
    const ms = measures.get(h.id) ?? [];
    for (const c of new Set(ms.map((x) => x.category))) tally(byMeasure, c, size);
    if (h.planned_exit_year === year) {
      target.total++;
      if (group === 'exited') target.exited++;
      else if (group === 'monitored') target.monitored++;
      else target.open++;
    }
    const inc = income.get(h.id);
    const perCapita = inc && size > 0 ? Math.round(inc.net_fen / size / 100) : h.reported_income_fen !== null ? Math.round(h.reported_income_fen / 100) : null;
    const row: ChartHousehold = {
      seq: i + 1,
      number: h.number,
      group: h.group_name,
      head: h.head_name || head?.name || '',
      size,
      attribute: shortAttribute(h.attribute),
      cause: shortCause(h.main_cause),
      cadre: cadreOf.get(h.id) ?? '',
      measures: [...new Set(ms.map((x) => x.text))].join('、'),
      income: perCapita,
      ...g,
      exitYear: h.exit_year ?? h.planned_exit_year,
      status: group,
      statusLabel: statusLabel(opts.status, h.status, h.monitor_type),
      phone: m.phones ? maskPhone(h.phone) : h.phone,
      idNumber: m.idNumbers ? maskIdNumber(head?.id_number) : (head?.id_number ?? ''),
      health: m.hideHealth ? '' : (head?.health ?? ''),
    };
    const bad = missingChars(`${row.head}${row.group}${row.cadre}${row.measures}${row.cause}${row.attribute}`);
    if (bad.length) {
      for (const ch of bad) {
        const key = `${ch}|${h.number}`;
        if (seenMissing.has(key)) continue;
        seenMissing.add(key);
        missing.push({ char: ch, name: row.head, household: h.number });
      }
      // The font would draw an empty box: print 〓 (the usual mark for a character to write in by hand).
      const mark = (v: string) => [...v].map((c) => (bad.includes(c) ? '〓' : c)).join('');
      Object.assign(row, { head: mark(row.head), group: mark(row.group), cadre: mark(row.cadre), measures: mark(row.measures) });
    }
    return row;
  });

  const headOf = new Map(households.map((h, i) => [hs[i].id, h.head]));
  const byCadre = new Map<string, VillageChartData['pairings'][number]>();
  for (const p of pairs) {
    const c = byCadre.get(p.cadre_id) ?? { cadre: p.cadre_name, unit: p.unit, post: p.post, phone: maskPhone(p.phone), households: [] };
    const name = headOf.get(p.household_id);
    if (name) c.households.push(name);
    byCadre.set(p.cadre_id, c);
  }
  const t = r.villageTeam(village.id);
  const team = t
    ? {
        unit: t.unit_name ?? '',
        term: [t.term_start, t.term_end].filter(Boolean).map((d) => d!.slice(0, 7).replace('-', '.')).join(' — '),
        dutyPhone: t.members.find((x) => x.captain)?.phone ?? '',
        members: t.members.map((x) => ({ name: x.name, role: x.captain ? '队长' : '队员', unit: x.unit, post: x.post, phone: maskPhone(x.phone) })),
      }
    : null;

  return {
    county: opts.county,
    township: village.township_name,
    village: village.name,
    year,
    dataDate: on,
    population: village.population,
    households,
    persons: personCount,
    byStatus,
    byCause: sorted(byCause),
    byAttribute: sorted(byAttribute),
    byMeasure: sorted(byMeasure),
    target,
    gaps,
    team,
    pairings: [...byCadre.values()],
    missing,
  };
}
