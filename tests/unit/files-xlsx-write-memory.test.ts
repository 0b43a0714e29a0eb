/**
 * The xlsx writer's memory stays bounded however many rows it writes: exceljs's streaming writer
 * has no backpressure of its own, and without writeXlsx waiting for the zip entry to drain, the
 * uncompressed sheet XML piled up in memory (1.2 GB for a 983,000-row roster, and out of memory
 * on a 4 GB heap). Each write runs in a process of its own, so that its peak RSS (maxRSS) is the
 * writer's alone; 10 times the rows must not take anywhere near 2 times the memory.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { mb, removeTempDirs, tempDir } from '../support/file-helpers';

afterAll(removeTempDirs);

const here = import.meta.dirname;
const writerUrl = pathToFileURL(path.resolve(here, '../../electron/core/files/xlsx-write.ts')).href;
const countyUrl = pathToFileURL(path.resolve(here, '../support/synthetic-county.ts')).href;

/** Writes the first ROWS rows of the synthetic county (27 columns of mostly Chinese text),
 *  then prints one JSON line: rows written, seconds, peak RSS in bytes. */
const CHILD = `
const { writeXlsx } = await import(${JSON.stringify(writerUrl)});
const { countyRows, NATIONAL_HEADERS } = await import(${JSON.stringify(countyUrl)});
const want = Number(process.env.XLSX_ROWS);
function* rows() {
  let n = 0;
  for (const r of countyRows({ households: Math.ceil(want / 3) + 10 })) {
    if (n++ === want) return;
    yield r;
  }
}
const t0 = performance.now();
const result = await writeXlsx(process.env.XLSX_FILE, [{ name: '花名册', columns: NATIONAL_HEADERS.map((header) => ({ header })), rows: rows() }]);
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ rows: result.rows, seconds, maxRss: process.resourceUsage().maxRSS * 1024 }));
`;

async function writeInChild(file: string, rows: number) {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    env: { ...process.env, XLSX_ROWS: String(rows), XLSX_FILE: file },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  const line = stdout.trim().split('\n').filter((l) => l.startsWith('{')).pop()!;
  const m = JSON.parse(line) as { rows: number; seconds: number; maxRss: number };
  console.log(`[files] writeXlsx, ${rows.toLocaleString('en')} rows × 27 columns: ${m.seconds.toFixed(1)} s, ${mb(fs.statSync(file).size)} file, peak RSS ${mb(m.maxRss)}`);
  return m;
}

describe('writing a big workbook', () => {
  it('takes about the same memory for 200,000 rows as for 20,000', async () => {
    const dir = tempDir();
    // Side by side, to keep the test short: each process's maxRSS is its own.
    const [small, big] = await Promise.all([writeInChild(path.join(dir, 'small.xlsx'), 20_000), writeInChild(path.join(dir, 'big.xlsx'), 200_000)]);
    expect(small.rows).toBe(20_000);
    expect(big.rows).toBe(200_000);
    expect(big.maxRss / small.maxRss).toBeLessThan(2);
  }, 90_000);
});
