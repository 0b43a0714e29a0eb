/**
 * Checks of a household record before it is saved: the same rules in the form (as you type)
 * and in the service. Each failure names the field, e.g. 'members.2.idNumber'.
 */
import { parseIdNumber } from '../rules/id-number';
import type { HouseholdRecord } from '../domain/roster';

export interface HouseholdProblem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

const MALE_ONLY = new Set(['之子', '女婿', '父亲', '岳父', '公公', '祖父', '孙子', '外孙子']);
const FEMALE_ONLY = new Set(['之女', '儿媳', '母亲', '岳母', '婆婆', '祖母', '孙女', '外孙女']);

export function checkHousehold(h: HouseholdRecord, today: Date = new Date()): HouseholdProblem[] {
  const out: HouseholdProblem[] = [];
  if (h.number.trim() === '') out.push({ field: 'number', key: 'household.number' });
  if (h.members.length === 0) out.push({ field: 'members', key: 'household.noMembers' });
  const heads = h.members.filter((m) => m.relation === '户主').length;
  if (h.members.length > 0 && heads !== 1) out.push({ field: 'members', key: heads === 0 ? 'roster.household.noHead' : 'roster.household.twoHeads', params: { count: heads } });
  if (h.members.filter((m) => m.relation === '配偶').length > 1) out.push({ field: 'members', key: 'household.twoSpouses' });
  const seen = new Map<string, number>();
  h.members.forEach((m, i) => {
    const at = (f: string) => `members.${i}.${f}`;
    if (m.name.trim() === '') out.push({ field: at('name'), key: 'name.empty' });
    if (m.relation.trim() === '') out.push({ field: at('relation'), key: 'household.relation' });
    const id = parseIdNumber(m.idNumber, today);
    if (!id.ok) out.push({ field: at('idNumber'), key: `id.${id.problem}` });
    else {
      const other = seen.get(id.info.value);
      if (other !== undefined) out.push({ field: at('idNumber'), key: 'household.sameIdTwice', params: { other: other + 1 } });
      seen.set(id.info.value, i);
      const g = id.info.gender;
      if ((MALE_ONLY.has(m.relation) && g !== '男') || (FEMALE_ONLY.has(m.relation) && g !== '女')) {
        out.push({ field: at('relation'), key: 'household.relationGender', params: { relation: m.relation, gender: g } });
      }
    }
    if (m.workMonths !== null && (!Number.isInteger(m.workMonths) || m.workMonths < 0 || m.workMonths > 12)) {
      out.push({ field: at('workMonths'), key: 'roster.value.months', params: { value: String(m.workMonths) } });
    }
  });
  for (const [field, y] of [['identifiedYear', h.identifiedYear], ['plannedExitYear', h.plannedExitYear], ['exitYear', h.exitYear]] as const) {
    if (y !== null && (y < 1980 || y > 2100)) out.push({ field, key: 'roster.value.year', params: { value: String(y) } });
  }
  return out;
}

/** Per-capita net income in fen: (all income − production cost) / size, rounded down. */
export function netPerCapitaFen(i: { productionFen: number; wageFen: number; propertyFen: number; transferFen: number; costFen: number }, size: number): number {
  const net = i.productionFen + i.wageFen + i.propertyFen + i.transferFen - i.costFen;
  return size > 0 ? Math.floor(net / size) : net;
}
