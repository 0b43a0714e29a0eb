/**
 * Rules about the household as a whole: key fields, cause against members, head count and
 * size, cadres, and the exit (income against the line, 三保障).
 */
import { statusKind } from '../../../../shared/roster/status';
import type { Env, Household } from './facts';
import { netPerCapitaFen } from '../../../../shared/roster/household-rules';
import { fenText } from './format';
import type { Rule } from './rules-members';

const isExited = (h: Household, env: Env) => statusKind(env.status, h.status) === 'exited';

/** Q01: household without village, status, attribute or main cause; exited without exit year. */
export const householdFields: Rule = (h, env, out) => {
  if (!h.hasVillage) out.push({ rule: 'Q01', key: 'quality.Q01.village' });
  if (h.status === '') out.push({ rule: 'Q01', key: 'quality.Q01.status' });
  if (h.attribute === '') out.push({ rule: 'Q01', key: 'quality.Q01.attribute' });
  if (h.mainCause === '') out.push({ rule: 'Q01', key: 'quality.Q01.mainCause' });
  if (isExited(h, env) && h.exitYear === null) out.push({ rule: 'Q01', key: 'quality.Q01.exitYear', params: { status: h.status } });
};

/** Q05–Q07: the main cause names a kind of member the household does not have. */
export const causeWithoutMember: Rule = (h, _env, out) => {
  switch (h.mainCause) {
    case '因病':
      if (!h.members.some((m) => m.health.includes('慢性病') || m.health.includes('大病'))) out.push({ rule: 'Q05', key: 'quality.Q05' });
      break;
    case '因残':
      if (!h.members.some((m) => m.health.includes('残疾'))) out.push({ rule: 'Q06', key: 'quality.Q06' });
      break;
    case '因学':
      if (!h.members.some((m) => m.school !== '' && m.school !== '非在校生')) out.push({ rule: 'Q07', key: 'quality.Q07' });
      break;
  }
};

/** Q10: no cadre paired now. Struck-off (注销) households need none. */
export const noCadre: Rule = (h, env, out) => {
  if (!env.pairingsEntered) return; // not entered yet at all: the summary says so once
  if (statusKind(env.status, h.status) !== 'cancelled' && h.cadres.length === 0) out.push({ rule: 'Q10', key: 'quality.Q10' });
};

/** Q11: a cadre paired now whose ID number is on the poor roll (any household, this one included). */
export const cadreOnRoll: Rule = (h, env, out) => {
  for (const c of h.cadres) {
    if (c.canonicalId === '') continue;
    for (const p of env.holders.get(c.canonicalId) ?? []) {
      out.push({ rule: 'Q11', key: 'quality.Q11', params: { cadre: c.name, number: p.householdNumber, name: p.name } });
    }
  }
};

/**
 * Q15: exited, but the per-capita net income of the exit year is below that year's line. The
 * income rows come first; without a row for the exit year, the reported 人均纯收入 is used.
 * Skipped when the year has no line or there is no income at all.
 */
export const exitBelowLine: Rule = (h, env, out) => {
  if (!isExited(h, env) || h.exitYear === null) return;
  const line = env.lines.get(h.exitYear);
  if (line === undefined) return;
  const size = h.size > 0 ? h.size : h.members.length;
  let income: number;
  let key: string;
  if (h.exitIncome) {
    const i = h.exitIncome;
    income = netPerCapitaFen({ productionFen: i.production_fen, wageFen: i.wage_fen, propertyFen: i.property_fen, transferFen: i.transfer_fen, costFen: i.cost_fen }, size);
    key = 'quality.Q15.income';
  } else if (h.reportedIncomeFen !== null) {
    income = h.reportedIncomeFen;
    key = 'quality.Q15.reported';
  } else return;
  if (income < line) out.push({ rule: 'Q15', key, params: { year: h.exitYear, income: fenText(income, true), line: fenText(line, false) } });
};

/** Q16: no head, or more than one. */
export const headCount: Rule = (h, _env, out) => {
  const heads = h.members.filter((m) => m.relation === '户主');
  if (heads.length === 0) out.push({ rule: 'Q16', key: 'quality.Q16.noHead' });
  else if (heads.length > 1) out.push({ rule: 'Q16', key: 'quality.Q16.heads', params: { count: heads.length, names: heads.map((m) => m.label).join('、') } });
};

/** Q17: the recorded size differs from the members on the roll. */
export const sizeMismatch: Rule = (h, _env, out) => {
  if (h.size !== h.members.length) out.push({ rule: 'Q17', key: 'quality.Q17', params: { size: h.size, count: h.members.length } });
};

/** Q18: exited although housing, drinking water or medical insurance is not secured (两不愁三保障). */
export const exitedUnsecured: Rule = (h, env, out) => {
  if (!isExited(h, env)) return;
  if (h.dangerousHouse === '是') out.push({ rule: 'Q18', key: 'quality.Q18.house' });
  if (h.waterSafe === '否') out.push({ rule: 'Q18', key: 'quality.Q18.water' });
  if (h.waterDifficult === '是') out.push({ rule: 'Q18', key: 'quality.Q18.waterDifficult' });
  const uninsured = h.members.filter((m) => m.insured === '否');
  if (uninsured.length) out.push({ rule: 'Q18', key: 'quality.Q18.insured', params: { names: uninsured.map((m) => m.label).join('、') } });
};
