import { describe, expect, it } from 'vitest';
import { checkChar, maskIdNumber, normalizeIdNumber, parseIdNumber } from '../../shared/rules/id-number';
import { checkIdNumber } from '../../shared/rules/org';
import { idNumber, withWrongCheck } from './helpers/app';

/** The worked example of GB 11643-1999, checked by hand, independent of checkChar. */
const GB_EXAMPLE = '11010519491231002X';

function ok(raw: string, today?: Date) {
  const r = parseIdNumber(raw, today);
  if (!r.ok) throw new Error(`expected ${raw} to be valid, got problem ${r.problem}`);
  return r.info;
}

function problem(raw: string, today?: Date) {
  const r = parseIdNumber(raw, today);
  return r.ok ? 'ok' : r.problem;
}

describe('check character', () => {
  it('matches the GB 11643 worked example, including X for remainder 2', () => {
    expect(checkChar(GB_EXAMPLE.slice(0, 17))).toBe('X');
    // Hand-computed: 43052219800101001 -> weighted sum 179, 179 % 11 = 3 -> '9'.
    expect(checkChar('43052219800101001')).toBe('9');
  });
});

describe('valid 18-digit numbers', () => {
  it('accepts the standard example and reads birth date and gender', () => {
    expect(ok(GB_EXAMPLE)).toEqual({ value: GB_EXAMPLE, birthDate: '1949-12-31', gender: '女', upgraded: false });
  });

  it('accepts numbers built from any 17-digit prefix with their check char', () => {
    for (const [birth, seq] of [['19800101', '00'], ['19591130', '37'], ['20000229', '99'], ['19000101', '12']] as const) {
      const id = idNumber(birth, seq, 3);
      const info = ok(id);
      expect(info.value).toBe(id);
      expect(info.birthDate).toBe(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`);
    }
  });

  it('accepts a lower-case x check character and stores it upper-case', () => {
    expect(ok(GB_EXAMPLE.toLowerCase()).value).toBe(GB_EXAMPLE);
  });

  it('normalises full-width digits, full-width x and spaces (including the ideographic space)', () => {
    const fullWidth = '１１０１０５\u3000１９４９ １２３１ ００２ｘ';
    expect(normalizeIdNumber(fullWidth)).toBe(GB_EXAMPLE);
    expect(ok(fullWidth).value).toBe(GB_EXAMPLE);
    expect(ok(` ${GB_EXAMPLE.slice(0, 6)} ${GB_EXAMPLE.slice(6)} `).value).toBe(GB_EXAMPLE);
  });

  it('takes gender from the 17th digit: odd is 男, even is 女', () => {
    for (let d = 0; d <= 9; d++) {
      expect(ok(idNumber('19800101', '00', d)).gender).toBe(d % 2 === 1 ? '男' : '女');
    }
  });
});

describe('15-digit numbers', () => {
  it('upgrades an old number to the 18-digit form with a 19xx birth year and a check char', () => {
    // 110105491231002 is the old form of the GB example.
    expect(ok('110105491231002')).toEqual({ value: GB_EXAMPLE, birthDate: '1949-12-31', gender: '女', upgraded: true });
    const male = ok('430522800101001');
    expect(male.value).toBe('430522198001010019');
    expect(male.birthDate).toBe('1980-01-01');
    expect(male.gender).toBe('男');
    expect(male.upgraded).toBe(true);
  });

  it('refuses an old number with letters or an impossible date', () => {
    expect(problem('11010549123100X')).toBe('chars');
    expect(problem('430522800230001')).toBe('birth');
  });
});

describe('invalid numbers', () => {
  it('refuses every wrong check character', () => {
    const id = idNumber('19800101', '00', 1);
    for (const c of '0123456789X') {
      if (c === id[17]) continue;
      expect(problem(id.slice(0, 17) + c)).toBe('check');
    }
    expect(problem(withWrongCheck(GB_EXAMPLE))).toBe('check');
  });

  it('refuses impossible birth dates', () => {
    expect(problem(idNumber('19800230'))).toBe('birth'); // 30 February
    expect(problem(idNumber('19810229'))).toBe('birth'); // not a leap year
    expect(problem(idNumber('19000229'))).toBe('birth'); // 1900 was not a leap year
    expect(problem(idNumber('19801301'))).toBe('birth');
    expect(problem(idNumber('19800100'))).toBe('birth');
    expect(problem(idNumber('18991231'))).toBe('birth');
    expect(problem(idNumber('19800229'))).toBe('ok'); // 1980 was
  });

  it('refuses a birth date after today as its own problem (not 不存在), with an injected today', () => {
    const today = new Date(2020, 5, 15); // 15 June 2020, local time
    expect(problem(idNumber('20200615'), today)).toBe('ok');
    expect(problem(idNumber('20200616'), today)).toBe('birthFuture');
    expect(problem(idNumber('20210101'), today)).toBe('birthFuture');
    // A date that does not exist stays 'birth', in the future or not.
    expect(problem(idNumber('20210230'), today)).toBe('birth');
    expect(problem(idNumber('20200616'), new Date(2020, 5, 16))).toBe('ok');
  });

  it('refuses wrong lengths and empty input', () => {
    expect(problem(GB_EXAMPLE.slice(0, 17))).toBe('length');
    expect(problem(GB_EXAMPLE + '1')).toBe('length');
    expect(problem('1101054912310')).toBe('length');
    expect(problem('')).toBe('empty');
    expect(problem(' \u3000 ')).toBe('empty');
  });

  it('refuses letters anywhere but the check position', () => {
    expect(problem('11010519491231A02X')).toBe('chars');
    expect(problem('X10105194912310021')).toBe('chars');
    expect(problem('11010519491231002Y')).toBe('chars');
    expect(problem('1101051949-231002X')).toBe('chars');
  });

  it('maps each problem to a message key for the forms', () => {
    expect(checkIdNumber(GB_EXAMPLE)).toBeNull();
    expect(checkIdNumber('')).toEqual({ key: 'id.empty' });
    expect(checkIdNumber('123')).toEqual({ key: 'id.length' });
    expect(checkIdNumber('11010519491231A02X')).toEqual({ key: 'id.chars' });
    expect(checkIdNumber(idNumber('19800230'))).toEqual({ key: 'id.birth' });
    expect(checkIdNumber(withWrongCheck(GB_EXAMPLE))).toEqual({ key: 'id.check' });
    expect(checkIdNumber(idNumber('20200616'), new Date(2020, 5, 15))).toEqual({ key: 'id.birthFuture' });
    expect(checkIdNumber(idNumber('19800101', '00', 1, '990522'))).toEqual({ key: 'id.region' });
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdNumber('430522198001011234')).toBe('430522********1234');
    expect(maskIdNumber(GB_EXAMPLE)).toBe('110105********002X');
  });

  it('hides short values entirely', () => {
    expect(maskIdNumber('123456789')).toBe('*********');
  });
});
