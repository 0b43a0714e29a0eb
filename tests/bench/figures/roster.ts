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

/**
 * The import report (issue 11): the realistic national export (tests/support/realistic-export.ts)
 * of 30k households. The report's size is the JSON of what the preview IPC call returns
 * (screenPreview), beside the xlsx file itself; the preview's and the whole import's peak RSS
 * (each step in its own process) beside a bare parse of the same file.
 * Target from the issue: a report of at most a few MB, an import within 300 MB of memory.
 */
export const importReportBench: Bench = {
  name: 'roster import report (realistic 30k export)',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-bench-report-'));
    const file = path.join(dir, 'county-30k-realistic.xlsx');
    try {
      process.stderr.write('  generating the realistic export, 30,000 households …\n');
      const gen = step('generateRealistic', { file, households: 30_000 });
      const parse = step('parse', { file });
      const report = step('previewReport', { file, dataDir: path.join(dir, 'preview') });
      const imp = step('import', { file, dataDir: path.join(dir, 'import') });
      const parseRss = { name: 'bare parse peak RSS', value: parse.peakRssMb };
      const figures: Figure[] = [
        {
          name: 'realistic 30k export: import report size (the preview as the screen gets it, JSON)',
          value: report.reportBytes / 1024,
          unit: 'KB',
          reference: { name: 'the xlsx file itself', value: gen.fileBytes / 1024 },
          target: 4096,
          note: `${report.findings} findings in ${report.groups} groups, ${report.shownRows} row numbers listed; ${report.mappedValues} values mapped; ${report.errorRows} error rows`,
        },
        { name: 'realistic 30k export: preview peak RSS', value: report.peakRssMb, unit: 'MB', reference: parseRss, target: 300 },
        {
          name: `realistic 30k export: full import (preview + commit) peak RSS`,
          value: imp.peakRssMb,
          unit: 'MB',
          reference: parseRss,
          target: 300,
          note: `${imp.households} households / ${imp.persons} persons written, ${imp.rejected} rejected; preview ${Math.round(imp.previewMs)} ms + commit ${Math.round(imp.commitMs)} ms`,
        },
      ];
      return figures;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

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
