/** Charts checked from the PDF's word boxes (tests/support/pdf-boxes.ts), at sheets other than A1. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, xinshaoApp } from './helpers/app';
import { seedVillage } from './wallchart-fixture';
import { pdfToPng } from '../support/pdf';
import { pdfBoxes, wordsNearEdge } from '../support/pdf-boxes';
import { findTemplate } from '../../electron/core/wallchart/template-service';
import { renderTemplate } from '../../electron/core/wallchart/render';
import type { TemplateBody } from '../../shared/domain/wallchart';
import { topWithOther } from '../../electron/core/wallchart/panels';

afterEach(cleanup);

const OUT = path.resolve('test-output', 'wallchart-sheets');

describe('every sheet keeps its text 5 mm or more from the edge, where office printers still print', () => {
  for (const [size, orientation] of [['A4', 'landscape'], ['A4', 'portrait'], ['A3', 'landscape'], ['A1', 'landscape']] as const) {
    it(`village chart of 40 households on ${size} ${orientation}`, async () => {
      const t = await xinshaoApp({ now: () => new Date('2017-04-30T08:00:00Z') });
      const f = await seedVillage(t.app, t.call as never, { households: 40, townshipId: t.byCode('430522100').id });
      const tpl = (await findTemplate(t.app.ctx(), 'village-chart'))!;
      const body: TemplateBody = { ...tpl.body, paper: { ...tpl.body.paper, size, orientation } };
      const r = await renderTemplate(t.app.ctx(), body, { villageId: f.villageId });
      fs.mkdirSync(OUT, { recursive: true });
      const file = path.join(OUT, `village-40-${size}-${orientation}.pdf`);
      fs.writeFileSync(file, r.pdf);
      pdfToPng(file, path.join(OUT, 'png'), { dpi: 20 });
      const pages = pdfBoxes(file);
      expect(pages.length).toBeGreaterThan(0);
      for (const p of pages) {
        expect(p.words.length).toBeGreaterThan(0);
        expect(wordsNearEdge(p, 5).map((w) => `${w.text}@${w.xMin.toFixed(1)},${w.yMin.toFixed(1)}`)).toEqual([]);
      }
    });
  }
});

describe('the village chart footer', () => {
  it("prints the work team's duty phone in full, so villagers can call it, while household phones stay masked", async () => {
    const t = await xinshaoApp({ now: () => new Date('2017-04-30T08:00:00Z') });
    const f = await seedVillage(t.app, t.call as never, { households: 12, townshipId: t.byCode('430522100').id });
    const tpl = (await findTemplate(t.app.ctx(), 'village-chart'))!;
    const r = await renderTemplate(t.app.ctx(), tpl.body, { villageId: f.villageId });
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, 'village-12-footer.pdf');
    fs.writeFileSync(file, r.pdf);
    const words = pdfBoxes(file)[0].words.map((w) => w.text);
    expect(words).toContain('13973911000');
    expect(words).not.toContain(f.headPhone);
  });
});

describe('count panels', () => {
  it('end with 其他 summing what does not fit, so the rows add up to the whole village', () => {
    const list = Array.from({ length: 12 }, (_, k) => ({ label: `因${k}`, households: 100 - k, persons: 300 - k }));
    const rows = topWithOther(list, 10);
    expect(rows).toHaveLength(10);
    expect(rows[9]).toEqual({ label: '其他', households: 91 + 90 + 89, persons: 291 + 290 + 289 });
    expect(rows.reduce((a, c) => a + c.households, 0)).toBe(list.reduce((a, c) => a + c.households, 0));
    expect(topWithOther(list.slice(0, 4), 10)).toHaveLength(4);
  });
});
