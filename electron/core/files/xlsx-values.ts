/**
 * Values inside an xlsx: which number formats are dates, Excel serials to calendar text, numbers
 * to the text Excel shows, and the _xHHHH_ escapes of strings.
 */

/** How a number format shows a number: as a plain number, a date, a date with time, or a time. */
export type FormatKind = 'number' | 'date' | 'datetime' | 'time';

/**
 * Built-in formats that are dates or times. 14–22 and 45–47 everywhere; 27–36 and 50–58 are
 * the East Asian locale formats, which in a Chinese Excel are dates such as yyyy"年"m"月"d"日"
 * (32–35 and 55–56 are times like h"时"mm"分").
 */
function builtinKind(id: number): FormatKind {
  if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || id === 36 || (id >= 50 && id <= 54) || id === 57 || id === 58) return 'date';
  if (id === 22) return 'datetime';
  if ((id >= 18 && id <= 21) || (id >= 32 && id <= 35) || (id >= 45 && id <= 47) || id === 55 || id === 56) return 'time';
  return 'number';
}

/** Classifies a custom format code by its date/time letters outside quotes, brackets and escapes. */
export function formatCodeKind(code: string): FormatKind {
  // Only the first section (positive numbers) decides.
  const stripped = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0]
    .toLowerCase();
  const s = stripped
    .replace(/general|@/g, '')
    .replace(/am\/pm|a\/p/g, 'h')
    .replace(/h+:?m+/g, 'h') // minutes after hours
    .replace(/m+:?s+/g, 's'); // minutes before seconds
  const hasDate = /[ymd]/.test(s);
  const hasTime = /[hs]/.test(s);
  if (hasDate && hasTime) return 'datetime';
  if (hasDate) return 'date';
  if (hasTime) return 'time';
  return 'number';
}

/** Kind of each cell style (index = the s attribute), from styles.xml's numFmts and cellXfs. */
export class StyleTable {
  private readonly custom = new Map<number, string>();
  private readonly xfFormats: number[] = [];
  private kinds: FormatKind[] | null = null;

  addNumFmt(id: number, code: string): void {
    this.custom.set(id, code);
  }

  addCellXf(numFmtId: number): void {
    this.xfFormats.push(numFmtId);
  }

  kindOf(styleIndex: number): FormatKind {
    if (!this.kinds) {
      this.kinds = this.xfFormats.map((id) => {
        const code = this.custom.get(id);
        return code !== undefined ? formatCodeKind(code) : builtinKind(id);
      });
    }
    return this.kinds[styleIndex] ?? 'number';
  }
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The largest serial Excel accepts: 9999-12-31. */
const MAX_SERIAL = 2_958_465;

/**
 * Excel serial → 'YYYY-MM-DD' (date), 'YYYY-MM-DD HH:MM:SS' (datetime) or 'HH:MM:SS' (time).
 * 1900 system: serial 1 is 1900-01-01 and 60 is Excel's non-existent 1900-02-29 (kept, as Excel
 * shows it). 1904 system: serial 0 is 1904-01-01. Returns null when the serial is not a date
 * Excel could show (negative or past 9999).
 */
export function serialToText(serial: number, kind: Exclude<FormatKind, 'number'>, date1904: boolean): string | null {
  if (!Number.isFinite(serial) || serial < 0 || serial > MAX_SERIAL) return null;
  // Round to the second first, so 0.99999999 of a day becomes the next midnight.
  const totalSeconds = Math.round(serial * 86400);
  let days = Math.floor(totalSeconds / 86400);
  const secs = totalSeconds - days * 86400;
  const time = `${pad(Math.floor(secs / 3600))}:${pad(Math.floor((secs % 3600) / 60))}:${pad(secs % 60)}`;
  if (kind === 'time') return time;
  let date: string;
  if (!date1904 && days === 60) date = '1900-02-29';
  else if (!date1904 && days === 0) date = '1900-01-00';
  else {
    if (!date1904 && days < 60) days += 1; // before the phantom leap day the epoch is one day later
    const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
    const d = new Date(epoch + days * 86_400_000);
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return kind === 'datetime' ? `${date} ${time}` : date;
}

const PLAIN = /^-?(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;

/**
 * A number as a General cell shows it, without exponent where Excel shows all digits: integers
 * of up to 15 digits exactly; other values rounded to Excel's 15 significant digits (so 0.1+0.2
 * reads 0.3, and an 18-digit ID typed as a number reads with its last digits as zeros, which is
 * all the file still holds).
 */
export function numberText(n: number, raw?: string): string {
  // Fast path: the file's own text when it is already plain with at most 15 digits ("12345.67").
  if (raw !== undefined && raw.length <= 17 && PLAIN.test(raw)) {
    const digits = raw.length - (raw.charCodeAt(0) === 45 ? 1 : 0) - (raw.includes('.') ? 1 : 0);
    if (digits <= 15) return raw;
  }
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (!Number.isFinite(n)) return String(n);
  const r = Number(n.toPrecision(15));
  return String(r).replace('e', 'E'); // plain below 1e21, except tiny fractions (1E-7)
}

/** Decodes Excel's _xHHHH_ escapes (control characters; _x005F_ is a literal underscore). */
export function decodeEscapes(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Encodes what XML cannot carry (control characters except tab and LF; CR, which XML turns
 *  into LF) as _xHHHH_, and escapes literal _xHHHH_ text, so that decodeEscapes restores it. */
export function encodeEscapes(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  return s.replace(/_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Column index (0-based) from a cell reference like "AB12"; -1 when it has no letters. */
export function refColumn(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : col - 1;
}

/** Row number (1-based) from a cell reference like "AB12"; NaN when it has none. */
export function refRow(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : NaN;
}
