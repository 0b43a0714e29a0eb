/**
 * Streaming scanners for the two big parts of a workbook, the worksheet and the shared strings,
 * in place of a general SAX parser: the XML of those parts is plain (elements, attributes, text,
 * the five predefined entities, character references, now and then CDATA), so a scanner that
 * knows it reads far fewer objects per cell than saxes does (no attribute objects, no tag
 * objects, no name strings) and walks each character once.
 *
 * Text arrives as decoded chunks (the TextDecoder upstream keeps characters whole). A tag, an
 * entity, a CR LF pair or the end of a CDATA section may straddle two chunks: the unfinished bit
 * is carried into the next chunk (a tag's worth at most; text is handed on as it comes, so a long
 * string is never carried). The checks are those of a well-formedness check, as saxes made them:
 * names and nesting of tags, one root, quoted attributes without duplicates, no '<' in attribute
 * values, known entities and valid character references, characters XML allows, no "]]>" in
 * text, no text outside the root, and at the end no open tag and no unfinished construct. Any
 * failure throws, and the reader turns it into file.corrupt. Where saxes would accept what this
 * refuses, or the other way round (tests/unit/files-sheet-scanner.test.ts compares the two on
 * damaged XML): a tag, comment or doctype over MAX_CARRY characters and an entity reference
 * over MAX_ENTITY are refused; a lone surrogate is not looked for (the fatal TextDecoder in front
 * never yields one); a document declaring XML 1.1 is read by the rules of XML 1.0.
 *
 * Element names are matched by their local part (x:c is c), as the saxes handlers did.
 */
/** Malformed XML: never shown to the user (the reader maps it to file.corrupt). */
export class XmlSyntaxError extends Error {
  constructor(message: string) {
    super(`XML: ${message}`);
    this.name = 'XmlSyntaxError';
  }
}

function fail(message: string): never {
  throw new XmlSyntaxError(message);
}

// Local names the scanners act on (the code a subclass gets), OTHER for any other element.
export const OTHER = 0;
export const E_C = 1;
export const E_V = 2;
export const E_T = 3;
export const E_IS = 4;
export const E_ROW = 5;
export const E_RPH = 6;
export const E_MERGE_CELL = 7;
export const E_SI = 8;
const CODES = 9;

function classify(s: string, from: number, to: number): number {
  switch (to - from) {
    case 1:
      switch (s.charCodeAt(from)) {
        case 99: // c
          return E_C;
        case 118: // v
          return E_V;
        case 116: // t
          return E_T;
        default:
          return OTHER;
      }
    case 2: {
      const a = s.charCodeAt(from);
      const b = s.charCodeAt(from + 1);
      if (a === 105 && b === 115) return E_IS; // is
      if (a === 115 && b === 105) return E_SI; // si
      return OTHER;
    }
    case 3:
      if (s.startsWith('row', from)) return E_ROW;
      if (s.startsWith('rPh', from)) return E_RPH;
      return OTHER;
    case 9:
      return s.startsWith('mergeCell', from) ? E_MERGE_CELL : OTHER;
    default:
      return OTHER;
  }
}

// Characters of XML 1.0 names. ASCII by table: 2 may start a name, 1 may only follow.
const NAME_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58) NAME_ASCII[c] = 2;
  else if ((c >= 48 && c <= 57) || c === 45 || c === 46) NAME_ASCII[c] = 1;
}

/** NameStartChar above ASCII; a surrogate pair (U+10000 to U+EFFFF) is taken as two name characters. */
function isNameStartWide(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xd800 && c <= 0xdb7f) || // high surrogate of U+10000..U+EFFFF
    (c >= 0xdc00 && c <= 0xdfff) || // its low surrogate
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

function isNameStart(c: number): boolean {
  return c < 0x80 ? NAME_ASCII[c] === 2 : isNameStartWide(c);
}

function isNameChar(c: number): boolean {
  if (c < 0x80) return NAME_ASCII[c] !== 0;
  return c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040 || isNameStartWide(c);
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13;

/** XML 1.0 Char, for character references. */
const isXmlChar = (n: number) => n === 9 || n === 10 || n === 13 || (n >= 0x20 && n <= 0xd7ff) || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);

/** Longest entity reference accepted, '&' to ';' ("&#x10FFFF;" is 10; leading zeros are legal but not this many). */
const MAX_ENTITY = 40;

