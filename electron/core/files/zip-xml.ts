/**
 * The zip and XML plumbing under the xlsx reader: yauzl for random access to the parts, zlib
 * for inflating them, saxes for the small XML parts (the worksheet and the shared strings have
 * their own scanner, sheet-scanner.ts). Bytes become text through one TextDecoder in stream mode
 * per part, so a character split between two decompressed chunks is kept whole (the bug that
 * garbles 邓艳双 in the usual streaming readers). Every failure comes out as a file-level AppError.
 */
import fs from 'node:fs';
import { PassThrough, Readable, Transform, pipeline } from 'node:stream';
import { TextDecoder, promisify } from 'node:util';
import { createInflateRaw } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { SaxesParser } from 'saxes';
import { AppError } from '../errors';
import { fileError, readFsError } from './rows';

/** Refusal thresholds; openXlsx accepts overrides (tests use small ones). */
export interface ZipLimits {
  /** Uncompressed bytes of one worksheet (streamed, so this bounds time, not memory). */
  sheetBytes: number;
  /** Uncompressed bytes of the shared strings (held in memory as strings). */
  sharedStringsBytes: number;
  /** Uncompressed bytes of any other part read (workbook, relationships, styles). */
  partBytes: number;
  /** Largest uncompressed/compressed ratio accepted for a part bigger than ratioFloorBytes. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Most entries a zip may list. */
  maxEntries: number;
}

export const DEFAULT_LIMITS: ZipLimits = {
  sheetBytes: 2 * 1024 ** 3,
  sharedStringsBytes: 1024 ** 3,
  partBytes: 256 * 1024 ** 2,
  maxRatio: 400,
  ratioFloorBytes: 64 * 1024 ** 2,
  maxEntries: 100_000,
};

export interface Zip {
  zip: ZipFile;
  /** Entries by lower-case name (tools differ in the case of part names). */
  entries: Map<string, Entry>;
  file: string;
  limits: ZipLimits;
}

/** Turns any failure while reading the zip into a file-level error. Abort reasons pass through. */
export function asFileError(e: unknown, file: string, signal?: AbortSignal): unknown {
  if (e instanceof AppError) return e;
  if (signal?.aborted && e === signal.reason) return e;
  const mapped = readFsError(e, file);
  if (mapped !== e) return mapped;
  return fileError('file.corrupt', file);
}

/** Bytes read from the file at a time (yauzl's own reader reads 16 KB, one trip to the thread pool each). */
const READ_CHUNK = 64 * 1024;

/**
 * yauzl's reader over a file descriptor, reading in larger pieces than yauzl's FdSlicer. yauzl
 * counts the streams open on it and closes it (closing the descriptor) only once the zip is
 * closed and every stream is done, as with its own reader.
 */
class FileReader extends yauzl.RandomAccessReader {
  constructor(private readonly fd: number) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    // Not fs.createReadStream: destroying it closes the descriptor, whatever autoClose says.
    const fd = this.fd;
    let pos = start;
    return new Readable({
      highWaterMark: READ_CHUNK,
      read() {
        const n = Math.min(READ_CHUNK, end - pos);
        if (n <= 0) {
          this.push(null);
          return;
        }
        const buf = Buffer.allocUnsafe(n);
        fs.read(fd, buf, 0, n, pos, (err, bytesRead) => {
          if (err) this.destroy(err);
          else if (bytesRead === 0) this.push(null); // yauzl's byte count reports the short entry
          else {
            pos += bytesRead;
            this.push(bytesRead < n ? buf.subarray(0, bytesRead) : buf);
          }
        });
      },
    });
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null, bytesRead?: number) => void): void {
    fs.read(this.fd, buffer, offset, length, position, callback);
  }

  override close(callback: (err: Error | null) => void): void {
    fs.close(this.fd, callback);
  }
}

export async function openZip(file: string, limits: ZipLimits): Promise<Zip> {
  let zip: ZipFile;
  try {
    const fd = await promisify(fs.open)(file, 'r');
    try {
      const { size } = await promisify(fs.fstat)(fd);
      zip = await yauzl.fromRandomAccessReaderPromise(new FileReader(fd), size, { autoClose: false, strictFileNames: false, validateEntrySizes: true });
    } catch (e) {
      fs.close(fd, () => {});
      throw e;
    }
  } catch (e) {
    throw asFileError(e, file);
  }
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.size >= limits.maxEntries) throw fileError('file.tooLarge', file);
      entries.set(entry.fileName.replace(/^\/+/, '').toLowerCase(), entry);
    }
  } catch (e) {
    zip.close();
    throw asFileError(e, file);
  }
  return { zip, entries, file, limits };
}

/**
 * Inflated bytes per chunk. Node's default of 16 KB makes a 100 MB sheet thousands of round trips
 * to the zlib thread, which became the slowest step of a read once the XML scanning was fast;
 * 64 KB inflates it more than twice as fast. Larger chunks were no faster in a whole read and
 * raised the peak RSS by 10-15 MB.
 */
const INFLATE_CHUNK = 64 * 1024;

/** Passes the bytes on, failing unless there are exactly `size` of them (what yauzl's validateEntrySizes checks). */
function exactly(size: number): Transform {
  let n = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      n += chunk.length;
      callback(n > size ? new Error('entry larger than its stated size') : null, chunk);
    },
    flush(callback) {
      callback(n < size ? new Error('entry smaller than its stated size') : null);
    },
  });
}

