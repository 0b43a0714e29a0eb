/**
 * Killing the process (SIGKILL) at random moments of a backup and of a restore, 20 times each,
 * through the CLI as an office runs it: afterwards the database opens, integrity_check is ok, and
 * the interrupted operation is there whole or not at all — the backup file is absent or a good
 * backup; the roster is the old one or the restored one, never a mix. What a killed run leaves
 * (temporary files holding personal data) carries our temporary names and is cleaned up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, tempDir, xinshaoApp } from './helpers/app';
import { openApp } from '../../electron/core/app/app';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { prng } from '../support/prng';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { createBackup, inspectBackup, restoreBackup } from '../../electron/core/backup/backup-service';
import { cleanStaleTemps } from '../../electron/core/files/atomic-write';
import { buildCliBundle, runKilledAfter, timed, within } from '../support/cli-kill';

afterEach(cleanup);

const KILLS = 20;

beforeAll(buildCliBundle, 120_000);

async function opened(dir: string) {
  const app = await openApp(dir, { mustExist: true });
  try {
    const ok = app.db.raw.pragma('integrity_check', { simple: true });
    const households = app.db.raw.prepare('SELECT count(*) FROM household').pluck().get() as number;
    const persons = app.db.raw.prepare('SELECT count(*) FROM person').pluck().get() as number;
    return { ok, households, persons };
  } finally {
    await app.close();
  }
}

async function county(households: number) {
  const t = await xinshaoApp();
  const file = path.join(tempDir(), 'roster.xlsx');
  await writeRosterXlsx(file, countyRows({ households, seed: 21 }));
  const ctx = t.app.ctx();
  await commitImport(ctx, (await previewImport(ctx, file)).token);
  return t;
}

describe('SIGKILL during a backup and a restore', () => {
  it(`a backup killed ${KILLS} times: the database intact, the backup file absent or whole`, { timeout: 300_000 }, async () => {
    const t = await county(1500);
    const before = { households: t.count('household'), persons: t.count('person') };
    await t.app.close();
    const out = tempDir();
    const full = timed(['--data-dir', t.dir, 'backup', path.join(out, 'timing.fpbak')]);
    fs.rmSync(path.join(out, 'timing.fpbak'));
    const rand = prng(7);
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const target = path.join(out, `b${i}.fpbak`);
      const r = await runKilledAfter(['--data-dir', t.dir, 'backup', target], within(rand, full));
      if (r.killed) killed++;
      expect(await opened(t.dir)).toEqual({ ok: 'ok', ...before });
      if (fs.existsSync(target)) {
        const app = await openApp(t.dir, { mustExist: true });
        try {
          await expect(inspectBackup(app, target)).resolves.toMatchObject({ households: before.households, persons: before.persons });
        } finally {
          await app.close();
        }
      }
    }
    expect(killed).toBeGreaterThanOrEqual(KILLS / 2); // most runs were really interrupted
    // Leftovers of killed runs are ours and go at the next clean-up; nothing else remains.
    cleanStaleTemps(out, { olderThanMs: 0 });
    cleanStaleTemps(t.dir, { olderThanMs: 0 });
    expect(fs.readdirSync(out).filter((n) => !/^b\d+\.fpbak$/.test(n))).toEqual([]);
    expect(fs.readdirSync(t.dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it(`a restore killed ${KILLS} times: the old roster or the restored one, whole, never a mix`, { timeout: 300_000 }, async () => {
    const t = await county(1500);
    const dir = tempDir();
    const full = path.join(dir, 'full.fpbak');
    await createBackup(t.app, full, 'manual');
    const all = { households: t.count('household'), persons: t.count('person') };
    // The other state: a tenth of the households deleted.
    const ids = await t.app.db.kysely.selectFrom('household').select('id').limit(Math.floor(all.households / 10)).execute();
    await t.app.db.kysely.deleteFrom('household').where('id', 'in', ids.map((r) => r.id)).execute();
    const fewer = { households: t.count('household'), persons: t.count('person') };
    const partial = path.join(dir, 'fewer.fpbak');
    await createBackup(t.app, partial, 'manual');
    await t.app.close();
    const duration = timed(['--data-dir', t.dir, 'restore', full, '--yes']);
    const rand = prng(11);
    let killed = 0;
    let restored = 0;
    for (let i = 0; i < KILLS; i++) {
      // Start from the smaller roster each time.
      {
        const app = await openApp(t.dir, { mustExist: true });
        try {
          await restoreBackup(app, partial);
        } finally {
          await app.close();
        }
      }
      const r = await runKilledAfter(['--data-dir', t.dir, 'restore', full, '--yes'], within(rand, duration));
      if (r.killed) killed++;
      const now = await opened(t.dir);
      expect(now.ok).toBe('ok');
      expect([fewer, all]).toContainEqual({ households: now.households, persons: now.persons });
      if (now.households === all.households) restored++;
    }
    expect(killed).toBeGreaterThanOrEqual(KILLS / 2);
    expect(restored).toBeLessThan(KILLS); // some kills came before the swap
    cleanStaleTemps(t.dir, { olderThanMs: 0 });
    expect(fs.readdirSync(t.dir).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