/**
 * Longest construct carried from one chunk to the next (a tag, comment, processing instruction or
 * doctype), in characters; longer ones are refused. Real sheets stay far below (a tag is at most
 * a few kilobytes even with a long sqref); this bounds the memory and the rescanning a damaged
 * file can cause (a tag is scanned again from its '<' for each chunk with a '>' in it).
 */
const MAX_CARRY = 1024 * 1024;

/** The text of an entity reference whose name is s[from, to). */
function entityText(s: string, from: number, to: number): string {
  const n = to - from;
  if (n === 0) fail('empty entity name');
  if (s.charCodeAt(from) === 35) {
    // &#123; or &#x7B; (a lower-case x only, as saxes has it).
    let num = 0;
    let i = from + 1;
    if (s.charCodeAt(i) === 120) {
      i++;
      if (i === to) fail('malformed character entity');
      for (; i < to; i++) {
        const c = s.charCodeAt(i);
        let d: number;
        if (c >= 48 && c <= 57) d = c - 48;
        else if (c >= 97 && c <= 102) d = c - 87;
        else if (c >= 65 && c <= 70) d = c - 55;
        else fail('malformed character entity');
        num = num * 16 + d;
        if (num > 0x10ffff) fail('malformed character entity');
      }
    } else {
      if (i === to) fail('malformed character entity');
      for (; i < to; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57) fail('malformed character entity');
        num = num * 10 + (c - 48);
        if (num > 0x10ffff) fail('malformed character entity');
      }
    }
    if (!isXmlChar(num)) fail('malformed character entity');
    return String.fromCodePoint(num);
  }
  switch (n) {
    case 2:
      if (s.startsWith('lt', from)) return '<';
      if (s.startsWith('gt', from)) return '>';
      break;
    case 3:
      if (s.startsWith('amp', from)) return '&';
      break;
    case 4:
      if (s.startsWith('quot', from)) return '"';
      if (s.startsWith('apos', from)) return "'";
      break;
  }
  return fail('undefined entity');
}

/** Where the entity reference starting at s[amp] ('&') ends (its ';'), or -1 when the chunk ends first. */
function entityEnd(s: string, amp: number, len: number): number {
  const stop = Math.min(len, amp + MAX_ENTITY);
  for (let i = amp + 1; i < stop; i++) {
    const c = s.charCodeAt(i);
    if (c === 59) return i;
    if (!(c === 35 || isNameChar(c))) fail('malformed entity reference');
  }
  if (amp + MAX_ENTITY <= len) fail('entity reference too long');
  return -1;
}

/**
 * Checks the characters of s[from, to) (text XML allows, in a comment, processing instruction or
 * CDATA section) and returns them with line ends normalised (CR LF and lone CR become LF).
 */
function plainText(s: string, from: number, to: number, keep: boolean): string {
  let out = '';
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 ? c < 0xfffe : c === 9 || c === 10) continue;
    if (c !== 13) fail('disallowed character');
    if (keep) out += `${s.slice(start, i)}\n`;
    if (s.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
  }
  return keep ? (start === from ? s.slice(from, to) : out + s.slice(start, to)) : '';
}

