/**
 * PDF figures (issue: wall charts and PDFs): the streamed roster PDF of ≈10,000 persons and of
 * the whole synthetic county (≈95,000 persons), each beside same-run references (reading the
 * same rows only, and a bare pdfkit loop writing the same cells with no layout logic), and the
 * household cards of one 300-household village. Each step runs in its own process (this file
 * run as `tsx tests/bench/figures/pdf.ts <step> <json>`), so peak RSS is the step's own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Bench, Figure } from '../harness';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const self = fileURLToPath(import.meta.url);

function step(name: string, args: Record<string, unknown>): Record<string, number> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', self, name, JSON.stringify(args)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

type Step = (a: Record<string, unknown>) => Promise<Record<string, unknown>>;

const steps: Record<string, Step> = {
  /** A data folder with the synthetic county imported (not measured). */
  async county({ dataDir, households, villagesPerTownship }) {
    const { openApp } = await import('../../../electron/core/app/app');
    const { setup } = await import('../../../electron/core/settings/service');
    const { DEFAULT_COUNTY } = await import('../../../shared/domain/org');
    const { commitImport, previewImport } = await import('../../../electron/core/roster/import-service');
    const { writeCountyXlsx } = await import('../../support/roster-xlsx');
    const dir = String(dataDir);
    const app = await openApp(dir);
    await setup(app.ctx(), { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: 'bench', townships: DEFAULT_COUNTY.townships });
    await app.refresh();
    const xlsx = path.join(dir, 'county.xlsx');
    await writeCountyXlsx(xlsx, { households: Number(households), villagesPerTownship: Number(villagesPerTownship) });
    const r = await commitImport(app.ctx(), (await previewImport(app.ctx(), xlsx)).token);
    fs.rmSync(xlsx);
    await app.close();
    return { persons: r.personsWritten };
  },
  /** The roster PDF as the app writes it. */
  async roster({ dataDir, out }) {
    const { openApp } = await import('../../../electron/core/app/app');
    const { writeRosterPdf } = await import('../../../electron/core/pdf/roster-pdf');
    const app = await openApp(String(dataDir));
    const t0 = performance.now();
    const r = await writeRosterPdf(app.ctx(), String(out), {});
    const ms = performance.now() - t0;
    await app.close();
    return { stepMs: ms, pages: r.pages, persons: r.persons, mb: fs.statSync(String(out)).size / 1e6 };
  },
  /** Reference 1: reading the same rows in the same batches, nothing written. */
  async read({ dataDir }) {
    const { openApp } = await import('../../../electron/core/app/app');
    const repo = await import('../../../electron/core/pdf/roster-repo');
    const app = await openApp(String(dataDir));
    const t0 = performance.now();
    const ids = await repo.rosterPdfIds(app.db.kysely, {});
    let persons = 0;
    for (const s of await repo.shapes(app.db, ids)) persons += s.persons;
    for await (const h of repo.households(app.db, ids)) persons += h.members.length;
    const ms = performance.now() - t0;
    await app.close();
    return { stepMs: ms, persons };
  },
  /** Reference 2: a bare pdfkit loop: the same rows and cells, 30 rows a page, no measuring, masking or headings. */
  async bare({ dataDir, out }) {
    const { openApp } = await import('../../../electron/core/app/app');
    const repo = await import('../../../electron/core/pdf/roster-repo');
    const { registerFonts } = await import('../../../electron/core/pdf/pdfkit-fonts');
    const { default: PDFDocument } = await import('pdfkit');
    const { once } = await import('node:events').then((m) => m.default);
    const app = await openApp(String(dataDir));
    const t0 = performance.now();
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: 0, autoFirstPage: false });
    registerFonts(doc);
    const stream = fs.createWriteStream(String(out));
    doc.pipe(stream);
    doc.font('Sans').fontSize(7.5);
    let row = 30;
    let pages = 0;
    const ids = await repo.rosterPdfIds(app.db.kysely, {});
    for await (const h of repo.households(app.db, ids)) {
      for (const p of h.members) {
        if (row === 30) {
          doc.addPage();
          pages++;
          row = 0;
        }
        const y = 80 + row * 14;
        const cells = [h.township_name, h.village_name, h.group_name, h.number, h.head_name, p.relation, p.name, p.gender, p.id_number, String(h.size), h.attribute, h.main_cause, h.status, String(h.planned_exit_year ?? ''), p.phone];
        cells.forEach((c, i) => c && doc.text(c, 30 + i * 52, y, { lineBreak: false }));
        row++;
      }
    }
    doc.end();
    await once(stream, 'finish');
    const ms = performance.now() - t0;
    await app.close();
    return { stepMs: ms, pages };
  },
  /** Household cards of the first village (pdfmake). */
  async cards({ dataDir, out }) {
    const { openApp } = await import('../../../electron/core/app/app');
    const { writeCards } = await import('../../../electron/core/pdf/cards');
    const app = await openApp(String(dataDir));
    const v = app.db.raw.prepare('SELECT village_id FROM household GROUP BY village_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
    const t0 = performance.now();
    const r = await writeCards(app.ctx(), String(out), { villageId: v });
    const ms = performance.now() - t0;
    await app.close();
    return { stepMs: ms, pages: r.pages };
  },
};

