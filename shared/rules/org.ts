/**
 * Validation rules for the organisation registry. Each returns a message key (see
 * shared/i18n/messages.ts) with its parameters, or null when the value is fine.
 */
import { parseIdNumber, type IdNumberProblem } from './id-number';

export interface RuleFailure {
  key: string;
  params?: Record<string, string | number>;
}

export const NAME_MAX = 40;

export function checkName(name: string): RuleFailure | null {
  const v = name.trim();
  if (v === '') return { key: 'name.empty' };
  if (v.length > NAME_MAX) return { key: 'name.tooLong', params: { max: NAME_MAX } };
  return null;
}

export function checkCountyCode(code: string): RuleFailure | null {
  return /^\d{6}$/.test(code.trim()) ? null : { key: 'code.county' };
}

/** A township-level code (GB/T 2260 + NBS): the county's 6 digits followed by 3 digits. */
export function checkTownshipCode(code: string, countyCode: string): RuleFailure | null {
  const v = code.trim();
  if (!/^\d{9}$/.test(v) || !v.startsWith(countyCode)) return { key: 'code.township', params: { county: countyCode } };
  return null;
}

/** An administrative village code: its township's 9 digits followed by 3 digits. */
export function checkVillageCode(code: string, townshipCode: string): RuleFailure | null {
  const v = code.trim();
  if (!/^\d{12}$/.test(v) || !v.startsWith(townshipCode)) return { key: 'code.village', params: { township: townshipCode } };
  return null;
}

export function checkPhone(phone: string): RuleFailure | null {
  const v = phone.replace(/[\s-]/g, '');
  if (v === '') return null;
  if (/^1[3-9]\d{9}$/.test(v) || /^0\d{9,11}$/.test(v)) return null;
  return { key: 'phone.format' };
}

export function checkPopulation(n: number | null): RuleFailure | null {
  if (n === null) return null;
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) return { key: 'population.range' };
  return null;
}

const ID_KEYS: Record<IdNumberProblem, string> = {
  empty: 'id.empty',
  length: 'id.length',
  chars: 'id.chars',
  region: 'id.region',
  birth: 'id.birth',
  birthFuture: 'id.birthFuture',
  check: 'id.check',
};

export function checkIdNumber(raw: string, today?: Date): RuleFailure | null {
  const r = parseIdNumber(raw, today);
  return r.ok ? null : { key: ID_KEYS[r.problem] };
}