/** An attribute value with its entities decoded and its tabs and line ends turned into spaces (as XML asks). */
function attrText(s: string, from: number, to: number): string {
  let out = '';
  let start = from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 38) {
      const end = entityEnd(s, i, to);
      if (end < 0) fail('malformed entity reference');
      out += s.slice(start, i) + entityText(s, i + 1, end);
      i = end;
      start = end + 1;
    } else if (c === 9 || c === 10 || c === 13) {
      out += `${s.slice(start, i)} `;
      if (c === 13 && s.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return out + s.slice(start, to);
}

// States of a doctype declaration, as saxes reads it (it skips the declaration, internal subset
// and all: entities declared there stay undefined).
const D_DOCTYPE = 0;
const D_DOCTYPE_QUOTED = 1;
const D_DTD = 2;
const D_DTD_QUOTED = 3;
const D_DTD_OPEN = 4;
const D_DTD_BANG = 5;
const D_DTD_BANG_DASH = 6;
const D_DTD_COMMENT = 7;
const D_DTD_COMMENT_DASH = 8;
const D_DTD_COMMENT_DASHES = 9;
const D_DTD_PI = 10;
const D_DTD_PI_END = 11;

/** Where the doctype declaration whose body starts at s[from] ends (after its '>'), or -1 if the chunk ends first. */
function doctypeEnd(s: string, from: number, len: number): number {
  let state = D_DOCTYPE;
  let q = 0;
  for (let i = from; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 ? c >= 0xfffe : c !== 9 && c !== 10 && c !== 13) fail('disallowed character');
    switch (state) {
      case D_DOCTYPE:
        if (c === 62) return i + 1;
        if (c === 91) state = D_DTD;
        else if (c === 34 || c === 39) {
          q = c;
          state = D_DOCTYPE_QUOTED;
        }
        break;
      case D_DOCTYPE_QUOTED:
        if (c === q) state = D_DOCTYPE;
        break;
      case D_DTD:
        if (c === 93) state = D_DOCTYPE;
        else if (c === 60) state = D_DTD_OPEN;
        else if (c === 34 || c === 39) {
          q = c;
          state = D_DTD_QUOTED;
        }
        break;
      case D_DTD_QUOTED:
        if (c === q) state = D_DTD;
        break;
      case D_DTD_OPEN:
        state = c === 33 ? D_DTD_BANG : c === 63 ? D_DTD_PI : D_DTD;
        break;
      case D_DTD_BANG:
        state = c === 45 ? D_DTD_BANG_DASH : D_DTD;
        break;
      case D_DTD_BANG_DASH:
        state = c === 45 ? D_DTD_COMMENT : D_DTD;
        break;
      case D_DTD_COMMENT:
        if (c === 45) state = D_DTD_COMMENT_DASH;
        break;
      case D_DTD_COMMENT_DASH:
        state = c === 45 ? D_DTD_COMMENT_DASHES : D_DTD_COMMENT;
        break;
      case D_DTD_COMMENT_DASHES:
        if (c !== 62) fail('malformed comment');
        state = D_DTD;
        break;
      case D_DTD_PI:
        if (c === 63) state = D_DTD_PI_END;
        break;
      case D_DTD_PI_END:
        if (c === 62) state = D_DTD;
        break;
    }
  }
  return -1;
}

const XML_DECL = /^<\?xml\s+version\s*=\s*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:\s+encoding\s*=\s*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:\s+standalone\s*=\s*(?:"(?:yes|no)"|'(?:yes|no)'))?\s*\?>$/;

/**
 * The scanning machinery: well-formedness, the element stack, chunk boundaries. Subclasses get
 * each start tag (local name code, attributes by position), end tag and, while `capture` is set,
 * the decoded text.
 */
export abstract class XmlScanner {
  /** Set by a subclass while it wants text: only then is text sliced and decoded. */
  protected capture = false;
  /** The chunk the current tag's attribute positions refer to. */
  protected src = '';
  protected nAttrs = 0;
  protected readonly attrNameStart: number[] = [];
  protected readonly attrNameEnd: number[] = [];
  protected readonly attrValueStart: number[] = [];
  protected readonly attrValueEnd: number[] = [];
  /** The decoded value of an attribute with entities or line ends in it, else undefined. */
  protected readonly attrDecoded: (string | undefined)[] = [];

  private carry = '';
  /** Offset in the document of the current chunk's first character. */
  private offset = 0;
  private inCdata = false;
  private closed = false;
  private readonly names: string[] = [];
  private readonly codes: number[] = [];
  private depth = 0;
  private sawRoot = false;
  private closedRoot = false;
  private sawDoctype = false;
  /** The last qualified name seen for each code, reused for the element stack ('c', 'x:c'). */
  private readonly nameCache: string[] = new Array<string>(CODES).fill('');

  protected abstract onOpen(code: number): void;
  protected abstract onClose(code: number): void;
  protected abstract onText(text: string): void;

  /** Scans the next piece of the document. */
  write(chunk: string): this {
    if (this.closed) fail('write after end');
    const carried = this.carry;
    if (carried.length === 0) {
      this.scan(chunk, false);
      return this;
    }
    if (carried.length > MAX_CARRY) fail('construct too long');
    // An unfinished tag, comment, processing instruction or doctype cannot end in a piece
    // without '>': keep it without scanning it again (so a long one costs linear time).
    if (carried.charCodeAt(0) === 60 && !this.inCdata && chunk.indexOf('>') < 0) {
      if (carried.length + chunk.length > MAX_CARRY) fail('construct too long');
      this.carry = carried + chunk;
      return this;
    }
    this.carry = '';
    this.scan(carried + chunk, false);
    return this;
  }

