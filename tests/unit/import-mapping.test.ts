/**
 * Column mapping and 值对照 in the import: headers with units and other brackets are matched, a
 * column that looks like a field is never dropped without a word, and each unknown code value is
 * shown once with its count and mapped as the office chose (remembered for the next import).
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, tempDir, xinshaoApp } from './helpers/app';
import { countyRows, NATIONAL_HEADERS } from '../support/synthetic-county';
import { writeXlsx } from '../../electron/core/files/xlsx-write';
import { commitImport, inspectImport, previewImport, scanImportValues } from '../../electron/core/roster/import-service';
import { fieldForHeader } from '../../shared/roster/layout';
import { checkColumns } from '../../shared/roster/mapping';
import { suggestCode } from '../../shared/roster/value-map';
import { parseIdNumber } from '../../shared/rules/id-number';
import { rosterTotals } from '../../electron/core/roster/roster-service';
import { expand } from '../../electron/core/roster/import-report';

afterEach(cleanup);

const col = (h: string) => NATIONAL_HEADERS.indexOf(h);

async function write(headers: string[], rows: string[][]): Promise<string> {
  const file = path.join(tempDir(), 'export.xlsx');
  await writeXlsx(file, [{ name: '花名册', columns: headers.map((h) => ({ header: h })), rows }], { sharedStrings: false });
  return file;
}

const county = (households: number) => [...countyRows({ households, seed: 11 })];

describe('headers as exports write them', () => {
  it('matches units, brackets and spaces: 「家庭人均纯收入(元)」, 「人数（人）」, 「务工时间 （月）」', () => {
    expect(fieldForHeader('家庭人均纯收入(元)')).toBe('income');
    expect(fieldForHeader('家庭人均纯收入（元）')).toBe('income');
    expect(fieldForHeader('人均纯收入（单位：元）')).toBe('income');
    expect(fieldForHeader('人数（人）')).toBe('size');
    expect(fieldForHeader('务工时间 （月）')).toBe('workMonths');
    expect(fieldForHeader('*证件号码')).toBe('idNumber');
    // A unit that changes the value is not stripped: 万元 is not 元.
    expect(fieldForHeader('人均纯收入(万元)')).toBeUndefined();
  });

  it('flags an unmapped column that looks like a field, and the checked fields no column gives', () => {
    const columns = [
      { index: 0, header: '户编号', field: 'householdNumber' },
      { index: 1, header: '姓名', field: 'name' },
      { index: 2, header: '人均纯收入(万元)', field: null },
      { index: 3, header: '联系电话(户主)', field: null },
      { index: 4, header: '备注', field: null },
    ];
    const check = checkColumns(columns);
    expect(check.suspects.map((s) => [s.header, s.field])).toEqual([
      ['人均纯收入(万元)', 'income'],
      ['联系电话(户主)', 'phone'],
    ]);
    expect(check.unchecked).toEqual(['status', 'exitYear', 'attribute', 'mainCause', 'income', 'health']);
    expect(check.missing).toContain('证件号码');
  });

  it('imports every household income from 「家庭人均纯收入(元)」 (it was 不导入 without a word before)', async () => {
    const t = await xinshaoApp();
    const rows = county(30);
    const headers = NATIONAL_HEADERS.map((h) => (h === '人均纯收入' ? '家庭人均纯收入(元)' : h === '人数' ? '人数（人）' : h));
    const file = await write(headers, rows);
    const inspect = await inspectImport(file);
    expect(inspect.mapping.columns.find((c) => c.header === '家庭人均纯收入(元)')?.field).toBe('income');
    const preview = await previewImport(t.app.ctx(), file);
    await commitImport(t.app.ctx(), preview.token);
    const stored = t.app.db.raw.prepare('SELECT count(*) AS n FROM household WHERE reported_income_fen IS NOT NULL').get() as { n: number };
    const inFile = new Set(rows.filter((r) => r[col('人均纯收入')] !== '').map((r) => r[col('户编号')])).size;
    expect(inFile).toBeGreaterThan(20);
    expect(stored.n).toBe(inFile);
  });

  it('stops before the preview when a column looks like a field and is left out, until the user confirms', async () => {
    const t = await xinshaoApp();
    const headers = NATIONAL_HEADERS.map((h) => (h === '人均纯收入' ? '人均纯收入(万元)' : h));
    const file = await write(headers, county(5));
    await expect(previewImport(t.app.ctx(), file)).rejects.toMatchObject({ info: { key: 'roster.file.unmappedSuspects', params: { columns: '「人均纯收入(万元)」（像「人均纯收入」）' } } });
    const preview = await previewImport(t.app.ctx(), file, { confirmUnmapped: true });
    expect(preview.plan.fields).not.toContain('income');
  });
});

describe('值对照: unknown code values', () => {
  function legacyRows() {
    const rows = county(40);
    // The 2017-era national export: 已脱贫 without the later split; township sheets' 五保户.
    let legacy = 0;
    for (const r of rows) {
      if (r[col('脱贫属性')].startsWith('已脱贫')) {
        r[col('脱贫属性')] = '已脱贫';
        legacy++;
      }
      if (r[col('贫困户属性')] === '特困供养贫困户') r[col('贫困户属性')] = '五保户';
      if (r[col('健康状况')] === '长期慢性病') r[col('健康状况')] = '长期慢性病患者';
    }
    return { rows, legacy };
  }

  it('lists each unknown value once with its count and a suggestion', async () => {
    const t = await xinshaoApp();
    const { rows, legacy } = legacyRows();
    const file = await write(NATIONAL_HEADERS, rows);
    const scan = await scanImportValues(t.app.ctx(), file);
    const status = scan.values.filter((v) => v.field === 'status');
    expect(status).toEqual([{ field: 'status', list: 'status', raw: '已脱贫', count: legacy, firstRow: expect.any(Number), suggestion: '已脱贫(享受政策)', source: 'known' }]);
    const wubao = rows.filter((r) => r[col('贫困户属性')] === '五保户').length;
    expect(scan.values.find((v) => v.raw === '五保户')).toMatchObject({ count: wubao, suggestion: '特困供养贫困户', source: 'known' });
    expect(scan.values.find((v) => v.raw === '长期慢性病患者')).toMatchObject({ suggestion: '长期慢性病', source: 'known' });
    expect(scan.entries.status).toContain('未脱贫');
  });

  it('an import without the screen (the CLI) maps known older spellings, so 已脱贫 counts and is stored as 已脱贫(享受政策)', async () => {
    const t = await xinshaoApp();
    const { rows } = legacyRows();
    const file = await write(NATIONAL_HEADERS, rows);
    const preview = await previewImport(t.app.ctx(), file);
    expect(expand(preview.plan.groups).filter((i) => i.rule === 'UNKNOWN_CODE' && i.field === 'status')).toEqual([]);
    expect(preview.mapped.find((m) => m.raw === '已脱贫')).toMatchObject({ field: 'status', code: '已脱贫(享受政策)' });
    await commitImport(t.app.ctx(), preview.token);
    const statuses = t.app.db.raw.prepare('SELECT DISTINCT status FROM household ORDER BY status').all() as { status: string }[];
    expect(statuses.map((s) => s.status)).not.toContain('已脱贫');
    const exitedInFile = new Set(rows.filter((r) => r[col('脱贫属性')] === '已脱贫').map((r) => r[col('户编号')])).size;
    const totals = await rosterTotals(t.app.ctx(), {});
    expect(totals.exitedHouseholds).toBe(exitedInFile);
  });

  it('remembers the user’s choice: 五保户 recorded as 低保贫困户 this time is suggested and applied next time', async () => {
    const t = await xinshaoApp();
    const { rows } = legacyRows();
    const file = await write(NATIONAL_HEADERS, rows);
    const preview = await previewImport(t.app.ctx(), file, {
      values: [
        { field: 'attribute', raw: '五保户', code: '低保贫困户' },
        { field: 'status', raw: '已脱贫', code: '已脱贫(不再享受政策)' },
        { field: 'health', raw: '长期慢性病患者', code: null },
      ],
    });
    expect(preview.mapped.map((m) => [m.raw, m.code])).toEqual(
      expect.arrayContaining([
        ['五保户', '低保贫困户'],
        ['已脱贫', '已脱贫(不再享受政策)'],
      ]),
    );
    // Kept as it is: a note in the report, the value stored unchanged.
    expect(expand(preview.plan.groups).some((i) => i.rule === 'UNKNOWN_CODE' && i.field === 'health')).toBe(true);

    const scan = await scanImportValues(t.app.ctx(), file);
    expect(scan.values.find((v) => v.raw === '五保户')).toMatchObject({ suggestion: '低保贫困户', source: 'remembered' });
    expect(scan.values.find((v) => v.raw === '长期慢性病患者')).toMatchObject({ suggestion: null, source: 'remembered' });
    // Without the screen, the remembered choice wins over the known spelling.
    const again = await previewImport(t.app.ctx(), file);
    expect(again.mapped.find((m) => m.raw === '已脱贫')?.code).toBe('已脱贫(不再享受政策)');
    expect(again.mapped.find((m) => m.raw === '长期慢性病患者')).toBeUndefined();
  });

  it('suggests only what it can tell: the same entry in other brackets, or one entry it begins with', () => {
    const entries = ['健康', '长期慢性病', '大病', '残疾'];
    expect(suggestCode('health', '残疾人', entries, new Map())).toEqual({ code: '残疾', source: 'known' });
    expect(suggestCode('health', '慢性病', entries, new Map())).toBeNull();
    expect(suggestCode('status', '已脱贫（享受政策）', ['未脱贫', '已脱贫(享受政策)'], new Map())).toEqual({ code: '已脱贫(享受政策)', source: 'known' });
    expect(suggestCode('health', '大病患者', entries, new Map())).toEqual({ code: '大病', source: 'similar' });
    // A remembered entry the office has since retired is not suggested.
    expect(suggestCode('health', '病', entries, new Map([['病', '重病']]))).toBeNull();
  });
});

describe('ID numbers: each problem its own rule', () => {
  const today = new Date('2026-12-03T00:00:00Z');
  const make = (first17: string) => {
    const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let s = 0;
    for (let i = 0; i < 17; i++) s += Number(first17[i]) * w[i];
    return first17 + '10X98765432'[s % 11];
  };
  it('tells a region code that does not exist, a date that does not exist and a date after today apart', () => {
    expect(parseIdNumber(make('43052219800101001'), today).ok).toBe(true);
    expect(parseIdNumber(make('99052219800101001'), today)).toEqual({ ok: false, problem: 'region' });
    expect(parseIdNumber(make('43052219800231001'), today)).toEqual({ ok: false, problem: 'birth' });
    expect(parseIdNumber(make('43052220300101001'), today)).toEqual({ ok: false, problem: 'birthFuture' });
    expect(parseIdNumber('430522198001010010', today)).toMatchObject({ ok: false });
  });
});

describe('status history after an import', () => {
  it('dates an exited household’s entry by its 脱贫年度, not the import day', async () => {
    const t = await xinshaoApp({ now: () => new Date('2026-12-03T08:00:00Z') });
    const rows = county(30);
    const preview = await previewImport(t.app.ctx(), await write(NATIONAL_HEADERS, rows));
    await commitImport(t.app.ctx(), preview.token);
    const entries = t.app.db.raw
      .prepare('SELECT h.status, h.exit_year AS exitYear, s.effective_date AS date, s.note FROM household h JOIN household_status s ON s.household_id = h.id')
      .all() as { status: string; exitYear: number | null; date: string; note: string }[];
    const exited = entries.filter((e) => e.status.startsWith('已脱贫') && e.exitYear);
    expect(exited.length).toBeGreaterThan(5);
    for (const e of exited) expect(e).toMatchObject({ date: `${e.exitYear}-12-31`, note: `导入（脱贫年度 ${e.exitYear}）` });
    for (const e of entries.filter((x) => x.status === '未脱贫')) expect(e).toMatchObject({ date: '2026-12-03', note: '导入' });
  });
});
