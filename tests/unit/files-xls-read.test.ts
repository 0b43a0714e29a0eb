/**
 * Reading Excel 97–2003 (.xls, BIFF8) workbooks with the reader of our own. The fixtures in
 * tests/fixtures/xls were converted by LibreOffice from the xlsx files beside them (made by
 * tests/support/xls-fixture.ts), so every cell read from the .xls is compared with the source.
 */
import { expand } from '../../electron/core/roster/import-report';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTable } from '../../electron/core/files/read-table';
import type { Row, TableFile } from '../../electron/core/files/rows';
import { openCfb } from '../../electron/core/files/xls-cfb';
import { commitImport, inspectImport, previewImport } from '../../electron/core/roster/import-service';
import { cleanup, tempDir, xinshaoApp } from './helpers/app';
import { prng } from '../support/prng';
import { NATIONAL_HEADERS } from '../support/synthetic-county';
import { LONG_CHINESE, LONG_LATIN, LONG_MIXED, rosterFixtureRows } from '../support/xls-fixture';

afterEach(cleanup);

const FIX = path.join(__dirname, '..', 'fixtures', 'xls');
const fixture = (name: string) => path.join(FIX, name);
const col = (h: string) => NATIONAL_HEADERS.indexOf(h);

async function allRows(book: TableFile, sheet?: number | string): Promise<Row[]> {
  const out: Row[] = [];
  for await (const r of book.rows(sheet)) out.push(r);
  return out;
}

async function readAll(file: string, sheet?: number | string) {
  const book = await readTable(file);
  try {
    return { book, rows: await allRows(book, sheet) };
  } finally {
    await book.close();
  }
}

/** The records of the Workbook stream: type and the first byte of the data. */
function recordsOf(file: string): { type: number; len: number; first: number }[] {
  const s = openCfb(fs.readFileSync(file)).stream('Workbook', 1e9)!;
  const out = [];
  for (let at = 0; at + 4 <= s.length; at += 4 + s.readUInt16LE(at + 2)) out.push({ type: s.readUInt16LE(at), len: s.readUInt16LE(at + 2), first: s[at + 4] });
  return out;
}

const copy = (src: string, name: string, edit?: (b: Buffer) => void) => {
  const b = fs.readFileSync(fixture(src));
  edit?.(b);
  const f = path.join(tempDir(), name);
  fs.writeFileSync(f, b);
  return f;
};

