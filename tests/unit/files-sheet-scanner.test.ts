/**
 * The worksheet and shared-strings scanners (sheet-scanner.ts, xlsx-sheet.ts) against the saxes
 * handlers they replaced, kept here as the reference: the same rows, cells, merged ranges and
 * shared strings for the same XML, whatever the chunk boundaries (down to one character), and a
 * refusal for XML that is not well-formed.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Cell, type CellRange, type Row, EMPTY_CELL, finishCells } from '../../electron/core/files/rows';
import { SharedStringsScanner, SheetScanner, mergeRange, type SheetContext } from '../../electron/core/files/xlsx-sheet';
import { StyleTable, decodeEscapes, numberText, refColumn, serialToText } from '../../electron/core/files/xlsx-values';
import { type XmlHandlers, makeParser } from '../../electron/core/files/zip-xml';
import { openXlsx } from '../../electron/core/files/xlsx-read';
import { writeHandBook } from '../support/make-xlsx';
import { collect } from '../support/roster';
import { refusal, removeTempDirs, tempDir } from '../support/file-helpers';
import { prng } from '../support/prng';

// ---------------------------------------------------------------------------------------------
// The reference: the saxes handlers as they were before the scanner (unchanged, but for names).

function referenceSheetHandlers(ctx: SheetContext, emit: (row: Row) => void, merges: CellRange[]): XmlHandlers {
  const { sst, styles, date1904 } = ctx;
  let cells: Cell[] | null = null;
  let rowNumber = 0;
  let nextCol = 0;
  let col = 0;
  let type = 'n';
  let style = 0;
  let value = '';
  let hasValue = false;
  let inline = '';
  let hasInline = false;
  let inV = false;
  let inIs = false;
  let inT = false;
  let inRPh = false;

  function numeric(v: string): Cell {
    const n = Number(v);
    if (v.trim() === '' || Number.isNaN(n)) return { kind: 'string', text: v };
    const kind = styles.kindOf(style);
    if (kind !== 'number') {
      const text = serialToText(n, kind, date1904);
      if (text !== null) return { kind: 'date', text, number: n };
    }
    return { kind: 'number', text: numberText(n, v), number: n };
  }

  function finishCell(): Cell {
    switch (type) {
      case 's': {
        if (!hasValue) return EMPTY_CELL;
        const text = sst[Number(value)];
        if (text === undefined) throw ctx.corrupt();
        return text === '' ? EMPTY_CELL : { kind: 'string', text };
      }
      case 'inlineStr': {
        const text = decodeEscapes(hasInline ? inline : value);
        return text === '' ? EMPTY_CELL : { kind: 'string', text };
      }
      case 'str': {
        const text = decodeEscapes(value);
        return text === '' ? EMPTY_CELL : { kind: 'string', text };
      }
      case 'b':
        if (!hasValue) return EMPTY_CELL;
        return { kind: 'boolean', text: value === '1' || value.toLowerCase() === 'true' ? 'TRUE' : 'FALSE' };
      case 'e':
        return { kind: 'error', text: value };
      case 'd': {
        const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(value);
        if (!m) return value === '' ? EMPTY_CELL : { kind: 'string', text: value };
        return { kind: 'date', text: m[2] && m[2] !== '00:00:00' ? `${m[1]} ${m[2]}` : m[1] };
      }
      default:
        return hasValue && value !== '' ? numeric(value) : EMPTY_CELL;
    }
  }

  return {
    open(name, a) {
      switch (name) {
        case 'c': {
          const r = a.r;
          const c = r ? refColumn(r) : -1;
          col = c >= 0 ? c : nextCol;
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          value = '';
          hasValue = false;
          inline = '';
          hasInline = false;
          break;
        }
        case 'v':
          inV = true;
          hasValue = true;
          break;
        case 'is':
          inIs = true;
          hasInline = true;
          break;
        case 't':
          inT = inIs && !inRPh;
          break;
        case 'rPh':
          inRPh = true;
          break;
        case 'row': {
          const r = a.r ? Number(a.r) : NaN;
          rowNumber = r > 0 ? r : rowNumber + 1;
          cells = [];
          nextCol = 0;
          break;
        }
        case 'mergeCell': {
          const range = a.ref ? mergeRange(a.ref) : null;
          if (range) merges.push(range);
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
          inV = false;
          break;
        case 't':
          inT = false;
          break;
        case 'rPh':
          inRPh = false;
          break;
        case 'is':
          inIs = false;
          break;
        case 'c': {
          if (!cells || col >= 16_384) break;
          const cell = finishCell();
          if (cell.kind !== 'empty') {
            while (cells.length < col) cells.push(EMPTY_CELL);
            cells[col] = cell;
          }
          nextCol = col + 1;
          break;
        }
        case 'row': {
          const done = cells && finishCells(cells);
          if (done) emit({ rowNumber, cells: done });
          cells = null;
          break;
        }
      }
    },
    text(t) {
      if (inV) value += t;
      else if (inT) inline += t;
    },
  };
}

function referenceSharedStringsHandlers(out: string[]): XmlHandlers {
  let inSi = false;
  let inT = false;
  let inRPh = false;
  let cur = '';
  return {
    open(name) {
      if (name === 'si') {
        inSi = true;
        cur = '';
      } else if (name === 't') inT = inSi && !inRPh;
      else if (name === 'rPh') inRPh = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inRPh = false;
      else if (name === 'si') {
        inSi = false;
        out.push(decodeEscapes(cur));
      }
    },
    text(t) {
      if (inT) cur += t;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Running either on a string cut into pieces.

const SST = ['甲', '乙', '', '丙丁', '_x000D_'];
const STYLES = new StyleTable();
for (const id of [0, 14, 22, 20, 49]) STYLES.addCellXf(id); // 0 General, 1 date, 2 datetime, 3 time, 4 text

function context(): SheetContext {
  return { sst: SST, styles: STYLES, date1904: false, corrupt: () => new Error('missing shared string') };
}

type Sink = { write(s: string): unknown; close(): unknown };
type Outcome = { rows: Row[]; merges: CellRange[]; error?: undefined } | { error: string };

/** Cuts s into pieces of the given sizes, cycling through them; 0 means one piece. */
function pieces(s: string, sizes: number[]): string[] {
  if (sizes.length === 1 && sizes[0] === 0) return [s];
  const out: string[] = [];
  let k = 0;
  for (let i = 0; i < s.length; k++) {
    const n = sizes[k % sizes.length];
    out.push(s.slice(i, i + n));
    i += n;
  }
  return out;
}