  /** Ends the document: anything unfinished is an error. */
  close(): this {
    if (this.closed) return this;
    const rest = this.carry;
    this.carry = '';
    this.scan(rest, true);
    this.closed = true;
    if (this.inCdata) fail('unterminated CDATA section');
    if (this.depth > 0) fail(`unclosed tag: ${this.names[this.depth - 1]}`);
    if (!this.sawRoot) fail('document must contain a root element');
    return this;
  }

  /** The value of attribute k of the current start tag. */
  protected attr(k: number): string {
    return this.attrDecoded[k] ?? this.src.slice(this.attrValueStart[k], this.attrValueEnd[k]);
  }

  /** Index of the attribute with this (qualified) name in the current start tag, or -1. */
  protected findAttr(name: string): number {
    const s = this.src;
    for (let k = 0; k < this.nAttrs; k++) {
      const from = this.attrNameStart[k];
      if (this.attrNameEnd[k] - from === name.length && s.startsWith(name, from)) return k;
    }
    return -1;
  }

  private stop(s: string, from: number, final: boolean): void {
    if (final) fail('unexpected end');
    this.carry = s.slice(from);
    this.offset += from;
  }

  private scan(s: string, final: boolean): void {
    this.src = s;
    const len = s.length;
    let i = 0;
    if (this.inCdata) {
      i = this.cdata(s, 0, final);
      if (i < 0) return;
    }
    for (;;) {
      // Character data up to the next '<'.
      if (this.depth === 0) {
        for (; i < len; i++) {
          const c = s.charCodeAt(i);
          if (c === 60) break;
          if (!isSpace(c)) fail('text data outside of root node');
        }
      } else {
        let runStart = i;
        let acc = '';
        const capture = this.capture;
        for (;;) {
          if (i >= len) {
            // The chunk ends in text: hand on what is certain, carry a CR (an LF may follow)
            // or up to two ']' (a '>' may follow).
            let k = len;
            if (!final) {
              if (k > runStart && s.charCodeAt(k - 1) === 13) k--;
              else if (k > runStart && s.charCodeAt(k - 1) === 93) {
                k--;
                if (k > runStart && s.charCodeAt(k - 1) === 93) k--;
              }
            }
            if (capture && (k > runStart || acc !== '')) this.onText(acc + s.slice(runStart, k));
            if (k < len) this.stop(s, k, final);
            else this.offset += len;
            return;
          }
          const c = s.charCodeAt(i);
          if (c === 60) break;
          if (c > 62 ? c < 0xfffe : c >= 32 && c !== 38 && c !== 62) {
            i++;
            continue;
          }
          if (c === 38) {
            const end = entityEnd(s, i, len);
            if (end < 0) {
              if (final) fail('unexpected end');
              if (capture && (i > runStart || acc !== '')) this.onText(acc + s.slice(runStart, i));
              this.stop(s, i, final);
              return;
            }
            const t = entityText(s, i + 1, end);
            if (capture) acc += s.slice(runStart, i) + t;
            i = end + 1;
            runStart = i;
          } else if (c === 62) {
            if (i - 2 >= runStart && s.charCodeAt(i - 1) === 93 && s.charCodeAt(i - 2) === 93) fail('the string "]]>" is disallowed in char data');
            i++;
          } else if (c === 9 || c === 10) {
            i++;
          } else if (c === 13) {
            if (i + 1 >= len && !final) {
              // Decided by the next chunk: let the end-of-chunk branch carry it.
              if (capture) acc += s.slice(runStart, i);
              runStart = i;
              i = len;
              continue;
            }
            if (capture) acc += `${s.slice(runStart, i)}\n`;
            i += s.charCodeAt(i + 1) === 10 ? 2 : 1;
            runStart = i;
          } else {
            fail('disallowed character');
          }
        }
        if (capture && (i > runStart || acc !== '')) this.onText(acc + s.slice(runStart, i));
      }
      if (i >= len) {
        this.offset += len;
        return;
      }
      // Markup at s[i] === '<'.
      const lt = i;
      if (lt + 1 >= len) return this.stop(s, lt, final);
      const c = s.charCodeAt(lt + 1);
      let next: number;
      if (c === 47) next = this.endTag(s, lt, len);
      else if (c === 33) {
        next = this.bang(s, lt, len);
        if (next >= 0 && this.inCdata) {
          next = this.cdata(s, next, final);
          if (next < 0) return;
        }
      } else if (c === 63) next = this.pi(s, lt);
      else next = this.startTag(s, lt, len);
      if (next < 0) return this.stop(s, lt, final);
      i = next;
    }
  }

