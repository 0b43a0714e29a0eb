/**
 * The error workbook: the rejected rows exactly as they were in the file, plus a column saying
 * what is wrong, in Chinese, so the user can fix them in Excel and import that workbook again.
 */
import { readTable } from '../files/read-table';
import { writeXlsx, type Cells } from '../files/xlsx-write';
import type { ImportPlan } from './import-types';
import { messagesOfRows } from './import-report';

export const ERROR_COLUMN = '错误说明';

export async function writeErrorWorkbook(source: string, sheet: number, headerRow: number, plan: ImportPlan, out: string): Promise<number> {
  const rejected = new Set(plan.rejectedRows);
  // The full per-row list lives only here: each rejected row's findings, from the grouped report.
  const messages = messagesOfRows(plan.groups, rejected);
  const table = await readTable(source);
  let header: string[] = [];
  let written = 0;
  try {
    const rows = table.rows(sheet);
    async function* body(): AsyncGenerator<Cells> {
      for await (const r of rows) {
        if (r.rowNumber === headerRow) {
          header = r.cells.map((c) => c.text);
          continue;
        }
        if (!rejected.has(r.rowNumber)) continue;
        written++;
        const cells = r.cells.map((c) => c.text);
        while (cells.length < header.length) cells.push('');
        yield [...cells, (messages.get(r.rowNumber) ?? []).join('；'), r.rowNumber];
      }
    }
    // The header must be known before the sheet's columns are declared: read it first.
    for await (const r of table.rows(sheet)) {
      if (r.rowNumber === headerRow) {
        header = r.cells.map((c) => c.text);
        break;
      }
    }
    await writeXlsx(out, [
      {
        name: '未导入的行',
        columns: [...header.map((h) => ({ header: h, width: 12 })), { header: ERROR_COLUMN, width: 60 }, { header: '原行号', width: 8 }],
        rows: body(),
      },
    ]);
  } finally {
    await table.close();
  }
  return written;
}
