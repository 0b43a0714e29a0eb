/**
 * 审计日志 in Chromium against the real services: an administrator changes a member's phone number
 * on the household page; its 变更记录 shows the change (old → new) and who made it; the 审计日志
 * screen lists it, filters by record type, exports to xlsx and verifies the chain; a read-only
 * account sees ID and phone numbers masked in the history and no 核对 button; a township operator
 * sees its township's entries only; the English UI once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, openSession, seen, type Session } from './harness';
import { xinshaoApp, cleanup } from '../unit/helpers/app';
import { countyRows } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { addAccount } from '../../electron/core/auth/auth-service';
import { listAuditPage } from '../../electron/core/audit/audit-service';
import { AUDIT_GROUPS } from '../../shared/domain/audit';
import { maskIdNumber, maskPhone } from '../../shared/rules/mask';

let s: Session | undefined;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-e2e-audit-'));
afterEach(async () => {
  await s?.close();
  s = undefined;
  await cleanup();
});
afterAll(async () => {
  await closeBrowser();
  fs.rmSync(temp, { recursive: true, force: true });
});

const nav = (page: Page, name: string) => page.getByRole('navigation').getByText(name, { exact: true }).click();
const goTo = (page: Page, hash: string) => page.evaluate((h) => void (window.location.hash = h), hash);
const READER = { login: 'zhaoliu', name: '赵六', password: 'Zhao#liu2017' };
const TOWNSHIP = { login: 'sunqi', name: '孙七', password: 'Sun#qi2017' };

describe('审计日志', { timeout: 180_000 }, () => {
  it('shows a member\'s phone change in the household history and the log, filters, exports, verifies; masked for a read-only account', async () => {
    const exported = path.join(temp, '审计日志.xlsx');
    s = await openSession({
      prepare: async (dir) => {
        const t = await xinshaoApp({ dir } as Parameters<typeof xinshaoApp>[0]);
        const file = path.join(temp, 'roster.xlsx');
        await writeRosterXlsx(file, countyRows({ households: 8, seed: 3 }));
        const ctx = t.app.ctx();
        await commitImport(ctx, (await previewImport(ctx, file)).token);
        await t.app.close();
      },
      dialogs: { saveFile: async () => exported },
    });
    const { page } = s;
    const app = s.server.app!;
    await addAccount(app, { login: READER.login, name: READER.name, role: 'readonly', townshipId: null, password: READER.password });

    // A household of several members; its second member's phone number is changed.
    const hh = await app.db.kysely
      .selectFrom('household as h')
      .innerJoin('village as v', 'v.id', 'h.village_id')
      .innerJoin('township as t', 't.id', 'v.township_id')
      .select(['h.id', 'h.head_name', 't.id as townshipId', 't.name as townshipName'])
      .where('h.size', '>=', 2)
      .orderBy('h.number')
      .executeTakeFirstOrThrow();
    await addAccount(app, { login: TOWNSHIP.login, name: TOWNSHIP.name, role: 'township', townshipId: hh.townshipId, password: TOWNSHIP.password });
    const people = await app.db.kysely.selectFrom('person').select(['name', 'id_number', 'phone']).where('household_id', '=', hh.id).orderBy('sort').execute();
    const member = people[1];
    const was = member.phone || '—';
    const phone = member.phone === '13907391234' ? '13907394321' : '13907391234';
    const line = `联系电话：${was} → ${phone}`;
    const maskedLine = `联系电话：${member.phone ? maskPhone(member.phone) : '—'} → ${maskPhone(phone)}`;

    await seen(page.getByText('操作员：张三（县级管理员）'));
    await goTo(page, `#/roster/${hh.id}`);
    const history = page.getByRole('region', { name: '变更记录', exact: true });
    await seen(history.getByText('新增 贫困户'));
    await page.getByRole('button', { name: '编辑', exact: true }).first().click();
    const form = page.getByRole('dialog');
    await form.getByRole('group', { name: '成员 2' }).getByLabel('联系电话').fill(phone);
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });

    // The history: newest first, what changed from what to what, and who.
    const newest = history.getByRole('listitem').first();
    await seen(newest.getByText(`修改 家庭成员 · ${member.name}`));
    await seen(newest.getByText(line, { exact: true }));
    await seen(newest.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · 张三$/));
    expect(await history.getByText('已遮挡证件号码和电话').count()).toBe(0);
    await s.shot('96-audit-household-history');

    // The 审计日志 screen: everything, then one record type.
    await nav(page, '审计日志');
    await seen(page.getByRole('heading', { name: '审计日志' }));
    const table = page.getByRole('table', { name: '审计日志' });
    const all = await listAuditPage(app, {});
    await seen(page.getByTestId('audit-total').getByText(`共 ${all.total} 条`));
    const firstRow = table.locator('tbody tr').first();
    await seen(firstRow.getByText(line, { exact: true }));
    await seen(firstRow.getByText('修改 家庭成员'));
    await seen(firstRow.getByText(`${hh.head_name}）`, { exact: false }));

    await page.getByLabel('记录类型').click();
    await page.getByRole('option', { name: '设置与账号' }).click();
    const settings = await listAuditPage(app, { recordTypes: [...AUDIT_GROUPS.settings] });
    expect(settings.total).toBeGreaterThan(0);
    await seen(page.getByTestId('audit-total').getByText(`共 ${settings.total} 条`));
    await seen(table.getByText('新增 账号').first());
    expect(await table.getByText(line, { exact: true }).count()).toBe(0);

    await page.getByLabel('记录类型').click();
    await page.getByRole('option', { name: '贫困户信息' }).click();
    const roster = await listAuditPage(app, { recordTypes: [...AUDIT_GROUPS.roster] });
    await seen(page.getByTestId('audit-total').getByText(`共 ${roster.total} 条`));
    await seen(table.getByText(line, { exact: true }));
    expect(await table.getByText('新增 账号').count()).toBe(0);
    await s.shot('97-audit-log');

    // Export what the filter shows; verify the chain.
    await page.getByRole('button', { name: '导出 Excel' }).click();
    await seen(page.getByText(`已导出 ${roster.total} 条审计记录`));
    expect(fs.statSync(exported).size).toBeGreaterThan(1000);
    await page.getByRole('button', { name: '核对审计日志' }).click();
    await seen(page.getByText(/^审计日志完整：已核对 \d+ 条，链头 /));

    // A read-only account: the numbers masked, no chain check.
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByLabel(/^登录名/).fill(READER.login);
    await page.getByLabel(/^密码/).fill(READER.password);
    await page.getByRole('button', { name: '登录' }).click();
    await seen(page.getByText('操作员：赵六（只读）'));
    await goTo(page, `#/roster/${hh.id}`);
    await seen(history.getByText('已遮挡证件号码和电话'));
    await seen(history.getByRole('listitem').first().getByText(maskedLine, { exact: true }));
    // The import's entry lists every member's ID number: masked, never in full.
    const imported = history.getByRole('listitem').filter({ hasText: '新增 贫困户' });
    await imported.getByRole('button', { name: /^显示全部/ }).click();
    for (const p of people) {
      await seen(imported.getByText(`证件号码：${maskIdNumber(p.id_number)}`, { exact: true }));
      expect(await history.getByText(p.id_number, { exact: false }).count()).toBe(0);
    }
    await s.shot('98-audit-household-history-masked');
    await nav(page, '审计日志');
    await seen(page.getByText('已遮挡证件号码和电话'));
    await seen(page.getByRole('table', { name: '审计日志' }).getByText(maskedLine, { exact: true }));
    expect(await page.getByRole('button', { name: '核对审计日志' }).count()).toBe(0);

    // A township operator: the township filter fixed to its own, only its township's entries.
    const signInAs = async (who: typeof READER) => {
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByLabel(/^登录名/).fill(who.login);
      await page.getByLabel(/^密码/).fill(who.password);
      await page.getByRole('button', { name: '登录' }).click();
    };
    await signInAs(TOWNSHIP);
    await seen(page.getByText(`操作员：孙七（乡镇操作员 · ${hh.townshipName}）`));
    await nav(page, '审计日志');
    const own = await listAuditPage(app, { townshipId: hh.townshipId });
    await seen(page.getByTestId('audit-total').getByText(`共 ${own.total} 条`));
    await expect.poll(() => page.getByLabel('乡镇').inputValue()).toBe(hh.townshipName);
    expect(await page.getByLabel('乡镇').isDisabled()).toBe(true);
    const towns = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(new Set(towns)).toEqual(new Set([hh.townshipName]));
    await signInAs(READER);
    await seen(page.getByText('操作员：赵六（只读）'));

    // The English UI: no message key or Chinese chrome left on either screen.
    await nav(page, '设置');
    await page.getByText('English', { exact: true }).click();
    await seen(page.getByRole('navigation').getByText('Audit log', { exact: true }));
    await nav(page, 'Audit log');
    await seen(page.getByRole('heading', { name: 'Audit log' }));
    await seen(page.getByText(maskedLine.replace('联系电话：', 'Phone: '), { exact: true }));
    await s.shot('99-audit-log-en');
    expect(await page.getByRole('main').innerText()).not.toMatch(/\b(audit|history|filter|col|export|verify)\.[a-z]/);
    await goTo(page, `#/roster/${hh.id}`);
    const historyEn = page.getByRole('region', { name: 'Change history', exact: true });
    await seen(historyEn.getByText(`Changed · Member · ${member.name}`));
    await seen(historyEn.getByText('ID and phone numbers masked'));
    await s.shot('99b-audit-household-history-en');
    expect(await page.getByRole('main').innerText()).not.toMatch(/\b(audit|history|filter|col|export|verify)\.[a-z]/);
  });
});