  /** A start tag at s[lt]; returns the index after it, or -1 if the chunk ends first. */
  private startTag(s: string, lt: number, len: number): number {
    let i = lt + 1;
    let c = s.charCodeAt(i);
    if (!isNameStart(c)) fail('disallowed character in tag name');
    const nameStart = i;
    let colon = c === 58 ? i : -1;
    for (;;) {
      i++;
      if (i >= len) return -1;
      c = s.charCodeAt(i);
      if (!(c < 0x80 ? NAME_ASCII[c] !== 0 : isNameChar(c))) break;
      if (c === 58 && colon < 0) colon = i;
    }
    const nameEnd = i;
    const code = classify(s, colon < 0 ? nameStart : colon + 1, nameEnd);
    const nameStarts = this.attrNameStart;
    const nameEnds = this.attrNameEnd;
    const valueStarts = this.attrValueStart;
    const valueEnds = this.attrValueEnd;
    const decoded = this.attrDecoded;
    let n = 0;
    let selfClosing = false;
    for (;;) {
      if (c === 62) {
        i++;
        break;
      }
      if (c === 47) {
        if (i + 1 >= len) return -1;
        if (s.charCodeAt(i + 1) !== 62) fail('forward-slash in opening tag not followed by >');
        i += 2;
        selfClosing = true;
        break;
      }
      if (!isSpace(c)) fail(n === 0 ? 'disallowed character in tag name' : 'no whitespace between attributes');
      do {
        i++;
        if (i >= len) return -1;
        c = s.charCodeAt(i);
      } while (isSpace(c));
      if (c === 62 || c === 47) continue;
      // An attribute: name, '=', quoted value.
      if (!isNameStart(c)) fail('disallowed character in attribute name');
      const an = i;
      do {
        i++;
        if (i >= len) return -1;
        c = s.charCodeAt(i);
      } while (c < 0x80 ? NAME_ASCII[c] !== 0 : isNameChar(c));
      const ae = i;
      while (isSpace(c)) {
        i++;
        if (i >= len) return -1;
        c = s.charCodeAt(i);
      }
      if (c !== 61) fail('attribute without value');
      do {
        i++;
        if (i >= len) return -1;
        c = s.charCodeAt(i);
      } while (isSpace(c));
      if (c !== 34 && c !== 39) fail('unquoted attribute value');
      const q = c;
      const vs = i + 1;
      let raw = false;
      for (;;) {
        i++;
        if (i >= len) return -1;
        c = s.charCodeAt(i);
        if (c === q) break;
        if (c < 32 || c === 38 || c === 60 || c >= 0xfffe) {
          if (c === 38 || c === 9 || c === 10 || c === 13) raw = true;
          else fail('disallowed character in attribute value');
        }
      }
      const ve = i;
      i++;
      if (i >= len) return -1;
      c = s.charCodeAt(i);
      const an1 = ae - an;
      for (let k = 0; k < n; k++) {
        const from = nameStarts[k];
        if (nameEnds[k] - from !== an1) continue;
        let j = 0;
        while (j < an1 && s.charCodeAt(from + j) === s.charCodeAt(an + j)) j++;
        if (j === an1) fail('duplicate attribute');
      }
      nameStarts[n] = an;
      nameEnds[n] = ae;
      valueStarts[n] = vs;
      valueEnds[n] = ve;
      decoded[n] = raw ? attrText(s, vs, ve) : undefined;
      n++;
    }
    if (this.closedRoot) fail('documents may contain only one root');
    this.sawRoot = true;
    this.nAttrs = n;
    this.onOpen(code);
    if (selfClosing) {
      this.onClose(code);
      if (this.depth === 0) this.closedRoot = true;
    } else {
      let name = this.nameCache[code];
      const nl = nameEnd - nameStart;
      let same = code !== OTHER && name.length === nl;
      for (let j = 0; same && j < nl; j++) same = name.charCodeAt(j) === s.charCodeAt(nameStart + j);
      if (!same) {
        name = s.slice(nameStart, nameEnd);
        if (code !== OTHER) this.nameCache[code] = name;
      }
      this.names[this.depth] = name;
      this.codes[this.depth] = code;
      this.depth++;
    }
    return i;
  }