function feed(sink: Sink, xml: string, sizes: number[]): string | undefined {
  try {
    for (const p of pieces(xml, sizes)) sink.write(p);
    sink.write(''); // what feedXml writes last: the decoder's flush
    sink.close();
    return undefined;
  } catch (e) {
    return (e as Error).message || 'error';
  }
}

function scanSheet(xml: string, sizes: number[] = [0]): Outcome {
  const rows: Row[] = [];
  const merges: CellRange[] = [];
  const error = feed(new SheetScanner(context(), (r) => rows.push(r), merges), xml, sizes);
  return error === undefined ? { rows, merges } : { error };
}

function referenceSheet(xml: string, sizes: number[] = [0]): Outcome {
  const rows: Row[] = [];
  const merges: CellRange[] = [];
  const error = feed(makeParser(referenceSheetHandlers(context(), (r) => rows.push(r), merges)), xml, sizes);
  return error === undefined ? { rows, merges } : { error };
}

function scanStrings(xml: string, sizes: number[] = [0]): string[] | { error: string } {
  const out: string[] = [];
  const error = feed(new SharedStringsScanner(out), xml, sizes);
  return error === undefined ? out : { error };
}

function referenceStrings(xml: string, sizes: number[] = [0]): string[] | { error: string } {
  const out: string[] = [];
  const error = feed(makeParser(referenceSharedStringsHandlers(out)), xml, sizes);
  return error === undefined ? out : { error };
}

/** Rows as plain data (the frozen EMPTY_CELL and fresh empty cells compare alike). */
const plain = (o: Outcome) => (o.error !== undefined ? 'refused' : JSON.parse(JSON.stringify(o)));
const plainStrings = (o: string[] | { error: string }) => (Array.isArray(o) ? o : 'refused');

