/** Wall-chart calls over the dispatcher (preview bytes, export task with tiling, template files via dialogs) and the CLI. */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, tempDir, xinshaoApp } from './helpers/app';
import { seedVillage } from './wallchart-fixture';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { runCli } from '../../electron/cli/main';
import { pdfInfo, pdfText } from '../support/pdf';
import type { Dialogs } from '../../electron/core/app/dialogs';

afterEach(cleanup);

async function setup() {
  const t = await xinshaoApp({ now: () => new Date('2017-04-30T08:00:00Z') });
  const f = await seedVillage(t.app, t.call as never, { households: 30, townshipId: t.byCode('430522100').id });
  const dir = tempDir();
  const opened: string[] = [];
  let next: string | null = null;
  const dialogs: Dialogs = { openFile: async () => next, saveFile: async () => next, openPath: async (p) => void opened.push(p) };
  const dispatch = createDispatcher(createHandlers(t.app, { dialogs }), () => {});
  const call = async (name: string, input: unknown) => {
    const r = await dispatch(name as never, input as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as never;
  };
  return { ...t, f, dir, opened, call, pick: (p: string | null) => (next = p) };
}

describe('wall-chart calls', () => {
  it('previews the real PDF for a template and a village, and reflects a change of paper', async () => {
    const t = await setup();
    const list: { id: string; builtin: string }[] = await t.call('wallchart.templates.list', {});
    const tpl: { body: { paper: object } } = await t.call('wallchart.templates.get', { id: list.find((x) => x.builtin === 'village-chart')!.id });
    const a1: { pdfBase64: string; sheets: number } = await t.call('wallchart.preview', { body: tpl.body, villageId: t.f.villageId });
    const file = path.join(t.dir, 'p.pdf');
    fs.writeFileSync(file, Buffer.from(a1.pdfBase64, 'base64'));
    expect(pdfInfo(file)).toMatchObject({ pages: 1, widthMm: 841 });
    const a4: { pdfBase64: string } = await t.call('wallchart.preview', { body: { ...tpl.body, paper: { ...tpl.body.paper, size: 'A4' } }, villageId: t.f.villageId });
    fs.writeFileSync(file, Buffer.from(a4.pdfBase64, 'base64'));
    expect(pdfInfo(file)).toMatchObject({ widthMm: 297, heightMm: 210 });
    await expect(t.call('wallchart.preview', { body: tpl.body })).rejects.toThrow('该模板需要选择一个行政村');
  });

  it('exports to the picked file as a task, tiled onto A4 when asked, and opens it on request', async () => {
    const t = await setup();
    const list: { id: string; builtin: string }[] = await t.call('wallchart.templates.list', {});
    const tpl: { body: object; name: string } = await t.call('wallchart.templates.get', { id: list.find((x) => x.builtin === 'village-chart')!.id });
    t.pick(null);
    expect(await t.call('wallchart.export', { body: tpl.body, name: tpl.name, villageId: t.f.villageId, tile: null, taskId: randomUUID() })).toBeNull();
    const out = path.join(t.dir, '挂图.pdf');
    t.pick(out);
    const r: { pages: number; sheets: number; token: string } = await t.call('wallchart.export', { body: tpl.body, name: tpl.name, villageId: t.f.villageId, tile: 'A4', taskId: randomUUID() });
    expect(r.sheets).toBe(1);
    expect(r.pages).toBeGreaterThan(8);
    expect(pdfInfo(out)).toMatchObject({ pages: r.pages, widthMm: 210, heightMm: 297 });
    expect(pdfText(out)).toContain(t.f.heads[0]);
    await t.call('wallchart.openExported', { token: r.token });
    expect(t.opened).toEqual([out]);
  });

  it('exports and imports template files through the dialogs; refuses deleting a built-in', async () => {
    const t = await setup();
    const list: { id: string; builtin: string | null; name: string }[] = await t.call('wallchart.templates.list', {});
    const village = list.find((x) => x.builtin === 'village-chart')!;
    await expect(t.call('wallchart.templates.delete', { id: village.id })).rejects.toThrow('是内置模板，不能删除');
    const file = path.join(t.dir, 't.json');
    t.pick(file);
    expect(await t.call('wallchart.templates.export', { id: village.id })).toEqual({ name: village.name, version: 1 });
    await expect(t.call('wallchart.templates.import', {})).rejects.toThrow('已是第 1 版，无需导入');
    t.pick(null);
    expect(await t.call('wallchart.templates.import', {})).toBeNull();
  });
});

describe('CLI', () => {
  it('prints a village chart and a township board, lists and exports templates', async () => {
    const t = await setup();
    await t.app.close();
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(['--data-dir', t.app.dataDir, ...args], (s) => out.push(s), (s) => err.push(s));
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const pdf = path.join(t.dir, 'cli.pdf');
    const r = await run('pdf', 'wallchart', pdf, '--village', t.f.villageCode, '--paper', 'A3', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ sheets: 1, paper: 'A3' });
    expect(pdfInfo(pdf)).toMatchObject({ widthMm: 420 });
    const b = await run('pdf', 'township-board', path.join(t.dir, 'b.pdf'), '--township', '430522100');
    expect(b.code, b.err).toBe(0);
    expect(b.out).toContain('乡镇脱贫攻坚进度板');
    const l = await run('template', 'list');
    expect(l.out).toContain('村级挂图作战表\t村级\t第 1 版\t内置');
    const e = await run('template', 'export', '村级挂图作战表', path.join(t.dir, 'tpl.json'));
    expect(e.out).toContain('已导出「村级挂图作战表」第 1 版');
    const i = await run('template', 'import', path.join(t.dir, 'tpl.json'));
    expect(i.code).toBe(1);
    expect(i.err).toContain('已是第 1 版，无需导入');
    const bad = await run('pdf', 'wallchart', pdf, '--village', '430522100299');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('找不到代码为 430522100299 的行政村');
  });
});