/** Opens a part as a stream of uncompressed bytes, after the size and ratio checks. */
export async function openPart(z: Zip, entry: Entry, maxBytes: number): Promise<Readable> {
  const { uncompressedSize: size, compressedSize } = entry;
  if (size > maxBytes) throw fileError('file.tooLarge', z.file);
  if (size > z.limits.ratioFloorBytes && size > z.limits.maxRatio * Math.max(compressedSize, 1)) throw fileError('file.tooLarge', z.file);
  if (entry.isEncrypted()) throw fileError('file.encrypted', z.file);
  // Stored (0) or deflated (8): what yauzl itself would decode; anything else is not an xlsx.
  const deflated = entry.compressionMethod === 8;
  if (!deflated && entry.compressionMethod !== 0) throw fileError('file.corrupt', z.file);
  let raw: Readable;
  try {
    // The entry's bytes as stored (yauzl checks their count); inflated here with larger chunks than yauzl's.
    raw = await z.zip.openReadStreamPromise(entry, { decodeFileData: false });
  } catch (e) {
    throw asFileError(e, z.file);
  }
  // A megabyte of buffer lets the inflating (on libuv's threads) run ahead while the parser
  // works; destroying the returned stream destroys the entry's stream too.
  const ahead = new PassThrough({ highWaterMark: 1024 * 1024 });
  if (!deflated) return pipeline(raw, ahead, () => {});
  return pipeline(raw, createInflateRaw({ chunkSize: INFLATE_CHUNK }), exactly(size), ahead, () => {});
}

/** The local part of a possibly prefixed XML name ("x:row" → "row"). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export type Attrs = Record<string, string>;

export interface XmlHandlers {
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  text?(text: string): void;
}

/** What feedXml writes to: a saxes parser, or one of the scanners of sheet-scanner.ts. */
export interface XmlSink {
  write(text: string): unknown;
  close(): unknown;
}

export function makeParser(h: XmlHandlers): SaxesParser {
  const p = new SaxesParser({ position: false });
  p.on('opentag', (node) => h.open(localName(node.name), node.attributes as Attrs, node.isSelfClosing));
  p.on('closetag', (node) => h.close(localName(node.name)));
  if (h.text) {
    const text = h.text;
    p.on('text', text);
    p.on('cdata', text);
  }
  return p;
}

/** Picks the decoder from a byte-order mark: UTF-16 parts exist, UTF-8 is the rule. */
function decoderFor(first: Buffer): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le', { fatal: true });
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be', { fatal: true });
  return new TextDecoder('utf-8', { fatal: true });
}

const STREAM = { stream: true };
/** Bytes decoded at a time: at most 32k characters, a small string for V8 whatever the text. */
const DECODE_SLICE = 32 * 1024;

/**
 * Feeds a part to the parser chunk by chunk, yielding the count of bytes consumed after each
 * chunk so the caller can hand on what the chunk produced. Reading pauses while the caller is
 * busy (async iteration of the stream), so memory stays bounded. The stream is destroyed on
 * every exit, including a caller that stops early.
 */
export async function* feedXml(
  z: Zip,
  stream: Readable,
  parser: XmlSink,
  signal?: AbortSignal,
): AsyncGenerator<number> {
  let decoder: TextDecoder | undefined;
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      signal?.throwIfAborted();
      decoder ??= decoderFor(chunk);
      bytes += chunk.length;
      // In slices: a decoded string past 128 KB goes to V8's large-object space, which makes
      // decoding ten times slower; the decoder keeps a character split between slices whole.
      for (let i = 0; i < chunk.length; i += DECODE_SLICE) parser.write(decoder.decode(chunk.subarray(i, i + DECODE_SLICE), STREAM));
      yield bytes;
    }
    signal?.throwIfAborted();
    if (!decoder) throw fileError('file.corrupt', z.file); // an empty part is not XML
    parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    throw asFileError(e, z.file, signal);
  } finally {
    stream.destroy();
  }
}

/** Parses a whole (small) part. */
export async function parsePart(z: Zip, entry: Entry, maxBytes: number, h: XmlHandlers): Promise<void> {
  const stream = await openPart(z, entry, maxBytes);
  for await (const _ of feedXml(z, stream, makeParser(h)));
}

/** Resolves a relationship target against the folder of the part that names it. */
export function resolveTarget(fromPart: string, target: string): string {
  const parts = target.startsWith('/') ? [] : fromPart.split('/').slice(0, -1);
  for (const seg of target.replace(/\\/g, '/').split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

/** Reads a relationships part: Id → { type (last path segment of Type), target (resolved) }. */
export async function readRels(z: Zip, ofPart: string): Promise<Map<string, { type: string; target: string }>> {
  const dir = ofPart.includes('/') ? ofPart.slice(0, ofPart.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${ofPart.slice(dir.length)}.rels`.toLowerCase();
  const rels = new Map<string, { type: string; target: string }>();
  const entry = z.entries.get(relsName);
  if (!entry) return rels;
  await parsePart(z, entry, z.limits.partBytes, {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target && a.TargetMode !== 'External') {
        rels.set(a.Id, { type: (a.Type ?? '').split('/').pop() ?? '', target: resolveTarget(ofPart, a.Target) });
      }
    },
    close() {},
  });
  return rels;
}
