/** Writes a synthetic county (or any rows) as a national-layout roster workbook. */
import { writeXlsx } from '../../electron/core/files/xlsx-write';
import { countyRows, NATIONAL_HEADERS, type CountyOptions } from './synthetic-county';

export async function writeRosterXlsx(file: string, rows: Iterable<string[]>, opts: { titleRows?: string[][] } = {}): Promise<void> {
  function* all() {
    for (const t of opts.titleRows ?? []) yield t;
    yield* rows;
  }
  // The header goes in as the sheet's column headers unless title rows come first.
  const header = opts.titleRows?.length ? NATIONAL_HEADERS.map(() => ({ header: '' })) : NATIONAL_HEADERS.map((h) => ({ header: h }));
  function* body() {
    if (opts.titleRows?.length) {
      yield* opts.titleRows;
      yield NATIONAL_HEADERS;
    }
    yield* rows;
  }
  await writeXlsx(file, [{ name: '贫困人口花名册', columns: header, rows: opts.titleRows?.length ? body() : all() }], { sharedStrings: false });
}

export async function writeCountyXlsx(file: string, opts: CountyOptions): Promise<void> {
  await writeRosterXlsx(file, countyRows(opts));
}
