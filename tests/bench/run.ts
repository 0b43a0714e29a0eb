/** `npm run bench`: prints a table of figures with same-run references, then one JSON document. */
import { ratio, type Bench, type Figure } from './harness';
import { bulkInsert } from './figures/bulk-insert';
import { importReportBench, rosterBench } from './figures/roster';
import { inspectionBench } from './figures/inspection';
import { ledgerBench } from './figures/ledger';
import { wallchartBench } from './figures/wallchart';
import { pdfBench } from './figures/pdf';
import { cliBench } from './figures/cli';
import { auditBench } from './figures/audit';
import { backupBench } from './figures/backup';

const every: Bench[] = [bulkInsert, rosterBench, importReportBench, inspectionBench, ledgerBench, wallchartBench, pdfBench, cliBench, auditBench, backupBench];
// `npm run bench -- roster` runs only the benches whose name contains the word.
const only = process.argv[2];
if (only === '--help' || only === '-h') {
  console.log('npm run bench [-- WORD]: runs every bench, or only those whose name contains WORD:');
  for (const b of every) console.log(`  ${b.name}`);
  process.exit(0);
}
const benches = every.filter((b) => !only || b.name.includes(only));
if (benches.length === 0) {
  console.error(`no bench name contains "${only}" (npm run bench -- --help lists them)`);
  process.exit(2);
}

const all: (Figure & { bench: string; ratio?: number; pass?: boolean })[] = [];
for (const b of benches) {
  process.stderr.write(`… ${b.name}\n`);
  for (const f of await b.run()) all.push({ ...f, bench: b.name, ratio: ratio(f), pass: f.target === undefined ? undefined : f.value <= f.target });
}

const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const rows = all.map((f) => [
  f.name,
  `${fmt(f.value)} ${f.unit}`,
  f.reference ? `${fmt(f.reference.value)} ${f.unit} (${f.reference.name})` : '',
  f.ratio !== undefined ? `${f.ratio.toFixed(2)}×` : '',
  f.target !== undefined ? `≤ ${f.target} ${f.unit} ${f.pass ? 'ok' : 'MISSED'}` : '',
  f.note ?? '',
]);
const head = ['figure', 'value', 'same-run reference', 'ratio', 'target', 'note'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(head));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(JSON.stringify({ node: process.version, when: new Date().toISOString(), figures: all }, null, 2));
