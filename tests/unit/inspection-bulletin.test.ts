/**
 * The bulletin (通报) of the sample round and the CLI over it: seed-demo writes a scored sample
 * round; `round results` ranks it; `pdf bulletin OUT --round ROUND` writes
 * the official-document PDF, whose text, page size, fonts and page numbers are checked, and whose
 * pages are rendered to PNG for looking at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, tempDir, track } from './helpers/app';
import { openApp } from '../../electron/core/app/app';
import { seedDemo } from '../../electron/core/demo/seed';
import { roundResults } from '../../electron/core/inspection';
import { SAMPLE_ROUND } from '../../electron/core/inspection/sample-round';
import { exportResultsXlsx } from '../../electron/core/inspection/results-xlsx';
import { readTable } from '../../electron/core/files/read-table';
import { pdfFonts, pdfInfo, pdfPages, pdfToPng } from '../support/pdf';
import { cli } from '../support/cli';

afterEach(cleanup);

const OUT = path.resolve(import.meta.dirname, '..', '..', 'test-output', 'inspection');

describe('sample round, results and bulletin', { timeout: 120_000 }, () => {
  it('seed-demo scores a sample round; the CLI ranks it best first and prints the bulletin', async () => {
    const dir = tempDir();
    const app = track(await openApp(dir));
    await seedDemo(app);
    const res = await roundResults(app.ctx(), (await app.db.kysely.selectFrom('insp_round').select('id').executeTakeFirstOrThrow()).id);
    expect(res.round).toMatchObject({ name: SAMPLE_ROUND, status: 'finished', targetCount: 15 + 2 + 8 + 8 });
    expect(res.rankings.map((k) => k.typeName)).toEqual(['乡镇', '工作推进组', '帮扶单位', '驻村工作队']);
    const teams = res.rankings[3].rows;
    expect(teams.some((x) => x.vetoed)).toBe(true);
    expect(teams.findIndex((x) => x.vetoed)).toBeGreaterThan(teams.filter((x) => !x.vetoed).length - 1);
    await app.close();

    const list = await cli('--data-dir', dir, 'round', 'list', '--json');
    expect(list.code).toBe(0);
    expect(JSON.parse(list.out).rounds[0]).toMatchObject({ name: SAMPLE_ROUND, doneCount: 33, targetCount: 33 });
    const ranked = await cli('--data-dir', dir, 'round', 'results', SAMPLE_ROUND, '--json');
    expect(ranked.code).toBe(0);
    const doc = JSON.parse(ranked.out);
    const towns = doc.rankings[0].rows as { rank: number; total: number }[];
    expect(towns).toHaveLength(15);
    for (let i = 1; i < towns.length; i++) expect(towns[i].total).toBeLessThanOrEqual(towns[i - 1].total);
    expect(towns[0].rank).toBe(1);
    const text = await cli('--data-dir', dir, 'round', 'results', SAMPLE_ROUND);
    expect(text.out).toContain('【乡镇】满分 100 分');
    expect(text.out).toContain('一票否决');
    expect((await cli('--data-dir', dir, 'round', 'results', '没有这一轮')).code).toBe(1);

    // The bulletin.
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'bulletin.pdf');
    expect((await cli('--data-dir', dir, 'pdf', 'bulletin', file)).err).toContain('需要 --round');
    const made = await cli('--data-dir', dir, 'pdf', 'bulletin', file, '--round', SAMPLE_ROUND, '--json');
    expect(made.code).toBe(0);
    const r = { json: JSON.parse(made.out) as { pages: number; round: string } };
    expect(r.json.round).toBe(SAMPLE_ROUND);
    const info = pdfInfo(file);
    expect([Math.round(info.widthMm), Math.round(info.heightMm)]).toEqual([210, 297]);
    const pages = pdfPages(file);
    expect(pages.length).toBe((r.json as { pages: number }).pages);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const all = pages.join('').replace(/\s+/g, '');
    expect(all).toContain(`关于${SAMPLE_ROUND}情况的通报`.replace(/\s/g, ''));
    expect(all).toContain('一、总体情况');
    expect(all).toContain('二、考核排名');
    expect(all).toContain('（四）驻村工作队');
    expect(all).toContain('名次并列');
    expect(all).toContain('主要负责人进行约谈');
    expect(all).toContain('新邵县脱贫攻坚领导小组办公室');
    for (const k of res.rankings) for (const x of k.rows) expect(all).toContain(x.name.replace(/\s/g, ''));
    const top = res.rankings[0].rows[0];
    expect(all).toContain(`排名前3位的${res.rankings[0].rows.slice(0, 3).map((x) => x.name).join('、')}`);
    expect(top.rank).toBe(1);
    pages.forEach((p, i) => expect(p.replace(/\s+/g, '')).toContain(`—${i + 1}—`));
    // Each ranking table starts on its heading's page: the heading, the header row and the first rows together.
    res.rankings.forEach((k, i) => {
      const page = pages.map((p) => p.replace(/\s+/g, '')).find((p) => p.includes(`（${['一', '二', '三', '四'][i]}）${k.typeName}`))!;
      const after = page.slice(page.indexOf(`（${['一', '二', '三', '四'][i]}）${k.typeName}`));
      expect(after).toContain('名次单位');
      for (const x of k.rows.slice(0, 3)) expect(after).toContain(x.name.replace(/\s/g, ''));
    });
    // The last section, the issuer and the date end the document together.
    expect(pages[pages.length - 1].replace(/\s+/g, '')).toMatch(/四、工作要求.*新邵县脱贫攻坚领导小组办公室\d{4}年\d+月\d+日/);
    const fonts = pdfFonts(file).map((f) => f.name);
    expect(fonts.some((f) => /NotoSerifSC/.test(f))).toBe(true);
    expect(fonts.some((f) => /NotoSansSC-Bold/.test(f))).toBe(true);
    expect(pdfFonts(file).every((f) => f.embedded)).toBe(true);
    const pngs = pdfToPng(file, OUT, { dpi: 50 });
    expect(pngs.length).toBe(pages.length);

    // Results workbook: one sheet per type and the deductions.
    const xlsx = path.join(OUT, 'results.xlsx');
    await exportResultsXlsx(res, xlsx);
    const book = await readTable(xlsx);
    try {
      expect(book.sheets.map((x) => x.name)).toEqual(['乡镇排名', '工作推进组排名', '帮扶单位排名', '驻村工作队排名', '扣分明细', '说明']);
      const rows: string[][] = [];
      for await (const row of book.rows('乡镇排名')) rows.push(row.cells.map((c) => c.text));
      expect(rows[0].slice(0, 3)).toEqual(['名次', '单位', '督查得分（满分100）']);
      expect(rows[1].slice(0, 3)).toEqual(['1', top.name, String(top.total / 10)]);
      expect(rows).toHaveLength(16);
    } finally {
      await book.close();
    }
  });
});
