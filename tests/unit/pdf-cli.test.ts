/** `pdf roster`, `pdf cards` and `pdf tile` through the CLI, in-process like tests/unit/cli.test.ts. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from './helpers/app';
import { cardVillage, IDS } from './pdf-fixture';
import { pdfInfo, pdfText } from '../support/pdf';
import { cli } from '../support/cli';

afterEach(cleanup);

describe('pdf commands', () => {
  it('pdf roster writes the list, warns about characters the font lacks, and masks with --masked', async () => {
    const t = await cardVillage();
    const file = path.join(t.dir, '花名册.pdf');
    const r = await cli('--data-dir', t.dir, 'pdf', 'roster', file, '--township', '430522100');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('2 户 7 人');
    expect(r.out).toContain('警告');
    expect(r.out).toContain('王𠮷祥（户编号 430522100201000002）：𠮷');
    expect(pdfText(file)).toContain(IDS.head);

    const pub = path.join(t.dir, '公示.pdf');
    const j = await cli('--data-dir', t.dir, 'pdf', 'roster', pub, '--masked', '--json');
    expect(j.code).toBe(0);
    const doc = JSON.parse(j.out);
    expect(doc).toMatchObject({ households: 2, persons: 7, pages: 1, missing: [{ name: '王𠮷祥', householdNumber: '430522100201000002', chars: ['𠮷'] }] });
    expect(pdfText(pub)).not.toContain(IDS.head);
  });

  it('pdf cards prints a village or one household; unknown codes are refused in plain words', async () => {
    const t = await cardVillage();
    const file = path.join(t.dir, 'cards.pdf');
    const r = await cli('--data-dir', t.dir, 'pdf', 'cards', file, '--village', '430522100201');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('2 户，共 2 页');
    expect(pdfInfo(file).pages).toBe(2);
    const one = await cli('--data-dir', t.dir, 'pdf', 'cards', file, '--household', '430522100201000001', '--json');
    expect(JSON.parse(one.out)).toMatchObject({ households: 1, pages: 1, missing: [] });
    const bad = await cli('--data-dir', t.dir, 'pdf', 'cards', file, '--village', '999');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('找不到代码为 999 的行政村');
    const usage = await cli('--data-dir', t.dir, 'pdf', 'cards', file);
    expect(usage.code).toBe(2);
  });

  it('pdf tile splits a poster; refuses a file that is not a PDF and a wrong paper', async () => {
    const t = await cardVillage();
    const poster = path.join(t.dir, 'cards.pdf');
    await cli('--data-dir', t.dir, 'pdf', 'cards', poster, '--household', '430522100201000001');
    const out = path.join(t.dir, 'tiled.pdf');
    // An A4 card on A4 sheets with 10 mm margins: two landscape sheets (1 column × 2 rows) plus the map.
    const r = await cli('--data-dir', t.dir, 'pdf', 'tile', poster, out, '--paper', 'A4', '--overlap', '12', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ paper: 'A4', overlapMm: 12, pages: 3 });
    expect(pdfInfo(out)).toMatchObject({ pages: 3, widthMm: 297, heightMm: 210 });
    const notPdf = path.join(t.dir, 'x.pdf');
    fs.writeFileSync(notPdf, 'hello');
    const bad = await cli('--data-dir', t.dir, 'pdf', 'tile', notPdf, out, '--paper', 'A4');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('不是可读的 PDF');
    expect((await cli('pdf', 'tile', poster, out, '--paper', 'B5')).code).toBe(2);
  });
});