// ---------------------------------------------------------------------------------------------
// Sheets.

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Every construct the scanner has a rule for, in one sheet. */
const SHEET =
  `${DECL}<!-- 由 测试 生成 --><worksheet ${NS}>\n` +
  '<sheetPr filterMode="false"><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:H9"/>' +
  `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="B2" sqref="B2 D4:E5"/></sheetView></sheetViews>` +
  '<sheetData>\n' +
  // Shared strings, an empty one, inline strings with entities, a plain number, a date style.
  '  <row r="1" spans="1:8" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s" s="4"><v> 3 </v></c>' +
  '<c r="D1" t="inlineStr"><is><t xml:space="preserve"> 邓艳双 &amp; &lt;A&gt; &quot;引&quot; &apos;号&apos; &#x4E00;&#20108;&#128512;</t></is></c>' +
  '<c r="E1"><v>42</v></c><c r="F1" s="1"><v>45292</v></c><c r="G1" s="2"><v>45292.5</v></c><c r="H1" s="3"><v>0.75</v></c></row>\n' +
  // Cells without r: they follow one another; self-closing cells; formulas with cached values.
  '  <row r="2"><c t="str"><f>A1&amp;"x"</f><v>甲x</v></c><c/><c s="1"/><c><f t="shared" ref="D2:D9" si="0">1+1</f><v>2</v></c>' +
  '<c t="b"><v>1</v></c><c t="b"><v>false</v></c><c t="e"><v>#DIV/0!</v></c><c t="d"><v>2024-03-05T10:20:30Z</v></c></row>\n' +
  // Rich text runs, a phonetic guide that is not text, CDATA, line ends in text and attributes.
  '  <row r="4" ht="30" customHeight="1"><c r="A4" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>富</t></r><r><t xml:space="preserve"> 文\r\n本\r</t></r>' +
  '<rPh sb="0" eb="1"><t>ふ</t></rPh><phoneticPr fontId="1"/></is></c>' +
  '<c r="B4" t="inlineStr"><is><t><![CDATA[<不是标签> & ]]]]><![CDATA[>]]></t></is></c>' +
  '<c r="C4" t="str"><v>第一行_x000D_\n第二行_x005F_x0041_</v></c><c r="D4" t="inlineStr"><is><t>𠮷祥</t></is></c>' +
  `<c r="E4" t='n' s='1'><v>60</v></c><c r = "F4"\tt="str" ><v>a\tb</v></c><c r="G4" t="unknown"><v>1.50</v></c></row>\n` +
  // Numbers as Excel writes them, text that is not a number, blanks, a row with nothing in it.
  '  <row r="5"><c r="A5"><v>4.3052219900101101E+17</v></c><c r="B5"><v>1E-3</v></c><c r="C5"><v>abc</v></c><c r="D5"><v></v></c>' +
  '<c r="E5" t="inlineStr"/><c r="F5" t="s"/><c r="G5" t="b"/></row>\n' +
  '  <row r="6"><c r="A6" t="inlineStr"><is><t></t></is></c></row><row r="7"/>\n' +
  // No r on the row (follows the previous), lower-case and repeated references, a column past XFD.
  '  <row><c r="b8" t="inlineStr"><is><t>小写</t></is></c><c r="B8" t="inlineStr"><is><t>覆盖</t></is></c><c r="XFE8"><v>1</v></c><c r="8"><v>9</v></c></row>\n' +
  // Character references in attribute values; a processing instruction and comment inside.
  '  <row r="&#57;"><?mso-application progid="Excel.Sheet"?><!-- 注释 --><c r="&#x41;9" t="&#115;tr"><v>引用</v></c></row>\n' +
  '</sheetData>' +
  '<sheetProtection sheet="1" formatCells="0"/><conditionalFormatting sqref="A1:A9"><cfRule type="expression" priority="1"><formula>A1&gt;0</formula></cfRule></conditionalFormatting>' +
  '<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="D4"/><mergeCell ref="bad"/></mergeCells>' +
  '<dataValidations><dataValidation type="list" sqref="H1:H9" prompt="a &gt; b\n"><formula1>"是,否"</formula1></dataValidation></dataValidations>' +
  '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings/></ext></extLst>' +
  '</worksheet>\n<!-- 末尾 -->\n';

