/**
 * Saving to a full disk, a read-only folder, a missing folder (an unplugged stick): every writer
 * answers in plain words, the process goes on, and neither the target nor a temporary file is
 * left. A killed save's leftovers are removed at the next start and before the next save.
 *
 * The full and read-only disks are small tmpfs mounts (root in this environment: chmod does not
 * stop root, a read-only mount does); they are unmounted after the tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanStaleTemps, isTempName, writeFileAtomic, writeStreamAtomic } from '../../electron/core/files/atomic-write';
import { writeXlsx } from '../../electron/core/files/xlsx-write';
import { writeRosterPdf } from '../../electron/core/pdf/roster-pdf';
import { writeCards } from '../../electron/core/pdf/cards';
import { openApp } from '../../electron/core/app/app';
import { cleanup } from './helpers/app';
import { cardVillage } from './pdf-fixture';
import { refusal } from '../support/file-helpers';
import { cli } from '../support/cli';
import { mountTmpfs, unmountAll } from '../support/mounts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-atomic-'));
const full = path.join(root, 'full');
const ro = path.join(root, 'ro');
beforeAll(() => {
  mountTmpfs(full, 'size=1m');
  mountTmpfs(ro, 'size=1m', { '旧花名册.pdf': 'old' }, true);
});

afterAll(() => {
  unmountAll();
  fs.rmSync(root, { recursive: true, force: true });
});

afterEach(async () => {
  await cleanup();
  for (const f of fs.readdirSync(full)) fs.rmSync(path.join(full, f), { force: true });
});

/** Fills the 1 MB disk so that only about `freeKb` remain. */
function fillDisk(freeKb: number) {
  const free = fs.statfsSync(full).bavail * fs.statfsSync(full).bsize;
  fs.writeFileSync(path.join(full, 'filler.bin'), Buffer.alloc(Math.max(0, free - freeKb * 1024)));
}

const leftovers = (dir: string) => fs.readdirSync(dir).filter((n) => n !== 'filler.bin' && n !== '旧花名册.pdf');
const bigRows = (n: number) => Array.from({ length: n }, (_, i) => [`43052219800101${String(i).padStart(4, '0')}`, `第${i}行 ${Math.random().toString(36).repeat(8)}`]);

describe('a full disk', () => {
  it('a whole-file write: 磁盘已满, nothing left', async () => {
    const file = path.join(full, '通报.pdf');
    const info = await refusal(() => writeFileAtomic(file, Buffer.alloc(2 * 1024 * 1024, 7)));
    expect(info.key).toBe('file.diskFull');
    expect(info.message).toBe('磁盘已满，文件「通报.pdf」没有保存；请清理磁盘空间或换一个保存位置');
    expect(leftovers(full)).toEqual([]);
    // the process goes on: the next, smaller save works
    await writeFileAtomic(file, 'ok');
    expect(fs.readFileSync(file, 'utf8')).toBe('ok');
  });

  it('a streamed xlsx export: 磁盘已满, no half workbook, no temp file', async () => {
    const file = path.join(full, '花名册.xlsx');
    const info = await refusal(() => writeXlsx(file, [{ name: '花名册', columns: [{ header: '证件号码' }, { header: '备注' }], rows: bigRows(40_000) }]), 20_000);
    expect(info.message).toBe('磁盘已满，文件「花名册.xlsx」没有保存；请清理磁盘空间或换一个保存位置');
    expect(leftovers(full)).toEqual([]);
  });

  it('the roster PDF and the cards: 磁盘已满, nothing left', async () => {
    const t = await cardVillage();
    fillDisk(8);
    const roster = await refusal(() => writeRosterPdf(t.app.ctx(), path.join(full, '花名册.pdf')), 20_000);
    expect(roster.key).toBe('file.diskFull');
    const cards = await refusal(() => writeCards(t.app.ctx(), path.join(full, '明白卡.pdf'), { villageId: t.village.id }), 20_000);
    expect(cards.key).toBe('file.diskFull');
    expect(leftovers(full)).toEqual([]);
  });
});

describe('a read-only folder', () => {
  it('every kind of write says 只读或没有权限 and leaves the old file as it was', async () => {
    const msg = (name: string) => `保存位置「${ro}」是只读的或没有权限，文件「${name}」没有保存；请换一个保存位置`;
    expect((await refusal(() => writeFileAtomic(path.join(ro, '模板.json'), '{}'))).message).toBe(msg('模板.json'));
    expect((await refusal(() => writeXlsx(path.join(ro, '花名册.xlsx'), [{ name: 'S', columns: [{ header: 'a' }], rows: [['1']] }]))).message).toBe(msg('花名册.xlsx'));
    const t = await cardVillage();
    expect((await refusal(() => writeRosterPdf(t.app.ctx(), path.join(ro, '旧花名册.pdf')))).message).toBe(msg('旧花名册.pdf'));
    expect(fs.readdirSync(ro)).toEqual(['旧花名册.pdf']);
    expect(fs.readFileSync(path.join(ro, '旧花名册.pdf'), 'utf8')).toBe('old');
  });
});

