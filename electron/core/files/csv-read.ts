/**
 * Streaming CSV reader with the same rows as the xlsx reader (cells are 'string' or 'empty').
 * RFC 4180 quoting (delimiters, quotes and line breaks inside quotes), CRLF/LF/CR line ends.
 * Encoding: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8 if the first megabyte is valid
 * UTF-8, else GB18030 (a superset of GBK, what a Chinese Excel writes for "CSV (逗号分隔)").
 * Bytes that are invalid in the chosen encoding stop the read with an error rather than turn
 * into "�". rowNumber is the record number (a quoted line break does not start a new record).
 */
import { createReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import path from 'node:path';
import { type Cell, type ReadOptions, type Row, type SheetRows, type TableFile, EMPTY_CELL, fileError, finishCells, readFsError, readHead, statForReading } from './rows';

export type CsvEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface CsvOptions {
  /** Forces the encoding instead of detecting it. */
  encoding?: CsvEncoding;
  /** Forces the delimiter; by default ',' unless the first record has more tabs than commas. */
  delimiter?: ',' | '\t' | ';';
}

export interface CsvFile extends TableFile {
  format: 'csv';
  encoding: CsvEncoding;
  delimiter: string;
}

const SAMPLE_BYTES = 1024 * 1024;
/** A field longer than this is taken for a quote that is never closed. */
const MAX_FIELD_CHARS = 1_000_000;

export function detectEncoding(sample: Buffer, wholeFile: boolean): CsvEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  try {
    // In stream mode a character cut off at the end of the sample is held back, not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !wholeFile });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

function detectDelimiter(text: string): ',' | '\t' {
  let commas = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === ',') commas++;
    else if (c === '\t') tabs++;
    else if (c === '\n' || c === '\r') break;
  }
  return tabs > commas ? '\t' : ',';
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** An incremental RFC 4180 parser: feed it text, it calls emit with each record's fields. */
export class CsvParser {
  private readonly delim: number;
  private field = '';
  private fields: string[] = [];
  private inQuotes = false;
  private quoteSeen = false;
  private atFieldStart = true;
  private hasContent = false;
  private skipLf = false;
  /** Number of the record being read (1-based). */
  record = 1;

  constructor(
    delimiter: string,
    private readonly emit: (fields: string[], record: number) => void,
    /** The error for a quote never closed (quoted) or a field too long to be one (not quoted). */
    private readonly tooLong: (record: number, quoted: boolean) => Error,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.atFieldStart = true;
  }

  private endRecord(): void {
    this.endField();
    this.emit(this.fields, this.record++);
    this.fields = [];
    this.hasContent = false;
  }

  write(s: string): void {
    const n = s.length;
    let start = 0;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          start = i + 1;
          continue;
        }
      }
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            this.field += '"'; // "" inside quotes
            start = i + 1;
            continue;
          }
          this.inQuotes = false; // that quote closed the field: c is read as unquoted text
        } else {
          if (c === QUOTE) {
            this.field += s.slice(start, i);
            this.quoteSeen = true;
            start = i + 1;
          }
          continue;
        }
      }
      this.hasContent = true;
      if (c === this.delim) {
        this.field += s.slice(start, i);
        this.endField();
        start = i + 1;
      } else if (c === LF || c === CR) {
        this.field += s.slice(start, i);
        this.endRecord();
        this.skipLf = c === CR;
        start = i + 1;
      } else if (c === QUOTE && this.atFieldStart) {
        this.inQuotes = true;
        this.atFieldStart = false;
        start = i + 1;
      } else {
        this.atFieldStart = false;
      }
    }
    this.field += s.slice(start);
    if (this.field.length > MAX_FIELD_CHARS) throw this.tooLong(this.record, this.inQuotes);
  }

  end(): void {
    if (this.inQuotes && !this.quoteSeen) throw this.tooLong(this.record, true);
    if (this.hasContent || this.field !== '' || this.fields.length > 0) this.endRecord();
  }
}

function toCells(fields: string[]): Cell[] {
  return fields.map((text): Cell => (text === '' ? EMPTY_CELL : { kind: 'string', text }));
}

export async function openCsv(file: string, opts: CsvOptions = {}): Promise<CsvFile> {
  const size = await statForReading(file);
  const sample = await readHead(file, Math.min(size, SAMPLE_BYTES));
  const encoding = opts.encoding ?? detectEncoding(sample, sample.length >= size);
  const delimiter = opts.delimiter ?? detectDelimiter(new TextDecoder(encoding).decode(sample.subarray(0, 64 * 1024)));
  const name = path.basename(file, path.extname(file));

  async function* stream(o: ReadOptions): AsyncGenerator<Row> {
    const decoder = new TextDecoder(encoding, { fatal: true });
    let out: Row[] = [];
    const parser = new CsvParser(
      delimiter,
      (fields, record) => {
        const cells = finishCells(toCells(fields));
        if (cells) out.push({ rowNumber: record, cells });
      },
      (record, quoted) => fileError(quoted ? 'file.csvUnclosedQuote' : 'file.csvFieldTooLong', file, { row: record }),
    );
    let first = true;
    const feed = (text: string) => {
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a GB18030 BOM is not stripped by the decoder
      }
      parser.write(text);
    };
    const input = createReadStream(file, { highWaterMark: 256 * 1024 });
    let bytes = 0;
    try {
      for await (const chunk of input as AsyncIterable<Buffer>) {
        o.signal?.throwIfAborted();
        bytes += chunk.length;
        feed(decode(decoder, chunk, true, file));
        o.onProgress?.(bytes, size);
        if (out.length > 0) {
          const batch = out;
          out = [];
          yield* batch;
        }
      }
      o.signal?.throwIfAborted();
      feed(decode(decoder, undefined, false, file));
      parser.end();
      yield* out;
    } catch (e) {
      throw readFsError(e, file);
    } finally {
      input.destroy();
    }
  }

  return {
    format: 'csv',
    encoding,
    delimiter,
    sheets: [{ index: 0, name, hidden: false }],
    rows(sheet, o = {}): SheetRows {
      if (sheet !== undefined && sheet !== 0 && sheet !== name) {
        throw typeof sheet === 'number'
          ? fileError('file.sheetIndex', file, { number: sheet + 1, count: 1 })
          : fileError('file.sheetNotFound', file, { sheet });
      }
      return { mergedCells: [], [Symbol.asyncIterator]: () => stream(o) };
    },
    async close() {},
  };
}

function decode(decoder: TextDecoder, chunk: Buffer | undefined, more: boolean, file: string): string {
  try {
    return decoder.decode(chunk, { stream: more });
  } catch {
    throw fileError('file.csvEncoding', file);
  }
}
