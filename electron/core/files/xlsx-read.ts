/**
 * Streaming xlsx reader: yauzl for the zip, a scanner of its own for the worksheet and shared
 * strings XML (saxes for the small parts), one streaming text decoder per part. The shared
 * strings are read first, whatever their place in the zip; the sheet is then streamed and handed
 * on row by row, the read pausing while the caller works.
 *
 *   const book = await openXlsx(file);
 *   try { for await (const row of book.rows()) ... } finally { await book.close(); }
 */
import type { Entry } from 'yauzl';
import { type CellRange, type ReadOptions, type Row, type SheetInfo, type SheetRows, type TableFile, fileError, readHead, statForReading } from './rows';
import { StyleTable } from './xlsx-values';
import { SharedStringsScanner, SheetScanner } from './xlsx-sheet';
import { DEFAULT_LIMITS, type Zip, type ZipLimits, feedXml, localName, openPart, openZip, parsePart, readRels } from './zip-xml';

export interface OpenXlsxOptions {
  limits?: Partial<ZipLimits>;
}

export interface XlsxBook extends TableFile {
  format: 'xlsx';
  /** Whether dates count from 1904 (old Mac workbooks). */
  date1904: boolean;
}

/** What the first bytes of a file say it is. */
export type Sniffed = 'zip' | 'ole' | 'markup' | 'other';

export function sniff(head: Buffer): Sniffed {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'zip';
  if (head.length >= 4 && head.readUInt32BE(0) === 0xd0cf11e0) return 'ole';
  // Web pages and XML Spreadsheet 2003 files that systems export under an .xls name.
  const text = head.subarray(0, 512).toString('latin1').replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (/^<(!doctype html|html|table|\?xml[^>]*>\s*(<\?mso|<workbook))/.test(text) || /^<\?xml[\s\S]*urn:schemas-microsoft-com:office:spreadsheet/.test(text)) return 'markup';
  return 'other';
}

/** The error for a file that is not a zip at all. */
export function notZipError(kind: Sniffed, file: string) {
  if (kind === 'ole') return fileError('file.xlsOrEncrypted', file);
  if (kind === 'markup') return fileError('file.markupXls', file);
  return fileError('file.unknownType', file);
}

interface SheetEntry extends SheetInfo {
  part: string;
}

export async function openXlsx(file: string, opts: OpenXlsxOptions = {}): Promise<XlsxBook> {
  await statForReading(file);
  const kind = sniff(await readHead(file, 512));
  if (kind !== 'zip') throw notZipError(kind, file);
  const z = await openZip(file, { ...DEFAULT_LIMITS, ...opts.limits });
  try {
    return await readBook(z);
  } catch (e) {
    z.zip.close();
    throw e;
  }
}

function entryOf(z: Zip, part: string): Entry | undefined {
  return z.entries.get(part.toLowerCase());
}

async function readBook(z: Zip): Promise<XlsxBook> {
  const file = z.file;
  const rootRels = await readRels(z, '');
  const office = [...rootRels.values()].find((r) => r.type === 'officeDocument');
  const wbPart = office && entryOf(z, office.target) ? office.target : 'xl/workbook.xml';
  const wbEntry = entryOf(z, wbPart);
  if (!wbEntry) throw fileError('file.notXlsx', file);

  const listed: { name: string; hidden: boolean; rid: string }[] = [];
  let date1904 = false;
  await parsePart(z, wbEntry, z.limits.partBytes, {
    open(name, a) {
      if (name === 'sheet') {
        const ridKey = Object.keys(a).find((k) => k.includes(':') && localName(k) === 'id');
        listed.push({ name: a.name ?? '', hidden: a.state === 'hidden' || a.state === 'veryHidden', rid: ridKey ? a[ridKey] : '' });
      } else if (name === 'workbookPr') {
        date1904 = a.date1904 === '1' || a.date1904 === 'true';
      }
    },
    close() {},
  });

  const rels = await readRels(z, wbPart);
  const sheets: SheetEntry[] = [];
  for (const s of listed) {
    const rel = rels.get(s.rid);
    if (rel?.type === 'worksheet') sheets.push({ index: sheets.length, name: s.name, hidden: s.hidden, part: rel.target });
  }
  if (sheets.length === 0) throw fileError('file.noSheet', file);

  const byType = (type: string, fallback: string) => {
    const rel = [...rels.values()].find((r) => r.type === type);
    return entryOf(z, rel?.target ?? fallback) ?? entryOf(z, fallback);
  };
  const sstEntry = byType('sharedStrings', 'xl/sharedStrings.xml');
  const stylesEntry = byType('styles', 'xl/styles.xml');

  const styles = new StyleTable();
  if (stylesEntry) await readStyles(z, stylesEntry, styles);

  let sst: Promise<string[]> | undefined;
  const loadSst = (signal?: AbortSignal) => (sst ??= readSharedStrings(z, sstEntry, signal));

  function pick(sheet: number | string | undefined): SheetEntry {
    if (sheet === undefined) return sheets.find((x) => !x.hidden) ?? sheets[0];
    if (typeof sheet === 'number') {
      const s = sheets[sheet];
      if (!s) throw fileError('file.sheetIndex', file, { number: sheet + 1, count: sheets.length });
      return s;
    }
    const s = sheets.find((x) => x.name === sheet) ?? sheets.find((x) => x.name.trim().toLowerCase() === sheet.trim().toLowerCase());
    if (!s) throw fileError('file.sheetNotFound', file, { sheet });
    return s;
  }

  async function* streamRows(sheet: SheetEntry, opts: ReadOptions, merges: CellRange[]): AsyncGenerator<Row> {
    const entry = entryOf(z, sheet.part);
    if (!entry) throw fileError('file.corrupt', file);
    const strings = await loadSst(opts.signal).catch((e: unknown) => {
      sst = undefined; // an aborted load may be retried
      throw e;
    });
    const stream = await openPart(z, entry, z.limits.sheetBytes);
    let out: Row[] = [];
    const ctx = { sst: strings, styles, date1904, corrupt: () => fileError('file.corrupt', file) };
    const parser = new SheetScanner(ctx, (r) => out.push(r), merges);
    for await (const bytes of feedXml(z, stream, parser, opts.signal)) {
      opts.onProgress?.(bytes, entry.uncompressedSize);
      if (out.length > 0) {
        const batch = out;
        out = [];
        yield* batch;
      }
    }
    yield* out;
  }

  return {
    format: 'xlsx',
    date1904,
    sheets: sheets.map(({ index, name, hidden }) => ({ index, name, hidden })),
    rows(sheet, opts = {}): SheetRows {
      const chosen = pick(sheet);
      const mergedCells: CellRange[] = [];
      return { mergedCells, [Symbol.asyncIterator]: () => streamRows(chosen, opts, mergedCells) };
    },
    async close() {
      z.zip.close();
    },
  };
}

async function readStyles(z: Zip, entry: Entry, styles: StyleTable): Promise<void> {
  let inCellXfs = false;
  await parsePart(z, entry, z.limits.partBytes, {
    open(name, a) {
      if (name === 'numFmt' && a.numFmtId) styles.addNumFmt(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) styles.addCellXf(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
}

async function readSharedStrings(z: Zip, entry: Entry | undefined, signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  const stream = await openPart(z, entry, z.limits.sharedStringsBytes);
  for await (const _ of feedXml(z, stream, new SharedStringsScanner(out), signal));
  return out;
}
