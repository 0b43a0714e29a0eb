/**
 * A county-sized workbook: every cell read back must equal what was written. The sheet XML
 * (inline strings, from writeXlsx on exceljs) and the shared strings (a zip made by hand) run to megabytes, so multi-byte characters fall on
 * many chunk boundaries: the bug that turns 邓艳双 into 邓���双 would show here. Also prints the
 * read time and peak RSS, measured in a separate process (not asserted).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../electron/core/files/xlsx-read';
import { writeXlsx } from '../../electron/core/files/xlsx-write';
import type { Cell } from '../../electron/core/files/rows';
import { writeHandTable } from '../support/make-xlsx';
import { ROSTER_HEADER, expectedCells, rosterRows } from '../support/roster';
import { mb, removeTempDirs, tempDir } from '../support/file-helpers';

const ROWS = 60_000;
let dir: string;
let sharedFile: string;
let inlineFile: string;

beforeAll(async () => {
  dir = tempDir();
  sharedFile = path.join(dir, 'roster-shared.xlsx');
  inlineFile = path.join(dir, 'roster-inline.xlsx');
  // By hand, shared strings, the sheet before xl/sharedStrings.xml: the Chinese is in the shared strings.
  function* withHeader() {
    yield ROSTER_HEADER;
    yield* rosterRows(ROWS);
  }
  // Our writer (exceljs's streaming WorkbookWriter), inline strings: the Chinese is in the sheet XML itself.
  await Promise.all([
    writeHandTable(sharedFile, withHeader()),
    writeXlsx(inlineFile, [{ name: '花名册', columns: ROSTER_HEADER.map((header) => ({ header })), rows: rosterRows(ROWS) }], { sharedStrings: false }),
  ]);
}, 60_000);
afterAll(removeTempDirs);

function sameCells(got: Cell[], want: Cell[]): boolean {
  if (got.length !== want.length) return false;
  for (let i = 0; i < got.length; i++) {
    const a = got[i];
    const b = want[i];
    if (a.kind !== b.kind || a.text !== b.text || a.number !== b.number) return false;
  }
  return true;
}

/** Reads the whole file, comparing every cell with the rows regenerated from the same seed. */
async function readAndCompare(file: string) {
  const book = await openXlsx(file);
  const expected = rosterRows(ROWS);
  let n = 0;
  let replacement = 0;
  let mismatches = 0;
  let firstMismatch = '';
  let cells = 0;
  for await (const row of book.rows()) {
    n++;
    if (row.rowNumber === 1) {
      expect(row.cells.map((c) => c.text)).toEqual(ROSTER_HEADER);
      continue;
    }
    const want = expectedCells(expected.next().value!);
    for (const c of row.cells) {
      cells++;
      if (c.text.includes('\ufffd')) replacement++;
    }
    if (!sameCells(row.cells, want) || row.rowNumber !== n) {
      mismatches++;
      firstMismatch ||= `row ${row.rowNumber}: got ${JSON.stringify(row.cells)} want ${JSON.stringify(want)}`;
    }
  }
  await book.close();
  expect(firstMismatch).toBe('');
  expect(mismatches).toBe(0);
  expect(replacement).toBe(0);
  expect(n).toBe(ROWS + 1);
  expect(expected.next().done).toBe(true);
  expect(cells).toBeGreaterThan(ROWS * 9);
}

/** Reads a file in a fresh process and prints time and peak RSS (not asserted: machines differ). */
function measure(file: string, label: string) {
  const script = path.resolve(import.meta.dirname, '../support/measure-read.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, file], { encoding: 'utf8' });
  const line = out.trim().split('\n').filter((l) => l.startsWith('{')).pop()!;
  const m = JSON.parse(line) as { rows: number; cells: number; seconds: number; baseRss: number; peakRss: number };
  console.log(
    `[files] ${label}: ${m.rows.toLocaleString('en')} rows, ${m.cells.toLocaleString('en')} cells, ${mb(fs.statSync(file).size)} file: ` +
      `read in ${m.seconds.toFixed(2)} s, RSS ${mb(m.baseRss)} at start, peak ${mb(m.peakRss)}`,
  );
  expect(m.rows).toBe(ROWS + 1);
}

describe('a 60,000-row roster of Chinese text', () => {
  it('reads back every cell of a hand-made workbook (shared strings, after the sheet), with no "�"', async () => {
    await readAndCompare(sharedFile);
  });

  it('reads back every cell of a workbook from writeXlsx (inline strings), with no "�"', async () => {
    await readAndCompare(inlineFile);
  });

  it('prints the read time and peak memory, measured in a process of its own', () => {
    measure(sharedFile, 'by hand, shared strings');
    measure(inlineFile, 'writeXlsx, inline strings');
  });

  it('lets the caller stop early without reading the rest', async () => {
    const book = await openXlsx(inlineFile);
    let n = 0;
    for await (const _ of book.rows()) if (++n === 10) break;
    expect(n).toBe(10);
    await book.close();
  });
});
