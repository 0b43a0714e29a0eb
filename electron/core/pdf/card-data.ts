/**
 * What a household card (明白卡) prints, prepared and masked before layout: ID numbers keep
 * their first 6 and last 4 characters, the household's phone is masked, the paired cadre's work
 * phone is printed in full and health is shown (design/README.md, "Masking rules").
 */
import { statusKind, type StatusRule } from '../../../shared/roster/status';
import { maskIdNumber, maskPhone } from '../../../shared/rules/mask';
import { netPerCapitaFen } from '../../../shared/roster/household-rules';

export type GuaranteeState = 'ok' | 'gap' | 'unknown' | 'na';

export interface CardData {
  county: string;
  year: number;
  date: string;
  township: string;
  village: string;
  group: string;
  number: string;
  head: string;
  size: number;
  attribute: string;
  status: string;
  exited: boolean;
  mainCause: string;
  secondaryCauses: string;
  plannedExit: string;
  phone: string;
  members: { name: string; relation: string; gender: string; age: string; idNumber: string; health: string; skill: string; school: string }[];
  cadre: { name: string; unit: string; post: string; phone: string; since: string; others: number } | null;
  measures: { category: string; content: string; amountFen: number | null; loan: boolean; unit: string; date: string }[];
  hiddenMeasures: number;
  subsidyFen: number;
  income: { year: number; wageFen: number; productionFen: number; propertyFen: number; transferFen: number; totalFen: number; costFen: number; netFen: number; lineFen: number | null } | null;
  reportedNetFen: number | null;
  guarantees: { label: string; state: GuaranteeState; note: string }[];
  /** Member rows at normal height; a card with more rows is set compact. */
  compact: boolean;
}

export interface CardSource {
  county: string;
  /** What each status counts as (the office's 脱贫状态 list). */
  status: StatusRule;
  year: number;
  today: string;
  household: {
    number: string;
    group_name: string;
    township_name: string;
    village_name: string;
    head_name: string;
    size: number;
    attribute: string;
    status: string;
    main_cause: string;
    secondary_causes: string;
    planned_exit_year: number | null;
    phone: string;
    dangerous_house: string;
    water_safe: string;
    water_difficult: string;
    reported_income_fen: number | null;
  };
  members: { name: string; relation: string; gender: string; birth_date: string; id_number: string; health: string; skill: string; school_status: string; insured: string }[];
  cadres: { name: string; unit: string; post: string; phone: string; start_date: string | null }[];
  measures: { category: string; content: string; amount_fen: number | null; date: string | null; unit_name: string | null }[];
  income: { year: number; production_fen: number; wage_fen: number; property_fen: number; transfer_fen: number; cost_fen: number } | undefined;
  lineFen: number | null;
}

/** Rows (members + measures) that fit the page at normal and at compact height. */
export const ROWS_NORMAL = 11;
export const ROWS_COMPACT = 15;

function age(birth: string, today: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birth)) return null;
  let a = Number(today.slice(0, 4)) - Number(birth.slice(0, 4));
  if (today.slice(5) < birth.slice(5)) a--;
  return a;
}

/** 1380 0001 234 style spacing for a mobile number (3-4-4); others unchanged. */
export function spacedPhone(p: string): string {
  const d = p.replace(/\s/g, '');
  return /^1\d{10}$/.test(d) ? `${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}` : p;
}

const LOAN = /贷/;

