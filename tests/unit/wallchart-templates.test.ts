/** Wall-chart templates: built-ins installed once, versions, refusals, file export/import round trip. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, tempDir, xinshaoApp } from './helpers/app';
import * as svc from '../../electron/core/wallchart/template-service';
import { exportTemplateFile, importTemplateFile, templateFileText } from '../../electron/core/wallchart/template-file';
import type { TemplateBody } from '../../shared/domain/wallchart';

afterEach(cleanup);

async function app(operator = '张三') {
  const t = await xinshaoApp({ now: () => new Date('2017-04-30T08:00:00Z') });
  return { ...t, ctx: () => ({ ...t.app.ctx(), operator }) };
}

describe('templates', () => {
  it('installs the four built-ins on first use, once, with their levels', async () => {
    const t = await app();
    const list = await svc.listTemplates(t.ctx());
    expect(list.map((x) => [x.builtin, x.level, x.version]).sort()).toEqual([
      ['county-overview', 'county', 1],
      ['township-board', 'township', 1],
      ['village-chart', 'village', 1],
      ['village-pairing', 'village', 1],
    ]);
    await svc.listTemplates(t.ctx());
    expect(t.count('wallchart_template')).toBe(4);
    const village = (await svc.findTemplate(t.ctx(), 'village-chart'))!;
    expect(village.body.masking).toEqual({ idNumbers: true, phones: true, hideHealth: true });
    expect(village.body.columns).not.toContain('idNumber');
    expect(village.body.legend).toEqual({ unexited: '#B71C1C', exited: '#2E7D32', monitored: '#F0A202' });
  });

  it('adds one to the version on every save, records who, and refuses a save over a newer version', async () => {
    const t = await app();
    const v = (await svc.findTemplate(t.ctx(), 'village-chart'))!;
    const body: TemplateBody = { ...v.body, paper: { ...v.body.paper, size: 'A3' } };
    const s1 = await svc.saveTemplate(t.ctx(), { id: v.id, name: v.name, baseVersion: 1, body });
    expect(s1).toMatchObject({ version: 2, updatedBy: '张三' });
    expect(s1.body.paper.size).toBe('A3');
    const s2 = await svc.saveTemplate(t.ctx(), { id: v.id, name: '长青村挂图', baseVersion: 2, body });
    expect(s2.version).toBe(3);
    await expect(svc.saveTemplate(t.ctx(), { id: v.id, name: '长青村挂图', baseVersion: 2, body })).rejects.toThrow('已被 张三 改为第 3 版');
  });

  it('refuses an empty or taken name, a kind at the wrong level, repeated columns, and deleting a built-in', async () => {
    const t = await app();
    const v = (await svc.findTemplate(t.ctx(), 'village-chart'))!;
    const board = (await svc.findTemplate(t.ctx(), 'township-board'))!;
    await expect(svc.saveTemplate(t.ctx(), { name: ' ', body: v.body })).rejects.toThrow('请填写模板名称');
    await expect(svc.saveTemplate(t.ctx(), { name: board.name, body: v.body })).rejects.toThrow(`模板名称「${board.name}」已被使用`);
    await expect(svc.saveTemplate(t.ctx(), { name: '新', body: { ...v.body, level: 'county' } })).rejects.toThrow('应为村级模板');
    await expect(svc.saveTemplate(t.ctx(), { name: '新', body: { ...v.body, columns: ['head', 'head'] } })).rejects.toThrow('列「head」重复出现');
    await expect(svc.saveTemplate(t.ctx(), { name: '新', body: { ...v.body, legend: { ...v.body.legend, exited: 'green' } } })).rejects.toThrow('颜色应为 #RRGGBB');
    await expect(svc.deleteTemplate(t.ctx(), v.id)).rejects.toThrow('是内置模板，不能删除');
    const own = await svc.saveTemplate(t.ctx(), { name: '我的挂图', body: v.body });
    await svc.deleteTemplate(t.ctx(), own.id);
    await expect(svc.getTemplate(t.ctx(), own.id)).rejects.toThrow('挂图模板不存在');
  });

  it('restores a changed built-in as shipped, as a new version', async () => {
    const t = await app();
    const v = (await svc.findTemplate(t.ctx(), 'village-chart'))!;
    await svc.saveTemplate(t.ctx(), { id: v.id, name: v.name, body: { ...v.body, title: '改过的标题' } });
    await svc.restoreDefaults(t.ctx());
    const back = await svc.getTemplate(t.ctx(), v.id);
    expect(back.body.title).toBe(v.body.title);
    expect(back.version).toBe(3);
  });
});

describe('template files', () => {
  it('round-trips: the county exports a design, a township imports it, a newer version updates it, an older one is refused', async () => {
    const county = await app('县扶贫办');
    const township = await app('乡镇操作员');
    const dir = tempDir();
    const file = path.join(dir, '村级挂图作战表.json');
    const v = (await svc.findTemplate(county.ctx(), 'village-chart'))!;
    const mine = await svc.saveTemplate(county.ctx(), { name: '全县统一挂图', body: { ...v.body, subtitle: '全县统一设计' } });
    await exportTemplateFile(county.ctx(), mine.id, file);
    const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'fupin-wallchart-template', formatVersion: 1, template: { id: mine.id, version: 1 } });
    expect(doc.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);

    const added = await importTemplateFile(township.ctx(), file);
    expect(added).toMatchObject({ outcome: 'added', template: { id: mine.id, name: '全县统一挂图', version: 1 } });
    expect(added.template.body).toEqual(mine.body);
    await expect(importTemplateFile(township.ctx(), file)).rejects.toThrow('已是第 1 版，无需导入');

    const v2 = await svc.saveTemplate(county.ctx(), { id: mine.id, name: mine.name, body: { ...mine.body, paper: { ...mine.body.paper, size: 'A0' } } });
    const file2 = path.join(dir, 'v2.json');
    await exportTemplateFile(county.ctx(), v2.id, file2);
    const updated = await importTemplateFile(township.ctx(), file2);
    expect(updated).toMatchObject({ outcome: 'updated', previousVersion: 1, template: { version: 2 } });
    expect((await svc.getTemplate(township.ctx(), mine.id)).body.paper.size).toBe('A0');
    await expect(importTemplateFile(township.ctx(), file)).rejects.toThrow('是第 1 版，本机已有更新的第 2 版，未导入');
  });

  it("updates the township's own built-in from the county's edited built-in", async () => {
    const county = await app('县扶贫办');
    const township = await app('乡镇操作员');
    const v = (await svc.findTemplate(county.ctx(), 'village-chart'))!;
    await svc.saveTemplate(county.ctx(), { id: v.id, name: v.name, body: { ...v.body, subtitle: '县里改过' } });
    const file = path.join(tempDir(), 'builtin.json');
    await exportTemplateFile(county.ctx(), v.id, file);
    const r = await importTemplateFile(township.ctx(), file);
    const local = (await svc.findTemplate(township.ctx(), 'village-chart'))!;
    expect(r.outcome).toBe('updated');
    expect(local).toMatchObject({ version: 2, builtin: 'village-chart' });
    expect(local.body.subtitle).toBe('县里改过');
    expect(township.count('wallchart_template')).toBe(4);
  });

  it('refuses a corrupt, altered, foreign or newer-format file in plain Chinese, changing nothing', async () => {
    const t = await app();
    const dir = tempDir();
    const v = (await svc.findTemplate(t.ctx(), 'village-chart'))!;
    const good = JSON.parse(templateFileText({ ...v, id: 'other-id', builtin: null, name: '外来模板' }, 'x', new Date()));
    const write = (name: string, content: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, content);
      return f;
    };
    await expect(importTemplateFile(t.ctx(), write('broken.json', '{"format": "fupin-wall'))).rejects.toThrow('不是挂图模板文件（不是有效的 JSON）');
    await expect(importTemplateFile(t.ctx(), write('roster.json', JSON.stringify({ households: [] })))).rejects.toThrow('不是本软件导出的挂图模板文件');
    const altered = { ...good, template: { ...good.template, body: { ...good.template.body, title: '改' } } };
    await expect(importTemplateFile(t.ctx(), write('altered.json', JSON.stringify(altered)))).rejects.toThrow('已损坏或被改动过（校验值不符）');
    await expect(importTemplateFile(t.ctx(), write('newer.json', JSON.stringify({ ...good, formatVersion: 9 })))).rejects.toThrow('模板文件格式版本 9 比本软件支持的 1 新');
    await expect(importTemplateFile(t.ctx(), path.join(dir, 'missing.json'))).rejects.toThrow('无法读取文件「missing.json」');
    expect(t.count('wallchart_template')).toBe(4);
  });
});
