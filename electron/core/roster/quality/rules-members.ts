/**
 * Rules about the members one by one: key fields, ID numbers, work, school and age, and the
 * head and spouse. Each pushes findings (a message key in shared/i18n/messages-quality.ts with
 * its parameters) and reads only the prepared facts.
 */
import type { Env, Finding, Household } from './facts';

export type Rule = (h: Household, env: Env, out: Finding[]) => void;

/** Q02: a member without name, relation or ID number. */
export const memberFields: Rule = (h, _env, out) => {
  for (const m of h.members) {
    if (m.name === '') out.push({ rule: 'Q02', key: 'quality.Q02.name', params: { index: m.index } });
    if (m.relation === '') out.push({ rule: 'Q02', key: 'quality.Q02.relation', params: { name: m.label } });
    if (m.rawId === '') out.push({ rule: 'Q02', key: 'quality.Q02.idNumber', params: { name: m.label } });
  }
};

/** Q03: an ID number that fails GB 11643 (length, characters, birth date, check digit). */
export const invalidId: Rule = (h, _env, out) => {
  for (const m of h.members) {
    if (m.idProblem && m.idProblem !== 'empty') out.push({ rule: 'Q03', key: `quality.Q03.${m.idProblem}`, params: { name: m.label } });
  }
};

/**
 * Q04: the same person twice. The schema keeps ID numbers unique as written, so a duplicate
 * can only be the same number written differently: an old 15-digit form beside its 18-digit
 * upgrade, a lower-case x, full-width digits.
 */
export const duplicateId: Rule = (h, env, out) => {
  for (const m of h.members) {
    if (m.canonicalId === '') continue;
    for (const o of env.holders.get(m.canonicalId) ?? []) {
      if (o.personId === m.id) continue;
      if (o.householdId === h.id) out.push({ rule: 'Q04', key: 'quality.Q04.same', params: { name: m.label, other: o.name } });
      else out.push({ rule: 'Q04', key: 'quality.Q04.other', params: { name: m.label, other: o.name, number: o.householdNumber } });
    }
  }
};

const UNABLE = new Set(['丧失劳动力', '无劳动力']);

/** Q08: a 五保/特困 household (supported because nobody can work) with a member aged 16–65 able to work. */
export const supportedWithWorker: Rule = (h, _env, out) => {
  if (!h.attribute.includes('五保') && !h.attribute.includes('特困')) return;
  for (const m of h.members) {
    if (m.age === null || m.age < 16 || m.age > 65 || UNABLE.has(m.skill)) continue;
    const params = { attribute: h.attribute, name: m.label, age: m.age, skill: m.skill };
    out.push({ rule: 'Q08', key: m.skill === '' ? 'quality.Q08.noSkill' : 'quality.Q08', params });
  }
};

/** Q09: work months outside 0–12, months without a work status, or a work status without months. */
export const workInfo: Rule = (h, _env, out) => {
  for (const m of h.members) {
    const months = m.months;
    if (months !== null && (!Number.isInteger(months) || months < 0 || months > 12)) {
      out.push({ rule: 'Q09', key: 'quality.Q09.range', params: { name: m.label, months } });
    } else if (months !== null && months > 0 && m.work === '') {
      out.push({ rule: 'Q09', key: 'quality.Q09.noStatus', params: { name: m.label, months } });
    } else if (m.work !== '' && !months) {
      out.push({ rule: 'Q09', key: 'quality.Q09.noMonths', params: { name: m.label, work: m.work } });
    }
  }
};

/** Q12: head and spouse of the same gender (gender as recorded, else from the ID number). */
export const sameGenderCouple: Rule = (h, _env, out) => {
  const head = h.members.find((m) => m.relation === '户主');
  if (!head || head.gender === '') return;
  if (h.members.some((m) => m.relation === '配偶' && m.gender === head.gender)) {
    out.push({ rule: 'Q12', key: 'quality.Q12', params: { gender: head.gender } });
  }
};

const HIGH = new Set(['高中', '中职', '高职', '大专及以上']);

/** Q13: a pupil aged 14 or under in high school or above. */
export const youngInHighSchool: Rule = (h, _env, out) => {
  for (const m of h.members) {
    if (m.age !== null && m.age <= 14 && HIGH.has(m.school)) out.push({ rule: 'Q13', key: 'quality.Q13', params: { name: m.label, age: m.age, school: m.school } });
  }
};

/**
 * Plausible ages per 在校生状况 (inclusive). The lower bound of high school and above is rule
 * Q13's (≤ 14); the upper bounds leave room for late and adult students.
 */
export const SCHOOL_AGES: Record<string, [number, number]> = {
  学前教育: [2, 7],
  小学: [5, 16],
  七至九年级: [10, 20],
  高中: [15, 25],
  中职: [15, 35],
  高职: [15, 35],
  大专及以上: [15, 40],
};
/** Compulsory-education ages (inclusive) at which 非在校生 is a mismatch (控辍保学). */
export const COMPULSORY_AGES: [number, number] = [7, 15];

/** Q14: age that does not fit the school status. */
export const schoolAge: Rule = (h, _env, out) => {
  for (const m of h.members) {
    if (m.age === null) continue;
    if (m.school === '非在校生') {
      if (m.age >= COMPULSORY_AGES[0] && m.age <= COMPULSORY_AGES[1]) {
        out.push({ rule: 'Q14', key: 'quality.Q14.outOfSchool', params: { name: m.label, age: m.age } });
      }
      continue;
    }
    const range = SCHOOL_AGES[m.school];
    if (!range) continue;
    if (HIGH.has(m.school) && m.age <= 14) continue; // Q13
    if (m.age < range[0] || m.age > range[1]) out.push({ rule: 'Q14', key: 'quality.Q14.range', params: { name: m.label, age: m.age, school: m.school } });
  }
};
