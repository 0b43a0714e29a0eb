/**
 * Roster figures (issue: household roster): import of a synthetic county from xlsx against a
 * bare streaming parse of the same file, a 10× county for memory, search and page queries
 * over ≈950k persons, and the data-quality check over 30k households. Each step runs in its
 * own process so peak memory is its own.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Bench, Figure } from '../harness';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function step(name: string, args: Record<string, unknown>): Record<string, number> {
  const out = execFileSync(tsx, [path.join(root, 'tests', 'bench', 'child.ts'), name, JSON.stringify(args)], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

export const rosterBench: Bench = {
  name: 'roster import, search and checks',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-bench-roster-'));
    const small = path.join(dir, 'county-30k.xlsx');
    const big = path.join(dir, 'county-300k.xlsx');
    try {
      process.stderr.write('  generating 30,000 households …\n');
      step('generate', { file: small, households: 30_000 });
      const parse = step('parse', { file: small });
      const imp = step('import', { file: small, dataDir: path.join(dir, 'd30k') });
      const check = step('check', { dataDir: path.join(dir, 'd30k') });

      process.stderr.write('  generating 300,000 households …\n');
      step('generate', { file: big, households: 300_000 });
      const bigParse = step('parse', { file: big });
      const bigImp = step('import', { file: big, dataDir: path.join(dir, 'd300k') });
      const search = step('search', { dataDir: path.join(dir, 'd300k') });

      const figures: Figure[] = [
        {
          name: `import 30k households / ${imp.persons} persons from xlsx (wall)`,
          value: imp.previewMs + imp.commitMs,
          unit: 'ms',
          reference: { name: 'bare streaming parse of the same file', value: parse.ms },
          target: 5000,
          note: `preview ${Math.round(imp.previewMs)} ms + commit ${Math.round(imp.commitMs)} ms; then the WAL checkpoint on a worker thread and closing: ${Math.round(imp.closeMs)} ms`,
        },
        { name: 'import 30k households: peak RSS', value: imp.peakRssMb, unit: 'MB', reference: { name: 'bare parse peak RSS', value: parse.peakRssMb }, target: 400 },
        {
          name: `import 300k households / ${bigImp.persons} persons (wall)`,
          value: bigImp.previewMs + bigImp.commitMs,
          unit: 'ms',
          reference: { name: 'bare streaming parse of the same file', value: bigParse.ms },
        },
        { name: 'import 300k households: peak RSS', value: bigImp.peakRssMb, unit: 'MB', reference: { name: 'bare parse peak RSS', value: bigParse.peakRssMb }, target: 1500 },
        { name: `search p95 over ${search.persons} persons (name, ID suffix)`, value: search.searchP95Ms, unit: 'ms', target: 30, note: `median ${search.searchMedianMs.toFixed(2)} ms, ${search.searches} searches` },
        {
          name: 'roster page query p95 (200 rows, 300k households)',
          value: search.pageP95Ms,
          unit: 'ms',
          target: 20,
          note: `first page of a new unfiltered list ${Math.round(search.pageColdMs)} ms, slowest ${Math.round(search.pageMaxMs)} ms`,
        },
        { name: `data-quality check, ${check.households} households`, value: check.checkMs, unit: 'ms', target: 2000, note: `${check.flagged} households flagged` },
      ];
      return figures;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