function guarantees(s: CardSource): CardData['guarantees'] {
  const h = s.household;
  const pupils = s.members.filter((m) => {
    const a = age(m.birth_date, s.today);
    return a !== null && a >= 6 && a <= 15;
  });
  const outOfSchool = pupils.filter((m) => m.school_status === '非在校生');
  const uninsured = s.members.filter((m) => m.insured === '否');
  const insuredAll = s.members.length > 0 && s.members.every((m) => m.insured === '是');
  return [
    { label: '吃穿不愁', state: 'unknown', note: '系统未登记，由帮扶责任人入户核实' },
    pupils.length === 0
      ? { label: '义务教育', state: 'na', note: '家中无义务教育阶段（6–15 岁）成员' }
      : outOfSchool.length
        ? { label: '义务教育', state: 'gap', note: `${outOfSchool.map((m) => m.name).join('、')} 未在校` }
        : { label: '义务教育', state: 'ok', note: `${pupils.map((m) => `${m.name}${m.school_status ? `（${m.school_status}）` : ''}`).join('、')} 在读` },
    uninsured.length
      ? { label: '基本医疗', state: 'gap', note: `${uninsured.map((m) => m.name).join('、')} 未参加大病医疗保险` }
      : insuredAll
        ? { label: '基本医疗', state: 'ok', note: '全家参加基本医疗及大病保险' }
        : { label: '基本医疗', state: 'unknown', note: '参保情况未登记' },
    h.dangerous_house === '是'
      ? { label: '住房安全', state: 'gap', note: '现住房为危房，需改造' }
      : h.dangerous_house === '否'
        ? { label: '住房安全', state: 'ok', note: '住房安全' }
        : { label: '住房安全', state: 'unknown', note: '住房情况未登记' },
    h.water_safe === '否' || h.water_difficult === '是'
      ? { label: '饮水安全', state: 'gap', note: h.water_difficult === '是' ? '饮水困难' : '饮水不安全' }
      : h.water_safe === '是'
        ? { label: '饮水安全', state: 'ok', note: '饮水安全有保障' }
        : { label: '饮水安全', state: 'unknown', note: '饮水情况未登记' },
  ];
}

export function cardData(s: CardSource): CardData {
  const h = s.household;
  const members = s.members.map((m) => {
    const a = age(m.birth_date, s.today);
    return { name: m.name, relation: m.relation, gender: m.gender, age: a === null ? '' : String(a), idNumber: maskIdNumber(m.id_number), health: m.health, skill: m.skill, school: m.school_status };
  });
  const compact = members.length + s.measures.length > ROWS_NORMAL;
  const room = Math.max(2, (compact ? ROWS_COMPACT : ROWS_NORMAL) - members.length);
  const shown = s.measures.length > room ? s.measures.slice(0, room - 1) : s.measures;
  const measures = shown.map((m) => ({ category: m.category, content: m.content, amountFen: m.amount_fen, loan: LOAN.test(m.category + m.content), unit: m.unit_name ?? '', date: m.date ?? '' }));
  const subsidyFen = s.measures.filter((m) => !LOAN.test(m.category + m.content)).reduce((t, m) => t + (m.amount_fen ?? 0), 0);
  const i = s.income;
  const income = i
    ? (() => {
        const rec = { productionFen: i.production_fen, wageFen: i.wage_fen, propertyFen: i.property_fen, transferFen: i.transfer_fen, costFen: i.cost_fen };
        return { year: i.year, ...rec, totalFen: i.production_fen + i.wage_fen + i.property_fen + i.transfer_fen, netFen: netPerCapitaFen(rec, h.size), lineFen: s.lineFen };
      })()
    : null;
  const c = s.cadres[0];
  return {
    county: s.county,
    year: s.year,
    date: s.today,
    township: h.township_name,
    village: h.village_name,
    group: h.group_name,
    number: h.number,
    head: h.head_name,
    size: h.size,
    attribute: h.attribute,
    status: h.status,
    exited: statusKind(s.status, h.status) === 'exited',
    mainCause: h.main_cause,
    secondaryCauses: h.secondary_causes,
    plannedExit: h.planned_exit_year ? `${h.planned_exit_year} 年` : '',
    phone: maskPhone(h.phone),
    members,
    cadre: c ? { name: c.name, unit: c.unit, post: c.post, phone: spacedPhone(c.phone), since: c.start_date ?? '', others: s.cadres.length - 1 } : null,
    measures,
    hiddenMeasures: s.measures.length - shown.length,
    subsidyFen,
    income,
    reportedNetFen: h.reported_income_fen,
    guarantees: guarantees(s),
    compact,
  };
}
