/**
 * The audit log (issue 12): every change of a record writes one entry in the same transaction —
 * who, when, which record, the fields before and after — whether it came from a form, a cascade
 * or a roster import; the entries form a hash chain that `audit verify` walks, naming the first
 * broken entry; the log refuses UPDATE and DELETE; readers other than county administrators see
 * ID and phone numbers masked, township operators only their township.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { cleanup, idNumber, tempDir, xinshaoApp } from './helpers/app';
import { cli } from '../support/cli';
import { countyRows, NATIONAL_HEADERS } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { setHashParamsForTests } from '../../electron/core/auth/auth-service';
import { AUDITED, NOT_AUDITED, auditedColumns } from '../../electron/core/db/migrations/0016-audit-log';
import { exportAuditXlsx, listAuditPage, verifyAudit } from '../../electron/core/audit/audit-service';
import { createBackup, inspectBackup } from '../../electron/core/backup/backup-service';
import { AUDIT_RECORD_TYPES } from '../../shared/domain/audit';
import type { HouseholdInput } from '../../shared/ipc/contract-roster';

afterEach(cleanup);
beforeAll(() => setHashParamsForTests({ N: 2 ** 10, r: 8, p: 1 }));

const PW = 'Xinshao#2017';
const HEAD = idNumber('19650203', '12', 3);
const WIFE = idNumber('19680709', '12', 4);

function member(name: string, id: string, relation: string) {
  return { number: '', name, idNumber: id, relation, ethnicity: '汉族', education: '小学', schoolStatus: '非在校生', health: '健康', skill: '普通劳动力', workStatus: '', workMonths: null, insured: '是' as const, phone: '' };
}

function household(villageId: string, over: Partial<HouseholdInput> = {}): HouseholdInput {
  return {
    number: '430522100201000001',
    villageId,
    groupName: '3组',
    attribute: '一般贫困户',
    mainCause: '因病',
    secondaryCauses: [],
    identifiedYear: 2014,
    status: '未脱贫',
    monitorType: '',
    plannedExitYear: 2018,
    exitYear: null,
    dangerousHouse: '否',
    waterSafe: '是',
    waterDifficult: '否',
    phone: '13907391234',
    members: [member('陈德明', HEAD, '户主'), member('邓艳双', WIFE, '配偶')],
    ...over,
  };
}

async function office() {
  const t = await xinshaoApp();
  const v = await t.call('org.villages.save', { townshipId: t.byCode('430522100').id, code: '430522100201', name: '长青村', isPoor: true, population: 1200 });
  await t.call('auth.createAdmin', { login: 'admin', name: '张三', password: PW });
  return { ...t, villageId: v.id };
}

const entries = (t: { app: { db: { raw: import('better-sqlite3').Database } } }, where = '1') =>
  t.app.db.raw.prepare(`SELECT seq, operator, record_type, record_id, action, township_id, household_id, changes FROM audit_log WHERE ${where} ORDER BY seq`).all() as {
    seq: number;
    operator: string;
    record_type: string;
    record_id: string;
    action: string;
    township_id: string | null;
    household_id: string | null;
    changes: string;
  }[];

describe('what is logged', () => {
  it('covers every table of the office (or says why not) and every column of each', async () => {
    const t = await xinshaoApp();
    const tables = t.app.db.raw.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const audited = AUDITED.map((a) => a.table);
    expect(tables.filter((n) => !audited.includes(n) && !NOT_AUDITED.includes(n))).toEqual([]);
    expect([...audited].sort()).toEqual([...AUDIT_RECORD_TYPES].sort()); // the screen offers each
    for (const a of AUDITED) {
      const sql = t.app.db.raw.prepare("SELECT group_concat(sql, ' ') FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ? AND name LIKE 'audit%'").pluck().get(a.table) as string;
      // A later migration adding a column must rebuild the table's triggers (rebuildAuditTriggers).
      for (const c of auditedColumns(t.app.db.raw, a)) expect(sql, `${a.table}.${c}`).toContain(`NEW."${c}"`);
    }
  });

  it('a household saved, changed and deleted on the page: who, which fields before and after, the cascade to its members', async () => {
    const t = await office();
    const h = await t.call('roster.household.save', household(t.villageId));
    const township = t.byCode('430522100').id;
    const created = entries(t, `household_id = '${h.id}'`);
    expect(created.map((e) => [e.record_type, e.action, e.operator, e.township_id])).toEqual([
      ['household', 'insert', 'admin', township],
      ['household_status', 'insert', 'admin', township],
      ['person', 'insert', 'admin', township],
      ['person', 'insert', 'admin', township],
    ]);
    expect(JSON.parse(created[0].changes)).toMatchObject({ number: '430522100201000001', head_name: '陈德明', phone: '13907391234', main_cause: '因病' });
    expect(JSON.parse(created[2].changes)).toMatchObject({ name: '陈德明', id_number: HEAD });
    expect(JSON.parse(created[0].changes)).not.toHaveProperty('updated_at'); // bookkeeping is not a change

    const seen = entries(t).length;
    const wife = h.members[1];
    await t.call('roster.household.save', {
      ...household(t.villageId, { phone: '13907390000', members: [member('陈德明', HEAD, '户主'), { ...member('邓艳双', WIFE, '配偶'), health: '长期慢性病' }] }),
      id: h.id,
    });
    const changed = entries(t).slice(seen);
    expect(changed.map((e) => [e.record_type, e.action, JSON.parse(e.changes)])).toEqual([
      ['household', 'update', { phone: ['13907391234', '13907390000'] }],
      ['person', 'update', { health: ['健康', '长期慢性病'] }],
    ]);
    expect(changed[1].record_id).toBe(wife.id);

    // Saving again without a change writes nothing.
    const n = entries(t).length;
    await t.call('roster.household.save', {
      ...household(t.villageId, { phone: '13907390000', members: [member('陈德明', HEAD, '户主'), { ...member('邓艳双', WIFE, '配偶'), health: '长期慢性病' }] }),
      id: h.id,
    });
    expect(entries(t).length).toBe(n);

    await t.call('roster.household.delete', { id: h.id });
    const gone = entries(t).slice(n);
    expect(gone.filter((e) => e.action === 'delete').map((e) => e.record_type).sort()).toEqual(['household', 'household_status', 'person', 'person']);
    expect(gone.every((e) => e.operator === 'admin')).toBe(true);
    const del = gone.find((e) => e.record_type === 'household')!;
    expect(JSON.parse(del.changes)).toMatchObject({ number: '430522100201000001', phone: '13907390000' });
    expect(await verifyAudit(t.app)).toMatchObject({ broken: null, checked: entries(t).length });
  });

  it('a write rolled back leaves no entry; settings and accounts are logged, a password never', async () => {
    const t = await office();
    const before = entries(t).length;
    await expect(
      t.app.db.transaction(async (trx) => {
        await trx.insertInto('support_unit').values({ id: 'u-x', name: '县水利局', created_at: 'a', updated_at: 'a', updated_by: 'admin' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(entries(t).length).toBe(before);

    await t.call('auth.accounts.add', { login: 'viewer', name: '赵六', role: 'readonly', townshipId: null, password: PW });
    const acc = entries(t, "record_type = 'account'").at(-1)!;
    expect(JSON.parse(acc.changes)).toMatchObject({ login: 'viewer', role: 'readonly', password_hash: '***' });
    expect(acc.changes).not.toMatch(/scrypt/);
    await t.call('settings.update', { language: 'en' });
    expect(entries(t, "record_type = 'setting'").at(-1)).toMatchObject({ record_id: 'language', operator: 'admin' });
  });
});

describe('a roster import', () => {
  it('writes one entry per household written, with its members; the same file again writes none; a changed member is one entry', async () => {
    const t = await office();
    const dir = tempDir();
    const rows = [...countyRows({ households: 40, seed: 5 })];
    const file = path.join(dir, 'r.xlsx');
    await writeRosterXlsx(file, rows);
    const ctx = t.app.ctx();
    const first = await commitImport(ctx, (await previewImport(ctx, file)).token);
    const hh = entries(t, "record_type = 'household'");
    expect(hh.length).toBe(first.householdsWritten);
    expect(entries(t, "record_type IN ('person', 'household_status')").length).toBe(0); // inside their household's entry
    const page = await listAuditPage(t.app, { householdId: hh[0].record_id });
    const e = page.entries[0];
    expect(e.action).toBe('insert');
    const members = new Set(e.changes.filter((c) => c.member).map((c) => c.member!.name));
    expect(members.size).toBe(t.app.db.raw.prepare('SELECT count(*) FROM person WHERE household_id = ?').pluck().get(hh[0].record_id));

    // The same file again: nothing changed, nothing logged.
    const n = entries(t).length;
    await commitImport(ctx, (await previewImport(ctx, file)).token);
    expect(entries(t).length).toBe(n);

    // One member's health changed in the file: one entry, for that household, naming the member.
    const col = (h: string) => NATIONAL_HEADERS.indexOf(h);
    const target = rows.find((r) => r[col('与户主关系')] !== '户主')!;
    const was = target[col('健康状况')];
    const now = was === '健康' ? '残疾' : '健康';
    const changed = rows.map((r) => (r === target ? r.map((v, k) => (k === col('健康状况') ? now : v)) : r));
    await writeRosterXlsx(file, changed);
    await commitImport(ctx, (await previewImport(ctx, file)).token);
    const fresh = entries(t).slice(n);
    expect(fresh.map((x) => [x.record_type, x.action])).toEqual([['household', 'update']]);
    const members2 = JSON.parse(fresh[0].changes).members;
    expect(members2.changed).toEqual([{ id: expect.any(String), name: target[col('姓名')], changes: { health: [was, now] } }]);
    expect(await verifyAudit(t.app)).toMatchObject({ broken: null });
  });
});

describe('the chain', () => {
  async function withLog() {
    const t = await office();
    for (let i = 0; i < 5; i++) await t.call('org.units.save', { name: `帮扶单位${i}`, villageIds: [] });
    return t;
  }

  it('refuses UPDATE and DELETE on the log', async () => {
    const t = await withLog();
    expect(() => t.app.db.raw.prepare("UPDATE audit_log SET operator = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => t.app.db.raw.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('names the first entry changed, unlinked or missing behind the app\'s back', async () => {
    const t = await withLog();
    const ok = await verifyAudit(t.app);
    expect(ok).toMatchObject({ broken: null, checked: entries(t).length, head: { seq: entries(t).length } });
    // Someone drops the guard and edits an entry's stored text.
    const raw = t.app.db.raw;
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const victim = entries(t, "record_type = 'support_unit'")[2].seq;
    raw.prepare("UPDATE audit_log SET changes = replace(changes, '帮扶单位2', '帮扶单位X') WHERE seq = ?").run(victim);
    expect(await verifyAudit(t.app)).toMatchObject({ broken: { seq: victim, reason: 'hash' }, checked: victim - 1 });
    // Recomputing that entry's hash does not help: the next one no longer links to it.
    const r = await cli('--data-dir', t.dir, 'audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.out).toContain(`第 ${victim} 条起不能通过核对`);
    raw.prepare('DELETE FROM audit_log WHERE seq = ?').run(victim);
    expect(await verifyAudit(t.app)).toMatchObject({ broken: { seq: victim, reason: 'gap' } });
  });

  it('its head is on every backup manifest', async () => {
    const t = await withLog();
    const out = path.join(tempDir(), 'b.fpbak');
    const b = await createBackup(t.app, out, 'manual');
    const head = (await verifyAudit(t.app)).head!;
    expect(b.auditHead).toEqual(head);
    expect((await inspectBackup(t.app, out)).auditHead).toEqual(head);
  });
});

describe('who reads the log', () => {
  it('masks ID and phone numbers for other roles, narrows a township operator to its township', async () => {
    const t = await office();
    const h = await t.call('roster.household.save', household(t.villageId));
    await t.call('org.units.save', { name: '县水利局', villageIds: [] });
    const other = t.byCode('430522101');
    await t.call('auth.accounts.add', { login: 'viewer', name: '赵六', role: 'readonly', townshipId: null, password: PW });
    await t.call('auth.accounts.add', { login: 'xiang', name: '李四', role: 'township', townshipId: other.id, password: PW });

    const full = await t.call('audit.list', { filter: { householdId: h.id } });
    expect(full.masked).toBe(false);
    expect(JSON.stringify(full.entries)).toContain(HEAD);
    // References read as names, not ids.
    const created = full.entries.find((e) => e.recordType === 'household' && e.action === 'insert')!;
    expect(created.changes.find((c) => c.field === 'village_id')).toMatchObject({ before: null, after: '长青村' });
    await t.call('settings.update', { language: 'zh-CN' });
    expect((await t.call('audit.list', { filter: { recordTypes: ['setting'] }, limit: 1 })).entries[0]).toMatchObject({ subject: '界面语言' });

    await t.call('auth.login', { login: 'viewer', password: PW });
    const masked = await t.call('audit.list', { filter: { householdId: h.id } });
    expect(masked.masked).toBe(true);
    const text = JSON.stringify(masked.entries);
    expect(text).not.toContain(HEAD);
    expect(text).not.toContain('13907391234');
    expect(text).toContain(`${HEAD.slice(0, 6)}********${HEAD.slice(-4)}`);
    expect(await t.fail('audit.verify', { taskId: crypto.randomUUID() })).toMatchObject({ code: 'FORBIDDEN' });

    await t.call('auth.login', { login: 'xiang', password: PW });
    const narrowed = await t.call('audit.list', { filter: {} });
    expect(narrowed.entries.every((e) => e.townshipName === other.name)).toBe(true);
    expect(narrowed.entries.some((e) => e.householdId === h.id)).toBe(false);
    expect(await t.fail('audit.list', { filter: { townshipId: t.byCode('430522100').id } })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('exports what the filter matches to xlsx, in words', async () => {
    const t = await office();
    await t.call('roster.household.save', household(t.villageId));
    const file = path.join(tempDir(), 'audit.xlsx');
    const r = await exportAuditXlsx(t.app, file, { recordTypes: ['household', 'person'] }, 'zh-CN');
    expect(r.rows).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('审计日志');
    expect((ws.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['序号', '时间', '操作人', '记录类型']);
    const rows = [2, 3, 4].map((i) => (ws.getRow(i).values as unknown[]).slice(1));
    expect(rows.map((x) => x[3])).toEqual(['家庭成员', '家庭成员', '贫困户']);
    expect(rows[2][2]).toBe('张三');
    expect(String(rows[2][8])).toContain('户主姓名：陈德明');
    expect(fs.statSync(file).size).toBeGreaterThan(0);
  });

  it('audit list on the CLI: by household number and by operator', async () => {
    const t = await office();
    await t.call('roster.household.save', household(t.villageId));
    await t.app.close();
    const r = await cli('--data-dir', t.dir, 'audit', 'list', '--household', '430522100201000001');
    expect(r.code).toBe(0);
    expect(r.out).toContain('共 4 条');
    expect(r.out).toMatch(/张三 {2}新增贫困户 {2}430522100201000001（陈德明）/);
    const j = JSON.parse((await cli('--data-dir', t.dir, 'audit', 'list', '--operator', 'admin', '--json')).out);
    expect(j.total).toBeGreaterThanOrEqual(4);
    expect((await cli('--data-dir', t.dir, 'audit', 'list', '--household', '999')).err).toContain('户编号「999」不在花名册中');
  });
});
