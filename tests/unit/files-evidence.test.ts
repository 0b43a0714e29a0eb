import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { evidencePath, storeEvidence } from '../../electron/core/files/evidence-store';
import { refusal, removeTempDirs, tempDir } from '../support/file-helpers';

afterAll(removeTempDirs);

describe('evidence files', () => {
  it('copies the file into the data folder under its hash, once for the same content', async () => {
    const src = tempDir();
    const data = tempDir();
    const file = path.join(src, '整改照片.JPG');
    fs.writeFileSync(file, 'photo bytes');
    const a = await storeEvidence(data, file);
    expect(a.sha256).toBe(crypto.createHash('sha256').update('photo bytes').digest('hex'));
    expect(a).toMatchObject({ originalName: '整改照片.JPG', size: 11 });
    expect(a.storedPath).toBe(`evidence/${a.sha256.slice(0, 2)}/${a.sha256}.jpg`);
    expect(fs.readFileSync(evidencePath(data, a.storedPath), 'utf8')).toBe('photo bytes');
    fs.copyFileSync(file, path.join(src, 'copy.jpg'));
    const b = await storeEvidence(data, path.join(src, 'copy.jpg'));
    expect(b.storedPath).toBe(a.storedPath);
    expect(fs.readdirSync(path.join(data, 'evidence')).filter((f) => f.startsWith('.incoming'))).toEqual([]);
  });

  it('refuses empty, oversized, missing and folder sources in plain words', async () => {
    const src = tempDir();
    const data = tempDir();
    fs.writeFileSync(path.join(src, 'empty.pdf'), '');
    fs.writeFileSync(path.join(src, 'big.pdf'), Buffer.alloc(3 * 1024 * 1024));
    expect((await refusal(() => storeEvidence(data, path.join(src, 'empty.pdf')))).message).toContain('空文件');
    const big = await refusal(() => storeEvidence(data, path.join(src, 'big.pdf'), 2 * 1024 * 1024));
    expect(big.message).toBe('佐证材料「big.pdf」有 3 MB，超过上限 2 MB；请压缩或拆分后再添加');
    expect((await refusal(() => storeEvidence(data, path.join(src, 'gone.pdf')))).key).toBe('file.notFound');
    expect((await refusal(() => storeEvidence(data, src))).key).toBe('file.notAFile');
    expect(fs.existsSync(path.join(data, 'evidence')) ? fs.readdirSync(path.join(data, 'evidence')) : []).toEqual([]);
  });

  it('never resolves a stored path outside the evidence folder', async () => {
    const data = tempDir();
    fs.writeFileSync(path.join(data, 'app.db'), 'x');
    expect(() => evidencePath(data, '../app.db')).toThrow();
    expect(() => evidencePath(data, 'app.db')).toThrow();
  });
});
