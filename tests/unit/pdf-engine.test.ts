import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderPdf } from '../../electron/core/pdf/engine';
import { missingChars } from '../../electron/core/pdf/fonts';
import { maskIdNumber, maskPhone } from '../../shared/rules/mask';
import { removeTempDirs, tempDir } from '../support/file-helpers';
import { pdfFonts, pdfInfo, pdfText } from '../support/pdf';

afterAll(removeTempDirs);

describe('PDF engine', () => {
  it('writes Chinese text with the bundled fonts embedded as subsets', async () => {
    const file = path.join(tempDir(), 'a.pdf');
    fs.writeFileSync(file, await renderPdf({
      pageSize: 'A4',
      content: [{ text: '长青村脱贫攻坚作战图', font: 'Serif', bold: true, fontSize: 22 }, { table: { body: [['户主', '人口'], ['陈德明', '4']] } }],
    }));
    const text = pdfText(file);
    expect(text).toContain('长青村脱贫攻坚作战图');
    expect(text).toContain('陈德明');
    expect(pdfInfo(file)).toMatchObject({ pages: 1, widthMm: 210, heightMm: 297 });
    const fonts = pdfFonts(file);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]+\+/, '')).sort()).toEqual(['NotoSansSC-Regular', 'NotoSerifSC-Bold']);
    expect(fonts.every((f) => f.embedded && f.subset)).toBe(true);
  });

  it('refuses to fetch images from the network or read files outside the font folder', async () => {
    await expect(renderPdf({ content: [{ image: 'https://example.com/a.png' }] })).rejects.toThrow();
    await expect(renderPdf({ content: [{ image: '/etc/passwd' }] })).rejects.toThrow();
  });

  it('names the characters the font cannot draw, once each', () => {
    expect(missingChars('陈德明䶮')).toEqual([]);
    expect(missingChars('王𠀀𪚥王𠀀 ')).toEqual(['𠀀', '𪚥']);
  });
});

describe('masking for printouts', () => {
  it('keeps the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('43052219800101123X')).toBe('430522********123X');
    expect(maskIdNumber('')).toBe('');
  });
  it('keeps 3 + 4 digits of a phone number', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0739-6812345')).toBe('073****2345');
    expect(maskPhone(null)).toBe('');
  });
});