/** The same in prefixed names, as some tools write it. */
const PREFIXED = SHEET.replace(/<(\/?)(?!\?|!)([A-Za-z][\w.-]*)/g, (_, slash: string, name: string) => `<${slash}x:${name}`).replace(
  `<x:worksheet ${NS}`,
  `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`,
);

const SIZES = [[1], [2], [3], [5], [7], [13], [64], [1000], [1, 2, 3, 5, 8, 13, 21]];

describe('the worksheet scanner', () => {
  it('reads the sample sheet as the saxes handlers did', () => {
    const want = referenceSheet(SHEET);
    expect(want.error).toBeUndefined();
    const got = scanSheet(SHEET);
    expect(plain(got)).toEqual(plain(want));
    // Spot checks, so that the reference itself stays honest.
    if (got.error !== undefined) return;
    expect(got.rows.map((r) => r.rowNumber)).toEqual([1, 2, 4, 5, 8, 9]);
    expect(got.rows[0].cells.map((c) => c.text)).toEqual(['甲', '', '丙丁', ' 邓艳双 & <A> "引" \'号\' 一二😀', '42', '2024-01-01', '2024-01-01 12:00:00', '18:00:00']);
    expect(got.rows[2].cells.map((c) => c.text)).toEqual(['富 文\n本\n', '<不是标签> & ]]>', '第一行\r\n第二行_x0041_', '𠮷祥', '1900-02-29', 'a\tb', '1.5']);
    expect(got.rows[5].cells.map((c) => c.text)).toEqual(['引用']);
    expect(got.merges.map((m) => m.ref)).toEqual(['A1:C1', 'D4']);
  });

  it('reads prefixed element names alike', () => {
    expect(plain(scanSheet(PREFIXED))).toEqual(plain(scanSheet(SHEET)));
    expect(plain(scanSheet(PREFIXED))).toEqual(plain(referenceSheet(PREFIXED)));
  });

  it('gives the same rows whatever the chunk boundaries, down to one character', () => {
    const whole = plain(scanSheet(SHEET));
    for (const sizes of SIZES) {
      expect(plain(scanSheet(SHEET, sizes)), `chunks of ${sizes.join(',')}`).toEqual(whole);
      expect(plain(scanSheet(PREFIXED, sizes)), `prefixed, chunks of ${sizes.join(',')}`).toEqual(whole);
    }
  });

  it('gives each row and each cell as a fresh object', () => {
    const xml = `<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>a</t></is></c></row><row r="2"><c t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>`;
    const got = scanSheet(xml);
    if (got.error !== undefined) throw new Error(got.error);
    const [a, b] = got.rows;
    expect(a).not.toBe(b);
    expect(a.cells).not.toBe(b.cells);
    expect(a.cells[0]).not.toBe(b.cells[0]);
    expect(a.cells[0]).toEqual(b.cells[0]);
  });

  it('agrees with the reference on generated sheets, cut at random', () => {
    const rnd = prng(7);
    for (let n = 0; n < 150; n++) {
      const xml = randomSheet(rnd);
      const want = plain(referenceSheet(xml));
      expect(want, xml).not.toBe('refused');
      expect(plain(scanSheet(xml)), xml).toEqual(want);
      const sizes = Array.from({ length: 5 }, () => 1 + Math.floor(rnd() * 40));
      expect(plain(scanSheet(xml, sizes)), `${xml}\nchunks ${sizes.join(',')}`).toEqual(want);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Malformed XML.

const wrap = (inner: string) => `<worksheet><sheetData>${inner}</sheetData></worksheet>`;
const CELL = '<row r="1"><c r="A1" t="inlineStr"><is><t>文本</t></is></c></row>';

const MALFORMED: [string, string][] = [
  ['an unclosed root', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c>'],
  ['an unclosed cell at the end', '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>'],
  ['a tag cut off at the end', '<worksheet><sheetData></sheetData></worksheet'],
  ['a tag cut off inside an attribute', '<worksheet><sheetData><row r="1'],
  ['an empty document', ''],
  ['only white space', '  \n '],
  ['only a declaration', DECL],
  ['mismatched end tag', wrap('<row r="1"><c r="A1"><v>1</c></v></row>')],
  ['an end tag with no start', '<worksheet></sheetData></worksheet>'],
  ['an end tag of another prefix', '<x:worksheet xmlns:x="u"><x:sheetData></y:sheetData></x:worksheet>'],
  ['an empty end tag', wrap('<row r="1"></></row>')],
  ['a second root', '<worksheet/><worksheet/>'],
  ['text before the root', `x${wrap(CELL)}`],
  ['text after the root', `${wrap(CELL)}x`],
  ['an entity after the root', `${wrap(CELL)}&amp;`],
  ['an unknown entity', wrap('<row r="1"><c t="inlineStr"><is><t>&nbsp;</t></is></c></row>')],
  ['a bare ampersand', wrap('<row r="1"><c t="inlineStr"><is><t>A & B</t></is></c></row>')],
  ['a bare ampersand at the very end of text', wrap('<row r="1"><c t="inlineStr"><is><t>A &</t></is></c></row>')],
  ['an entity without ;', wrap('<row r="1"><c t="inlineStr"><is><t>&amp</t></is></c></row>')],
  ['an empty entity', wrap('<row r="1"><c t="inlineStr"><is><t>&;</t></is></c></row>')],
  ['a character reference to NUL', wrap('<row r="1"><c t="inlineStr"><is><t>&#0;</t></is></c></row>')],
  ['a character reference to a surrogate', wrap('<row r="1"><c t="inlineStr"><is><t>&#xD800;</t></is></c></row>')],
  ['a character reference out of range', wrap('<row r="1"><c t="inlineStr"><is><t>&#x110000;</t></is></c></row>')],
  ['an upper-case X in a reference', wrap('<row r="1"><c t="inlineStr"><is><t>&#X41;</t></is></c></row>')],
  ['a reference without digits', wrap('<row r="1"><c t="inlineStr"><is><t>&#x;</t></is></c></row>')],
  ['a control character in text', wrap('<row r="1"><c t="inlineStr"><is><t>a\u0001b</t></is></c></row>')],
  ['U+FFFE in text', wrap('<row r="1"><c t="inlineStr"><is><t>a\ufffeb</t></is></c></row>')],
  ['a control character outside the cells', wrap('\u0007')],
  [']]> in text', wrap('<row r="1"><c t="inlineStr"><is><t>a]]>b</t></is></c></row>')],
  ['an unterminated CDATA section', '<worksheet><sheetData><row r="1"><c t="inlineStr"><is><t><![CDATA[abc'],
  ['CDATA outside the root', `<![CDATA[x]]>${wrap('')}`],
  ['an unterminated comment', `${wrap(CELL)}<!-- abc`],
  ['-- inside a comment', `<!-- a -- b -->${wrap(CELL)}`],
  ['a bad <! construct', wrap('<!ELEMENT x>')],
  ['a declaration not at the start', ` ${DECL}${wrap(CELL)}`],
  ['a second declaration', `${DECL}${DECL}${wrap(CELL)}`],
  ['a malformed declaration', `<?xml encoding="UTF-8"?>${wrap(CELL)}`],
  ['a processing instruction without target', `<? x?>${wrap(CELL)}`],
  ['an unterminated processing instruction', `${wrap(CELL)}<?pi abc`],
  ['a doctype after the root', `${wrap(CELL)}<!DOCTYPE worksheet>`],
  ['a digit starting a tag name', wrap('<1row/>')],
  ['a space after <', wrap('< row/>')],
  ['a bad character in a tag name', wrap('<ro#w/>')],
  ['a slash not followed by >', wrap('<row r="1"/ >')],
  ['an attribute without value', wrap('<row r/>')],
  ['an attribute with = but no value', wrap('<row r=/>')],
  ['an unquoted attribute value', wrap('<row r=1/>')],
  ['mismatched quotes', wrap(`<row r="1'/>`)],
  ['no space between attributes', wrap('<row r="1"spans="1:2"/>')],
  ['a duplicate attribute', wrap('<row r="1" r="2"/>')],
  ['a duplicate attribute on a cell', wrap('<row r="1"><c r="A1" t="s" t="s"><v>0</v></c></row>')],
  ['< inside an attribute value', wrap('<row r="<1"/>')],
  ['an unknown entity in an attribute value', wrap('<row r="&x;"/>')],
  ['a control character in an attribute value', wrap('<row r="\u0002"/>')],
  ['an attribute name starting with a digit', wrap('<row 1r="1"/>')],
  ['a missing shared string', wrap('<row r="1"><c r="A1" t="s"><v>5</v></c></row>')],
];

describe('malformed sheets', () => {
  it('are refused, as saxes refused them, whole or cut into pieces', () => {
    for (const [what, xml] of MALFORMED) {
      expect(referenceSheet(xml).error, `${what} (reference)`).toBeTruthy();
      for (const sizes of [[0], [1], [2], [3], [7]]) {
        expect(scanSheet(xml, sizes).error, `${what}, chunks of ${sizes[0] || 'all'}`).toBeTruthy();
      }
    }
  });

  it('are refused after random damage whenever saxes refused them, and read alike otherwise', () => {
    const rnd = prng(11);
    const others = [
      `<!DOCTYPE worksheet [ <!ENTITY x "y"> <!-- c --> <?pi a?b?> ]>${wrap(CELL)}`,
      `<!DOCTYPE worksheet SYSTEM "a>b">${wrap(CELL)}`,
      `<?xml version='1.0' encoding='utf-8'?><?pi x?>${wrap(CELL)}<?pi?>`,
      wrap('<row r="1"><c r="A1" t="inlineStr"><is><t>a<![CDATA[]]>b<![CDATA[x]]]]><![CDATA[>]]>&#x0D;&#13;\r\n</t></is></c></row>'),
      wrap('<row r = "1" ><c   r\n=\n"A1"\r\nt="str"><v>x&gt;]]&gt;</v></c></row>'),
    ];
    let refused = 0;
    const N = 1500;
    for (let n = 0; n < N; n++) {
      let xml = n % 4 === 0 ? SHEET : n % 4 === 1 ? PREFIXED : n % 4 === 2 ? others[n % others.length] : randomSheet(rnd);
      const edits = 1 + Math.floor(rnd() * 3);
      for (let k = 0; k < edits; k++) xml = damage(xml, rnd);
      const want = plain(referenceSheet(xml));
      if (want === 'refused') refused++;
      expect(plain(scanSheet(xml)), JSON.stringify(xml)).toEqual(want);
      expect(plain(scanSheet(xml, [1 + (n % 5)])), JSON.stringify(xml)).toEqual(want);
      // The same damage in shared-strings clothing.
      const strings = xml.replace(/<(\/?)(\w+:)?worksheet/g, '<$1$2sst').replace(/<(\/?)(\w+:)?row\b/g, '<$1$2si').replace(/<(\/?)(\w+:)?c\b/g, '<$1$2r');
      expect(plainStrings(scanStrings(strings, [1 + (n % 3)])), JSON.stringify(strings)).toEqual(plainStrings(referenceStrings(strings)));
    }
    // Both outcomes well represented.
    expect(refused).toBeGreaterThan(N / 3);
    expect(refused).toBeLessThan(N - N / 10);
  });

  it('do not hang on a tag that never ends, with or without ">" in it', () => {
    for (const piece of ['x'.repeat(32 * 1024), 'x>'.repeat(16 * 1024)]) {
      const scanner = new SheetScanner(context(), () => {}, []);
      scanner.write('<worksheet><sheetData><row r="1" spans="');
      const t0 = performance.now();
      expect(() => {
        for (let i = 0; i < 1000; i++) scanner.write(piece);
      }).toThrow(/too long/);
      expect(performance.now() - t0).toBeLessThan(10_000);
    }
  });

  it('still read a long tag below the limit', () => {
    const sqref = Array.from({ length: 30_000 }, (_, i) => `A${i + 1}`).join(' ');
    const xml = `<worksheet><sheetViews><sheetView><selection sqref="${sqref}"/></sheetView></sheetViews><sheetData>${CELL}</sheetData></worksheet>`;
    expect(plain(scanSheet(xml, [1000]))).toEqual(plain(referenceSheet(xml)));
  });
});

// ---------------------------------------------------------------------------------------------
// Shared strings.

const STRINGS =
  `${DECL}<sst ${NS} count="9" uniqueCount="9">` +
  '<si><t>姓名</t></si><si><t xml:space="preserve"> 前后 </t></si><si><t/></si><si><t></t></si>' +
  '<si><r><rPr><b/></rPr><t>张</t></r><r><t xml:space="preserve">三 </t></r><rPh sb="0" eb="1"><t>ちょう</t></rPh><phoneticPr fontId="1"/></si>' +
  '<si><t>第一行_x000D_\r\n第二行 &amp; &lt;三&gt; &#x1F600;</t></si><si><t>_x005F_x000D_ 原样</t></si>' +
  '<si><t><![CDATA[a < b]]></t></si><si><t>𠮷</t><t>两段</t></si></sst>';

describe('the shared strings scanner', () => {
  it('reads what the saxes handlers read, whatever the chunk boundaries', () => {
    const want = plainStrings(referenceStrings(STRINGS));
    expect(want).toEqual(['姓名', ' 前后 ', '', '', '张三 ', '第一行\r\n第二行 & <三> 😀', '_x000D_ 原样', 'a < b', '𠮷两段']);
    expect(plainStrings(scanStrings(STRINGS))).toEqual(want);
    for (const sizes of SIZES) expect(plainStrings(scanStrings(STRINGS, sizes)), `chunks of ${sizes.join(',')}`).toEqual(want);
    const prefixed = STRINGS.replace(/<(\/?)(?!\?|!)([A-Za-z][\w.-]*)/g, (_, slash: string, name: string) => `<${slash}x:${name}`);
    expect(plainStrings(scanStrings(prefixed, [3]))).toEqual(want);
  });

  it('refuses malformed shared strings', () => {
    for (const xml of ['<sst><si><t>a</t></si>', '<sst><si><t>a</si></t></sst>', '<sst><si><t>&bad;</t></si></sst>', '<sst><si><t>a\u0000</t></si></sst>', '']) {
      expect(referenceStrings(xml), xml).toEqual(expect.objectContaining({ error: expect.any(String) }));
      expect(scanStrings(xml), xml).toEqual(expect.objectContaining({ error: expect.any(String) }));
      expect(scanStrings(xml, [1]), xml).toEqual(expect.objectContaining({ error: expect.any(String) }));
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Through the reader: the file-level error.

describe('the xlsx reader with the scanner', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(removeTempDirs);

  it('reads the sample sheet from a workbook as the scanner does', async () => {
    const f = path.join(dir, 'sample.xlsx');
    const body = SHEET.slice(SHEET.indexOf('<sheetPr'), SHEET.lastIndexOf('</worksheet>'));
    await writeHandBook(f, {
      sheets: [{ name: '样例', body }],
      sharedStrings: SST.map((s) => `<t>${s}</t>`),
      styles: '<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="20"/><xf numFmtId="49"/></cellXfs>',
    });
    const book = await openXlsx(f);
    const sheet = book.rows();
    const rows = await collect(sheet);
    await book.close();
    const want = scanSheet(SHEET);
    if (want.error !== undefined) throw new Error(want.error);
    expect(JSON.parse(JSON.stringify(rows))).toEqual(JSON.parse(JSON.stringify(want.rows)));
    expect(sheet.mergedCells).toEqual(want.merges);
  });

  it('turns a malformed sheet into file.corrupt', async () => {
    const bodies = ['<sheetData><row r="1"><c r="A1"><v>1</v></c></row>', '<sheetData><row r="1"><c r="A1"><v>1 & 2</v></c></row></sheetData>', '<sheetData><row r="1" r="1"/></sheetData>', '<sheetData/><extra>'];
    for (const [i, body] of bodies.entries()) {
      const f = path.join(dir, `bad${i}.xlsx`);
      await writeHandBook(f, { sheets: [{ name: 'S', body }] });
      const info = await refusal(async () => {
        const b = await openXlsx(f);
        try {
          await collect(b.rows());
        } finally {
          await b.close();
        }
      });
      expect(info.key, body).toBe('file.corrupt');
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Generators.

const TEXTS = ['', ' ', '邓艳双', 'A&amp;B', '&lt;&gt;', '&#x4E00;&#20108;', '𠮷', 'a\r\nb', 'x\ry', '_x000D_', '1.50', '45292', ' 7 ', 'TRUE', '0', '<![CDATA[c<d]]>', ']]&gt;', '\t', 'abcdefghijklmnopqrstuvwxyz'];
const TYPES = [null, 'n', 's', 'str', 'inlineStr', 'b', 'e', 'd', 'x'];

function randomSheet(rnd: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const space = () => pick([' ', ' ', ' ', '\n  ', '\t']);
  let xml = `${rnd() < 0.5 ? DECL : ''}<worksheet${space()}${NS}>${pick(['', '\n'])}<sheetData>`;
  const rows = Math.floor(rnd() * 6);
  let r = 0;
  for (let i = 0; i < rows; i++) {
    r += 1 + Math.floor(rnd() * 3);
    xml += rnd() < 0.8 ? `<row r="${r}"${rnd() < 0.3 ? ` spans="1:5"` : ''}>` : '<row>';
    const cells = Math.floor(rnd() * 6);
    let col = 0;
    for (let j = 0; j < cells; j++) {
      col += Math.floor(rnd() * 3);
      const ref = rnd() < 0.8 ? ` r="${String.fromCharCode(65 + col)}${r}"` : '';
      col++;
      const t = pick(TYPES);
      const type = t ? `${space()}t="${t}"` : '';
      const style = rnd() < 0.3 ? `${space()}s="${Math.floor(rnd() * 5)}"` : '';
      const attrs = rnd() < 0.5 ? `${ref}${type}${style}` : `${style}${type}${ref}`;
      const text = t === 's' ? String(Math.floor(rnd() * SST.length)) : pick(TEXTS);
      const body = rnd();
      if (body < 0.15) xml += `<c${attrs}/>`;
      else if (body < 0.4 && t === 'inlineStr') {
        xml += rnd() < 0.5 ? `<c${attrs}><is><t>${text}</t></is></c>` : `<c${attrs}><is><r><t>${text}</t></r><r><rPr/><t xml:space="preserve">${pick(TEXTS)}</t></r><rPh><t>x</t></rPh></is></c>`;
      } else if (body < 0.5) xml += `<c${attrs}><f>SUM(A1:A2)</f><v>${text}</v></c>`;
      else xml += `<c${attrs}><v>${text}</v></c>`;
    }
    xml += '</row>';
  }
  xml += '</sheetData>';
  if (rnd() < 0.5) xml += `<mergeCells><mergeCell ref="A1:B${1 + Math.floor(rnd() * 3)}"/><mergeCell ref="${pick(['C3', 'x', '', 'B2:A1'])}"/></mergeCells>`;
  return `${xml}</worksheet>${pick(['', '\n', '<!-- c -->'])}`;
}

/**
 * The XML with one random change: a character dropped, doubled or replaced by a markup character.
 * Never half of a surrogate pair: the decoder in front of the scanner never yields one alone.
 */
function damage(xml: string, rnd: () => number): string {
  let i = Math.floor(rnd() * xml.length);
  while (/[\ud800-\udfff]/.test(xml[i] ?? '')) i++;
  const op = rnd();
  if (op < 0.4) return xml.slice(0, i) + xml.slice(i + 1);
  if (op < 0.6) return xml.slice(0, i) + xml[i] + xml.slice(i);
  const c = '<>&;/"\'= ]![?-x'[Math.floor(rnd() * 15)];
  return xml.slice(0, i) + c + xml.slice(i + 1);
}
