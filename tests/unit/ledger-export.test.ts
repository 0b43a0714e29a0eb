/** Exports of a ledger view: xlsx cells and PDF text, through the handlers with scripted save dialogs. */
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, tempDir, track } from './helpers/app';
import { openApp } from '../../electron/core/app/app';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import type { CallInput, CallName, CallOutput } from '../../shared/ipc/contract';
import { pdfInfo, pdfPages, pdfToPng } from '../support/pdf';

afterEach(cleanup);

const SHOTS = path.resolve('test-output/ledger');
let clock = new Date('2026-11-10T09:00:00');

async function exportApp() {
  clock = new Date('2026-11-10T09:00:00');
  const dir = tempDir();
  const out = tempDir();
  let saveAs = '';
  const app = track(await openApp(dir, { now: () => clock }));
  const dispatch = createDispatcher(
    createHandlers(app, { dialogs: { openFile: async () => null, saveFile: async () => saveAs || null, openPath: async () => undefined } }),
    () => {},
  );
  const call = async <K extends CallName>(n: K, i: CallInput<K>): Promise<CallOutput<K>> => {
    const r = await dispatch(n, i);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as CallOutput<K>;
  };
  await call('app.setup', { countyCode: '430522', countyName: '新邵县', operator: '张三', townships: [{ code: '430522100', name: '酿溪镇' }] });
  const base: CallInput<'ledger.create'> = {
    sourceKind: 'self_check',
    sourceText: '县级自查',
    category: '精准帮扶',
    description: '',
    measures: '逐户核对帮扶措施台账',
    leadUnit: '县扶贫办',
    responsibleUnit: '酿溪镇',
    responsiblePerson: '李四',
    deadline: '2026-11-15',
  };
  const saveTo = (name: string) => {
    saveAs = path.join(out, name);
    return saveAs;
  };
  return { call, base, saveTo, out };
}

describe('ledger exports', () => {
  it('xlsx: the view\'s rows with every column, formulas neutralised', async () => {
    const t = await exportApp();
    const a = await t.call('ledger.create', { ...t.base, description: '=SUM(A1:A3) 帮扶措施不到户', deadline: '2026-11-11' });
    await t.call('ledger.create', { ...t.base, description: '危房改造资金拨付滞后', category: '资金使用', deadline: '2026-12-31' });
    await t.call('ledger.progress.add', { id: a.id, note: '已完成 3 户核对' });
    clock = new Date('2026-11-20T09:00:00');
    const file = t.saveTo('台账.xlsx');
    const r = await t.call('ledger.export', { filter: { view: 'overdue' }, format: 'xlsx', taskId: randomUUID() });
    expect(r).toEqual({ name: '台账.xlsx', rows: 1, missing: [] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const row = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(row(1)).toEqual(['序号', '问题来源', '问题类别', '问题描述', '整改措施', '牵头单位', '责任单位', '责任人', '整改时限', '整改进展', '佐证材料', '销号状态', '销号日期']);
    expect(row(2).slice(0, 10)).toEqual([1, '自查：县级自查', '精准帮扶', "'=SUM(A1:A3) 帮扶措施不到户", '逐户核对帮扶措施台账', '县扶贫办', '酿溪镇', '李四', '2026-11-11', '已完成 3 户核对']);
    expect(row(2)[11]).toBe('待整改');
    expect(ws.rowCount).toBe(2);
  });

  it('PDF: landscape A4 with a title, the view and each row; characters the font lacks are reported, not boxed', async () => {
    const t = await exportApp();
    for (let n = 0; n < 30; n++) {
      await t.call('ledger.create', {
        ...t.base,
        description: `第${n + 1}个问题：帮扶手册填写不规范，收入数据与系统不一致，需逐户核实更正`,
        responsiblePerson: n === 4 ? '吉𠮷' : '李四',
        deadline: n % 2 ? '2026-11-12' : '2026-12-20',
      });
    }
    clock = new Date('2026-11-20T09:00:00');
    const file = t.saveTo('台账.pdf');
    const r = await t.call('ledger.export', { filter: { view: 'overdue', category: '精准帮扶' }, format: 'pdf', taskId: randomUUID() });
    expect(r?.rows).toBe(15);
    expect(r?.missing).toEqual([]); // item 5 (吉𠮷) has a future deadline: not in this view
    const info = pdfInfo(file);
    expect([info.widthMm, info.heightMm]).toEqual([297, 210]);
    const text = pdfPages(file).join('\n').replace(/\s+/g, '');
    expect(text).toContain('新邵县整改台账');
    expect(text).toContain('视图：已逾期');
    expect(text).toContain('问题类别：精准帮扶');
    expect(text).toContain('共15条');
    expect(text).toContain('第2个问题');
    expect(text).not.toContain('第1个问题：');
    expect(text).toContain('第1页/共');

    const all = t.saveTo('全部.pdf');
    const r2 = await t.call('ledger.export', { filter: { view: 'all' }, format: 'pdf', taskId: randomUUID() });
    expect(r2?.missing).toEqual([{ seq: 5, column: '责任人', chars: ['𠮷'] }]);
    expect(pdfPages(all).join('')).toContain('吉〓');
    fs.rmSync(SHOTS, { recursive: true, force: true });
    const pngs = pdfToPng(all, SHOTS, { dpi: 60 });
    expect(pngs.length).toBe(pdfInfo(all).pages);
  });
});
