/**
 * CLI start-up through the bundle, as `npm run cli` runs it (node scripts/cli.mjs): `help`
 * (no database) and `org list --json` on the sample county, each the best of 7 fresh
 * processes, beside a bare `node -e ''` start-up measured in the same run. The bundle is built
 * (and its code cache made) before timing. Target from the issue: a command starts in ≤ 0.4 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bestOf, type Bench, type Figure } from '../harness';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LAUNCHER = path.join(ROOT, 'scripts', 'cli.mjs');

function node(args: string[]): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
}

export const cliBench: Bench = {
  name: 'cli start-up',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-bench-cli-'));
    try {
      node([LAUNCHER, 'help']); // builds the bundle when stale, and makes the code cache
      node([LAUNCHER, '--data-dir', dir, 'init', '--county-code', '430522', '--county-name', '新邵县']);
      node([LAUNCHER, '--data-dir', dir, 'seed-demo']);
      const none = () => undefined;
      const bare = await bestOf(7, none, () => node(['-e', '']));
      const reference = { name: "node -e ''", value: bare };
      const figures: Figure[] = [
        { name: 'cli help', value: await bestOf(7, none, () => node([LAUNCHER, 'help'])), unit: 'ms', reference, target: 400 },
        { name: 'cli org list --json (sample county)', value: await bestOf(7, none, () => node([LAUNCHER, '--data-dir', dir, 'org', 'list', '--json'])), unit: 'ms', reference, target: 400 },
      ];
      return figures;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
