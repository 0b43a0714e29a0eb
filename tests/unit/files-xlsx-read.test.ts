/** The streaming xlsx reader on small workbooks: what each kind of cell reads as, and the files it must refuse. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openXlsx } from '../../electron/core/files/xlsx-read';
import { readTable } from '../../electron/core/files/read-table';
import { cell, writeHandBook, writeWithExceljs, writeZip, type HandBook } from '../support/make-xlsx';
import { collect, texts } from '../support/roster';
import { refusal, removeTempDirs, tempDir } from '../support/file-helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(removeTempDirs);

const SST = [
  '<t>双峰县建档立卡人口花名册（2024年）</t>',
  '<t>姓名</t>',
  '<t>身份证号</t>',
  '<t>出生日期</t>',
  '<t>家庭人口</t>',
  '<t>是否脱贫</t>',
  '<t>备注</t>',
  '<t>邓艳双</t>',
  // Rich text runs, and a phonetic guide that is not part of the text.
  '<r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh><phoneticPr fontId="1"/>',
  '<t>第一行_x000D_\n第二行 &amp; &lt;三&gt;</t>',
  '<t></t>',
  '<t>_x005F_x000D_ 原样</t>',
];

const STYLES =
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
  '<numFmt numFmtId="165" formatCode="0.00_ ;[Red]\\-0.00\\ "/></numFmts>' +
  '<cellStyleXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>' +
  // 0 General, 1 built-in date, 2 custom Chinese date, 3 date+time, 4 custom number, 5 text (@), 6 built-in 31 (年月日 in a Chinese Excel), 7 time
  '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="165"/><xf numFmtId="49"/><xf numFmtId="31"/><xf numFmtId="20"/></cellXfs>';

const SHEET1 =
  '<dimension ref="A1:F10"/><sheetData>' +
  `<row r="1">${cell.s('A1', 0)}</row>` +
  `<row r="2">${cell.inline('A2', '制表单位：双峰县扶贫办')}</row>` +
  `<row r="3">${[1, 2, 3, 4, 5, 6].map((i) => cell.s(`${'ABCDEF'[i - 1]}3`, i)).join('')}</row>` +
  `<row r="4">${cell.s('A4', 7)}${cell.inline('B4', '430522199001011234')}${cell.n('C4', 32874, 1)}${cell.n('D4', 3)}<c r="E4" t="b"><v>1</v></c>${cell.s('F4', 8)}</row>` +
  `<row r="5">${cell.s('A5', 9)}<c r="C5" s="1"/>${cell.n('D5', 4.5, 4)}<c r="E5" t="e"><v>#N/A</v></c><c r="F5" t="str"><f>A5&amp;"x"</f><v>甲x</v></c></row>` +
  // No r= on the cells: they follow one another from column A.
  `<row r="7"><c t="s"><v>10</v></c><c><v>0.1</v></c><c s="2"><v>45292</v></c><c s="3"><v>45292.5</v></c><c s="6"><v>60</v></c><c s="7"><v>0.75</v></c></row>` +
  `<row r="8"><c r="A8" s="1"/>${cell.s('B8', 10)}</row>` +
  `<row r="9">${cell.n('A9', 123456789012345)}${cell.n('B9', '4.3052219900101101E+17')}${cell.n('C9', '1E-3')}${cell.n('D9', 42, 5)}${cell.s('E9', 11)}` +
  `<c r="F9" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 文本 </t></r></is></c></row>` +
  `<row r="10"><c r="A10" t="d"><v>2024-03-05T00:00:00Z</v></c></row>` +
  '</sheetData><mergeCells count="2"><mergeCell ref="A1:F1"/><mergeCell ref="A2:C2"/></mergeCells>';

const HAND: HandBook = {
  sheets: [
    { name: '花名册', body: SHEET1 },
    {
      name: '第二页',
      prefix: 'x:',
      body: '<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>第二页内容</x:t></x:is></x:c><x:c r="C1"><x:v>7</x:v></x:c></x:row></x:sheetData>',
    },
    { name: '隐藏', state: 'hidden', body: '<sheetData/>' },
  ],
  sharedStrings: SST,
  styles: STYLES,
};

describe('a workbook written by hand, with the sheet before the shared strings in the zip', () => {
  let file: string;
  beforeAll(async () => {
    file = path.join(dir, 'hand.xlsx');
    await writeHandBook(file, HAND);
  });

  it('lists the sheets, hidden ones marked', async () => {
    const book = await openXlsx(file);
    expect(book.sheets).toEqual([
      { index: 0, name: '花名册', hidden: false },
      { index: 1, name: '第二页', hidden: false },
      { index: 2, name: '隐藏', hidden: true },
    ]);
    expect(book.date1904).toBe(false);
    await book.close();
  });

  it('reads every kind of cell as the user sees it, placed by its column, with the sheet row numbers', async () => {
    const book = await openXlsx(file);
    const sheet = book.rows();
    const rows = await collect(sheet);
    await book.close();
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 5, 7, 9, 10]); // 6 absent, 8 holds no value
    expect(texts(rows)).toEqual([
      ['双峰县建档立卡人口花名册（2024年）'],
      ['制表单位：双峰县扶贫办'],
      ['姓名', '身份证号', '出生日期', '家庭人口', '是否脱贫', '备注'],
      ['邓艳双', '430522199001011234', '1990-01-01', '3', 'TRUE', '张三 '],
      ['第一行\r\n第二行 & <三>', '', '', '4.5', '#N/A', '甲x'],
      ['', '0.1', '2024-01-01', '2024-01-01 12:00:00', '1900-02-29', '18:00:00'],
      ['123456789012345', '430522199001011000', '0.001', '42', '_x000D_ 原样', '富 文本 '],
      ['2024-03-05'],
    ]);
    const [, , , r4, r5, r7] = rows;
    expect(r4.cells.map((c) => c.kind)).toEqual(['string', 'string', 'date', 'number', 'boolean', 'string']);
    expect(r4.cells[2].number).toBe(32874);
    expect(r4.cells[3].number).toBe(3);
    expect(r5.cells.map((c) => c.kind)).toEqual(['string', 'empty', 'empty', 'number', 'error', 'string']);
    expect(r7.cells.map((c) => c.kind)).toEqual(['empty', 'number', 'date', 'date', 'date', 'date']);
    expect(sheet.mergedCells).toEqual([
      { ref: 'A1:F1', firstRow: 1, lastRow: 1, firstCol: 0, lastCol: 5 },
      { ref: 'A2:C2', firstRow: 2, lastRow: 2, firstCol: 0, lastCol: 2 },
    ]);
  });

  it('reads another sheet by name or index, also with prefixed element names', async () => {
    const book = await openXlsx(file);
    expect(texts(await collect(book.rows('第二页')))).toEqual([['第二页内容', '', '7']]);
    expect(texts(await collect(book.rows(1)))).toEqual([['第二页内容', '', '7']]);
    expect(await collect(book.rows('隐藏'))).toEqual([]);
    expect(() => book.rows('不存在')).toThrowError(/没有名为「不存在」的工作表/);
    expect(() => book.rows(5)).toThrowError(/只有 3 个工作表，没有第 6 个/);
    await book.close();
  });

  it('reads the first sheet the user can see by default, skipping hidden ones', async () => {
    const f = path.join(dir, 'hidden-first.xlsx');
    await writeHandBook(f, { sheets: [HAND.sheets[2], HAND.sheets[1]] });
    const book = await openXlsx(f);
    expect(texts(await collect(book.rows()))).toEqual([['第二页内容', '', '7']]);
    await book.close();
  });

  it('gives the same rows whatever the order of the parts in the zip', async () => {
    const other = path.join(dir, 'conventional.xlsx');
    await writeHandBook(other, { ...HAND, order: 'conventional' });
    const a = await openXlsx(file);
    const b = await openXlsx(other);
    expect(await collect(b.rows())).toEqual(await collect(a.rows()));
    await a.close();
    await b.close();
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const f = path.join(dir, '1904.xlsx');
    await writeHandBook(f, { ...HAND, date1904: true, sheets: [{ name: 'S', body: `<sheetData><row r="1">${cell.n('A1', 0, 1)}${cell.n('B1', 43830, 1)}</row></sheetData>` }] });
    const book = await openXlsx(f);
    expect(book.date1904).toBe(true);
    expect(texts(await collect(book.rows()))).toEqual([['1904-01-01', '2024-01-01']]);
    await book.close();
  });

  it('reports progress in bytes of the sheet and stops when aborted', async () => {
    const book = await openXlsx(file);
    const seen: [number, number][] = [];
    await collect(book.rows(0, { onProgress: (a, b) => seen.push([a, b]) }));
    expect(seen.length).toBeGreaterThan(0);
    const [last, total] = seen[seen.length - 1];
    expect(last).toBe(total);
    const ac = new AbortController();
    ac.abort();
    await expect(collect(book.rows(0, { signal: ac.signal }))).rejects.toThrow();
    await book.close();
  });
});

describe('a workbook written by exceljs', () => {
  it('reads the title rows, header, dates, numbers, booleans and blanks', async () => {
    const file = path.join(dir, 'exceljs.xlsx');
    const born = new Date(Date.UTC(1990, 0, 1));
    await writeWithExceljs(file, [
      {
        name: '花名册',
        merges: ['A1:E1'],
        dateColumns: [2],
        rows: [
          ['双峰县建档立卡人口花名册', null, null, null, null],
          ['姓名', '身份证号', '出生日期', '家庭人口', '是否脱贫'],
          ['邓艳双', '430522199001011234', born, 3, true],
          ['𠮷祥', null, null, 2.25, false],
          [null, null, null, null, null],
          ['王五', '=1+1', null, -1, null],
        ],
      },
    ]);
    const table = await readTable(file);
    const sheet = table.rows();
    const rows = await collect(sheet);
    await table.close();
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 4, 6]);
    expect(texts(rows)).toEqual([
      ['双峰县建档立卡人口花名册'],
      ['姓名', '身份证号', '出生日期', '家庭人口', '是否脱贫'],
      ['邓艳双', '430522199001011234', '1990-01-01', '3', 'TRUE'],
      ['𠮷祥', '', '', '2.25', 'FALSE'],
      ['王五', '=1+1', '', '-1'],
    ]);
    expect(rows[2].cells[2].kind).toBe('date');
    expect(rows[4].cells[1].kind).toBe('string');
    expect(sheet.mergedCells.map((m) => m.ref)).toEqual(['A1:E1']);
  });
});

describe('files the reader refuses, each with its own message and never hanging', () => {
  const make = (name: string, data: string | Buffer) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, data);
    return f;
  };

  it('a text file named .xlsx', async () => {
    const f = make('文本.xlsx', '姓名,身份证号\n张三,430522\n');
    for (const open of [() => openXlsx(f), () => readTable(f)]) {
      const info = await refusal(open);
      expect(info.key).toBe('file.unknownType');
      expect(info.message).toBe('文件「文本.xlsx」不是 Excel（.xlsx、.xls）或 CSV 文件');
    }
  });

  it('an OLE compound file (old .xls, encrypted workbook): not an xlsx; readTable reads it as .xls, and a broken one is damaged', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    for (const name of ['旧表.xls', '加密.xlsx']) {
      expect((await refusal(() => openXlsx(make(name, ole)))).key).toBe('file.xlsOrEncrypted');
      const info = await refusal(() => readTable(make(name, ole)));
      expect(info.key).toBe('file.corrupt');
      expect(info.message).toContain(`文件「${name}」已损坏或不完整`);
    }
  });

  it('a web page saved as .xls', async () => {
    const f = make('系统导出.xls', '<html><body><table><tr><td>姓名</td></tr></table></body></html>');
    expect((await refusal(() => readTable(f))).key).toBe('file.markupXls');
  });

  it('a truncated or damaged workbook', async () => {
    const good = path.join(dir, 'good.xlsx');
    await writeHandBook(good, HAND);
    const bytes = fs.readFileSync(good);
    const truncated = make('截断.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const info = await refusal(() => readTable(truncated));
    expect(info.key).toBe('file.corrupt');
    expect(info.message).toContain('文件「截断.xlsx」已损坏或不完整');
    // Damage inside the compressed sheet: noticed while reading rows.
    const damaged = Buffer.from(bytes);
    for (let i = 120; i < 400; i += 7) damaged[i] ^= 0x5a;
    const f = make('损坏.xlsx', damaged);
    expect((await refusal(async () => collect((await openXlsx(f)).rows()))).key).toBe('file.corrupt');
  });

  it('malformed XML, a missing shared string, bytes that are not UTF-8', async () => {
    const cases: [string, HandBook][] = [
      ['unclosed.xlsx', { sheets: [{ name: 'S', body: '<sheetData><row r="1"><c r="A1"><v>1</v></c>' }] }],
      ['sst.xlsx', { sheets: [{ name: 'S', body: `<sheetData><row r="1">${cell.s('A1', 5)}</row></sheetData>` }], sharedStrings: ['<t>只有一个</t>'] }],
      [
        'bytes.xlsx',
        {
          sheets: [{ name: 'S', body: '<sheetData/>' }],
          extra: [{ name: 'xl/sharedStrings.xml', data: Buffer.concat([Buffer.from('<sst><si><t>'), Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]), Buffer.from('</t></si></sst>')]) }],
        },
      ],
    ];
    for (const [name, book] of cases) {
      const f = path.join(dir, name);
      await writeHandBook(f, book);
      const info = await refusal(async () => {
        const b = await openXlsx(f);
        try {
          await collect(b.rows());
        } finally {
          await b.close();
        }
      });
      expect(info.key, name).toBe('file.corrupt');
    }
  });

  it('a zip that is not a workbook, and a workbook without worksheets', async () => {
    const f = path.join(dir, '压缩包.xlsx');
    await writeZip(f, [{ name: 'readme.txt', data: '说明' }]);
    const info = await refusal(() => readTable(f));
    expect(info.key).toBe('file.notXlsx');
    expect(info.message).toContain('不是 Excel 工作簿');
    const g = path.join(dir, '无表.xlsx');
    await writeHandBook(g, { sheets: [] });
    expect((await refusal(() => openXlsx(g))).key).toBe('file.noSheet');
  });

  it('an empty file, a missing file, a folder', async () => {
    expect((await refusal(() => readTable(make('空.xlsx', '')))).message).toBe('文件「空.xlsx」是空的，里面没有任何内容');
    expect((await refusal(() => openXlsx(path.join(dir, '没有.xlsx')))).key).toBe('file.notFound');
    expect((await refusal(() => readTable(dir))).key).toBe('file.notAFile');
  });

  it('a part that unpacks to too much, or compresses suspiciously well (zip bomb)', async () => {
    const f = path.join(dir, 'bomb.xlsx');
    const row = `<row>${cell.n('A1', 1)}</row>`;
    await writeHandBook(f, { sheets: [{ name: 'S', body: `<sheetData>${row.repeat(40_000)}</sheetData>` }] });
    const size = fs.statSync(f).size;
    expect(size).toBeLessThan(50_000);
    const bySize = await refusal(async () => collect((await openXlsx(f, { limits: { sheetBytes: 1_000_000 } })).rows()));
    expect(bySize.key).toBe('file.tooLarge');
    const byRatio = await refusal(async () => collect((await openXlsx(f, { limits: { ratioFloorBytes: 1_000_000, maxRatio: 50 } })).rows()));
    expect(byRatio.key).toBe('file.tooLarge');
    // The same file within limits reads fine.
    const book = await openXlsx(f);
    let n = 0;
    for await (const _ of book.rows()) n++;
    expect(n).toBe(40_000);
    await book.close();
  });
});
