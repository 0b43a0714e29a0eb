/**
 * Killing the process (SIGKILL) at random moments of a roster import and of a migration, 20 times
 * each, through the CLI as an office runs it: afterwards the database opens, integrity_check is
 * ok, the audit chain verifies, and the interrupted operation is there whole or not at all — the
 * roster is the one before the import or the whole imported one, never part of it; an old
 * database migrates to the latest version with every row, and the copy kept before migrating is
 * absent or a whole database. What a killed run leaves carries our temporary names and is cleaned.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, OPERATOR, tempDir, xinshaoApp } from './helpers/app';
import { openApp } from '../../electron/core/app/app';
import { DB_FILE } from '../../electron/core/db/open';
import { migrate } from '../../electron/core/db/migrate';
import { LATEST_VERSION, migrations } from '../../electron/core/db/migrations';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { prng } from '../support/prng';
import { buildCliBundle, runKilledAfter, timed, within } from '../support/cli-kill';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { createFirstAdmin, setHashParamsForTests } from '../../electron/core/auth/auth-service';
import { verifyAudit } from '../../electron/core/audit/audit-service';
import { cleanStaleTemps, isTempName } from '../../electron/core/files/atomic-write';
import { DEFAULT_COUNTY } from '../../shared/domain/org';

afterEach(cleanup);

const KILLS = 20;

beforeAll(() => {
  buildCliBundle();
  setHashParamsForTests({ N: 2 ** 10, r: 8, p: 1 }); // the administrator made here; the CLI only names it
}, 120_000);

type Raw = Sqlite.Database;

/** SHA-256 (short) over the rows the queries return, in their order. `map` may rewrite a row first. */
function checksum(raw: Raw, queries: string[], map: (row: unknown[]) => unknown[] = (r) => r): string {
  const h = crypto.createHash('sha256');
  for (const sql of queries) h.update(sql).update(JSON.stringify((raw.prepare(sql).raw().all() as unknown[][]).map(map)));
  return h.digest('hex').slice(0, 16);
}

/** Copies a closed database's file over the data folder's (its WAL and journal removed first). */
function putBack(saved: string, dir: string): void {
  for (const side of ['-wal', '-shm', '-journal']) fs.rmSync(path.join(dir, DB_FILE + side), { force: true });
  fs.copyFileSync(saved, path.join(dir, DB_FILE));
}

// ---------------------------------------------------------------------------------------------
// A roster import

/**
 * The roster as an office knows it: households by 户编号 with their village and fields, members
 * by ID number. The ids of records that existed before are part of it (an import keeps them);
 * records it added count as 'new' (their ids are made at random by each run).
 */
const ROSTER = [
  `SELECT h.id, h.number, t.code, v.name, h.group_name, h.head_name, h.size, h.status, h.attribute, h.main_cause, h.reported_income_fen, h.phone, h.sort_key
   FROM household h JOIN village v ON v.id = h.village_id JOIN township t ON t.id = v.township_id ORDER BY h.number`,
  `SELECT p.id, p.id_number, h.number, p.name, p.relation, p.sort, p.gender, p.birth_date, p.health, p.education, p.work_status, p.work_months, p.phone
   FROM person p JOIN household h ON h.id = p.household_id ORDER BY p.id_number`,
  `SELECT h.number, s.status FROM household_status s JOIN household h ON h.id = s.household_id ORDER BY h.number, s.status`,
  `SELECT t.code, v.code, v.name FROM village v JOIN township t ON t.id = v.township_id ORDER BY v.code`,
];

async function rosterState(dir: string, known: Set<string>) {
  const app = await openApp(dir, { mustExist: true });
  try {
    const raw = app.db.raw;
    const audit = await verifyAudit(app);
    return {
      ok: raw.pragma('integrity_check', { simple: true }),
      households: raw.prepare('SELECT count(*) FROM household').pluck().get() as number,
      persons: raw.prepare('SELECT count(*) FROM person').pluck().get() as number,
      roster: checksum(raw, ROSTER, ([id, ...rest]) => [known.has(id as string) ? id : 'new', ...rest]),
      auditEntries: audit.checked,
      auditBroken: audit.broken,
    };
  } finally {
    await app.close();
  }
}