describe('a missing folder (an unplugged stick)', () => {
  it('the roster PDF: a plain message, no folder created', async () => {
    const t = await cardVillage();
    const gone = path.join(root, 'U盘', '导出');
    const info = await refusal(() => writeRosterPdf(t.app.ctx(), path.join(gone, '花名册.pdf')));
    expect(info.message).toBe(`保存位置「${gone}」不存在（文件夹可能已被删除，或移动存储已拔出），文件「花名册.pdf」没有保存；请重新选择保存位置`);
    expect(fs.existsSync(path.join(root, 'U盘'))).toBe(false);
  });

  it('a stream whose folder disappears midway: the plain message, not an unhandled error', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'stick-'));
    const file = path.join(dir, '导出.bin');
    const info = await refusal(() =>
      writeStreamAtomic(file, async (w) => {
        w.stream.write('first');
        await new Promise((r) => setTimeout(r, 20));
        fs.rmSync(dir, { recursive: true, force: true }); // the stick is pulled out
        w.stream.end('second');
      }),
    );
    expect(info.key).toBe('file.writeFolderMissing');
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('the CLI `pdf roster` prints the plain message and exits non-zero', async () => {
    const t = await cardVillage();
    const gone = path.join(root, '拔出的U盘');
    const r = await cli('--data-dir', t.dir, 'pdf', 'roster', path.join(gone, '花名册.pdf'));
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(`保存位置「${gone}」不存在（文件夹可能已被删除，或移动存储已拔出）`);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    expect(fs.existsSync(gone)).toBe(false);
  });
});

describe('leftovers of a killed save', () => {
  const old = Date.now() / 1000 - 3600;
  const leave = (dir: string, name: string, age = old) => {
    fs.writeFileSync(path.join(dir, name), '430522198001010011 陈德明');
    fs.utimesSync(path.join(dir, name), age, age);
  };

  it('are recognised by name, today\'s and older releases\'', () => {
    for (const n of ['.花名册.xlsx.1234-ab12cd34.part', '花名册.pdf.part', '.花名册.xlsx.1234-lq2x.tmp', '.台账.pdf.1234.tmp', '模板.json.tmp-99', '.incoming-0f8fad5b-d9cb-469f-a165-70867728950e'])
      expect(isTempName(n), n).toBe(true);
    for (const n of ['花名册.xlsx', '花名册.pdf', '.gitignore', 'notes.tmp', 'fupin.db']) expect(isTempName(n), n).toBe(false);
  });

  it('are removed before a save into their folder, fresh ones (a save under way) are kept', async () => {
    const dir = fs.mkdtempSync(path.join(root, 'export-'));
    leave(dir, '.花名册.xlsx.4321-lq2x9a.tmp');
    leave(dir, '花名册.pdf.part');
    leave(dir, '.明白卡.pdf.4321-ab12cd34.part', Date.now() / 1000);
    leave(dir, '自己的文件.xlsx');
    await writeFileAtomic(path.join(dir, '通报.pdf'), 'pdf');
    expect(fs.readdirSync(dir).sort()).toEqual(['.明白卡.pdf.4321-ab12cd34.part', '自己的文件.xlsx', '通报.pdf'].sort());
    expect(cleanStaleTemps(dir, { now: Date.now() + 120_000 })).toEqual(['.明白卡.pdf.4321-ab12cd34.part']);
  });

  it('are removed from the data folder, the evidence folders and the folders saved into when the app starts', async () => {
    const t = await cardVillage();
    const exports = fs.mkdtempSync(path.join(root, 'exports-'));
    await writeRosterPdf(t.app.ctx(), path.join(exports, '花名册.pdf'));
    await t.app.close();
    leave(exports, '.花名册.xlsx.4321-lq2x9a.part'); // a roster export killed midway
    leave(exports, '.明白卡.pdf.4321-ab12cd34.part', Date.now() / 1000); // a save under way elsewhere
    fs.mkdirSync(path.join(t.dir, 'evidence', 'ab'), { recursive: true });
    leave(t.dir, '.花名册.xlsx.4321-lq2x9a.part');
    leave(path.join(t.dir, 'evidence'), '.incoming-0f8fad5b-d9cb-469f-a165-70867728950e');
    leave(path.join(t.dir, 'evidence', 'ab'), '.ab12.pdf.4321-ab12cd34.part');
    const app = await openApp(t.dir);
    try {
      expect(fs.readdirSync(t.dir).filter(isTempName)).toEqual([]);
      expect(fs.readdirSync(path.join(t.dir, 'evidence'))).toEqual(['ab']);
      expect(fs.readdirSync(path.join(t.dir, 'evidence', 'ab'))).toEqual([]);
      expect(fs.readdirSync(exports).sort()).toEqual(['.明白卡.pdf.4321-ab12cd34.part', '花名册.pdf']);
    } finally {
      await app.close();
    }
  });
});
