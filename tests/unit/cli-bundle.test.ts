/**
 * The CLI as `npm run cli` runs it: the bundle (dist/cli/cli.cjs) through scripts/cli.mjs,
 * rebuilt when a source is newer, never stale; help; exit codes; quiet EPIPE; and the commands
 * that need files beside the bundle (fonts, templates, the checkpoint worker) run from another
 * folder. Plus `stats` against the totals the home page shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir, track } from './helpers/app';
import { cli } from '../support/cli';
import { commands } from '../../electron/cli/commands';
import { pdfSubcommands } from '../../electron/cli/pdf-commands';
import { countyRows, NATIONAL_HEADERS } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { openApp } from '../../electron/core/app/app';
import { rosterTotals } from '../../electron/core/roster/roster-service';

afterEach(cleanup);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const LAUNCHER = path.join(ROOT, 'scripts', 'cli.mjs');
const BUNDLE = path.join(ROOT, 'dist', 'cli', 'cli.cjs');
const INIT = ['init', '--county-code', '430522', '--county-name', '新邵县'];

/** `node scripts/cli.mjs …` (what `npm run cli --` runs), from `cwd`. */
function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [LAUNCHER, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  run(['help']); // builds the bundle when it is missing or stale
}, 120_000);

describe('help', () => {
  it.each([['help'], ['--help'], ['-h']])('%s lists every command on stdout, exit 0', (arg) => {
    const r = run([arg]);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).not.toContain('未知命令');
    for (const key of Object.keys(commands)) expect(r.out, key).toMatch(new RegExp(`^  ${key}\\b`, 'm'));
    for (const sub of Object.keys(pdfSubcommands)) expect(r.out, sub).toContain(`pdf ${sub} `);
    for (const sub of ['ledger list', 'ledger export', 'round list', 'round results', 'template list', 'template export', 'template import', 'stats']) expect(r.out).toContain(sub);
  });
});

