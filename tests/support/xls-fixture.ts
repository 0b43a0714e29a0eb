/**
 * The source of the committed .xls fixtures (tests/fixtures/xls): a roster in the national layout
 * with rare name characters, plus a sheet of numbers, dates and long strings. The .xls files were
 * made from the xlsx this writes with LibreOffice (`npm run` is not needed in tests):
 *   npx tsx tests/support/xls-fixture.ts tests/fixtures/xls
 *   soffice --headless --convert-to xls --outdir tests/fixtures/xls tests/fixtures/xls/*.xlsx
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeXlsx } from '../../electron/core/files/xlsx-write';
import { NATIONAL_HEADERS, countyRows } from './synthetic-county';

const RARE = ['𠮷', '龘', '𪚥', '䶮', '堃', '喆', '𡒄', '犇'];

/** Roster rows (no header): 150 households of the synthetic county, some names with rare characters. */
export function rosterFixtureRows(): string[][] {
  const rows = [...countyRows({ households: 150, seed: 11 })];
  const nameCol = NATIONAL_HEADERS.indexOf('姓名');
  rows.forEach((r, i) => {
    if (i % 7 === 0) r[nameCol] = r[nameCol].slice(0, 1) + RARE[(i / 7) % RARE.length] + r[nameCol].slice(2);
  });
  return rows;
}

/** A string far longer than one BIFF record (8,224 bytes), so it is split over CONTINUE records. */
export const LONG_CHINESE = Array.from({ length: 6000 }, (_, i) => ['扶', '贫', '𠮷', '龘'][i % 4]).join('');
export const LONG_LATIN = Array.from({ length: 9000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
export const LONG_MIXED = 'abc'.repeat(3000) + '乡村振兴' + 'é'.repeat(5000);

export const OTHER_ROWS: (string | number | Date | boolean | null)[][] = [
  ['项目', '数值'],
  ['整数', 42],
  ['负小数', -3.75],
  ['大整数', 123456789012],
  ['数字形式的身份证号', 430522199001011234],
  ['数字形式的人编号', 43052210012345],
  ['日期', new Date(Date.UTC(2019, 11, 31))],
  ['日期时间', new Date(Date.UTC(2020, 1, 29, 8, 30, 15))],
  ['百分比小数', 0.1 + 0.2],
  ['长中文', LONG_CHINESE],
  ['长英文', LONG_LATIN],
  ['混合', LONG_MIXED],
  ['空值后', null, '第三列'],
];

/** The 证件号码 of the first person of the numeric-ID roster, written as a number (Excel keeps 15 digits). */
export const NUMERIC_ID_ROWS = (): (string | number)[][] => {
  const rows: (string | number)[][] = [...countyRows({ households: 4, seed: 3 })];
  rows[0][NATIONAL_HEADERS.indexOf('证件号码')] = Number(rows[0][NATIONAL_HEADERS.indexOf('证件号码')]);
  return rows;
};

/** Formula results (string, number, boolean, error), booleans, a number shown as text, a hidden second sheet. */
async function writeKinds(file: string, date1904: boolean): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = date1904;
  const ws = wb.addWorksheet('类型');
  ws.addRow(['村', '公式文本', '公式数值', '公式逻辑', '公式错误', '逻辑', '文本格式数字', '日期']);
  const r = ws.addRow(['长青', null, null, null, null, true, 43052219, new Date(Date.UTC(2017, 2, 1))]);
  r.getCell(2).value = { formula: 'A2&"村"', result: '长青村' };
  r.getCell(3).value = { formula: '1+2', result: 3 };
  r.getCell(4).value = { formula: '1>2', result: false };
  r.getCell(5).value = { formula: '1/0', result: { error: '#DIV/0!' } };
  r.getCell(7).numFmt = '@';
  r.getCell(8).numFmt = 'yyyy"年"m"月"d"日"';
  ws.addRow(['枫林', { formula: 'A3&""', result: '' }, null, null, null, false]);
  ws.mergeCells('A5:C5');
  ws.getCell('A5').value = '合并单元格';
  const hidden = wb.addWorksheet('隐藏', { state: 'hidden' });
  hidden.addRow(['隐藏的表']);
  await wb.xlsx.writeFile(file);
}

export async function writeXlsFixtureSources(dir: string): Promise<void> {
  await writeKinds(path.join(dir, 'kinds.xlsx'), false);
  await writeKinds(path.join(dir, 'kinds1904.xlsx'), true);
  await writeXlsx(path.join(dir, 'numeric-id.xlsx'), [{ name: 'Sheet1', columns: NATIONAL_HEADERS.map((h) => ({ header: h })), rows: NUMERIC_ID_ROWS() }]);
  await writeXlsx(path.join(dir, 'roster.xlsx'), [
    { name: '贫困人口花名册', columns: NATIONAL_HEADERS.map((h) => ({ header: h })), rows: rosterFixtureRows() },
    { name: '数值与日期', columns: OTHER_ROWS[0].map((h) => ({ header: String(h) })).concat([{ header: '' }]), rows: OTHER_ROWS.slice(1) },
  ]);
}

if (process.argv[1] && /xls-fixture\.ts$/.test(process.argv[1])) {
  void writeXlsFixtureSources(process.argv[2] ?? 'tests/fixtures/xls');
}
