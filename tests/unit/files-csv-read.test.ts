/** The CSV reader: encodings a Chinese office meets, RFC 4180 quoting, record numbers, refusals. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvParser, openCsv } from '../../electron/core/files/csv-read';
import { readTable } from '../../electron/core/files/read-table';
import { writeHandBook, cell } from '../support/make-xlsx';
import { ROSTER_HEADER, collect, rosterRows, texts } from '../support/roster';
import { mb, refusal, removeTempDirs, rssSampler, tempDir } from '../support/file-helpers';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(removeTempDirs);

/** GBK bytes of the characters used below (Node can decode GB18030 but not encode it). */
const GBK: Record<string, string> = {
  姓: 'd0d5', 名: 'c3fb', 性: 'd0d4', 别: 'b1f0', 男: 'c4d0', 女: 'c5ae', 李: 'c0ee', 四: 'cbc4',
  张: 'd5c5', 三: 'c8fd', 中: 'd6d0', 文: 'cec4', 邓: 'b5cb', 艳: 'd1de', 双: 'cbab',
};
function gbk(text: string): Buffer {
  return Buffer.concat([...text].map((ch) => (GBK[ch] ? Buffer.from(GBK[ch], 'hex') : Buffer.from(ch, 'latin1'))));
}

function write(name: string, data: string | Buffer): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, data);
  return f;
}

async function read(file: string) {
  const t = await readTable(file);
  try {
    return await collect(t.rows());
  } finally {
    await t.close();
  }
}

const SAMPLE = '姓名,性别,身份证号\r\n邓艳双,女,430522199001011234\r\n张三,男,\r\n';
const SAMPLE_ROWS = [
  ['姓名', '性别', '身份证号'],
  ['邓艳双', '女', '430522199001011234'],
  ['张三', '男'],
];

describe('encodings', () => {
  it('UTF-8 with a BOM (Excel "CSV UTF-8"): the BOM is not part of the first header', async () => {
    const rows = await read(write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)])));
    expect(texts(rows)).toEqual(SAMPLE_ROWS);
    expect(rows[0].cells[0].kind).toBe('string');
  });

  it('UTF-8 without a BOM', async () => {
    const f = write('plain.csv', SAMPLE);
    const t = await openCsv(f);
    expect(t.encoding).toBe('utf-8');
    expect(texts(await collect(t.rows()))).toEqual(SAMPLE_ROWS);
  });

  it('GBK / GB18030 (what a Chinese Excel writes for "CSV (逗号分隔)")', async () => {
    const f = write('gbk.csv', gbk('姓名,性别\r\n邓艳双,女\r\n张三,男\r\n李四,"中文,文"\r\n'));
    const t = await openCsv(f);
    expect(t.encoding).toBe('gb18030');
    expect(texts(await collect(t.rows()))).toEqual([
      ['姓名', '性别'],
      ['邓艳双', '女'],
      ['张三', '男'],
      ['李四', '中文,文'],
    ]);
  });

  it('a large GBK file: characters cut between read chunks stay whole', async () => {
    const tail = gbk(',邓艳双,中文张三,李四\r\n');
    const parts: Buffer[] = [];
    for (let i = 1; i <= 60_000; i++) parts.push(Buffer.from(String(i)), tail);
    const f = write('gbk-big.csv', Buffer.concat(parts));
    let n = 0;
    let bad = 0;
    for await (const r of (await openCsv(f)).rows()) {
      n++;
      const [a, b, c, d] = r.cells.map((x) => x.text);
      if (a !== String(n) || b !== '邓艳双' || c !== '中文张三' || d !== '李四' || r.rowNumber !== n) bad++;
    }
    expect(n).toBe(60_000);
    expect(bad).toBe(0);
  });

  it('UTF-16 with a BOM, tab-separated (Excel "Unicode 文本" saved as .txt)', async () => {
    const text = '姓名\t性别\r\n邓艳双\t女\r\n';
    const f = write('unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const t = await openCsv(f);
    expect([t.encoding, t.delimiter]).toEqual(['utf-16le', '\t']);
    expect(texts(await collect(t.rows()))).toEqual([
      ['姓名', '性别'],
      ['邓艳双', '女'],
    ]);
  });

  it('refuses a file that is UTF-8 at first and something else later, instead of showing "�"', async () => {
    const f = write('mixed.csv', Buffer.concat([Buffer.from('姓名,备注\n'.repeat(80_000)), gbk('张三,中文\n')]));
    const info = await refusal(() => read(f));
    expect(info.key).toBe('file.csvEncoding');
    expect(info.message).toContain('无法识别文件「mixed.csv」的文字编码');
  });
});

