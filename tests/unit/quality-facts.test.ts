/**
 * The pure pieces of the data-quality checks: the fast ID-number path agrees with
 * parseIdNumber, ages, spellings of one number, money text, the rule catalogue.
 */
import { describe, expect, it } from 'vitest';
import { ageOn, birthOf, canonicalId, idSpellings, todayOf } from '../../electron/core/roster/quality/facts';
import { fenText } from '../../electron/core/roster/quality/format';
import { SCHOOL_AGES } from '../../electron/core/roster/quality/rules-members';
import { parseIdNumber } from '../../shared/rules/id-number';
import { QUALITY_RULES, QUALITY_RULE_CODES, qualityRule } from '../../shared/roster/quality-rules';
import { messageTable } from '../../shared/i18n/messages';
import { idNumber, withWrongCheck } from './helpers/app';

const today = todayOf(new Date(2018, 8, 1, 12));

describe('canonicalId', () => {
  it('agrees with parseIdNumber on valid, invalid and odd numbers', () => {
    const valid18 = idNumber('19650203', '12', 3);
    const withX = (() => {
      for (let s = 0; s < 100; s++) {
        const id = idNumber('19800101', String(s).padStart(2, '0'), 1);
        if (id.endsWith('X')) return id;
      }
      throw new Error('no X');
    })();
    const samples = [
      valid18,
      withX,
      withX.toLowerCase(),
      withWrongCheck(valid18),
      valid18.slice(0, 6) + valid18.slice(8, 17), // 15-digit form
      ` ${valid18.slice(0, 9)} ${valid18.slice(9)}`,
      valid18.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), // full-width
      idNumber('20000229', '01', 1), // a leap day
      idNumber('19000229', '01', 1).slice(0, 17) + 'X', // 1900 is no leap year
      idNumber('20190101', '01', 1), // after "today"
      idNumber('20180901', '01', 1), // born today
      idNumber('18991231', '01', 1),
      '43052219650203123',
      '4305221965020312AB',
      '',
    ];
    for (const raw of samples) {
      const mine = canonicalId(raw, today);
      const theirs = parseIdNumber(raw, today.date);
      if (theirs.ok) {
        expect(mine, raw).toEqual({ value: theirs.info.value, problem: null, gender: theirs.info.gender, birth: theirs.info.birthDate.split('-').map(Number) });
      } else {
        expect(mine.problem, raw).toBe(theirs.problem);
      }
    }
  });

  it('lists the ways one number may be written', () => {
    const id = idNumber('19650203', '12', 3);
    expect(idSpellings(id)).toEqual([id, id.slice(0, 6) + id.slice(8, 17)]);
    expect(idSpellings('')).toEqual([]);
    expect(idSpellings('43052220050101001X')).toEqual(['43052220050101001X', '43052220050101001x']);
  });
});

describe('ages', () => {
  it('counts full years against the given day', () => {
    expect(ageOn(birthOf('2004-09-01'), today)).toBe(14);
    expect(ageOn(birthOf('2004-09-02'), today)).toBe(13);
    expect(ageOn(birthOf('2018-09-01'), today)).toBe(0);
    expect(ageOn(birthOf('2018-09-02'), today)).toBeNull();
    expect(ageOn(birthOf(''), today)).toBeNull();
    expect(ageOn(birthOf('2004/09/01'), today)).toBeNull();
  });
});

describe('fenText', () => {
  it('writes yuan exactly, with thousands separators', () => {
    expect(fenText(250_000, true)).toBe('2,500.00');
    expect(fenText(295_200, false)).toBe('2,952');
    expect(fenText(295_250, false)).toBe('2,952.50');
    expect(fenText(0, true)).toBe('0.00');
    expect(fenText(-123_456_789, true)).toBe('-1,234,567.89');
    expect(fenText(5, true)).toBe('0.05');
  });
});

describe('the rule catalogue', () => {
  it('has unique stable codes with titles in both languages and a message for each rule', () => {
    expect(QUALITY_RULE_CODES).toEqual(QUALITY_RULES.map((_, i) => `Q${String(i + 1).padStart(2, '0')}`));
    const zh = messageTable('zh-CN');
    const en = messageTable('en');
    for (const r of QUALITY_RULES) {
      expect(r.title).toMatch(/\p{Script=Han}/u);
      expect(r.titleEn).toMatch(/^[\x20-\x7e\u4e00-\u9fff–]+$/);
      expect(['error', 'warning']).toContain(r.severity);
      expect(qualityRule(r.code)).toBe(r);
      expect(Object.keys(zh).some((k) => k === `quality.${r.code}` || k.startsWith(`quality.${r.code}.`)), r.code).toBe(true);
    }
    for (const k of Object.keys(zh).filter((k) => k.startsWith('quality.'))) expect(en[k], k).toBeDefined();
    for (const k of Object.keys(en).filter((k) => k.startsWith('quality.'))) expect(zh[k], k).toBeDefined();
    expect(qualityRule('Q99')).toBeUndefined();
  });

  it('keeps school age ranges ordered', () => {
    for (const [school, [lo, hi]] of Object.entries(SCHOOL_AGES)) expect(lo, school).toBeLessThan(hi);
  });
});
