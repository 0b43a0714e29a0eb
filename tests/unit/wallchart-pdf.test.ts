/** The wall-chart PDFs: text layer (names, masking, footers, continuation titles), sheet counts, speed, PNGs to look at. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, xinshaoApp } from './helpers/app';
import { seedVillage } from './wallchart-fixture';
import { pdfFonts, pdfInfo, pdfPages, pdfText, pdfToPng } from '../support/pdf';
import { findTemplate } from '../../electron/core/wallchart/template-service';
import { renderTemplate } from '../../electron/core/wallchart/render';
import type { TemplateBody } from '../../shared/domain/wallchart';
import { paginate } from '../../electron/core/wallchart/village-pdf';
import type { ChartHousehold } from '../../electron/core/wallchart/chart-data';
import { groupNumber } from '../../shared/roster/group-order';

afterEach(cleanup);

const OUT = path.resolve('test-output', 'wallchart');

async function village(households: number, extra: { rareName?: boolean } = {}) {
  const t = await xinshaoApp({ now: () => new Date('2017-04-30T08:00:00Z') });
  const f = await seedVillage(t.app, t.call as never, { households, townshipId: t.byCode('430522100').id, ...extra });
  return { ...t, f };
}

async function render(t: Awaited<ReturnType<typeof village>>, key: string, file: string, scope: Parameters<typeof renderTemplate>[2], patch: (b: TemplateBody) => TemplateBody = (b) => b) {
  const tpl = (await findTemplate(t.app.ctx(), key))!;
  const r = await renderTemplate(t.app.ctx(), patch(tpl.body), scope);
  fs.mkdirSync(OUT, { recursive: true });
  const out = path.join(OUT, file);
  fs.writeFileSync(out, r.pdf);
  return { ...r, out };
}

describe('village wall chart', () => {
  it('prints 40 households on one A1 sheet with names, masked phones, no ID numbers, bundled fonts', async () => {
    const t = await village(40);
    const r = await render(t, 'village-chart', 'village-40-A1.pdf', { villageId: t.f.villageId });
    expect(r.sheets).toBe(1);
    expect(pdfInfo(r.out)).toEqual({ pages: 1, widthMm: 841, heightMm: 594 });
    const text = pdfText(r.out);
    for (const h of t.f.heads) expect(text).toContain(h);
    expect(text).toContain('新邵县酿溪镇长青村脱贫攻坚作战图');
    expect(text).toContain('第 1 张 / 共 1 张');
    expect(text).not.toContain(t.f.headId);
    expect(text).not.toContain(t.f.headId.slice(-8));
    expect(text).not.toContain(t.f.headPhone);
    expect(pdfFonts(r.out).every((f) => f.embedded && f.subset)).toBe(true);
    pdfToPng(r.out, path.join(OUT, 'png'), { dpi: 30 });
  });

  it('takes 1 + 3 A1 sheets for 300 households, continuation titles and 第 n 张 / 共 N 张 on each', async () => {
    const t = await village(300);
    const started = performance.now();
    const r = await render(t, 'village-chart', 'village-300-A1.pdf', { villageId: t.f.villageId });
    const ms = performance.now() - started;
    expect(r.sheets).toBe(4);
    const pages = pdfPages(r.out);
    expect(pages).toHaveLength(4);
    pages.forEach((p, i) => expect(p).toContain(`第 ${i + 1} 张 / 共 4 张`));
    for (const p of pages.slice(1)) expect(p).toContain('挂图作战表（续）');
    expect(pages[0]).not.toContain('（续）');
    const all = pages.join('\n');
    for (const h of t.f.heads) expect(all).toContain(h);
    pdfToPng(r.out, path.join(OUT, 'png'), { dpi: 20 });
    console.log(`village 300 A1: ${Math.round(ms)} ms`);
  });

  it('scales down to A3 and keeps the content; a custom column set changes the table', async () => {
    const t = await village(40);
    const r = await render(t, 'village-chart', 'village-40-A3.pdf', { villageId: t.f.villageId }, (b) => ({
      ...b,
      paper: { ...b.paper, size: 'A3' },
      columns: ['seq', 'head', 'size', 'phone', 'status'],
    }));
    expect(pdfInfo(r.out)).toMatchObject({ pages: 1, widthMm: 420, heightMm: 297 });
    const text = pdfText(r.out);
    expect(text).toContain('联系电话');
    expect(text).toContain(`${t.f.headPhone.slice(0, 3)}****${t.f.headPhone.slice(-4)}`);
    expect(text).not.toContain(t.f.headPhone);
    expect(text).not.toContain('主要帮扶措施');
    pdfToPng(r.out, path.join(OUT, 'png'), { dpi: 40 });
  });

  it('prints a masked ID column when asked, health only when not hidden, and never the full number', async () => {
    const t = await village(12);
    const r = await render(t, 'village-chart', 'village-id-column.pdf', { villageCode: t.f.villageCode }, (b) => ({
      ...b,
      columns: ['seq', 'head', 'idNumber', 'health', 'status'],
      masking: { idNumbers: true, phones: true, hideHealth: false },
    }));
    const text = pdfText(r.out);
    expect(text).toContain(`${t.f.headId.slice(0, 6)}********${t.f.headId.slice(-4)}`);
    expect(text).not.toContain(t.f.headId);
    expect(text).toContain('长期慢性病');
    const hidden = await render(t, 'village-chart', 'village-health-hidden.pdf', { villageCode: t.f.villageCode }, (b) => ({ ...b, columns: ['seq', 'head', 'health', 'status'] }));
    expect(pdfText(hidden.out)).not.toContain('长期慢性病');
  });

  it('reports characters the font cannot draw with the name and household, and refuses an unknown village', async () => {
    const t = await village(6, { rareName: true });
    const r = await render(t, 'village-chart', 'village-rare.pdf', { villageId: t.f.villageId });
    const rare = r.missing.filter((m) => m.household !== '');
    // 𠮷 (U+20BB7) is outside Noto Sans SC's coverage.
    expect(rare).toEqual([{ char: '𠮷', name: '𠮷德明', household: '430522100201000003' }]);
    const tpl = (await findTemplate(t.app.ctx(), 'village-chart'))!;
    await expect(renderTemplate(t.app.ctx(), tpl.body, { villageCode: '430522100299' })).rejects.toThrow('找不到代码为 430522100299 的行政村');
  });
});

describe('pairing register, township board, county overview', () => {
  it('lists every paired household under its cadre', async () => {
    const t = await village(40);
    const r = await render(t, 'village-pairing', 'pairing-40-A1.pdf', { villageId: t.f.villageId });
    const text = pdfText(r.out);
    expect(text).toContain('一对一结对帮扶名册');
    for (const h of t.f.heads) expect(text).toContain(h);
    expect(text).toContain('按帮扶责任人排列');
    pdfToPng(r.out, path.join(OUT, 'png'), { dpi: 30 });
  });

  it('shows each village of the township with its households, and each township in the county overview', async () => {
    const t = await village(40);
    await seedVillage(t.app, t.call as never, { households: 25, code: '430522100202', name: '枫林村', townshipId: t.byCode('430522100').id, cadres: 4 });
    await seedVillage(t.app, t.call as never, { households: 15, code: '430522101201', name: '石桥村', townshipId: t.byCode('430522101').id, cadres: 3 });
    const board = await render(t, 'township-board', 'township-board-A1.pdf', { townshipCode: '430522100' });
    const text = pdfText(board.out);
    expect(text).toContain('新邵县酿溪镇脱贫攻坚进度图');
    expect(text).toContain('长青村');
    expect(text).toContain('枫林村');
    expect(text).not.toContain('石桥村');
    expect(text).toMatch(/65\s*户/);
    pdfToPng(board.out, path.join(OUT, 'png'), { dpi: 30 });
    const county = await render(t, 'county-overview', 'county-overview-A1.pdf', {});
    const ctext = pdfText(county.out);
    expect(ctext).toContain('酿溪镇');
    expect(ctext).toContain('严塘镇');
    expect(ctext).toContain('迎光乡');
    pdfToPng(county.out, path.join(OUT, 'png'), { dpi: 30 });
  });
});

describe('blocks and groups', () => {
  const rows = (sizes: number[]) =>
    sizes.flatMap((n, g) => Array.from({ length: n }, (_, i) => ({ seq: 0, group: `${g + 1}组`, head: `户${g}-${i}` }) as unknown as ChartHousehold));

  it('never starts a 组 in the last 5 rows of a block, and fills blocks otherwise', () => {
    const blocks = paginate(rows([30, 12, 20]), () => 40, (h) => h.group);
    // 2组 would start at row 31 of 40: fine; 3组 would start at row 43 → block 2 row 3: fine.
    expect(blocks.map((b) => b.rows.length)).toEqual([40, 22]);
    const moved = paginate(rows([36, 10]), () => 40, (h) => h.group);
    // 2组 would start at row 37 (in the last 5): it moves to the next block.
    expect(moved.map((b) => b.rows.length)).toEqual([36, 10]);
    expect(moved[1].rows[0].group).toBe('2组');
    // A 组 longer than a block continues into the next one.
    expect(paginate(rows([90]), (k) => (k === 0 ? 40 : 52), (h) => h.group).map((b) => b.rows.length)).toEqual([40, 50]);
  });

  it('orders 组 by their number, Chinese or Arabic', () => {
    const names = ['十二组', '三组', '1组', '二组', '10组', '十组', '新村组'];
    expect([...names].sort((a, b) => groupNumber(a) - groupNumber(b))).toEqual(['1组', '二组', '三组', '10组', '十组', '十二组', '新村组']);
  });
});