describe('the bundle', () => {
  it('is rebuilt when a source is newer, so it never runs old code', { timeout: 120_000 }, () => {
    const source = path.join(ROOT, 'electron', 'cli', 'commands.ts');
    // An edit made after the last build: the source is newer than the build's start.
    const { builtAt } = JSON.parse(fs.readFileSync(path.join(ROOT, 'dist', 'cli', 'inputs.json'), 'utf8')) as { builtAt: number };
    const edited = new Date(builtAt + 1);
    fs.utimesSync(source, edited, edited);
    fs.writeFileSync(BUNDLE, 'process.stdout.write("OLD BUNDLE\\n");\n');
    const r = run(['help']);
    expect(r.out).not.toContain('OLD BUNDLE');
    expect(r.out).toContain('用法');
    expect(r.err).toContain('正在构建命令行程序');
    // Up to date now: the next run starts at once, building nothing.
    const again = run(['help']);
    expect(again).toMatchObject({ code: 0, err: '' });
  });

  it('exit codes: 2 for a wrong command line, 1 for an error, 0 otherwise', () => {
    const dir = tempDir();
    expect(run(['--data-dir', dir, 'frobnicate']).code).toBe(2);
    expect(run(['--data-dir', dir, 'org', 'list', '--force']).code).toBe(2);
    expect(run(['--data-dir', dir, 'template', 'drop']).code).toBe(2);
    expect(run([]).code).toBe(2);
    const before = run(['--data-dir', dir, 'org', 'list']);
    expect(before.code).toBe(1);
    expect(before.err).toContain('还没有数据库，请先运行 init');
    expect(run(['--data-dir', dir, ...INIT]).code).toBe(0);
  });

  it('output into a reader that stops early (| head) ends quietly', async () => {
    const child = spawn(process.execPath, [LAUNCHER, 'help'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the reader is gone before the first line: every write fails with EPIPE
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('imports, prints PDFs and counts from another working folder (fonts, templates and the checkpoint worker found beside the bundle)', { timeout: 180_000 }, async () => {
    const elsewhere = tempDir();
    const dir = path.join(elsewhere, 'data');
    const book = path.join(elsewhere, '花名册.xlsx');
    const rows = [...countyRows({ households: 1800, seed: 5 })];
    await writeRosterXlsx(book, rows);
    expect(run(['--data-dir', dir, ...INIT], elsewhere).code).toBe(0);

    const imp = run(['--data-dir', dir, 'import-roster', '花名册.xlsx', '--json'], elsewhere);
    expect(imp.code).toBe(0);
    // More than the bulk threshold: the WAL was copied on the worker thread without a complaint.
    expect(imp.err).not.toContain('checkpoint');
    expect(JSON.parse(imp.out).written.personsWritten).toBe(rows.length);

    const pdf = run(['--data-dir', dir, 'pdf', 'roster', '花名册.pdf', '--township', '430522100'], elsewhere);
    expect(pdf).toMatchObject({ code: 0, err: '' });
    expect(fs.readFileSync(path.join(elsewhere, '花名册.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const village = JSON.parse(run(['--data-dir', dir, 'org', 'list', '--json'], elsewhere).out).villages[0].code as string;
    const chart = run(['--data-dir', dir, 'pdf', 'wallchart', '作战图.pdf', '--village', village], elsewhere);
    expect(chart).toMatchObject({ code: 0, err: '' });
    expect(fs.readFileSync(path.join(elsewhere, '作战图.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const stats = JSON.parse(run(['--data-dir', dir, 'stats', '--json'], elsewhere).out);
    expect(stats.total.persons).toBe(rows.length);
  });
});

describe('stats', () => {
  const T = NATIONAL_HEADERS.indexOf('乡镇');
  const N = NATIONAL_HEADERS.indexOf('户编号');

  async function imported(households = 60) {
    const dir = tempDir();
    const book = path.join(dir, '花名册.xlsx');
    const rows = [...countyRows({ households, seed: 11 })];
    await writeRosterXlsx(book, rows);
    const data = path.join(dir, 'data');
    await cli('--data-dir', data, ...INIT);
    expect((await cli('--data-dir', data, 'import-roster', book)).code).toBe(0);
    return { data, rows };
  }

  it('gives the home page’s totals, and each township’s households and persons from the sheet', async () => {
    const { data, rows } = await imported();
    const r = await cli('--data-dir', data, 'stats', '--json');
    expect(r).toMatchObject({ code: 0, err: '' });
    const s = JSON.parse(r.out);
    const app = track(await openApp(data));
    const home = await rosterTotals(app.ctx(), {});
    expect(s.total).toMatchObject({
      code: '430522',
      name: '新邵县',
      households: home.households,
      persons: home.persons,
      exitedHouseholds: home.exitedHouseholds,
      exitedPersons: home.exitedPersons,
      remainingHouseholds: home.remainingHouseholds,
      remainingPersons: home.remainingPersons,
    });
    expect(s.total.households).toBe(60);
    expect(s.townships).toHaveLength(15);
    for (const t of s.townships) {
      const mine = rows.filter((x) => x[T] === t.name);
      expect({ name: t.name, h: t.households, p: t.persons }).toEqual({ name: t.name, h: new Set(mine.map((x) => x[N])).size, p: mine.length });
      const one = await rosterTotals(app.ctx(), { townshipId: (await app.db.kysely.selectFrom('township').select('id').where('code', '=', t.code).executeTakeFirstOrThrow()).id });
      expect([t.exitedHouseholds, t.remainingHouseholds]).toEqual([one.exitedHouseholds, one.remainingHouseholds]);
    }
    const text = await cli('--data-dir', data, 'stats');
    expect(text.out).toContain(`新邵县（430522）：60 户 ${rows.length} 人`);
    expect(text.out).toMatch(/^430522100\s+酿溪镇/m);
  });

  it('counts monitored households and the incidence over the villages’ population; --township narrows it', async () => {
    const { data } = await imported();
    const app = track(await openApp(data));
    const raw = app.db.raw;
    const t = raw.prepare("SELECT t.id, t.code FROM township t JOIN village v ON v.township_id = t.id JOIN household h ON h.village_id = v.id GROUP BY t.id ORDER BY count(*) DESC LIMIT 1").get() as { id: string; code: string };
    const v = raw.prepare('SELECT v.id FROM village v JOIN household h ON h.village_id = v.id WHERE v.township_id = ? GROUP BY v.id LIMIT 1').get(t.id) as { id: string };
    const h = raw.prepare('SELECT id, size FROM household WHERE village_id = ? LIMIT 1').get(v.id) as { id: string; size: number };
    raw.prepare("UPDATE household SET monitor_type = '脱贫不稳定户' WHERE id = ?").run(h.id);
    raw.prepare('UPDATE village SET population = 2000 WHERE id = ?').run(v.id);
    const villageRemaining = (await rosterTotals(app.ctx(), { villageId: v.id })).remainingPersons;
    await app.close();

    const r = JSON.parse((await cli('--data-dir', data, 'stats', '--township', t.code, '--json')).out);
    expect(r.townships.map((x: { code: string }) => x.code)).toEqual([t.code]);
    expect(r.total).toMatchObject({ code: t.code, monitoredHouseholds: 1, monitoredPersons: h.size, population: 2000, villagesWithPopulation: 1 });
    expect(r.total.incidencePermille).toBe(Math.round((villageRemaining * 10000) / 2000) / 10);
    const all = JSON.parse((await cli('--data-dir', data, 'stats', '--json')).out);
    expect(all.total.monitoredHouseholds).toBe(1);

    const bad = await cli('--data-dir', data, 'stats', '--township', '999999999');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('错误');
  });
});