/** The county file of the import: `before` households as they are, with one in five changed (a
 *  phone, a member's health), and `added` more households (over 5,000 persons: the bulk path). */
function* updatedCounty(before: number, added: number): Generator<string[]> {
  let h = -1;
  for (const row of countyRows({ households: before + added, seed: 21 })) {
    if (row[9] === '户主') h++;
    yield h < before && h % 5 === 0 ? row.map((c, i) => (i === 26 ? `138${String(h).padStart(8, '0')}` : i === 13 ? '残疾' : c)) : row;
  }
}

// ---------------------------------------------------------------------------------------------
// A migration

const OLD_VERSION = 3;
/** A roster of ≈26,000 persons: migrating it takes long enough to be killed inside (see the
 *  figures the test prints) and the file stays quick to check 20 times. */
const OLD_HOUSEHOLDS = 8000;
const AT = '2018-03-01T00:00:00.000Z';
const BY = '旧版操作员';

/**
 * A database as the app at schema version 3 left it (WAL, 4 KB pages), written with raw SQL as
 * that app would have: the county's townships and villages, households (one in seven with the
 * 2017 status spelling 「已脱贫」 that migration 0012 repairs), members, status history, income.
 */
function oldCounty(file: string, households: number): void {
  const raw = new Sqlite(file);
  try {
    raw.pragma('journal_mode = WAL');
    migrate(raw, migrations, OLD_VERSION);
    const s = { c: AT, u: AT, b: BY };
    raw.transaction(() => {
      const setting = raw.prepare('INSERT INTO setting VALUES (?, ?, ?, ?)');
      setting.run('county.code', DEFAULT_COUNTY.code, AT, BY);
      setting.run('county.name', DEFAULT_COUNTY.name, AT, BY);
      setting.run('operator', BY, AT, BY);
      const township = raw.prepare('INSERT INTO township VALUES (?, ?, ?, @c, @u, @b)');
      for (const t of DEFAULT_COUNTY.townships) township.run(`t${t.code}`, t.code, t.name, s);
      const village = raw.prepare('INSERT INTO village (id, township_id, code, name, is_poor, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, 1, @c, @u, @b)');
      const household = raw.prepare(
        `INSERT INTO household (id, number, village_id, group_name, attribute, main_cause, status, exit_year, dangerous_house, water_safe, water_difficult,
           reported_income_fen, phone, head_name, size, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @c, @u, @b)`,
      );
      const person = raw.prepare(
        `INSERT INTO person (id, household_id, number, name, id_number, id_rev, relation, gender, birth_date, ethnicity, education, school_status, health,
           skill, work_status, work_months, insured, sort, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @c, @u, @b)`,
      );
      const status = raw.prepare('INSERT INTO household_status (id, household_id, status, effective_date, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, @c, @u, @b)');
      const income = raw.prepare('INSERT INTO income (id, household_id, year, wage_fen, transfer_fen, cost_fen, created_at, updated_at, updated_by) VALUES (?, ?, 2017, ?, ?, ?, @c, @u, @b)');
      const villages = new Map<string, string>();
      const perTownship = new Map<string, number>();
      let hid = '';
      let h = 0;
      let sort = 0;
      for (const r of countyRows({ households, seed: 31 })) {
        const t = DEFAULT_COUNTY.townships.find((x) => x.name === r[1])!;
        let vid = villages.get(`${t.code}|${r[2]}`);
        if (!vid) {
          const n = (perTownship.get(t.code) ?? 0) + 1;
          perTownship.set(t.code, n);
          vid = `v${t.code}-${n}`;
          village.run(vid, `t${t.code}`, `${t.code}${200 + n}`, r[2], s);
          villages.set(`${t.code}|${r[2]}`, vid);
        }
        if (r[9] === '户主') {
          hid = `h${r[4]}`;
          sort = 0;
          const st = h % 7 === 0 && r[18] === '已脱贫(享受政策)' ? '已脱贫' : r[18];
          const income100 = Number(r[25].replace(/[,元]/g, '')) * 100;
          household.run(hid, r[4], vid, r[3], r[20], r[21], st, r[19] ? Number(r[19]) : null, r[22], r[23], r[24], income100, r[26], r[6], Number(r[8]), s);
          status.run(`s${r[4]}`, hid, st, '2014-10-01', s);
          income.run(`i${r[4]}`, hid, 1_000_000 + h, 50_000, 20_000, s);
          h++;
        }
        const id = r[7];
        person.run(
          `p${id}`, hid, r[5], r[6], id, [...id].reverse().join(''), r[9], Number(id[16]) % 2 ? '男' : '女', `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
          r[10], r[11], r[12], r[13], r[14], r[15], r[16] ? Number(r[16]) : null, r[17], ++sort, s,
        );
      }
    })();
  } finally {
    raw.close();
  }
}

/** Every row of the roster's tables at any version from 3 on (the columns version 3 has). */
const OLD_ROWS = [
  'SELECT id, number, village_id, group_name, attribute, main_cause, status, exit_year, reported_income_fen, phone, head_name, size FROM household ORDER BY id',
  'SELECT id, household_id, number, name, id_number, id_rev, relation, gender, birth_date, health, work_months, sort FROM person ORDER BY id',
  'SELECT id, household_id, status, effective_date FROM household_status ORDER BY id',
  'SELECT id, household_id, year, wage_fen, transfer_fen, cost_fen FROM income ORDER BY id',
  'SELECT id, township_id, code, name FROM village ORDER BY id',
  'SELECT id, code, name FROM township ORDER BY id',
  'SELECT key, value FROM setting ORDER BY key',
];
/** The tables of the office's records there (later versions add tables and fill code lists). */
const OLD_TABLES = ['township', 'village', 'household', 'person', 'household_status', 'income'];
/** What the later versions derive from them: the list's order key (0007, 0011). */
const DERIVED = ['SELECT id, sort_key FROM household ORDER BY id'];

/** Rows per table (SQLite's own tables left out). */
function counts(raw: Raw): Record<string, number> {
  const tables = raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, raw.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
}

/** A database file as anyone would open it (read-write: a rollback journal left beside it is rolled back). */
function fileState(file: string) {
  const raw = new Sqlite(file, { fileMustExist: true });
  try {
    const version = raw.pragma('user_version', { simple: true }) as number;
    const ok = raw.pragma('integrity_check', { simple: true });
    return { version, ok, counts: counts(raw), rows: version >= OLD_VERSION ? checksum(raw, OLD_ROWS) : '' };
  } finally {
    raw.close();
  }
}

/** The data folder opened by the app (which migrates it). */
async function migratedState(dir: string) {
  const app = await openApp(dir, { mustExist: true });
  try {
    const raw = app.db.raw;
    const audit = await verifyAudit(app);
    return {
      version: app.db.schemaVersion,
      ok: raw.pragma('integrity_check', { simple: true }),
      counts: counts(raw),
      rows: checksum(raw, [...OLD_ROWS, ...DERIVED]),
      auditBroken: audit.broken,
    };
  } finally {
    await app.close();
  }
}

const BEFORE_MIGRATION = /^before-migration-v(\d+)-\d{8}T\d{6}\.sqlite$/;

/**
 * The backups folder: every file in it a copy kept before migrating, each a whole database at the
 * version its name gives, with every row of the original (`original`: the database at version 3;
 * a copy made at a later version, after an interrupted migration, holds the same tables' rows).
 */
function checkBackups(dir: string, original: ReturnType<typeof fileState>, checked = new Set<string>()): string[] {
  const folder = path.join(dir, 'backups');
  const names = (fs.existsSync(folder) ? fs.readdirSync(folder) : []).filter((n) => !isTempName(n)).sort();
  for (const name of names) {
    if (checked.has(name)) continue;
    checked.add(name);
    const m = BEFORE_MIGRATION.exec(name);
    expect(m, `${name} in backups/`).not.toBeNull();
    const v = Number(m![1]);
    const state = fileState(path.join(folder, name));
    if (v === original.version) expect(state, `${name} is a whole database`).toEqual(original);
    else {
      expect({ version: state.version, ok: state.ok }, name).toEqual({ version: v, ok: 'ok' });
      for (const table of OLD_TABLES) expect(state.counts[table], `${name}: ${table}`).toBe(original.counts[table]);
    }
  }
  return names;
}

/** The schema version a killed run left (read without changing the file). */
function versionOf(file: string): number {
  const raw = new Sqlite(file, { readonly: true, fileMustExist: true });
  try {
    return raw.pragma('user_version', { simple: true }) as number;
  } finally {
    raw.close();
  }
}

describe('SIGKILL during a roster import and a migration', () => {
  it(`a roster import killed ${KILLS} times: the roster before it or the whole imported one, never part`, { timeout: 300_000 }, async () => {
    const t = await xinshaoApp();
    // An office with accounts: the CLI writes only under an administrator's login.
    await createFirstAdmin(t.app, { login: 'admin', name: OPERATOR, password: 'mima-2017' });
    const files = tempDir();
    const first = path.join(files, '花名册-2017.xlsx');
    await writeRosterXlsx(first, countyRows({ households: 1000, seed: 21 }));
    const ctx = t.app.ctx();
    await commitImport(ctx, (await previewImport(ctx, first)).token);
    await t.app.close();
    const known = new Set<string>();
    {
      const raw = new Sqlite(path.join(t.dir, DB_FILE), { readonly: true });
      for (const sql of ['SELECT id FROM household', 'SELECT id FROM person']) for (const id of raw.prepare(sql).pluck().all() as string[]) known.add(id);
      raw.close();
    }
    const before = await rosterState(t.dir, known);
    const saved = path.join(tempDir(), 'before.sqlite');
    fs.copyFileSync(path.join(t.dir, DB_FILE), saved);

    const book = path.join(files, '花名册-2018.xlsx');
    await writeRosterXlsx(book, updatedCounty(1000, 2000));
    const args = ['--data-dir', t.dir, 'import-roster', book, '--operator', 'admin'];
    // The whole run and the same run without writing (reading and planning), the faster of two
    // each (this machine is shared): kills after the dry run's share land in the write, its
    // checkpoint or the close.
    const runs: number[] = [];
    const dryRuns: number[] = [];
    for (let k = 0; k < 2; k++) {
      putBack(saved, t.dir);
      dryRuns.push(timed([...args, '--dry-run']));
      runs.push(timed(args));
    }
    const after = await rosterState(t.dir, known);
    let full = Math.min(...runs);
    const measured = full;
    const share = Math.min(0.95, Math.max(0.5, Math.min(...dryRuns) / full));
    // The import added 2,000 households and changed 200, each with its audit entry.
    expect(after).toMatchObject({ ok: 'ok', households: before.households + 2000, auditBroken: null, auditEntries: before.auditEntries + 2200 });
    expect(before).toMatchObject({ ok: 'ok', households: 1000, auditBroken: null });
    expect(after.roster).not.toBe(before.roster);

    const rand = prng(13);
    let killed = 0;
    let imported = 0;
    let late = 0;
    for (let i = 0; i < KILLS; i++) {
      putBack(saved, t.dir);
      // Every other kill spread over the whole run, the others over its writing part (to a little
      // past the measured end: the checkpoint and the close after the commit).
      const ms = i % 2 === 0 ? within(rand, full) : full * share * 0.95 + rand() * full * (1.15 - share * 0.95);
      if (ms > full * share) late++;
      const r = await runKilledAfter(args, ms);
      if (r.killed) killed++;
      else full = r.ms; // the machine is slower or faster now: spread the next kills over this run
      const now = await rosterState(t.dir, known);
      expect([before, after]).toContainEqual(now);
      if (now.households === after.households) imported++;
    }
    expect(killed).toBeGreaterThanOrEqual(KILLS / 2); // most runs were really interrupted
    expect(imported).toBeLessThan(KILLS); // some kills came before the commit
    // Leftovers of killed runs are ours and go at the next clean-up; nothing else remains.
    cleanStaleTemps(t.dir, { olderThanMs: 0 });
    cleanStaleTemps(files, { olderThanMs: 0 });
    expect(fs.readdirSync(t.dir).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(fs.readdirSync(files).sort()).toEqual(['花名册-2017.xlsx', '花名册-2018.xlsx']);
    console.log(`import: full run ${Math.round(measured)} ms (last ${Math.round(full)} ms), dry run ${Math.round(share * 100)} % of it; ${killed} of ${KILLS} runs killed, ${late} after the dry run's share, ${imported} ended with the import whole`);
  });

  it(`a migration killed ${KILLS} times: the database opens at version ${LATEST_VERSION} with every row; the copy kept before migrating is absent or whole`, { timeout: 300_000 }, async () => {
    const old = path.join(tempDir(), 'v3.sqlite');
    oldCounty(old, OLD_HOUSEHOLDS);
    const original = fileState(old);
    expect(original).toMatchObject({ version: OLD_VERSION, ok: 'ok', counts: { household: OLD_HOUSEHOLDS } });

    // One whole run (any command opens the database, which migrates it), and the same command on
    // the migrated database: the difference is the backup and the migration.
    const dir = tempDir();
    putBack(old, dir);
    const args = ['--data-dir', dir, 'org', 'list'];
    let full = timed(args);
    const measured = full;
    const warm = timed(args);
    const reference = await migratedState(dir);
    expect(reference).toMatchObject({ version: LATEST_VERSION, ok: 'ok', auditBroken: null });
    for (const table of OLD_TABLES) expect(reference.counts[table], table).toBe(original.counts[table]);
    expect(checkBackups(dir, original)).toHaveLength(1);

    // Moments spread over the run from half its start-up on (before that nothing opens the file).
    const rand = prng(17);
    const moment = () => warm / 2 + rand() * (full - warm / 2);
    let killed = 0;
    const left: Record<string, number> = { before: 0, backingUp: 0, migrating: 0, done: 0 };
    for (let i = 0; i < KILLS; i++) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.mkdirSync(dir);
      putBack(old, dir);
      const r = await runKilledAfter(args, moment());
      if (r.killed) killed++;
      else full = r.ms; // the machine is slower or faster now: spread the next kills over this run
      // Where the kill landed: the version the database was left at, and whether its copy was begun.
      const version = versionOf(path.join(dir, DB_FILE));
      const copies = fs.existsSync(path.join(dir, 'backups')) ? fs.readdirSync(path.join(dir, 'backups')).length : 0;
      left[version === LATEST_VERSION ? 'done' : version > OLD_VERSION ? 'migrating' : copies ? 'backingUp' : 'before']++;
      // The copy kept before migrating: absent or whole.
      const checked = new Set<string>();
      checkBackups(dir, original, checked);
      // Opening migrates what is left to the latest version, every row there (and keeps a copy
      // of what it found, when the kill came between two steps).
      expect(await migratedState(dir)).toEqual(reference);
      checkBackups(dir, original, checked);
      // Leftovers of the killed run are ours and go at the next clean-up; nothing else remains.
      for (const folder of [dir, path.join(dir, 'backups')]) {
        cleanStaleTemps(folder, { olderThanMs: 0 });
        if (fs.existsSync(folder)) expect(fs.readdirSync(folder).filter((n) => n.startsWith('.'))).toEqual([]);
      }
    }
    console.log(`migration of ${OLD_HOUSEHOLDS} households from v${OLD_VERSION}: full run ${Math.round(measured)} ms (last ${Math.round(full)} ms), the same command after it ${Math.round(warm)} ms; ${killed} killed; left`, left);
    expect(killed).toBeGreaterThanOrEqual(KILLS / 2);
    expect(left.migrating).toBeGreaterThan(0); // some kills came between two steps of the migration
  });
});
