/** The admin CLI, called in-process through runCli, plus one run of the real entry point. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../electron/core/app/app';
import { saveVillage } from '../../electron/core/org/divisions-service';
import { dataDirArg, defaultDataDir } from '../../electron/core/paths';
import { DB_FILE } from '../../electron/core/db/open';
import { cleanup, tempDir, track } from './helpers/app';
import { cli } from '../support/cli';

afterEach(cleanup);

const FULL_ID = /\d{17}[\dX]/;

const INIT = ['init', '--county-code', '430522', '--county-name', '新邵县'];

async function orgListJson(dir: string) {
  const r = await cli('--data-dir', dir, 'org', 'list', '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.outWrites).toBe(1);
  return JSON.parse(r.out);
}

describe('init and org list', () => {
  it('init sets up Xinshao with 15 townships; org list --json prints one JSON document', async () => {
    const dir = tempDir();
    const init = await cli('--data-dir', dir, ...INIT);
    expect(init).toMatchObject({ code: 0, err: '' });
    expect(init.out).toContain('新邵县');
    expect(init.out).toContain('乡镇 15 个');

    const doc = await orgListJson(dir);
    expect(doc.county).toEqual({ code: '430522', name: '新邵县' });
    expect(doc.sample).toBe(false);
    expect(doc.townships).toHaveLength(15);
    expect(doc.townships[0]).toMatchObject({ code: '430522100', name: '酿溪镇', villageCount: 0 });
    for (const k of ['villages', 'groups', 'units', 'teams', 'cadres']) expect(doc[k], k).toEqual([]);
  });

  it('init --json reports what it did as JSON, with the given operator', async () => {
    const dir = tempDir();
    const r = await cli('--data-dir', dir, ...INIT, '--operator', '王伟', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ dataDir: dir, county: { code: '430522', name: '新邵县' }, operator: '王伟', townships: 15 });
  });

  it('init of another county starts without townships', async () => {
    const dir = tempDir();
    expect((await cli('--data-dir', dir, 'init', '--county-code', '430521', '--county-name', '邵阳县')).code).toBe(0);
    const doc = await orgListJson(dir);
    expect(doc.county).toEqual({ code: '430521', name: '邵阳县' });
    expect(doc.townships).toEqual([]);
  });

  it('org list as text names the county and its townships', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, ...INIT);
    const r = await cli('--data-dir', dir, 'org', 'list');
    expect(r.code).toBe(0);
    expect(r.out).toContain('新邵县（430522）');
    expect(r.out).toContain('430522203 迎光乡');
    expect(r.out).not.toContain('示例数据');
  });
});

describe('seed-demo', () => {
  it('writes an invented county, marked as sample, with masked ID numbers in every listing', async () => {
    const dir = tempDir();
    const seed = await cli('--data-dir', dir, 'seed-demo', '--json');
    expect(seed.code).toBe(0);
    expect(JSON.parse(seed.out)).toMatchObject({ sample: true, villages: 12, cadres: 24 });

    const doc = await orgListJson(dir);
    expect(doc.sample).toBe(true);
    expect(doc.townships).toHaveLength(15);
    expect(doc.villages.length).toBeGreaterThan(0);
    expect(doc.units.length).toBeGreaterThan(0);
    expect(doc.teams.length).toBeGreaterThan(0);
    expect(doc.groups.length).toBeGreaterThan(0);
    expect(doc.cadres).toHaveLength(24);
    for (const c of doc.cadres) expect(c.idNumber).toMatch(/^430522\*{8}[\dX]{4}$/);

    const text = await cli('--data-dir', dir, 'org', 'list');
    expect(text.out).toContain('【示例数据】');
    // No full ID number anywhere in either output.
    const app = track(await openApp(dir));
    const ids = (await app.db.raw.prepare('SELECT id_number FROM cadre').pluck().all()) as string[];
    expect(ids).toHaveLength(24);
    for (const out of [JSON.stringify(doc), text.out]) {
      expect(out).not.toMatch(FULL_ID);
      for (const id of ids) expect(out).not.toContain(id);
    }
  });

  // Regression: a seed into a folder with real records once flagged it 示例数据 and mixed half
  // the sample villages into the real registry. It is now refused before anything is written.
  it('a seed-demo that fails leaves the folder unmarked and without partial sample data', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, ...INIT);
    const app = await openApp(dir);
    const yt = (await app.db.kysely.selectFrom('township').select('id').where('code', '=', '430522101').executeTakeFirstOrThrow()).id;
    await saveVillage(app.ctx(), { townshipId: yt, code: '430522101202', name: '真实村', isPoor: true, population: 800 });
    await app.close();

    const seed = await cli('--data-dir', dir, 'seed-demo');
    expect(seed.code).toBe(1);
    expect(seed.out).toBe('');
    expect(seed.err).toContain('错误：');

    const doc = await orgListJson(dir);
    const names = doc.villages.map((v: { name: string }) => v.name);
    expect({ sample: doc.sample, villages: names }).toEqual({ sample: false, villages: ['真实村'] });
  });
});

describe('errors', () => {
  it('org list before init: exit 1, a Chinese message on stderr, nothing on stdout, no database created', async () => {
    const dir = tempDir();
    const r = await cli('--data-dir', dir, 'org', 'list', '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('还没有数据库，请先运行 init');
    expect(fs.existsSync(path.join(dir, 'fupin.sqlite'))).toBe(false);
  });

  it('init with a bad county code: exit 1 and the folder stays uninitialised', async () => {
    const dir = tempDir();
    const r = await cli('--data-dir', dir, 'init', '--county-code', '43O522', '--county-name', '新邵县', '--json');
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toContain('县代码应为 6 位数字');
    expect((await cli('--data-dir', dir, 'org', 'list')).code).toBe(1);
    expect((await cli('--data-dir', dir, ...INIT)).code).toBe(0);
  });

  it('init a second time: exit 1 naming the county', async () => {
    const dir = tempDir();
    await cli('--data-dir', dir, ...INIT);
    const r = await cli('--data-dir', dir, 'init', '--county-code', '430521', '--county-name', '邵阳县');
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toContain('已经完成初始设置（新邵县）');
  });

  it.each([
    ['an unknown command', ['frobnicate'], '未知命令'],
    ['org without a subcommand', ['org'], '未知命令'],
    ['an unknown org subcommand', ['org', 'drop'], '未知命令'],
    ['an unknown option', ['org', 'list', '--force'], '命令行参数有误'],
    ['no command', [], '用法'],
    ['init without a county name', ['init', '--county-code', '430522'], 'init 需要 --county-code 和 --county-name'],
  ])('%s: exit 2 with usage on stderr', async (_label, argv, text) => {
    const dir = tempDir();
    const r = await cli('--data-dir', dir, ...argv);
    expect(r).toMatchObject({ code: 2, out: '' });
    expect(r.err).toContain(text);
    expect(r.err).toContain('用法');
  });

  it('--help prints usage on stdout and succeeds', async () => {
    const r = await cli('--help');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('seed-demo');
  });

  it('a data folder that cannot be written: exit 1', async () => {
    const r = await cli('--data-dir', '/sys/fupin-test', ...INIT, '--json');
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toContain('无法写入');
    expect(fs.existsSync('/sys/fupin-test')).toBe(false);
  });

  it('a data folder path that is a file: exit 1', async () => {
    const file = path.join(tempDir(), 'notes.txt');
    fs.writeFileSync(file, '备忘');
    const r = await cli('--data-dir', file, ...INIT);
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toContain('不是文件夹');
    expect(fs.readFileSync(file, 'utf8')).toBe('备忘');
  });

  it('a non-SQLite file where the database should be: exit 1, file unchanged', async () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE);
    fs.writeFileSync(file, '这不是数据库');
    const r = await cli('--data-dir', dir, ...INIT, '--json');
    expect(r).toMatchObject({ code: 1, out: '' });
    expect(r.err).toContain('不是本软件的数据库');
    expect(fs.readFileSync(file, 'utf8')).toBe('这不是数据库');
  });
});

describe('data folder location', () => {
  it('reads --data-dir in both spellings', () => {
    expect(dataDirArg(['org', 'list', '--data-dir', '/d/1'])).toBe('/d/1');
    expect(dataDirArg(['--data-dir=/d/2', 'org', 'list'])).toBe('/d/2');
    expect(dataDirArg(['org', 'list'])).toBeUndefined();
  });

  it('defaults to the folder Electron uses for this app', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/u/.cfg' }, 'linux')).toBe(path.join('/home/u/.cfg', 'fupin-desk'));
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32')).toBe(path.join('C:\\Users\\u\\AppData\\Roaming', 'fupin-desk'));
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library[\\/]Application Support[\\/]fupin-desk$/);
  });
});

describe('help', () => {
  it.each([['help'], ['--help'], ['-h']])('%s prints usage on stdout and succeeds', async (arg) => {
    const r = await cli(arg);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('stats');
    expect(r.out).not.toContain('未知命令');
  });
});
