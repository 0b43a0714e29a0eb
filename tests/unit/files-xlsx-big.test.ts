/**
 * A county-sized workbook: every cell read back must equal what was written. The sheet XML
 * (inline strings) and the shared strings run to megabytes, so multi-byte characters fall on
 * many chunk boundaries: the bug that turns 邓艳双 into 邓���双 would show here. Also prints the
 * read time and peak RSS (not asserted).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../electron/core/files/xlsx-read';
import { writeXlsx } from '../../electron/core/files/xlsx-write';
import type { Cell } from '../../electron/core/files/rows';
import { writeWithExceljs } from '../support/make-xlsx';
import { ROSTER_HEADER, expectedCells, rosterRows } from '../support/roster';
import { mb, removeTempDirs, rssSampler, tempDir } from '../support/file-helpers';

const ROWS = 60_000;
let dir: string;
let sharedFile: string;
let inlineFile: string;

beforeAll(async () => {
  dir = tempDir();
  sharedFile = path.join(dir, 'roster-shared.xlsx');
  inlineFile = path.join(dir, 'roster-inline.xlsx');
  // exceljs's own streaming writer, shared strings: the Chinese is in xl/sharedStrings.xml.
  function* withHeader() {
    yield ROSTER_HEADER;
    yield* rosterRows(ROWS);
  }
  await writeWithExceljs(sharedFile, [{ name: '花名册', rows: withHeader() }], true);
  // Our writer, inline strings: the Chinese is in the sheet XML itself.
  await writeXlsx(inlineFile, [{ name: '花名册', columns: ROSTER_HEADER.map((header) => ({ header })), rows: rosterRows(ROWS) }], { sharedStrings: false });
}, 60_000);
afterAll(removeTempDirs);

/** Compact form for a mismatch message. */
const show = (cells: Cell[]) => JSON.stringify(cells.map((c) => [c.kind, c.text, c.number]));

async function readAndCompare(file: string, label: string) {
  const rss = rssSampler();
  const before = process.memoryUsage().rss;
  const t0 = performance.now();
  const book = await openXlsx(file);
  const expected = rosterRows(ROWS);
  let n = 0;
  let replacement = 0;
  let mismatches = 0;
  let firstMismatch = '';
  let cells = 0;
  for await (const row of book.rows()) {
    if (n % 5000 === 0) rss.sample();
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
    if (show(row.cells) !== show(want)) {
      mismatches++;
      firstMismatch ||= `row ${row.rowNumber}: got ${show(row.cells)} want ${show(want)}`;
    }
  }
  await book.close();
  const ms = performance.now() - t0;
  const peak = rss.stop();
  const size = fs.statSync(file).size;
  console.log(
    `[files] ${label}: ${ROWS.toLocaleString('en')} rows × ${ROSTER_HEADER.length} columns, ${mb(size)} file: read in ${(ms / 1000).toFixed(2)} s, ` +
      `RSS ${mb(before)} before, peak ${mb(peak)}`,
  );
  expect(firstMismatch).toBe('');
  expect(mismatches).toBe(0);
  expect(replacement).toBe(0);
  expect(n).toBe(ROWS + 1);
  expect(expected.next().done).toBe(true);
  expect(cells).toBeGreaterThan(ROWS * 9);
}

describe('a 60,000-row roster of Chinese text', () => {
  it('reads back every cell of an exceljs workbook (shared strings), with no "�"', async () => {
    await readAndCompare(sharedFile, 'exceljs, shared strings');
  });

  it('reads back every cell of a workbook from writeXlsx (inline strings), with no "�"', async () => {
    await readAndCompare(inlineFile, 'writeXlsx, inline strings');
  });

  it('lets the caller stop early without reading the rest', async () => {
    const book = await openXlsx(inlineFile);
    let n = 0;
    for await (const _ of book.rows()) if (++n === 10) break;
    expect(n).toBe(10);
    await book.close();
  });
});
