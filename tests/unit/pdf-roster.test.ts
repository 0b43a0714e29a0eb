/** The roster PDF (pdfkit, streamed): text, header and footer on every page, totals, masking, filters, page count. */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../electron/core/app/app';
import { setup } from '../../electron/core/settings/service';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { writeRosterPdf } from '../../electron/core/pdf/roster-pdf';
import { countPages, Pager } from '../../electron/core/pdf/roster-layout';
import { TextMeasure } from '../../electron/core/pdf/text-fit';
import { DEFAULT_COUNTY } from '../../shared/domain/org';
import { writeCountyXlsx } from '../support/roster-xlsx';
import { pdfFonts, pdfInfo, pdfPages, pdfToPng } from '../support/pdf';
import { cleanup, tempDir } from './helpers/app';
import { cardVillage } from './pdf-fixture';

let dir: string;
let app: App;

beforeAll(async () => {
  dir = tempDir();
  app = await openApp(path.join(dir, 'data'), { now: () => new Date('2017-06-01T08:00:00+08:00') });
  await setup(app.ctx(), { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: '测试', townships: DEFAULT_COUNTY.townships });
  await app.refresh();
  const xlsx = path.join(dir, 'county.xlsx');
  await writeCountyXlsx(xlsx, { households: 450, villagesPerTownship: 2 });
  const p = await previewImport(app.ctx(), xlsx);
  await commitImport(app.ctx(), p.token);
}, 120_000);

afterAll(async () => {
  await app.close();
  await cleanup();
});

const persons = () => app.db.raw.prepare('SELECT p.name, p.id_number, p.phone, h.number FROM person p JOIN household h ON h.id = p.household_id').all() as { name: string; id_number: string; number: string }[];
const villageTotals = (townshipId?: string) =>
  app.db.raw
    .prepare(
      `SELECT v.name, count(DISTINCT h.id) AS households, count(p.id) AS persons FROM household h JOIN village v ON v.id = h.village_id LEFT JOIN person p ON p.household_id = h.id ${townshipId ? 'WHERE v.township_id = ?' : ''} GROUP BY v.id`,
    )
    .all(...(townshipId ? [townshipId] : [])) as { name: string; households: number; persons: number }[];

