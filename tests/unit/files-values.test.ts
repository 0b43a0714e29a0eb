/** How xlsx values turn into what the user sees: date formats, Excel serials, numbers, escapes. */
import { describe, expect, it } from 'vitest';
import { decodeEscapes, encodeEscapes, formatCodeKind, numberText, refColumn, refRow, serialToText } from '../../electron/core/files/xlsx-values';
import { columnLetters } from '../../electron/core/files/rows';
import { fileMessages } from '../../shared/i18n/messages-files';

describe('number formats', () => {
  it('tells dates, times and plain numbers apart, as a Chinese Excel writes them', () => {
    const cases: [string, string][] = [
      ['yyyy"年"m"月"d"日"', 'date'],
      ['[DBNum1][$-804]yyyy"年"m"月"d"日"', 'date'],
      ['yyyy-mm-dd;@', 'date'],
      ['yyyy/m/d', 'date'],
      ['m/d/yy', 'date'],
      ['d-mmm-yy', 'date'],
      ['mmm-yy', 'date'],
      ['yyyy/m/d h:mm', 'datetime'],
      ['yyyy-mm-dd hh:mm:ss', 'datetime'],
      ['h:mm:ss', 'time'],
      ['[h]:mm:ss', 'time'],
      ['mm:ss', 'time'],
      ['h"时"mm"分"', 'time'],
      ['上午/下午h"时"mm"分"', 'time'],
      ['General', 'number'],
      ['@', 'number'],
      ['0.00_ ', 'number'],
      ['#,##0.00;[Red]-#,##0.00', 'number'],
      ['"¥"#,##0.00', 'number'],
      ['0.00E+00', 'number'],
      ['0%', 'number'],
      ['"第"0"户"', 'number'],
    ];
    for (const [code, kind] of cases) expect(formatCodeKind(code), code).toBe(kind);
  });
});

describe('Excel serials', () => {
  it('count from 1900 with Excel\'s phantom 29 February, or from 1904', () => {
    expect(serialToText(1, 'date', false)).toBe('1900-01-01');
    expect(serialToText(59, 'date', false)).toBe('1900-02-28');
    expect(serialToText(60, 'date', false)).toBe('1900-02-29');
    expect(serialToText(61, 'date', false)).toBe('1900-03-01');
    expect(serialToText(32874, 'date', false)).toBe('1990-01-01');
    expect(serialToText(45292, 'date', false)).toBe('2024-01-01');
    expect(serialToText(2958465, 'date', false)).toBe('9999-12-31');
    expect(serialToText(0, 'date', true)).toBe('1904-01-01');
    expect(serialToText(43830, 'date', true)).toBe('2024-01-01');
  });

  it('show a time of day when the format has one, rounded to the second', () => {
    expect(serialToText(45292.5, 'datetime', false)).toBe('2024-01-01 12:00:00');
    expect(serialToText(0.75, 'time', false)).toBe('18:00:00');
    expect(serialToText(45292.999999999, 'date', false)).toBe('2024-01-02');
  });

  it('are not dates outside what Excel can show', () => {
    expect(serialToText(-1, 'date', false)).toBeNull();
    expect(serialToText(2958466, 'date', false)).toBeNull();
    expect(serialToText(Number.NaN, 'date', false)).toBeNull();
  });
});

describe('numbers', () => {
  it('read as a General cell shows them: no exponent up to 15 digits, no float noise', () => {
    expect(numberText(123456789012345)).toBe('123456789012345');
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(4523.75, '4523.75')).toBe('4523.75');
    expect(numberText(0.30000000000000004, '0.30000000000000004')).toBe('0.3');
    expect(numberText(-1, '-1')).toBe('-1');
    expect(numberText(1.5, '1.50')).toBe('1.5');
    // An 18-digit ID number typed as a number keeps only 15 digits in the file.
    expect(numberText(4.30522199001011e17, '4.3052219900101101E+17')).toBe('430522199001011000');
    expect(numberText(1234567890123456, '1234567890123456')).toBe('1234567890123460');
    expect(numberText(1e-7)).toBe('1E-7');
  });
});

describe('escapes and references', () => {
  it('_xHHHH_ escapes round-trip, including text that looks like one', () => {
    for (const s of ['a\u0001b', '_x000D_', '_x005F_', '行一\r\n行二', 'x_x1234_y', '普通文字', '\u001f']) {
      expect(decodeEscapes(encodeEscapes(s)), JSON.stringify(s)).toBe(s);
    }
    expect(encodeEscapes('a\rb')).toBe('a_x000D_b');
    expect(decodeEscapes('_x005F_x000D_')).toBe('_x000D_');
  });

  it('column letters both ways', () => {
    for (const [ref, col] of [['A1', 0], ['Z9', 25], ['AA1', 26], ['AZ3', 51], ['XFD1048576', 16383]] as const) {
      expect(refColumn(ref)).toBe(col);
      expect(columnLetters(col)).toBe(ref.replace(/\d+/, ''));
    }
    expect(refColumn('12')).toBe(-1);
    expect(refRow('XFD1048576')).toBe(1048576);
  });
});

describe('messages', () => {
  it('every file message exists in Chinese and English with the same placeholders', () => {
    const zh = fileMessages['zh-CN'];
    const en = fileMessages.en;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    const holes = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
    for (const k of Object.keys(zh)) {
      expect(k.startsWith('file.') || k.startsWith('evidence.') || k.startsWith('preview.'), k).toBe(true);
      expect(holes(en[k]), k).toEqual(holes(zh[k]));
    }
  });
});
