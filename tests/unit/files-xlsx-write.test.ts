/** The xlsx writer: what is exported comes back on import, formulas are never written, failures leave no file. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx, type Cells } from '../../electron/core/files/xlsx-write';
import { openXlsx } from '../../electron/core/files/xlsx-read';
import { neutralise, unneutralise } from '../../electron/core/files/rows';
import { collect, texts } from '../support/roster';
import { zipEntryText } from '../support/make-xlsx';
import { refusal, removeTempDirs, tempDir } from '../support/file-helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(removeTempDirs);

const TRICKY = ['=SUM(A1:A9)', '+8613800000000', '-5', '@备注', '\t制表符开头', '\r回车开头', "'=已有引号", "''+两个引号", "'普通引号", '=HYPERLINK("http://x","点我")'];

describe('neutralise / unneutralise', () => {
  it('prefixes an apostrophe to what a spreadsheet could take for a formula, and undoes it exactly', () => {
    expect(neutralise('=1+1')).toBe("'=1+1");
    expect(neutralise('-5')).toBe("'-5");
    expect(neutralise('邓艳双')).toBe('邓艳双');
    expect(neutralise("'普通")).toBe("'普通");
    expect(neutralise("'=x")).toBe("''=x");
    for (const s of [...TRICKY, '', '邓艳双', "'", "''", '5-3', 'a=b']) expect(unneutralise(neutralise(s))).toBe(s);
  });
});

describe('export then import', () => {
  let file: string;
  const rows: Cells[] = [
    ['邓艳双', '430522199001011234', 3, 4523.75, true, '𠮷祥 & <家> "引号"'],
    ['张三', null, -1, 0, false, ''],
    ...TRICKY.map((t, i) => [t, `第${i}行`] as Cells),
    ['含_x000D_字样', '控制\u0001字符', '行一\r\n行二'],
    [new Date(1990, 0, 1), new Date(2024, 2, 5, 14, 30, 0)],
  ];

  beforeAll(async () => {
    file = path.join(dir, '导出.xlsx');
    const result = await writeXlsx(file, [
      { name: '花名册', columns: [{ header: '姓名', width: 10 }, { header: '身份证号', width: 22 }, { header: '家庭人口' }, { header: '收入' }, { header: '脱贫' }, { header: '备注', width: 30 }], rows },
      { name: '第二页/汇总', columns: [{ header: '合计' }], rows: (async function* () { yield [rows.length]; })() },
    ]);
    expect(result.rows).toBe(rows.length + 1);
  });

  it('gives back the strings (restored by unneutralise), numbers as numbers, Chinese intact', async () => {
    const book = await openXlsx(file);
    expect(book.sheets.map((s) => s.name)).toEqual(['花名册', '第二页_汇总']);
    const got = await collect(book.rows());
    await book.close();
    expect(got[0].rowNumber).toBe(1);
    expect(texts(got.slice(0, 1))).toEqual([['姓名', '身份证号', '家庭人口', '收入', '脱贫', '备注']]);
    const data = got.slice(1);
    expect(data.map((r) => r.cells.map((c) => (c.kind === 'string' ? unneutralise(c.text) : c.text)))).toEqual([
      ['邓艳双', '430522199001011234', '3', '4523.75', 'TRUE', '𠮷祥 & <家> "引号"'],
      ['张三', '', '-1', '0', 'FALSE'],
      ...TRICKY.map((t, i) => [t, `第${i}行`]),
      ['含_x000D_字样', '控制\u0001字符', '行一\r\n行二'],
      ['1990-01-01', '2024-03-05 14:30:00'],
    ]);
    expect(data[0].cells.map((c) => c.kind)).toEqual(['string', 'string', 'number', 'number', 'boolean', 'string']);
    expect(data[0].cells[3].number).toBe(4523.75);
    // The neutralised strings carry the apostrophe in the file itself.
    expect(data[2].cells[0].text).toBe("'=SUM(A1:A9)");
    expect(data[2].cells.every((c) => c.kind === 'string')).toBe(true);
  });

  it('writes no formula at all, and every text as a string cell', async () => {
    const xml = await zipEntryText(file, 'xl/worksheets/sheet1.xml');
    expect(xml).not.toMatch(/<f[ >]/);
    expect(xml).toContain('430522199001011234');
    expect(xml).not.toMatch(/<c [^>]*r="B2"[^>]*t="n"/);
  });

  it('has a bold, filled header row, frozen, with the column widths', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('花名册')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const h = ws.getRow(1).getCell(1);
    expect(h.font?.bold).toBe(true);
    expect(h.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } });
    expect(ws.getColumn(1).width).toBe(10);
    expect(ws.getColumn(2).width).toBe(22);
    expect(ws.getColumn(3).width).toBe(12);
    expect(ws.getRow(2).getCell(1).font?.bold).toBeFalsy();
  });

  it('replaces an existing file of the same name', async () => {
    const f = path.join(dir, '覆盖.xlsx');
    fs.writeFileSync(f, 'old');
    await writeXlsx(f, [{ name: 'S', columns: [{ header: '新' }], rows: [['内容']] }]);
    const book = await openXlsx(f);
    expect(texts(await collect(book.rows()))).toEqual([['新'], ['内容']]);
    await book.close();
  });
});

describe('failures leave no file behind', () => {
  it('a folder that does not exist: a clear message, nothing created', async () => {
    const target = path.join(dir, '不存在的文件夹', '导出.xlsx');
    const info = await refusal(() => writeXlsx(target, [{ name: 'S', columns: [{ header: 'a' }], rows: [['1']] }]));
    expect(info.key).toBe('file.writeFolderMissing');
    expect(info.message).toBe(`保存位置「${path.dirname(target)}」不存在（文件夹可能已被删除，或移动存储已拔出），文件「导出.xlsx」没有保存；请重新选择保存位置`);
    expect(fs.existsSync(path.dirname(target))).toBe(false);
  });

  it('rows that fail midway: the old file stays as it was and no temporary file remains', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'mid-'));
    const target = path.join(sub, '花名册.xlsx');
    fs.writeFileSync(target, 'previous export');
    function* rowsThatFail(): Generator<Cells> {
      for (let i = 0; i < 5000; i++) yield [`第${i}行`, i];
      throw new Error('数据库读取失败');
    }
    await expect(writeXlsx(target, [{ name: 'S', columns: [{ header: 'a' }, { header: 'b' }], rows: rowsThatFail() }])).rejects.toThrow('数据库读取失败');
    expect(fs.readFileSync(target, 'utf8')).toBe('previous export');
    expect(fs.readdirSync(sub)).toEqual(['花名册.xlsx']);
  });

  it('a text longer than a cell can hold: refused with where it is, no file', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'long-'));
    const target = path.join(sub, '长.xlsx');
    const info = await refusal(() => writeXlsx(target, [{ name: '花名册', columns: [{ header: 'a' }, { header: 'b' }], rows: [['短', 'x'.repeat(40_000)]] }]));
    expect(info.key).toBe('file.cellTooLong');
    expect(info.message).toContain('第 2 行 B 列');
    expect(fs.readdirSync(sub)).toEqual([]);
  });

  it('stops when aborted, leaving nothing', async () => {
    const sub = fs.mkdtempSync(path.join(dir, 'abort-'));
    const ac = new AbortController();
    function* many(): Generator<Cells> {
      for (let i = 0; i < 100_000; i++) {
        if (i === 2500) ac.abort();
        yield [i];
      }
    }
    await expect(writeXlsx(path.join(sub, 'a.xlsx'), [{ name: 'S', columns: [{ header: 'n' }], rows: many() }], { signal: ac.signal })).rejects.toThrow();
    expect(fs.readdirSync(sub)).toEqual([]);
  });
});