describe('roster PDF', () => {
  it('lists every person with the header and 第 N 页 共 M 页 on every page and a total per village', async () => {
    const file = path.join(dir, 'roster.pdf');
    const progress: number[] = [];
    const r = await writeRosterPdf(app.ctx(), file, { onProgress: (d) => progress.push(d) });
    const info = pdfInfo(file);
    expect(info).toMatchObject({ widthMm: 297, heightMm: 210, pages: r.pages });
    expect(r.households).toBe(450);
    const all = persons();
    expect(r.persons).toBe(all.length);
    const pages = pdfPages(file);
    expect(pages).toHaveLength(r.pages);
    expect(r.pages).toBeGreaterThan(10);
    pages.forEach((text, i) => {
      expect(text).toContain('新邵县建档立卡贫困人口花名册');
      expect(text).toContain('数据截至 2017-06-01');
      for (const h of ['序号', '户编号', '与户主', '证件号码', '主要致贫', '计划脱贫', '联系电话']) expect(text).toContain(h);
      expect(text).toContain(`第 ${i + 1} 页 共 ${r.pages} 页`);
    });
    const text = pages.join('\n');
    for (const p of all) expect(text).toContain(p.id_number);
    for (const p of all.filter((_, i) => i % 7 === 0)) expect(text).toContain(p.name);
    const totals = villageTotals();
    expect(r.villages).toBe(totals.length);
    for (const v of totals) expect(text).toContain(`${v.name} 小计：${v.households} 户 ${v.persons} 人`);
    expect(pages.at(-1)).toContain(`合计：${totals.length} 个村 450 户 ${all.length} 人`);
    // A village that runs over a page repeats its heading at the top of the next one.
    const continued = pages.filter((p) => /（续）/.test(p));
    expect(continued.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(450);
    expect(pdfFonts(file).every((f) => f.embedded && f.subset)).toBe(true);
    pdfToPng(file, 'test-output/pdf', { dpi: 50, first: 1, last: 1 });
    pdfToPng(file, 'test-output/pdf', { dpi: 50, first: r.pages, last: r.pages });
  }, 60_000);

  it('masks ID numbers and phones in the public version, and filters by township', async () => {
    const t = app.db.raw.prepare("SELECT id FROM township WHERE code = '430522101'").get() as { id: string };
    const file = path.join(dir, 'public.pdf');
    const r = await writeRosterPdf(app.ctx(), file, { masked: true, filter: { townshipId: t.id } });
    const text = pdfPages(file).join('\n');
    const mine = app.db.raw
      .prepare('SELECT p.id_number, h.phone FROM person p JOIN household h ON h.id = p.household_id JOIN village v ON v.id = h.village_id WHERE v.township_id = ?')
      .all(t.id) as { id_number: string; phone: string }[];
    expect(r.persons).toBe(mine.length);
    for (const p of mine) {
      expect(text).not.toContain(p.id_number);
      expect(text).toContain(`${p.id_number.slice(0, 6)}********${p.id_number.slice(-4)}`);
      if (p.phone) expect(text).not.toContain(p.phone);
    }
    expect(text).toContain('公示版');
    expect(text).toContain('范围：严塘镇');
    expect(text).not.toContain('酿溪镇');
    for (const v of villageTotals(t.id)) expect(text).toContain(`${v.name} 小计：${v.households} 户 ${v.persons} 人`);
  }, 60_000);

  it('prints the public notice on every page of the public version: notice period, issuer and complaint phone in full', async () => {
    const { saveDocSettings } = await import('../../electron/core/settings/documents');
    await saveDocSettings(app.ctx(), { issuer: '新邵县脱贫攻坚领导小组办公室', complaintPhone: '0739-3621234' });
    const t = app.db.raw.prepare('SELECT id FROM township ORDER BY code LIMIT 1').get() as { id: string };
    // By default the notice runs from today (2017-06-01) for 7 days.
    const file = path.join(dir, 'notice.pdf');
    const r = await writeRosterPdf(app.ctx(), file, { masked: true, filter: { townshipId: t.id } });
    const pages = pdfPages(file);
    expect(pages).toHaveLength(r.pages);
    const line = '公示期：2017年6月1日至2017年6月7日。如有异议，请在公示期内向新邵县脱贫攻坚领导小组办公室反映。监督电话：0739-3621234';
    for (const p of pages) expect(p.replace(/\s+/g, '')).toContain(line);
    // The notice sits under the table, above the footer, inside the sheet: no row runs into it.
    const bbox = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    const words = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({ top: Number(m[1]), bottom: Number(m[2]), text: m[3] }));
    const n = words.find((w) => w.text.startsWith('公示期'))!;
    const foot = words.find((w) => w.text === '第')!;
    expect(n.bottom).toBeLessThan(foot.top);
    const rows = words.filter((w) => w.top < n.top && w.text !== '第');
    expect(Math.max(...rows.map((w) => w.bottom))).toBeLessThanOrEqual(n.top);
    // A chosen period; one that ends before it starts is refused.
    const chosen = path.join(dir, 'notice2.pdf');
    await writeRosterPdf(app.ctx(), chosen, { masked: true, filter: { townshipId: t.id }, notice: { from: '2026-12-03', to: '2026-12-09' } });
    expect(pdfPages(chosen)[0].replace(/\s+/g, '')).toContain('公示期：2026年12月3日至2026年12月9日。');
    await expect(writeRosterPdf(app.ctx(), chosen, { masked: true, notice: { from: '2026-12-09', to: '2026-12-03' } })).rejects.toMatchObject({ info: { key: 'pdf.notice.order' } });
    // The internal list carries no notice.
    const internal = path.join(dir, 'internal.pdf');
    await writeRosterPdf(app.ctx(), internal, { filter: { townshipId: t.id } });
    expect(pdfPages(internal).join('')).not.toContain('公示期');
    const shots = path.resolve('test-output/roster-notice');
    fs.mkdirSync(shots, { recursive: true });
    expect(pdfToPng(file, shots, { dpi: 40, first: 1, last: 1 })).toHaveLength(1);
  });

  it('refuses a filter that selects no household, writing nothing', async () => {
    const file = path.join(dir, 'empty.pdf');
    await expect(writeRosterPdf(app.ctx(), file, { filter: { text: '没有这个人' } })).rejects.toThrow('所选范围内没有贫困户');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('stops on cancel and leaves no file', async () => {
    const file = path.join(dir, 'cancelled.pdf');
    const ac = new AbortController();
    const run = writeRosterPdf(app.ctx(), file, { signal: ac.signal, onProgress: () => ac.abort() });
    await expect(run).rejects.toThrow();
    expect(fs.existsSync(file)).toBe(false);
    expect(fs.existsSync(`${file}.part`)).toBe(false);
  });
});

describe('roster PDF: characters the font lacks', () => {
  it('reports them by name and household and prints the missing-character mark', async () => {
    const t = await cardVillage();
    const file = path.join(t.dir, 'rare.pdf');
    const r = await writeRosterPdf(t.app.ctx(), file);
    expect(r.missing).toEqual([{ name: '王𠮷祥', householdNumber: '430522100201000002', chars: ['𠮷'] }]);
    expect(pdfPages(file).join('')).toContain('王〓祥');
  });
});

describe('roster layout', () => {
  it('never ends a page with a village heading, repeats it on continuation pages, and counts pages like the drawing pass', () => {
    const rows = 10;
    const placed: { page: number; row: number; kind: string }[] = [];
    const pager = new Pager(rows, { continued: (row) => placed.push({ page: pager.pages, row, kind: 'cont' }) });
    const shapes = [
      { villageId: 'a', persons: 7 },
      { villageId: 'b', persons: 1 },
      { villageId: 'b', persons: 12 },
      { villageId: 'c', persons: 3 },
    ];
    let v = '';
    for (const s of shapes) {
      if (s.villageId !== v) {
        if (v) placed.push({ page: pager.pages, row: pager.line(), kind: 'total' });
        const row = pager.heading();
        placed.push({ page: pager.pages, row, kind: 'heading' });
        v = s.villageId;
      }
      for (let i = 0; i < s.persons; i++) {
        const row = pager.line();
        placed.push({ page: pager.pages, row, kind: 'person' });
      }
    }
    placed.push({ page: pager.pages, row: pager.line(), kind: 'total' });
    pager.last();
    for (const p of placed) expect(p.row).toBeLessThan(rows);
    for (const p of placed.filter((x) => x.kind === 'heading')) expect(p.row).toBeLessThan(rows - 1);
    // Village b (13 persons) spills onto a new page, whose first row repeats its heading.
    expect(placed.filter((x) => x.kind === 'cont').every((x) => x.row === 0)).toBe(true);
    expect(placed.some((x) => x.kind === 'cont')).toBe(true);
    expect(countPages(shapes, rows)).toBe(pager.pages);
  });

  it('fits long text into its cell: smaller, then clipped with an ellipsis, never wider', () => {
    const m = new TextMeasure();
    const max = 40;
    expect(m.fit('因病', 7.5, 6, max)).toEqual({ text: '因病', size: 7.5 });
    const long = m.fit('自身发展动力不足且交通条件落后', 7.5, 6, max);
    expect(long.size).toBe(6);
    expect(long.text.endsWith('…')).toBe(true);
    expect(m.width(long.text, long.size)).toBeLessThanOrEqual(max);
  });
});