  /** An end tag at s[lt] ("</"); returns the index after it, or -1 if the chunk ends first. */
  private endTag(s: string, lt: number, len: number): number {
    const nameStart = lt + 2;
    let i = nameStart;
    let c: number;
    for (;;) {
      if (i >= len) return -1;
      c = s.charCodeAt(i);
      if (!(c < 0x80 ? NAME_ASCII[c] !== 0 : isNameChar(c))) break;
      i++;
    }
    const nameEnd = i;
    while (isSpace(c)) {
      i++;
      if (i >= len) return -1;
      c = s.charCodeAt(i);
    }
    if (c !== 62) fail('disallowed character in closing tag');
    const nl = nameEnd - nameStart;
    if (nl === 0) fail('empty close tag');
    if (this.depth === 0) fail('unmatched closing tag');
    const open = this.names[this.depth - 1];
    if (open.length !== nl) fail('unexpected close tag');
    for (let j = 0; j < nl; j++) if (open.charCodeAt(j) !== s.charCodeAt(nameStart + j)) fail('unexpected close tag');
    this.depth--;
    this.onClose(this.codes[this.depth]);
    if (this.depth === 0) this.closedRoot = true;
    return i + 1;
  }

  /** "<!": a comment, a CDATA section (enters CDATA mode) or a doctype. */
  private bang(s: string, lt: number, len: number): number {
    for (const [open, kind] of [
      ['<!--', 0],
      ['<![CDATA[', 1],
      ['<!DOCTYPE', 2],
    ] as const) {
      const avail = Math.min(len - lt, open.length);
      if (!s.startsWith(open.slice(0, avail), lt)) continue;
      if (avail < open.length) return -1;
      const from = lt + open.length;
      if (kind === 0) {
        const end = s.indexOf('--', from);
        if (end < 0 || end + 2 >= len) return -1;
        if (s.charCodeAt(end + 2) !== 62) fail('malformed comment');
        plainText(s, from, end, false);
        return end + 3;
      }
      if (kind === 1) {
        if (this.depth === 0) fail('text data outside of root node');
        this.inCdata = true;
        return from;
      }
      if (this.sawRoot || this.sawDoctype) fail('inappropriately located doctype declaration');
      const end = doctypeEnd(s, from, len);
      if (end >= 0) this.sawDoctype = true;
      return end;
    }
    return fail('incorrect syntax');
  }

  /** Inside a CDATA section from s[from]: its text goes on as is; returns the index after "]]>", or -1 (carried). */
  private cdata(s: string, from: number, final: boolean): number {
    const len = s.length;
    const end = s.indexOf(']]>', from);
    if (end < 0) {
      if (final) fail('unterminated CDATA section');
      // Keep the last two characters: they may begin "]]>"; and a CR, whose LF may follow.
      let k = Math.max(from, len - 2);
      if (k > from && s.charCodeAt(k - 1) === 13) k--;
      const text = plainText(s, from, k, this.capture);
      if (this.capture && text !== '') this.onText(text);
      this.stop(s, k, false);
      return -1;
    }
    const text = plainText(s, from, end, this.capture);
    if (this.capture && text !== '') this.onText(text);
    this.inCdata = false;
    return end + 3;
  }

  /** A processing instruction or the XML declaration at s[lt] ("<?"). */
  private pi(s: string, lt: number): number {
    const end = s.indexOf('?>', lt + 2);
    if (end < 0) return -1;
    let i = lt + 2;
    if (!isNameStart(s.charCodeAt(i))) fail('processing instruction without a target');
    while (i < end && isNameChar(s.charCodeAt(i))) i++;
    if (i < end && !isSpace(s.charCodeAt(i)) && s.charCodeAt(i) !== 63) fail('disallowed character in processing instruction name');
    const target = s.slice(lt + 2, i);
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || this.offset + lt !== 0) fail('the XML declaration must appear at the start of the document');
      if (!XML_DECL.test(s.slice(lt, end + 2))) fail('malformed XML declaration');
    }
    plainText(s, i, end, false);
    return end + 2;
  }
}
