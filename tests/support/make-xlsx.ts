/**
 * Workbooks for the file-layer tests: zips assembled by hand with yazl (entry order, inline
 * strings, rich text, odd styles under our control) and workbooks written by exceljs's
 * streaming WorkbookWriter, the way real tools produce them.
 */
import fs from 'node:fs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import ExcelJS from 'exceljs';

export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** Deflate the entry (default) or store it. */
  compress?: boolean;
}

/** Writes the parts into a zip in the given order. */
export async function writeZip(file: string, parts: ZipPart[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const p of parts) {
    zip.addBuffer(typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data, p.name, { compress: p.compress ?? true });
  }
  zip.end();
  await new Promise<void>((resolve, reject) => {
    const out = fs.createWriteStream(file);
    out.on('close', resolve).on('error', reject);
    zip.outputStream.pipe(out);
  });
}

/** The text of one entry of a zip (to look at the XML a writer produced). */
export async function zipEntryText(file: string, name: string): Promise<string> {
  const zip = await yauzl.openPromise(file, { autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.replace(/^\//, '') !== name) continue;
      const stream = await zip.openReadStreamPromise(entry);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    }
    throw new Error(`no entry ${name}`);
  } finally {
    zip.close();
  }
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface HandSheet {
  name: string;
  /** The <sheetData> content (and anything after it, such as <mergeCells>). */
  body: string;
  state?: 'hidden' | 'veryHidden';
  /** Element prefix for the whole sheet ("x:" writes <x:worksheet xmlns:x=...>). */
  prefix?: string;
}

export interface HandBook {
  sheets: HandSheet[];
  /** Items of <sst>: each is the inner XML of one <si>. */
  sharedStrings?: string[];
  /** Inner XML of <styleSheet>. */
  styles?: string;
  date1904?: boolean;
  /** Entry order: 'sheets-first' (as some tools write) or 'conventional'. */
  order?: 'sheets-first' | 'conventional';
  /** Extra or replacement parts. */
  extra?: ZipPart[];
  /** Parts to leave out (by name). */
  omit?: string[];
}

/** A minimal valid workbook built by hand. */
export async function writeHandBook(file: string, book: HandBook): Promise<void> {
  const sheetParts: ZipPart[] = book.sheets.map((s, i) => {
    const p = s.prefix ?? '';
    const ns = p ? `xmlns:${p.slice(0, -1)}="${MAIN}"` : `xmlns="${MAIN}"`;
    return { name: `xl/worksheets/sheet${i + 1}.xml`, data: `${XML}<${p}worksheet ${ns} xmlns:r="${REL}">${s.body}</${p}worksheet>` };
  });
  const sheetsXml = book.sheets
    .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 10}"/>`)
    .join('');
  const workbook = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr${book.date1904 ? ' date1904="1"' : ''}/><sheets>${sheetsXml}</sheets></workbook>`;
  const rels =
    `${XML}<Relationships xmlns="${PKG}">` +
    book.sheets.map((_, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId1" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    `<Relationship Id="rId2" Type="${REL}/styles" Target="/xl/styles.xml"/>` +
    `</Relationships>`;
  const sst = book.sharedStrings ?? [];
  const parts: Record<string, ZipPart> = {
    '[Content_Types].xml': { name: '[Content_Types].xml', data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
    '_rels/.rels': { name: '_rels/.rels', data: `${XML}<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    'xl/workbook.xml': { name: 'xl/workbook.xml', data: workbook },
    'xl/_rels/workbook.xml.rels': { name: 'xl/_rels/workbook.xml.rels', data: rels },
    'xl/sharedStrings.xml': { name: 'xl/sharedStrings.xml', data: `${XML}<sst xmlns="${MAIN}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si>${s}</si>`).join('')}</sst>` },
    'xl/styles.xml': { name: 'xl/styles.xml', data: `${XML}<styleSheet xmlns="${MAIN}">${book.styles ?? '<cellXfs count="1"><xf numFmtId="0"/></cellXfs>'}</styleSheet>`, compress: false },
  };
  for (const p of book.extra ?? []) parts[p.name] = p;
  for (const name of book.omit ?? []) delete parts[name];
  const rest = Object.values(parts);
  const ordered = book.order === 'conventional' ? [...rest, ...sheetParts] : [...sheetParts, ...rest.reverse()];
  await writeZip(file, ordered);
}

/** A cell of a sheet's XML: helpers to keep the fixtures readable. */
export const cell = {
  s: (ref: string, index: number, style?: number) => `<c r="${ref}" t="s"${style !== undefined ? ` s="${style}"` : ''}><v>${index}</v></c>`,
  inline: (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`,
  n: (ref: string, v: number | string, style?: number) => `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ''}><v>${v}</v></c>`,
};

export type Value = string | number | boolean | Date | null;

/** Writes rows with exceljs's streaming WorkbookWriter. */
export async function writeWithExceljs(
  file: string,
  sheets: { name: string; rows: Iterable<Value[]>; merges?: string[]; dateColumns?: number[] }[],
  useSharedStrings = true,
): Promise<void> {
  // Styles only when needed: exceljs works out each cell's style from scratch, which triples the time.
  const useStyles = sheets.some((s) => s.dateColumns?.length);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles, useSharedStrings });
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const values of s.rows) {
      const row = ws.addRow(values);
      for (const c of s.dateColumns ?? []) row.getCell(c + 1).numFmt = 'yyyy-mm-dd';
      if (!s.merges) row.commit(); // a merge needs its rows still open
    }
    for (const m of s.merges ?? []) ws.mergeCells(m);
    ws.commit();
  }
  await wb.commit();
}

/**
 * A big workbook written by hand: shared strings for every text, the sheet entry before
 * xl/sharedStrings.xml in the zip (as some tools write), rows without gaps, numbers as numbers.
 * Much faster to produce than through exceljs, so tests can afford tens of thousands of rows.
 */
export async function writeHandTable(file: string, rows: Iterable<readonly (string | number | null)[]>): Promise<void> {
  const index = new Map<string, number>();
  const strings: string[] = [];
  const sheet: string[] = ['<sheetData>'];
  let r = 0;
  for (const values of rows) {
    r++;
    let xml = `<row r="${r}">`;
    values.forEach((v, c) => {
      if (v === null || v === '') return;
      const ref = `${colName(c)}${r}`;
      if (typeof v === 'number') {
        xml += `<c r="${ref}"><v>${v}</v></c>`;
        return;
      }
      let i = index.get(v);
      if (i === undefined) {
        i = strings.length;
        index.set(v, i);
        strings.push(v);
      }
      xml += `<c r="${ref}" t="s"><v>${i}</v></c>`;
    });
    sheet.push(`${xml}</row>`);
  }
  sheet.push('</sheetData>');
  await writeHandBook(file, { sheets: [{ name: '花名册', body: sheet.join('') }], sharedStrings: strings.map((s) => `<t xml:space="preserve">${esc(s)}</t>`) });
}

function colName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
