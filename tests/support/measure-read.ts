/**
 * Reads every row of each table file named on the command line and prints one JSON line per
 * file: rows, cells, seconds, RSS at the start and at its peak. Run in a process of its own, one
 * file at a time for clean figures (node --import tsx tests/support/measure-read.ts FILE), so that
 * they are the reader's, not those of the test runner that generated the file.
 */
import { readTable } from '../../electron/core/files/read-table';

for (const file of process.argv.slice(2)) {
  const baseRss = process.memoryUsage().rss;
  let peakRss = baseRss;
  const sample = () => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  const table = await readTable(file);
  let rows = 0;
  let cells = 0;
  for await (const row of table.rows()) {
    rows++;
    cells += row.cells.length;
    if (rows % 2000 === 0) sample();
  }
  await table.close();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  sample();
  console.log(JSON.stringify({ file, rows, cells, seconds, baseRss, peakRss }));
}
