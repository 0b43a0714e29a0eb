/** `ledger list` / `ledger export` on a seed-demo folder: sample items, some overdue, and a sample month. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/core/app/app';
import { monthView } from '../../electron/core/ledger/monthly-service';
import { localDay } from '../../shared/ledger/views';
import { cleanup, tempDir, track } from './helpers/app';
import { pdfText } from '../support/pdf';
import { cli } from '../support/cli';

afterEach(cleanup);

describe('ledger CLI', () => {
  it('seed-demo writes sample items (some overdue) and a month of tasks; list, --overdue, --json and export work', async () => {
    const dir = tempDir();
    expect((await cli('--data-dir', dir, 'seed-demo')).code).toBe(0);

    const all = await cli('--data-dir', dir, 'ledger', 'list', '--json');
    expect(all.code).toBe(0);
    const doc = JSON.parse(all.out);
    expect(doc.items.length).toBe(8);
    expect(doc.counts.overdue).toBeGreaterThan(0);
    expect(doc.counts.closed).toBe(1);
    expect(doc.items.every((i: { source: string }) => i.source.includes('示例'))).toBe(true);

    const overdue = JSON.parse((await cli('--data-dir', dir, 'ledger', 'list', '--overdue', '--json')).out);
    expect(overdue.items.length).toBe(doc.counts.overdue);
    expect(overdue.items.every((i: { overdue: boolean; deadline: string }) => i.overdue && i.deadline < doc.today)).toBe(true);

    const text = await cli('--data-dir', dir, 'ledger', 'list', '--overdue');
    expect(text.out).toContain('【逾期】');
    expect(text.out.split('\n')[0]).toContain(`已逾期 ${doc.counts.overdue} 条`);

    const xlsx = path.join(dir, '台账.xlsx');
    const ex = await cli('--data-dir', dir, 'ledger', 'export', xlsx, '--json');
    expect(JSON.parse(ex.out)).toMatchObject({ rows: 8, view: 'all' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0].rowCount).toBe(9);

    const pdf = path.join(dir, '台账.pdf');
    expect((await cli('--data-dir', dir, 'ledger', 'export', pdf, '--overdue')).code).toBe(0);
    expect(pdfText(pdf).replace(/\s+/g, '')).toContain('视图：已逾期');

    const bad = await cli('--data-dir', dir, 'ledger', 'export', path.join(dir, 'x.doc'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('.xlsx 或 .pdf');
    expect(fs.existsSync(path.join(dir, 'x.doc'))).toBe(false);

    const app = track(await openApp(dir));
    const month = await monthView(app.ctx(), localDay(new Date()).slice(0, 7));
    expect(month.tasks.length).toBe(6);
    expect(month.assessment.units.length).toBe(6);
  });
});
