/** The one money rule for printouts: whole yuan, rounded half up, thousands separators. */
import { describe, expect, it } from 'vitest';
import { roundYuan, yuanText } from '../../shared/rules/money';

describe('yuanText', () => {
  it('prints whole yuan with thousands separators, rounded half up', () => {
    expect(yuanText(1_945_050)).toBe('19,451');
    expect(yuanText(1_945_049)).toBe('19,450');
    expect(yuanText(1_945_000)).toBe('19,450');
    expect(yuanText(0)).toBe('0');
    expect(yuanText(49)).toBe('0');
    expect(yuanText(50)).toBe('1');
    expect(yuanText(99_999_950)).toBe('1,000,000');
    expect(yuanText(123_456_789_00)).toBe('123,456,789');
  });
  it('rounds a negative amount symmetrically and prints a true minus', () => {
    expect(roundYuan(-150)).toBe(-2);
    expect(roundYuan(-149)).toBe(-1);
    expect(roundYuan(-49)).toBe(0);
    expect(yuanText(-49)).toBe('0');
    expect(yuanText(-230_050)).toBe('−2,301');
  });
});
