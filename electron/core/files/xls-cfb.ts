/**
 * A small reader of the Compound File Binary format (the OLE container of .xls files): header,
 * FAT (with DIFAT), mini-FAT and mini-stream, directory, and one stream by name. Every read is
 * bounds-checked and every sector chain is followed at most once per sector, so a crafted file
 * ends in a CfbError, never in a crash, a hang or a huge allocation.
 */

export class CfbError extends Error {
  constructor(readonly reason: 'corrupt' | 'tooLarge') {
    super(`cfb: ${reason}`);
  }
}

const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAX_DIR_ENTRIES = 100_000;

export interface CfbEntry {
  name: string;
  type: number; // 1 storage, 2 stream, 5 root
  start: number;
  size: number;
}

export interface Cfb {
  entries: CfbEntry[];
  /** The stream's bytes; null when no stream has that name (case-insensitive). */
  stream(name: string, maxBytes: number): Buffer | null;
}

const corrupt = () => new CfbError('corrupt');

export function isCfb(buf: Buffer): boolean {
  return buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1;
}

export function openCfb(buf: Buffer): Cfb {
  if (buf.length < 512 || !isCfb(buf)) throw corrupt();
  const sectorShift = buf.readUInt16LE(0x1e);
  const miniShift = buf.readUInt16LE(0x20);
  if ((sectorShift !== 9 && sectorShift !== 12) || miniShift !== 6) throw corrupt();
  const sectorSize = 1 << sectorShift;
  const nFat = buf.readUInt32LE(0x2c);
  const dirStart = buf.readUInt32LE(0x30);
  const miniCutoff = buf.readUInt32LE(0x38);
  const miniFatStart = buf.readUInt32LE(0x3c);
  const difatStart = buf.readUInt32LE(0x44);
  const nDifat = buf.readUInt32LE(0x48);
  const sectorCount = Math.floor((buf.length - sectorSize) / sectorSize) + ((buf.length - sectorSize) % sectorSize ? 1 : 0);
  if (sectorCount <= 0) throw corrupt();
  // The FAT cannot have more sectors than the file, whatever the header says.
  if (nFat > sectorCount) throw corrupt();

  const sectorAt = (id: number): Buffer => {
    if (id >= sectorCount) throw corrupt();
    const off = (id + 1) * sectorSize;
    return buf.subarray(off, Math.min(off + sectorSize, buf.length));
  };

  // DIFAT: 109 entries in the header, then a chain of DIFAT sectors (last entry = next sector).
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < nFat; i++) fatSectors.push(buf.readUInt32LE(0x4c + i * 4));
  let difat = difatStart;
  const seenDifat = new Set<number>();
  for (let n = 0; fatSectors.length < nFat && n < nDifat; n++) {
    if (difat === ENDOFCHAIN || difat === FREESECT || seenDifat.has(difat)) throw corrupt();
    seenDifat.add(difat);
    const s = sectorAt(difat);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < nFat; i++) fatSectors.push(s.length >= i * 4 + 4 ? s.readUInt32LE(i * 4) : FREESECT);
    difat = s.length >= per * 4 + 4 ? s.readUInt32LE(per * 4) : ENDOFCHAIN;
  }
  if (fatSectors.length < nFat) throw corrupt();

  const perSector = sectorSize / 4;
  const fat = new Uint32Array(nFat * perSector).fill(FREESECT);
  fatSectors.forEach((id, i) => {
    const s = sectorAt(id);
    for (let j = 0; j * 4 + 4 <= s.length; j++) fat[i * perSector + j] = s.readUInt32LE(j * 4);
  });

  /** The sectors of a chain; a loop, a jump out of the table or a chain longer than the table is corrupt. */
  function chain(table: Uint32Array, start: number, limit: number): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(table.length);
    for (let id = start; id !== ENDOFCHAIN; id = table[id]) {
      if (id >= table.length || seen[id]) throw corrupt();
      seen[id] = 1;
      out.push(id);
      if (out.length > limit) throw corrupt();
    }
    return out;
  }

  function readChain(start: number, size: number): Buffer {
    if (start === ENDOFCHAIN || size === 0) return Buffer.alloc(0);
    const ids = chain(fat, start, Math.ceil(size / sectorSize));
    if (ids.length * sectorSize < size) throw corrupt();
    const out = Buffer.alloc(size);
    let at = 0;
    for (const id of ids) {
      const s = sectorAt(id);
      const n = Math.min(s.length, size - at);
      s.copy(out, at, 0, n);
      at += n;
      if (at >= size) break;
    }
    if (at < size) throw corrupt();
    return out;
  }

  // Directory: its own chain, length unknown until followed.
  const dirIds = chain(fat, dirStart, Math.min(fat.length, Math.ceil((MAX_DIR_ENTRIES * 128) / sectorSize)));
  const entries: CfbEntry[] = [];
  for (const id of dirIds) {
    const s = sectorAt(id);
    for (let off = 0; off + 128 <= s.length; off += 128) {
      const nameLen = s.readUInt16LE(off + 64);
      const type = s[off + 66];
      const name = nameLen >= 2 && nameLen <= 64 ? s.toString('utf16le', off, off + nameLen - 2) : '';
      const size = s.readUInt32LE(off + 120); // the high half is 0 in version 3 files and ignored
      entries.push({ name, type, start: s.readUInt32LE(off + 116), size });
    }
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw corrupt();

  let mini: { fat: Uint32Array; stream: Buffer } | null = null;
  const miniParts = () => {
    if (mini) return mini;
    const miniStream = readChain(root.start, Math.min(root.size, buf.length));
    const ids = miniFatStart === ENDOFCHAIN ? [] : chain(fat, miniFatStart, fat.length);
    const mf = new Uint32Array(ids.length * perSector).fill(FREESECT);
    ids.forEach((id, i) => {
      const s = sectorAt(id);
      for (let j = 0; j * 4 + 4 <= s.length; j++) mf[i * perSector + j] = s.readUInt32LE(j * 4);
    });
    mini = { fat: mf, stream: miniStream };
    return mini;
  };

  return {
    entries,
    stream(name, maxBytes) {
      const e = entries.find((x) => x.type === 2 && x.name.toLowerCase() === name.toLowerCase());
      if (!e) return null;
      if (e.size > maxBytes) throw new CfbError('tooLarge');
      if (e.size > buf.length) throw corrupt();
      if (e.size >= miniCutoff) return readChain(e.start, e.size);
      const m = miniParts();
      const ids = chain(m.fat, e.start, Math.ceil(e.size / 64));
      const out = Buffer.alloc(e.size);
      let at = 0;
      for (const id of ids) {
        const off = id * 64;
        if (off >= m.stream.length) throw corrupt();
        const n = Math.min(64, e.size - at, m.stream.length - off);
        m.stream.copy(out, at, off, off + n);
        at += n;
        if (at >= e.size) break;
      }
      if (at < e.size) throw corrupt();
      return out;
    },
  };
}