export const pdfBench: Bench = {
  name: 'pdf roster and household cards',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-bench-pdf-'));
    try {
      const small = path.join(dir, 'd10k');
      const big = path.join(dir, 'd95k');
      process.stderr.write('  importing ≈10,000 and ≈95,000 persons …\n');
      // 3,150 households ≈ 10,300 persons, one village of 210 households per township;
      // 30,000 households ≈ 95,000 persons in 300 villages; 4,500 households: villages of 300.
      step('county', { dataDir: small, households: 3150, villagesPerTownship: 1 });
      step('county', { dataDir: big, households: 30_000, villagesPerTownship: 20 });
      const villages = path.join(dir, 'd300');
      step('county', { dataDir: villages, households: 4500, villagesPerTownship: 1 });
      const figures: Figure[] = [];
      for (const [label, d, target, rssTarget] of [
        ['≈10k', small, 3000, undefined],
        ['county ≈95k', big, 20_000, 500],
      ] as const) {
        const pdf = step('roster', { dataDir: d, out: path.join(dir, 'r.pdf') });
        const read = step('read', { dataDir: d });
        const bare = step('bare', { dataDir: d, out: path.join(dir, 'b.pdf') });
        figures.push(
          {
            name: `roster PDF, ${label}: ${pdf.persons} persons, ${pdf.pages} pages (wall)`,
            value: pdf.stepMs,
            unit: 'ms',
            reference: { name: 'bare pdfkit loop, same cells', value: bare.stepMs },
            target,
            note: `reading the rows only ${Math.round(read.stepMs)} ms; ${pdf.mb.toFixed(1)} MB file; process incl. startup ${Math.round(pdf.ms)} ms`,
          },
          { name: `roster PDF, ${label}: peak RSS`, value: pdf.peakRssMb, unit: 'MB', reference: { name: 'reading the rows only', value: read.peakRssMb }, ...(rssTarget ? { target: rssTarget } : {}) },
        );
      }
      const cards = step('cards', { dataDir: villages, out: path.join(dir, 'c.pdf') });
      figures.push(
        { name: `household cards, one village: ${cards.pages} pages (pdfmake)`, value: cards.stepMs, unit: 'ms', note: `${(cards.stepMs / cards.pages).toFixed(0)} ms a card` },
        { name: 'household cards, one village: peak RSS', value: cards.peakRssMb, unit: 'MB' },
      );
      return figures;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

// Run as a child: `node --import tsx tests/bench/figures/pdf.ts <step> <json>` prints one JSON line.
if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const [name, json] = process.argv.slice(2);
  const t0 = performance.now();
  const result = await steps[name](JSON.parse(json ?? '{}'));
  console.log(JSON.stringify({ ms: performance.now() - t0, peakRssMb: process.resourceUsage().maxRSS / 1024, ...result }));
}
