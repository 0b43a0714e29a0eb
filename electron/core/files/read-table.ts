/**
 * One entry for importing a table: looks at the file's first bytes, not only its name, and
 * opens it as a workbook or as CSV.
 */
import path from 'node:path';
import { type CsvOptions, openCsv } from './csv-read';
import { type TableFile, readHead, statForReading } from './rows';
import { type OpenXlsOptions, openXls } from './xls-read';
import { type OpenXlsxOptions, notZipError, openXlsx, sniff } from './xlsx-read';

export type ReadTableOptions = OpenXlsxOptions & OpenXlsOptions & CsvOptions;

const TEXT_EXTENSIONS = new Set(['.csv', '.txt', '.tsv']);

/**
 * Opens a file for reading rows by its first bytes, whatever its name: a zip (PK) is read as
 * xlsx; a compound file (D0 CF 11 E0) as .xls (BIFF8; an encrypted workbook or an older BIFF is
 * refused with what to do); a web page saved as .xls is refused with what to do; anything else
 * is read as CSV when its name ends in .csv, .txt or .tsv, and refused otherwise.
 * The caller closes the result.
 */
export async function readTable(file: string, opts: ReadTableOptions = {}): Promise<TableFile> {
  await statForReading(file);
  const kind = sniff(await readHead(file, 512));
  if (kind === 'zip') return openXlsx(file, opts);
  if (kind === 'ole') return openXls(file, opts);
  if (kind === 'other' && TEXT_EXTENSIONS.has(path.extname(file).toLowerCase())) return openCsv(file, opts);
  throw notZipError(kind, file);
}