describe('reading .xls', () => {
  it('reads every name and ID of a roster exactly as the source, rare characters included', async () => {
    const { book, rows } = await readAll(fixture('roster.xls'));
    expect(book.format).toBe('xls');
    expect(book.sheets.map((s) => s.name)).toEqual(['贫困人口花名册', '数值与日期']);
    const source = rosterFixtureRows();
    expect(rows).toHaveLength(source.length + 1);
    expect(rows[0].cells.map((c) => c.text)).toEqual(NATIONAL_HEADERS);
    source.forEach((s, i) => {
      const r = rows[i + 1];
      expect(r.rowNumber).toBe(i + 2);
      expect(r.cells[col('姓名')]).toEqual({ kind: 'string', text: s[col('姓名')] });
      expect(r.cells[col('证件号码')]).toEqual({ kind: 'string', text: s[col('证件号码')] });
      expect(r.cells[col('人编号')].text).toBe(s[col('人编号')]);
      expect(r.cells[col('户编号')].text).toBe(s[col('户编号')]);
    });
    const names = rows.map((r) => r.cells[col('姓名')].text).join('');
    for (const rare of ['𠮷', '龘', '𪚥', '䶮']) expect(names).toContain(rare);
  });

  it('gives the same cells as the xlsx it was saved from, on both sheets', async () => {
    for (const sheet of [0, 1]) {
      const xls = await readAll(fixture('roster.xls'), sheet);
      const xlsx = await readAll(fixture('roster.xlsx'), sheet);
      expect(xls.rows).toEqual(xlsx.rows);
    }
  });

  it('reads strings split over CONTINUE records, where the rest of a string switches between 8- and 16-bit', async () => {
    const recs = recordsOf(fixture('roster.xls'));
    const sst = recs.findIndex((r) => r.type === 0x00fc);
    const after = recs.slice(sst + 1);
    const continues = after.slice(0, after.findIndex((r) => r.type !== 0x003c));
    // The fixture really has a long shared string table, continued with both compressed and UTF-16 parts.
    expect(continues.length).toBeGreaterThan(3);
    expect(continues.some((c) => c.first === 0)).toBe(true);
    expect(continues.some((c) => c.first === 1)).toBe(true);

    const { rows } = await readAll(fixture('roster.xls'), '数值与日期');
    const byLabel = new Map(rows.map((r) => [r.cells[0].text, r.cells.slice(1)]));
    expect(byLabel.get('长中文')![0].text).toBe(LONG_CHINESE);
    expect(byLabel.get('长英文')![0].text).toBe(LONG_LATIN);
    expect(byLabel.get('混合')![0].text).toBe(LONG_MIXED);
    // And every roster string after them is still in place (checked above against the source).
  });

  it('keeps numbers as number cells with the text Excel shows, so an ID stored as a number is recognisable', async () => {
    const { rows } = await readAll(fixture('roster.xls'), '数值与日期');
    const v = new Map(rows.map((r) => [r.cells[0].text, r.cells[1]]));
    expect(v.get('整数')).toEqual({ kind: 'number', text: '42', number: 42 });
    expect(v.get('负小数')).toEqual({ kind: 'number', text: '-3.75', number: -3.75 });
    expect(v.get('大整数')).toEqual({ kind: 'number', text: '123456789012', number: 123456789012 });
    expect(v.get('数字形式的身份证号')).toMatchObject({ kind: 'number', text: '430522199001011000' });
    expect(v.get('数字形式的人编号')).toEqual({ kind: 'number', text: '43052210012345', number: 43052210012345 });
    expect(v.get('百分比小数')!.text).toBe('0.3');
    expect(v.get('日期')).toMatchObject({ kind: 'date', text: '2019-12-31' });
    expect(v.get('日期时间')).toMatchObject({ kind: 'date', text: '2020-02-29 08:30:15' });
    expect(rows.find((r) => r.cells[0].text === '空值后')!.cells.map((c) => c.kind)).toEqual(['string', 'empty', 'string']);
  });

  it('reads formula results, booleans, errors, a number formatted as text, a Chinese date format, merges and hidden sheets', async () => {
    for (const [file, serial, date1904] of [['kinds.xls', 42795, false], ['kinds1904.xls', 41333, true]] as const) {
      const book = await readTable(fixture(file));
      expect(book.format).toBe('xls');
      expect((book as unknown as { date1904: boolean }).date1904).toBe(date1904);
      expect(book.sheets).toEqual([
        { index: 0, name: '类型', hidden: false },
        { index: 1, name: '隐藏', hidden: true },
      ]);
      const sheet = book.rows();
      const rows: Row[] = [];
      for await (const r of sheet) rows.push(r);
      const [, r2, r3, r5] = rows;
      expect(r2.cells[2]).toEqual({ kind: 'number', text: '3', number: 3 }); // =1+2
      expect(r2.cells[3]).toEqual({ kind: 'boolean', text: 'FALSE' }); // =1>2
      expect(r2.cells[4]).toEqual({ kind: 'error', text: '#DIV/0!' }); // =1/0
      expect(r2.cells[5]).toEqual({ kind: 'boolean', text: 'TRUE' });
      expect(r2.cells[6]).toEqual({ kind: 'number', text: '43052219', number: 43052219 }); // format @
      expect(r2.cells[7]).toEqual({ kind: 'date', text: '2017-03-01', number: serial }); // yyyy"年"m"月"d"日"
      expect(r3.cells[1]).toEqual({ kind: 'string', text: '枫林' }); // =A3&"": a string result in a STRING record
      expect(r5.rowNumber).toBe(5);
      expect(sheet.mergedCells).toEqual([{ ref: 'A5:C5', firstRow: 5, lastRow: 5, firstCol: 0, lastCol: 2 }]);
      expect((await allRows(book, '隐藏')).map((r) => r.cells[0].text)).toEqual(['隐藏的表']);
      await book.close();
    }
  });

  it('goes by the first bytes, not the name: an .xls named .xlsx or .csv is read as xls, an xlsx named .xls as xlsx', async () => {
    for (const name of ['misnamed.xlsx', 'misnamed.csv', 'no-extension']) {
      const { book, rows } = await readAll(copy('kinds.xls', name));
      expect(book.format).toBe('xls');
      expect(rows[0].cells[0].text).toBe('村');
    }
    const { book } = await readAll(copy('kinds.xlsx', 'really-xlsx.xls'));
    expect(book.format).toBe('xlsx');
  });
});

