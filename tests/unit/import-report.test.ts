/**
 * The import report a clerk reads: a realistic export gives no false findings, findings are
 * grouped (one line per rule, column and value, with counts and rows), personal data is masked,
 * each ID problem keeps its own rule, numbers that lost digits are refused, a hopeless sheet is
 * stopped early with bounded memory, and the CLI prints the groups and fails when every row is refused.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, tempDir, xinshaoApp } from './helpers/app';
import { countyRows, NATIONAL_HEADERS } from '../support/synthetic-county';
import { realisticExport } from '../support/realistic-export';
import { writeXlsx } from '../../electron/core/files/xlsx-write';
import { previewImport } from '../../electron/core/roster/import-service';
import { planImport, EARLY_ROWS } from '../../electron/core/roster/import-plan';
import { readImportBase } from '../../electron/core/roster/import-repo';
import { checkMapping, detectMapping } from '../../electron/core/roster/import-map';
import { expand, summarise } from '../../electron/core/roster/import-report';
import type { SheetRow } from '../../electron/core/roster/import-types';
import { cli } from '../support/cli';

afterEach(cleanup);

const col = (h: string) => NATIONAL_HEADERS.indexOf(h);

async function write(headers: string[], rows: string[][], name = 'export.xlsx', numberColumns: number[] = []): Promise<string> {
  const file = path.join(tempDir(), name);
  const body = rows.map((r) => r.map((v, i) => (numberColumns.includes(i) && v !== '' ? Number(v) : v)));
  await writeXlsx(file, [{ name: '花名册', columns: headers.map((h) => ({ header: h })), rows: body as never }], { sharedStrings: false });
  return file;
}

describe('a realistic national export', () => {
  it('reports no difference for household fields left blank on member rows, and each legacy value once', async () => {
    const t = await xinshaoApp();
    const x = realisticExport({ households: 300, seed: 5 });
    // One more legacy value the office has not mapped: reported as one group, not once per row.
    let odd = 0;
    for (const r of x.rows) if (r[col('文化程度')] === '初中') (r[col('文化程度')] = '初级中学'), odd++;
    const file = await write(x.headers, x.rows);
    const preview = await previewImport(t.app.ctx(), file);
    const groups = preview.plan.groups;
    expect(groups.filter((g) => g.rule === 'FIELD_DIFFERS')).toEqual([]);
    const unknown = groups.filter((g) => g.rule === 'UNKNOWN_CODE');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ column: '文化程度', count: odd, severity: 'warning' });
    expect(unknown[0].rows).toHaveLength(odd);
    // A clerk's report: a handful of lines, not one per row.
    expect(groups.length).toBeLessThanOrEqual(3);
    expect(preview.plan.householdCounts.rejected).toBe(0);
  });

  it('still warns when a member row gives a different value (not a blank one)', async () => {
    const t = await xinshaoApp();
    const rows = [...countyRows({ households: 30, seed: 3 })];
    const members = rows.filter((r, i) => i > 0 && rows[i - 1][col('户编号')] === r[col('户编号')]);
    members[0][col('主要致贫原因')] = members[0][col('主要致贫原因')] === '因病' ? '因学' : '因病';
    members[1][col('联系电话')] = '13900001111';
    const preview = await previewImport(t.app.ctx(), await write(NATIONAL_HEADERS, rows));
    const differs = expand(preview.plan.groups).filter((i) => i.rule === 'FIELD_DIFFERS');
    expect(differs.map((d) => d.column).sort()).toEqual(['主要致贫原因', '联系电话'].sort());
    // The phone quoted in the message is masked.
    const phone = differs.find((d) => d.column === '联系电话')!;
    expect(phone.message).not.toMatch(/1[3-9]\d{9}/);
  });
});

describe('numbers that lost digits, and ID problems by name', () => {
  it('refuses 人编号 and ID numbers stored as numbers or written as 4.30522E+17, without quoting the digits', async () => {
    const t = await xinshaoApp();
    const rows = [...countyRows({ households: 6, seed: 9 })];
    rows[2][col('证件号码')] = '4.30522E+17';
    const file = await write(NATIONAL_HEADERS, rows, 'numbers.xlsx', [col('人编号')]);
    const preview = await previewImport(t.app.ctx(), file);
    const all = expand(preview.plan.groups);
    const personNumbers = all.filter((i) => i.rule === 'ID_NUMERIC' && i.field === 'personNumber');
    expect(personNumbers).toHaveLength(rows.length);
    const sci = all.find((i) => i.rule === 'ID_NUMERIC' && i.field === 'idNumber' && i.row === 4)!;
    expect(sci.message).toContain('存成了数字');
    expect(all.filter((i) => i.rule === 'ID_LENGTH')).toEqual([]);
    for (const i of all) expect(i.message).not.toMatch(/\d{15}/);
    expect(preview.plan.householdCounts.added).toBe(0);
  });

  it('names an impossible birth date, a future one and a wrong check digit apart', async () => {
    const t = await xinshaoApp({ now: () => new Date('2026-12-03T08:00:00Z') });
    const rows = [...countyRows({ households: 12, seed: 4 })];
    const heads = rows.filter((r) => r[col('与户主关系')] === '户主');
    const withCheck = (first17: string) => {
      const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
      let s = 0;
      for (let i = 0; i < 17; i++) s += Number(first17[i]) * w[i];
      return first17 + '10X98765432'[s % 11];
    };
    heads[0][col('证件号码')] = withCheck('43052219800231001'); // 31 February
    heads[1][col('证件号码')] = withCheck('43052220300101001'); // 2030
    const id = heads[2][col('证件号码')];
    heads[2][col('证件号码')] = id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    heads[3][col('证件号码')] = withCheck('99052219800101001');
    const preview = await previewImport(t.app.ctx(), await write(NATIONAL_HEADERS, rows));
    const rules = new Set(preview.plan.groups.map((g) => g.rule));
    for (const r of ['ID_BIRTH', 'ID_BIRTH_FUTURE', 'ID_CHECK', 'ID_REGION']) expect(rules, r).toContain(r);
    const future = preview.plan.groups.find((g) => g.rule === 'ID_BIRTH_FUTURE')!;
    expect(future.message).toBe('身份证号码中的出生日期晚于今天，请核对');
  });
});

describe('a sheet that is mostly refused', () => {
  it('stops early with a plain message, holding a bounded amount of memory, on a 1,048,575-row sheet', async () => {
    const t = await xinshaoApp();
    const header = NATIONAL_HEADERS;
    const mapping = detectMapping([{ rowNumber: 1, cells: header }]);
    const columns = checkMapping(mapping.columns);
    const { context } = await readImportBase(t.app.db, [...columns.keys()]);
    const template = [...countyRows({ households: 1, seed: 1 })][0];
    let produced = 0;
    function* rows(): Generator<SheetRow> {
      for (let n = 2; n <= 1_048_576; n++) {
        produced++;
        const cells = template.map((v, i) => ({ kind: 'string', text: i === col('证件号码') ? `43052219800101${String(n).padStart(4, '0')}` : i === col('户编号') ? String(n) : v }));
        yield { rowNumber: n, cells };
      }
    }
    const before = process.memoryUsage().heapUsed;
    await expect(planImport({ file: 'big.xlsx', rows: rows(), headerRow: 1, columns, context, today: new Date() })).rejects.toMatchObject({
      info: { key: 'roster.import.mostRejected' },
    });
    expect(produced).toBe(EARLY_ROWS);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('the CLI', () => {
  it('prints one line per group with counts and first rows; --json gives every row; exit 1 when every row is refused', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, 'init', '--county-code', '430522', '--county-name', '新邵县');
    const rows = [...countyRows({ households: 4, seed: 2 })];
    for (const r of rows) r[col('证件号码')] = r[col('证件号码')].slice(0, 17) + (r[col('证件号码')][17] === '1' ? '2' : '1');
    const file = await write(NATIONAL_HEADERS, rows, 'bad.xlsx');
    const r = await cli('--data-dir', dir, 'import-roster', file);
    expect(r.code).toBe(1);
    expect(r.out).toContain('全部数据行都被拒绝');
    const line = r.out.split('\n').find((l) => l.includes('ID_CHECK'))!;
    expect(line).toContain(`${rows.length} 处`);
    expect(line).toContain('第 2、3、4、5、6 行');
    const j = await cli('--data-dir', dir, 'import-roster', file, '--json', '--dry-run');
    const doc = JSON.parse(j.out);
    const group = doc.groups.find((g: { rule: string }) => g.rule === 'ID_CHECK');
    expect(group.rows).toEqual(rows.map((_, i) => i + 2));
    expect(summarise([], 5)).toEqual([]);
  });
});
