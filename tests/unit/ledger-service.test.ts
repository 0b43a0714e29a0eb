/** The ledger through the IPC dispatcher, as the renderer uses it, with a settable clock. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, openTestApp, setUpXinshao, tempDir, track } from './helpers/app';
import { createLedgerItem } from '../../electron/core/ledger/ledger-service';
import { createDispatcher } from '../../electron/core/ipc/dispatch';
import { createHandlers } from '../../electron/core/ipc/handlers';
import { openApp } from '../../electron/core/app/app';
import type { CallInput } from '../../shared/ipc/contract';
import type { Dialogs } from '../../electron/core/app/dialogs';

afterEach(cleanup);

let clock = new Date('2026-11-10T09:00:00');
const now = () => clock;

const base: CallInput<'ledger.create'> = {
  sourceKind: 'inspection',
  sourceText: '2026年第三季度督查·酿溪镇',
  category: '精准识别',
  description: '长青村有 2 户家庭收入核算漏计工资性收入',
  measures: '重新入户核算收入，修正系统数据',
  leadUnit: '县扶贫办',
  responsibleUnit: '酿溪镇',
  responsiblePerson: '李四',
  deadline: '2026-11-30',
};

async function ledgerApp() {
  clock = new Date('2026-11-10T09:00:00');
  const t = await openTestApp({ now });
  await setUpXinshao(t);
  return t;
}

describe('creating items', () => {
  it('numbers items 1, 2, 3 in 待整改, stamped with the operator', async () => {
    const t = await ledgerApp();
    const a = await t.call('ledger.create', base);
    const b = await t.call('ledger.create', { ...base, description: '第二个问题' });
    expect([a.seq, b.seq]).toEqual([1, 2]);
    expect(a.status).toBe('pending');
    expect(a.updatedBy).toBe('张三');
    expect(a.createdAt).toBe(clock.toISOString());
  });

  it('refuses a deadline before the creation date, and empty required fields, in Chinese', async () => {
    const t = await ledgerApp();
    const e = await t.fail('ledger.create', { ...base, deadline: '2026-11-09' });
    expect(e.message).toBe('整改时限不能早于建账日期（2026-11-10）');
    expect(e.field).toBe('deadline');
    expect((await t.call('ledger.create', { ...base, deadline: '2026-11-10' })).deadline).toBe('2026-11-10');
    expect((await t.fail('ledger.create', { ...base, description: '  ' })).message).toBe('请填写问题描述');
    expect((await t.fail('ledger.create', { ...base, category: '不存在的类别' })).message).toContain('不在类别列表中');
    expect(t.count('ledger_item')).toBe(1);
  });

  it('keeps the inspection reference when the inspection side raises an item through the service', async () => {
    const t = await ledgerApp();
    const item = await createLedgerItem(t.app.ctx(), { ...base, sourceRef: { roundId: 'r1', targetId: 't1', itemId: 'i1' } });
    expect(item.sourceRef).toEqual({ roundId: 'r1', targetId: 't1', itemId: 'i1' });
    expect((await t.call('ledger.get', { id: item.id })).item.sourceRef).toEqual({ roundId: 'r1', targetId: 't1', itemId: 'i1' });
  });
});

describe('the closed loop', () => {
  it('records progress and every transition; closing without verification is refused; reopening needs a reason', async () => {
    const t = await ledgerApp();
    const it0 = await t.call('ledger.create', base);
    await t.call('ledger.transition', { id: it0.id, to: 'in_progress' });
    clock = new Date('2026-11-12T10:00:00');
    let d = await t.call('ledger.progress.add', { id: it0.id, note: '已入户核算 1 户' });
    expect(d.progress.map((p) => [p.note, p.by, p.at])).toEqual([['已入户核算 1 户', '张三', clock.toISOString()]]);
    expect(d.item.lastProgress).toBe('已入户核算 1 户');
    expect((await t.fail('ledger.progress.add', { id: it0.id, note: ' ' })).message).toBe('请填写整改进展');

    // Straight to 已销号 from 整改中: refused.
    const skip = await t.fail('ledger.transition', { id: it0.id, to: 'closed', verification: { note: 'x', by: 'y', date: '2026-11-12' } });
    expect(skip.message).toBe('不能从「整改中」直接改为「已销号」');
    await t.call('ledger.transition', { id: it0.id, to: 'awaiting_check', note: '整改完成，申请验收' });
    expect((await t.fail('ledger.transition', { id: it0.id, to: 'closed' })).message).toBe('销号前请填写验收意见');
    expect((await t.fail('ledger.transition', { id: it0.id, to: 'closed', verification: { note: '已核实', by: '', date: '2026-11-12' } })).message).toBe('销号前请填写验收人');
    expect((await t.call('ledger.get', { id: it0.id })).item.status).toBe('awaiting_check');

    d = await t.call('ledger.transition', { id: it0.id, to: 'closed', verification: { note: '抽查 2 户，收入已修正', by: '王验收', date: '2026-11-12' } });
    expect(d.item.status).toBe('closed');
    expect(d.item.closedDate).toBe('2026-11-12');
    expect(d.item.verification).toEqual({ note: '抽查 2 户，收入已修正', by: '王验收', date: '2026-11-12' });

    expect((await t.fail('ledger.transition', { id: it0.id, to: 'in_progress' })).message).toBe('重新打开已销号的问题，请填写原因');
    d = await t.call('ledger.transition', { id: it0.id, to: 'in_progress', note: '复查发现又有 1 户漏计' });
    expect(d.item.status).toBe('in_progress');
    expect(d.item.closedDate).toBeNull();
    expect(d.transitions.map((x) => [x.from, x.to, x.note, x.by])).toEqual([
      ['pending', 'in_progress', '', '张三'],
      ['in_progress', 'awaiting_check', '整改完成，申请验收', '张三'],
      ['awaiting_check', 'closed', '抽查 2 户，收入已修正', '张三'],
      ['closed', 'in_progress', '复查发现又有 1 户漏计', '张三'],
    ]);
  });
});

describe('views', () => {
  it('overdue / ≤10 / ≤20 / closed follow the clock, with counts under the filters', async () => {
    const t = await ledgerApp(); // today 2026-11-10
    const mk = (deadline: string, extra: Partial<typeof base> = {}) => t.call('ledger.create', { ...base, deadline, ...extra });
    const a = await mk('2026-11-11'); // due in 1 day
    const b = await mk('2026-11-20', { category: '资金使用', responsibleUnit: '严塘镇' }); // 10 days
    const c = await mk('2026-11-21'); // 11 days
    const dd = await mk('2026-11-30', { responsiblePerson: '赵六' }); // 20 days
    await mk('2026-12-01'); // 21 days
    const closed = await mk('2026-11-15');
    await t.call('ledger.transition', { id: closed.id, to: 'in_progress' });
    await t.call('ledger.transition', { id: closed.id, to: 'awaiting_check' });
    await t.call('ledger.transition', { id: closed.id, to: 'closed', verification: { note: '验收合格', by: '王验收', date: '2026-11-10' } });

    const seqs = async (view: CallInput<'ledger.list'>['view'], extra: Partial<CallInput<'ledger.list'>> = {}) =>
      (await t.call('ledger.list', { view, ...extra })).items.map((i) => i.seq);
    expect(await seqs('overdue')).toEqual([]);
    expect(await seqs('due10')).toEqual([a.seq, b.seq]);
    expect(await seqs('due20')).toEqual([a.seq, b.seq, c.seq, dd.seq]);
    expect(await seqs('closed')).toEqual([closed.seq]);

    // Eleven days later: a and b are overdue, c is due today (not overdue).
    clock = new Date('2026-11-21T08:00:00');
    const l = await t.call('ledger.list', { view: 'overdue' });
    expect(l.today).toBe('2026-11-21');
    expect(l.items.map((i) => i.seq)).toEqual([a.seq, b.seq]);
    expect(l.counts).toEqual({ all: 6, overdue: 2, due10: 3, due20: 3, closed: 1 });
    expect(await seqs('due10')).toEqual([c.seq, dd.seq, 5]);

    // Filters combine with the view and the counts.
    const f = await t.call('ledger.list', { view: 'overdue', category: '资金使用' });
    expect(f.items.map((i) => i.seq)).toEqual([b.seq]);
    expect(f.counts.all).toBe(1);
    expect((await t.call('ledger.list', { view: 'all', unit: '严塘镇' })).items.map((i) => i.seq)).toEqual([b.seq]);
    expect((await t.call('ledger.list', { view: 'all', person: '赵六' })).items.map((i) => i.seq)).toEqual([dd.seq]);
    expect((await t.call('ledger.list', { view: 'all', text: '工资性收入' })).counts.all).toBe(6);
    expect((await t.call('ledger.list', { view: 'all', text: '100%' })).counts.all).toBe(0);
    expect((await t.call('ledger.list', { view: 'all', sourceKind: 'notice' })).counts.all).toBe(0);
  });
});

describe('evidence', () => {
  it('copies the picked file into evidence/, lists it and opens it; an empty file is refused plainly', async () => {
    const dir = tempDir();
    const src = path.join(tempDir(), '入户核实照片.jpg');
    fs.writeFileSync(src, Buffer.from('fake jpeg bytes'));
    let pick: string | null = src;
    const opened: string[] = [];
    const dialogs: Dialogs = { openFile: async () => pick, saveFile: async () => null, openPath: async (p) => void opened.push(p) };
    const app = track(await openApp(dir, { now }));
    const dispatch = createDispatcher(createHandlers(app, { dialogs }), () => {});
    const call = async (n: string, i: unknown) => {
      const r = await dispatch(n as never, i);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as never;
    };
    await call('app.setup', { countyCode: '430522', countyName: '新邵县', operator: '张三', townships: [{ code: '430522100', name: '酿溪镇' }] });
    const item = (await call('ledger.create', base)) as { id: string };
    const d = (await call('ledger.evidence.add', { id: item.id })) as { evidence: { id: string; originalName: string; size: number; sha256: string }[] };
    expect(d.evidence.map((e) => [e.originalName, e.size])).toEqual([['入户核实照片.jpg', 15]]);
    expect(d.evidence[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    await call('ledger.evidence.open', { id: d.evidence[0].id });
    expect(opened).toHaveLength(1);
    expect(opened[0].startsWith(path.join(dir, 'evidence'))).toBe(true);
    expect(fs.readFileSync(opened[0], 'utf8')).toBe('fake jpeg bytes');

    // Cancelled dialog: nothing changes.
    pick = null;
    expect(await call('ledger.evidence.add', { id: item.id })).toBeNull();
    const empty = path.join(tempDir(), '空文件.pdf');
    fs.writeFileSync(empty, '');
    pick = empty;
    await expect(call('ledger.evidence.add', { id: item.id })).rejects.toThrow(/空文件/);
    const list = (await call('ledger.list', { view: 'all' })) as { items: { evidenceCount: number }[] };
    expect(list.items[0].evidenceCount).toBe(1);
  });
});

describe('the category list', () => {
  it('starts with the six special actions; categories can be added and retired; a used one cannot be renamed', async () => {
    const t = await ledgerApp();
    const names = async () => (await t.call('ledger.categories.list', {})).map((c) => `${c.name}${c.active ? '' : '(停用)'}`);
    expect(await names()).toEqual(['精准识别', '精准退出', '精准帮扶', '政策落实', '资金使用', '作风问题']);
    const after = await t.call('ledger.categories.save', { name: '基础设施', active: true });
    expect(after.map((c) => c.name)).toContain('基础设施');
    await t.call('ledger.create', { ...base, category: '基础设施' });
    const infra = after.find((c) => c.name === '基础设施')!;
    const e = await t.fail('ledger.categories.save', { id: infra.id, name: '基础设施建设', active: true });
    expect(e.message).toBe('类别「基础设施」已有 1 条整改问题使用，不能改名；可以停用后新增类别');
    expect((await t.fail('ledger.categories.save', { name: '精准识别', active: true })).message).toBe('名称「精准识别」已存在');
    await t.call('ledger.categories.save', { id: infra.id, name: '基础设施', active: false });
    expect(await names()).toContain('基础设施(停用)');
    // The options offered for new items hold only active categories.
    expect((await t.call('ledger.options', {})).categories).not.toContain('基础设施');
  });
});

describe('home page summary', () => {
  it('lists overdue items and what falls due in the next 7 days (ledger and monthly tasks), earliest first', async () => {
    const t = await ledgerApp(); // 2026-11-10
    await t.call('ledger.create', { ...base, description: '六天后到期', deadline: '2026-11-16' });
    await t.call('ledger.create', { ...base, description: '七天后到期', deadline: '2026-11-17' });
    const soon = await t.call('ledger.create', { ...base, description: '明天到期', deadline: '2026-11-11' });
    await t.call('monthly.save', { month: '2026-11', title: '上报进度', unit: '严塘镇', deadline: '2026-11-12' });
    let h = await t.call('ledger.home', {});
    expect(h.overdueCount).toBe(0);
    expect(h.dueThisWeek.map((x) => [x.kind, x.deadline])).toEqual([
      ['ledger', '2026-11-11'],
      ['task', '2026-11-12'],
      ['ledger', '2026-11-16'],
    ]);
    clock = new Date('2026-11-13T09:00:00');
    h = await t.call('ledger.home', {});
    expect(h.overdue.map((i) => i.id)).toEqual([soon.id]);
    expect(h.dueThisWeek.map((x) => x.deadline)).toEqual(['2026-11-16', '2026-11-17']);
  });
});