describe('bad .xls files', () => {
  const key = async (file: string) => {
    try {
      const { rows } = await readAll(file);
      return `read ${rows.length}`;
    } catch (e) {
      const info = (e as { info?: { code: string; key: string; params?: { name?: string } } }).info;
      if (!info) throw e;
      expect(info.code).toBe('VALIDATION');
      return info.key;
    }
  };

  /** Byte offset of a directory entry by name (the directory of these small files starts at its header's sector). */
  const dirEntryOffset = (b: Buffer, name: string) => b.indexOf(Buffer.from(name, 'utf16le'));

  it('refuses a truncated file, a sector chain that loops, and records running past the stream, in plain words', async () => {
    const cutFile = path.join(tempDir(), 'cut.xls');
    fs.writeFileSync(cutFile, fs.readFileSync(fixture('roster.xls')).subarray(0, 4096));
    expect(await key(cutFile)).toBe('file.corrupt');

    // The directory's FAT entry points back at itself: a loop.
    expect(
      await key(
        copy('roster.xls', 'loop.xls', (b) => {
          const dirStart = b.readUInt32LE(0x30);
          const fatSector = b.readUInt32LE(0x4c + Math.floor(dirStart / 128) * 4);
          b.writeUInt32LE(dirStart, 512 * (fatSector + 1) + (dirStart % 128) * 4);
        }),
      ),
    ).toBe('file.corrupt');

    // The workbook stream claims 4 GB.
    expect(await key(copy('kinds.xls', 'huge.xls', (b) => b.writeUInt32LE(0xfffffff0, dirEntryOffset(b, 'Workbook') + 120)))).toMatch(/^file\.(corrupt|tooLarge)$/);

    // A BOUNDSHEET pointing past the end of the stream.
    expect(
      await key(
        copy('kinds.xls', 'offset.xls', (b) => {
          const at = b.indexOf(Buffer.from([0x85, 0x00]));
          b.writeUInt32LE(0x7fffffff, at + 4);
        }),
      ),
    ).toBe('file.corrupt');
  });

  it('says what a Word file, an encrypted workbook and an Excel 95 file are', async () => {
    const rename = (to: string) => (b: Buffer) => {
      const at = dirEntryOffset(b, 'Workbook');
      b.fill(0, at, at + 64);
      b.write(to, at, 'utf16le');
      b.writeUInt16LE((to.length + 1) * 2, at + 64);
    };
    expect(await key(copy('kinds.xls', 'word.doc', rename('WordDocument')))).toBe('file.notXls');
    expect(await key(copy('kinds.xls', 'locked.xlsx', rename('EncryptedPackage')))).toBe('file.encrypted');
    expect(
      await key(
        copy('kinds.xls', 'excel95.xls', (b) => {
          const at = b.indexOf(Buffer.from([0x09, 0x08, 0x10, 0x00, 0x00, 0x06]));
          b.writeUInt16LE(0x0500, at + 4);
        }),
      ),
    ).toBe('file.xlsOld');
  });

  it('never crashes or hangs on damaged bytes: 400 corrupted copies each give rows or a plain error', async () => {
    const src = fs.readFileSync(fixture('kinds.xls'));
    const rnd = prng(11);
    const dir = tempDir();
    const started = Date.now();
    const seen = new Set<string>();
    for (let n = 0; n < 400; n++) {
      const b = Buffer.from(src);
      const hits = 1 + Math.floor(rnd() * 8);
      for (let k = 0; k < hits; k++) b[Math.floor(rnd() * b.length)] = Math.floor(rnd() * 256);
      const f = path.join(dir, `bad${n}.xls`);
      fs.writeFileSync(f, b);
      const r = await key(f);
      seen.add(r.startsWith('read') ? 'read' : r);
    }
    expect([...seen].every((k) => k === 'read' || k.startsWith('file.'))).toBe(true);
    expect(seen.has('file.corrupt')).toBe(true);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('importing a roster from .xls', () => {
  it('previews and commits the .xls roster like the xlsx: every household, every name intact', async () => {
    const t = await xinshaoApp();
    const source = rosterFixtureRows();
    const households = new Set(source.map((r) => r[col('户编号')])).size;
    const ctx = t.app.ctx();
    const inspected = await inspectImport(fixture('roster.xls'));
    expect(inspected).toMatchObject({ format: 'xls', sheets: ['贫困人口花名册', '数值与日期'] });
    const preview = await previewImport(ctx, fixture('roster.xls'));
    expect(expand(preview.plan.groups).filter((i) => i.severity === 'error')).toEqual([]);
    expect(preview.plan.householdCounts).toEqual({ added: households, updated: 0, unchanged: 0, rejected: 0 });
    const r = await commitImport(ctx, preview.token);
    expect(r.householdsWritten).toBe(households);
    const names = new Map(t.app.db.raw.prepare('SELECT id_number, name FROM person').all().map((p) => [(p as { id_number: string }).id_number, (p as { name: string }).name]));
    expect(names.size).toBe(source.length);
    for (const s of source) expect(names.get(s[col('证件号码')])).toBe(s[col('姓名')]);
  });

  it('refuses an ID number stored as a number in an .xls with the ID_NUMERIC message', async () => {
    const t = await xinshaoApp();
    const preview = await previewImport(t.app.ctx(), fixture('numeric-id.xls'));
    expect(expand(preview.plan.groups).filter((i) => i.row === 2).map((i) => i.rule)).toContain('ID_NUMERIC');
    expect(preview.plan.householdCounts.rejected).toBe(1);
  });
});
