/**
 * Audit log (issue 12): a roster import of 30k households with the log against the same import
 * without it (the log's triggers dropped), each in its own process, alternating, best of two;
 * and `audit verify` over 1,000,000 entries against a plain read of the same rows.
 * Targets from the issue: import with audit ≤ 1.15 × without; verify ≤ 10 s.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../../electron/core/app/app';
import { setup } from '../../../electron/core/settings/service';
import { verifyAudit } from '../../../electron/core/audit/audit-service';
import { auditAppender, noMembers } from '../../../electron/core/audit/audit-write-repo';
import { DEFAULT_COUNTY } from '../../../shared/domain/org';
import { timed, type Bench, type Figure } from '../harness';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const ENTRIES = 1_000_000;

function step(name: string, args: Record<string, unknown>): Record<string, number> {
  const out = execFileSync(tsx, [path.join(root, 'tests', 'bench', 'child.ts'), name, JSON.stringify(args)], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

export const auditBench: Bench = {
  name: 'audit log: import cost and verify',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-bench-audit-'));
    try {
      const file = path.join(dir, 'county-30k.xlsx');
      process.stderr.write('  generating 30,000 households …\n');
      step('generate', { file, households: 30_000 });
      const withLog: number[] = [];
      const without: number[] = [];
      for (let i = 0; i < 2; i++) {
        without.push(step('import', { file, dataDir: path.join(dir, `plain${i}`), noAudit: true }).ms);
        withLog.push(step('import', { file, dataDir: path.join(dir, `audit${i}`) }).ms);
      }
      const logBytes = fs.statSync(path.join(dir, 'audit0', 'fupin.sqlite')).size - fs.statSync(path.join(dir, 'plain0', 'fupin.sqlite')).size;

      process.stderr.write(`  writing ${ENTRIES.toLocaleString('en-US')} audit entries …\n`);
      const app = await openApp(path.join(dir, 'verify'));
      try {
        await setup(app.ctx(), { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: 'bench', townships: DEFAULT_COUNTY.townships });
        await app.refresh();
        const raw = app.db.raw;
        raw.transaction(() => {
          const a = auditAppender(raw);
          for (let i = 0; i < ENTRIES; i++) {
            a.household(
              {
                householdId: `h-${i}`,
                townshipId: 't',
                action: 'update',
                changes: { phone: ['13907390000', `1390739${String(i % 10000).padStart(4, '0')}`], health: ['健康', '长期慢性病'], reported_income_fen: [320000, 350000 + (i % 1000)] },
                members: noMembers([]),
              },
              'bench',
            );
          }
          a.flush();
        })();
        const verify = await timed(() => verifyAudit(app));
        const read = await timed(() => {
          let n = 0;
          for (const r of raw.prepare('SELECT prev_hash, hash, seq, at, operator, record_type, record_id, action, township_id, household_id, changes FROM audit_log ORDER BY seq').raw().iterate()) n += (r as unknown[]).length;
          return n;
        });
        const checked = verify.result.checked;
        const figures: Figure[] = [
          {
            name: 'import 30k households with the audit log (wall, best of 2)',
            value: Math.min(...withLog),
            unit: 'ms',
            reference: { name: 'the same import without it', value: Math.min(...without) },
            target: Math.min(...without) * 1.15,
            note: `runs with ${withLog.map((x) => Math.round(x)).join(', ')} / without ${without.map((x) => Math.round(x)).join(', ')} ms; the log adds ${(logBytes / 1e6).toFixed(1)} MB (one entry per household)`,
          },
          {
            name: `audit verify over ${checked.toLocaleString('en-US')} entries`,
            value: verify.ms,
            unit: 'ms',
            reference: { name: 'a plain read of the same rows', value: read.ms },
            target: 10_000,
            note: verify.result.broken ? `BROKEN at ${verify.result.broken.seq}` : 'chain intact',
          },
        ];
        return figures;
      } finally {
        await app.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