describe('RFC 4180 quoting and record numbers', () => {
  it('reads delimiters, quotes and line breaks inside quotes; numbers records, not lines', async () => {
    const csv =
      '姓名,住址,备注\n' +
      '"邓艳双","荷叶镇,新桥村","说""你好"""\n' +
      '张三,"第一行\r\n第二行",\n' +
      '\n' + // a blank record: skipped, but counted
      ',,\n' + // only empty fields: skipped too
      '李四,"",末尾\r' + // a lone CR also ends a record
      '王五,"a"b,c"d\n' +
      '"最后一行无换行",1';
    const rows = await read(write('quoted.csv', csv));
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 6, 7, 8]);
    expect(texts(rows)).toEqual([
      ['姓名', '住址', '备注'],
      ['邓艳双', '荷叶镇,新桥村', '说"你好"'],
      ['张三', '第一行\r\n第二行'],
      ['李四', '', '末尾'],
      ['王五', 'ab', 'c"d'],
      ['最后一行无换行', '1'],
    ]);
    expect(rows[3].cells.map((c) => c.kind)).toEqual(['string', 'empty', 'string']);
  });

  it('gives the same records however the text is cut into chunks', () => {
    const csv = '"a,""b""",c\r\n"x\r\ny",z\r\n1,2\r\n';
    const want: string[][] = [];
    new CsvParser(',', (f) => want.push(f), () => new Error('x')).write(csv);
    for (let cut = 1; cut < csv.length; cut++) {
      const got: string[][] = [];
      const p = new CsvParser(',', (f) => got.push(f), () => new Error('x'));
      p.write(csv.slice(0, cut));
      p.write(csv.slice(cut));
      p.end();
      expect(got, `cut at ${cut}`).toEqual(want);
    }
    expect(want).toEqual([['a,"b"', 'c'], ['x\r\ny', 'z'], ['1', '2']]);
  });

  it('names the record of a quote that is never closed', async () => {
    const info = await refusal(() => read(write('unclosed.csv', '姓名,备注\n张三,"没有结束\n李四,好\n')));
    expect(info.key).toBe('file.csvUnclosedQuote');
    expect(info.message).toContain('第 2 行');
  });
});

describe('a large UTF-8 CSV', () => {
  it('reads back every field of 30,000 roster rows, with no "�"', async () => {
    const quote = (v: string | number | null) => {
      const s = v === null ? '' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    };
    const withOdd = (r: (string | number | null)[], i: number) => (i % 97 === 0 ? [...r.slice(0, 9), `含,逗号"引号"\n换行${i}`, r[10]] : r);
    const lines = [ROSTER_HEADER.join(',')];
    let i = 0;
    for (const r of rosterRows(30_000)) lines.push(withOdd(r, i++).map(quote).join(','));
    const f = write('roster.csv', lines.join('\r\n') + '\r\n');
    expect(fs.statSync(f).size).toBeGreaterThan(2 * 1024 * 1024);

    const rss = rssSampler();
    const t0 = performance.now();
    const expected = rosterRows(30_000);
    let n = 0;
    let mismatch = '';
    let bad = 0;
    i = 0;
    for await (const row of (await readTable(f)).rows()) {
      n++;
      if (row.rowNumber === 1) continue;
      const want = withOdd(expected.next().value!, i++).map((v) => (v === null ? '' : String(v)));
      while (want.length && want[want.length - 1] === '') want.pop();
      const got = row.cells.map((c) => c.text);
      if (got.some((t) => t.includes('\ufffd'))) bad++;
      if (JSON.stringify(got) !== JSON.stringify(want) || row.rowNumber !== i + 1) mismatch ||= `record ${row.rowNumber}: ${JSON.stringify(got)}`;
    }
    console.log(`[files] csv: 30,000 rows, ${mb(fs.statSync(f).size)}: read in ${((performance.now() - t0) / 1000).toFixed(2)} s, peak RSS ${mb(rss.stop())}`);
    expect(mismatch).toBe('');
    expect(bad).toBe(0);
    expect(n).toBe(30_001);
  });
});

describe('choosing the reader from the content', () => {
  it('reads a workbook even when it is named .csv, and refuses other text under other names', async () => {
    const f = path.join(dir, '其实是表格.csv');
    await writeHandBook(f, { sheets: [{ name: 'S', body: `<sheetData><row r="1">${cell.inline('A1', '表格')}</row></sheetData>` }] });
    expect(texts(await read(f))).toEqual([['表格']]);
    const info = await refusal(() => readTable(write('名单.doc', SAMPLE)));
    expect(info.key).toBe('file.unknownType');
    expect(texts(await read(write('名单.TXT', SAMPLE)))).toEqual(SAMPLE_ROWS);
  });

  it('an empty CSV is refused; a CSV with only a header has one row', async () => {
    expect((await refusal(() => readTable(write('空.csv', '')))).key).toBe('file.empty');
    expect(texts(await read(write('表头.csv', '姓名,性别')))).toEqual([['姓名', '性别']]);
  });
});
