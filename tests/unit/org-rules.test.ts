import { describe, expect, it } from 'vitest';
import {
  NAME_MAX,
  checkCountyCode,
  checkName,
  checkPhone,
  checkPopulation,
  checkTownshipCode,
  checkVillageCode,
} from '../../shared/rules/org';
import { formatError } from '../../shared/i18n/messages';

describe('county code', () => {
  it('is 6 digits', () => {
    expect(checkCountyCode('430522')).toBeNull();
    expect(checkCountyCode(' 430522 ')).toBeNull();
    for (const bad of ['43052', '4305220', '43052a', '', '４３０５２２']) expect(checkCountyCode(bad)).toEqual({ key: 'code.county' });
  });
});

describe('township code', () => {
  const fail = { key: 'code.township', params: { county: '430522' } };

  it('accepts 9 digits starting with the county code', () => {
    expect(checkTownshipCode('430522100', '430522')).toBeNull();
    expect(checkTownshipCode(' 430522203 ', '430522')).toBeNull();
  });

  it('refuses another county, the wrong length or non-digits, naming the county code', () => {
    expect(checkTownshipCode('430521100', '430522')).toEqual(fail);
    expect(checkTownshipCode('43052210', '430522')).toEqual(fail);
    expect(checkTownshipCode('4305221000', '430522')).toEqual(fail);
    expect(checkTownshipCode('430522100001', '430522')).toEqual(fail); // a village code is not a township code
    expect(checkTownshipCode('43052210a', '430522')).toEqual(fail);
    expect(checkTownshipCode('', '430522')).toEqual(fail);
    expect(formatError({ code: 'VALIDATION', ...fail })).toBe('乡镇代码应为 9 位数字，并以县代码 430522 开头');
  });
});

describe('village code', () => {
  const fail = { key: 'code.village', params: { township: '430522100' } };

  it('accepts 12 digits starting with the township code', () => {
    expect(checkVillageCode('430522100201', '430522100')).toBeNull();
  });

  it('refuses another township, the wrong length or non-digits', () => {
    expect(checkVillageCode('430522101201', '430522100')).toEqual(fail);
    expect(checkVillageCode('43052210020', '430522100')).toEqual(fail);
    expect(checkVillageCode('4305221002011', '430522100')).toEqual(fail);
    expect(checkVillageCode('430522100', '430522100')).toEqual(fail);
    expect(checkVillageCode('43052210020x', '430522100')).toEqual(fail);
  });
});

describe('names', () => {
  it('refuses empty and whitespace-only names', () => {
    expect(checkName('')).toEqual({ key: 'name.empty' });
    expect(checkName('   ')).toEqual({ key: 'name.empty' });
    expect(checkName('\u3000\t')).toEqual({ key: 'name.empty' });
  });

  it(`refuses names longer than ${NAME_MAX} characters, counting after trimming`, () => {
    expect(NAME_MAX).toBe(40);
    expect(checkName('村'.repeat(40))).toBeNull();
    expect(checkName(`  ${'村'.repeat(40)}  `)).toBeNull();
    expect(checkName('村'.repeat(41))).toEqual({ key: 'name.tooLong', params: { max: 40 } });
    expect(formatError({ code: 'VALIDATION', key: 'name.tooLong', params: { max: 40 } })).toBe('名称不能超过 40 个字');
  });

  it('accepts ordinary names', () => {
    expect(checkName('酿溪镇')).toBeNull();
    expect(checkName('县发展和改革局')).toBeNull();
  });
});

describe('phone', () => {
  it('accepts mobile numbers, with spaces or dashes', () => {
    for (const p of ['13907391234', '139 0739 1234', '139-0739-1234', '19912345678']) expect(checkPhone(p)).toBeNull();
  });

  it('accepts landlines with an area code', () => {
    for (const p of ['0739-3621234', '07393621234', '010-12345678', '0731 88881234']) expect(checkPhone(p)).toBeNull();
  });

  it('accepts an empty phone (the field is optional)', () => {
    expect(checkPhone('')).toBeNull();
    expect(checkPhone('  ')).toBeNull();
  });

  it('refuses other numbers', () => {
    for (const p of ['3621234', '1390739123', '139073912345', '12907391234', '0739', 'abc', '+8613907391234', '1390739123x']) {
      expect(checkPhone(p), p).toEqual({ key: 'phone.format' });
    }
  });
});

describe('population', () => {
  it('accepts unknown (null) and whole numbers from 0 to 1,000,000', () => {
    for (const n of [null, 0, 1, 1234, 1_000_000]) expect(checkPopulation(n)).toBeNull();
  });

  it('refuses negative, fractional, too large and non-finite numbers', () => {
    for (const n of [-1, 1.5, 1_000_001, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(checkPopulation(n), String(n)).toEqual({ key: 'population.range' });
    }
  });
});
