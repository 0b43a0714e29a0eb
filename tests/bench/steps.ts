/** The measured steps of the roster bench, each run in its own process by child.ts. */
import path from 'node:path';
import { openApp } from '../../electron/core/app/app';
import { setup } from '../../electron/core/settings/service';
import { DEFAULT_COUNTY } from '../../shared/domain/org';
import { readTable } from '../../electron/core/files/read-table';
import fs from 'node:fs';
import { commitImport, previewImport, screenPreview } from '../../electron/core/roster/import-service';
import { searchRoster, queryRoster } from '../../electron/core/roster/roster-service';
import { runChecks } from '../../electron/core/roster/quality';
import { writeCountyXlsx } from '../support/roster-xlsx';
import { realisticExport } from '../support/realistic-export';
import { writeXlsx } from '../../electron/core/files/xlsx-write';

function dropAuditTriggers(raw: import('better-sqlite3').Database) {
  const names = raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'audit\\_%' ESCAPE '\\' AND name NOT LIKE 'audit\\_log\\_%' ESCAPE '\\'").pluck().all() as string[];
  for (const n of names) raw.exec(`DROP TRIGGER "${n}"`);
}

type Step = (args: Record<string, unknown>) => Promise<Record<string, unknown>>;

async function ready(dataDir: string) {
  const app = await openApp(dataDir);
  if (!(await app.status()).ready) {
    await setup(app.ctx(), { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: 'bench', townships: DEFAULT_COUNTY.townships });
    await app.refresh();
  }
  return app;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export const steps: Record<string, Step> = {
  /** Writes the synthetic county workbook (not measured against a target). */
  async generate({ file, households }) {
    await writeCountyXlsx(String(file), { households: Number(households) });
    return {};
  },
  /**
   * Writes the realistic national export (tests/support/realistic-export.ts: household fields on
   * the head's row only, 已脱贫, 五保户, 「3,200元」, other header spellings, a 备注 column).
   */
  async generateRealistic({ file, households, seed }) {
    const x = realisticExport({ households: Number(households), seed: seed === undefined ? undefined : Number(seed) });
    await writeXlsx(String(file), [{ name: '贫困人口花名册', columns: x.headers.map((h) => ({ header: h })), rows: x.rows }], { sharedStrings: false });
    return { fileBytes: fs.statSync(String(file)).size, rows: x.rows.length, ...x.expected };
  },
  /**
   * The preview as the screen gets it: screenPreview() is what the 'roster.import.preview' IPC
   * call returns, so its JSON is the report's size on the wire. Preview only (no commit), so the
   * step's peak RSS is the preview's.
   */
  async previewReport({ file, dataDir }) {
    const app = await ready(String(dataDir));
    const preview = await previewImport(app.ctx(), String(file));
    const screen = screenPreview(preview);
    const reportBytes = Buffer.byteLength(JSON.stringify(screen));
    const shownRows = screen.groups.reduce((n, g) => n + g.rows.length, 0);
    await app.close();
    return {
      reportBytes,
      findings: screen.findings,
      groups: screen.groups.length,
      shownRows,
      errorRows: screen.errorRows,
      warningRows: screen.warningRows,
      mappedValues: screen.mapped.length,
      rejected: screen.households.rejected,
    };
  },
  /** The reference: a bare streaming parse of the same file, touching every cell. */
  async parse({ file }) {
    const table = await readTable(String(file));
    let rows = 0;
    let chars = 0;
    for await (const r of table.rows()) {
      rows++;
      for (const c of r.cells) chars += c.text.length;
    }
    await table.close();
    return { rows, chars };
  },
  /** Preview (read, validate, compare) and commit in one transaction, as the app does. */
  async import({ file, dataDir, noAudit }) {
    const app = await ready(String(dataDir));
    // The reference for the audit log's cost: the same import with its triggers dropped.
    if (noAudit) dropAuditTriggers(app.db.raw);
    const ctx = app.ctx();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const preview = await previewImport(ctx, String(file));
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    const r = await commitImport(ctx, preview.token);
    const t2 = performance.now();
    const cpu2 = process.cpuUsage();
    const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => ({ user: Math.round((b.user - a.user) / 1000), sys: Math.round((b.system - a.system) / 1000) });
    await app.close(); // waits for the background WAL checkpoint the commit started
    const t3 = performance.now();
    return { previewMs: t1 - t0, commitMs: t2 - t1, closeMs: t3 - t2, previewCpu: cpuMs(cpu0, cpu1), commitCpu: cpuMs(cpu1, cpu2), households: r.householdsWritten, persons: r.personsWritten, rejected: preview.plan.householdCounts.rejected };
  },
  /** Search by name prefix and by the last 6 ID digits, and the roster's first page. */
  async search({ dataDir }) {
    const app = await openApp(String(dataDir));
    const ctx = app.ctx();
    const sample = app.db.raw.prepare('SELECT name, id_number FROM person WHERE rowid % 997 = 0 LIMIT 200').all() as { name: string; id_number: string }[];
    const times: number[] = [];
    let hits = 0;
    for (const s of sample) {
      for (const text of [s.name, s.id_number.slice(-6), s.name.slice(0, 1) + s.name.slice(1, 2)]) {
        const t0 = performance.now();
        hits += (await searchRoster(ctx, text, 50)).length;
        times.push(performance.now() - t0);
      }
    }
    const page: number[] = [];
    const townships = app.db.raw.prepare('SELECT id FROM township').pluck().all() as string[];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await queryRoster(ctx, { offset: (i * 997) % 20000, limit: 200, townshipId: i % 2 ? townships[i % townships.length] : undefined });
      page.push(performance.now() - t0);
    }
    const persons = app.db.raw.prepare('SELECT count(*) FROM person').pluck().get();
    await app.close();
    return {
      searches: times.length,
      hits,
      searchP95Ms: percentile(times, 95),
      searchMedianMs: percentile(times, 50),
      pageP95Ms: percentile(page, 95),
      pageColdMs: page[0],
      pageMaxMs: Math.max(...page),
      persons,
    };
  },
  async check({ dataDir }) {
    const app = await openApp(String(dataDir));
    const t0 = performance.now();
    const s = await runChecks(app.ctx());
    const ms = performance.now() - t0;
    await app.close();
    return { checkMs: ms, households: s.households, flagged: s.flaggedHouseholds };
  },
};

export const benchDir = (root: string, name: string) => path.join(root, name);
