/**
 * 督查考核 end to end (Chromium + real services): create a round over 3 townships in the wizard,
 * score all three with the keyboard only (a refused score above the max first), see the ranking
 * and its stated tie rule, raise a deduction into the rectification ledger, finish the round,
 * write the bulletin PDF and read its text; then the checklist screen; and a round of the office's
 * own target type, its targets typed by name.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { closeBrowser, completeSetup, openSession, seen, type Session } from './harness';
import { saveTemplate } from '../../electron/core/inspection/template-service';
import { pdfText, pdfToPng } from '../support/pdf';

let s: Session | undefined;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-insp-e2e-'));
afterEach(async () => {
  await s?.close();
  s = undefined;
});
afterAll(async () => {
  await closeBrowser();
  fs.rmSync(temp, { recursive: true, force: true });
});

const nav = (page: Page, name: string) => page.getByRole('navigation').getByText(name, { exact: true }).click();

/**
 * The township checklist in order: [kind, value, note]. 'text' fields are selected and retyped,
 * 'box' fields toggled with Space when the value is 'toggle'. Tab goes value → note → next item.
 */
type Step = ['text', string, string?] | ['box', 'keep' | 'toggle', string?];
async function typeSheet(page: Page, self: string, steps: Step[]) {
  await page.keyboard.type(self); // the self-assessment field has the focus when the sheet opens
  for (const [kind, value, note] of steps) {
    await page.keyboard.press('Tab');
    if (kind === 'text') {
      await page.keyboard.press('Control+A');
      await page.keyboard.type(value);
    } else if (value === 'toggle') await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    if (note) await page.keyboard.type(note);
  }
}

// 11 items of the shipped township checklist (see shared/inspection/defaults.ts).
const full = (over: Partial<Record<number, Step>> = {}): Step[] =>
  [
    ['text', '0'],
    ['box', 'keep'],
    ['text', '0'],
    ['text', '0'],
    ['text', '8'],
    ['text', '10'],
    ['text', '0'],
    ['text', '10'],
    ['text', '5'],
    ['text', '0'],
    ['box', 'keep'],
  ].map((st, i) => over[i] ?? (st as Step));

describe('督查考核 end to end', { timeout: 240_000 }, () => {
  it('creates a round over 3 townships, scores them by keyboard, ranks, raises a ledger item and prints the bulletin', async () => {
    const bulletin = path.join(temp, '通报.pdf');
    const photo = path.join(temp, '手册照片.jpg');
    fs.writeFileSync(photo, 'jpeg bytes of a photographed manual');
    s = await openSession({ dialogs: { saveFile: async () => bulletin, openFile: async () => photo } });
    const { page } = s;
    await completeSetup(page);
    await nav(page, '督查考核');
    await seen(page.getByText('还没有考核轮次'));

    // Wizard: basics → three townships → one group.
    await page.getByRole('button', { name: '新建考核轮次' }).click();
    const dlg = page.getByRole('dialog');
    await dlg.getByLabel('轮次名称').fill('2017年第一季度督查考核');
    await dlg.getByLabel('开始日期').fill('2017-03-20');
    // An end before the start is refused on this step, beside the end date, not after the third.
    await dlg.getByLabel('结束日期').fill('2017-03-02');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await seen(dlg.getByRole('alert').getByText('考核期间的结束日期不能早于开始日期'));
    await seen(dlg.getByLabel('轮次名称'));
    await dlg.getByLabel('结束日期').fill('2017-03-27');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await seen(dlg.getByText('已选 0 / 15'));
    for (const n of ['酿溪镇', '严塘镇', '雀塘镇']) await dlg.getByLabel(n, { exact: true }).check();
    await seen(dlg.getByText('已选 3 / 15'));
    await s.shot('60-inspection-wizard-targets');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await dlg.getByLabel('督查人员（用顿号或逗号分隔）').fill('王五、赵六');
    await dlg.getByRole('button', { name: '创建' }).click();
    await seen(page.getByText('已评 0 / 3'));
    await s.shot('61-inspection-round');

    // 酿溪镇: first a points value above the item's max is refused beside the item; then fixed.
    await page.getByRole('button', { name: '评分 酿溪镇' }).click();
    await seen(page.getByText('评分 · 酿溪镇'));
    await typeSheet(page, '96', full({ 2: ['text', '3', '3户手册收入栏漏填'], 5: ['text', '12'] }));
    await page.keyboard.press('Enter');
    await seen(page.getByText('「产业扶贫项目覆盖有劳动能力的贫困户」的得分不能超过该项满分 10 分'));
    await expect(page.getByTestId('live-total').textContent()).resolves.toContain('督查得分 94');
    await s.shot('62-inspection-sheet-error');
    await page.keyboard.press('Control+A'); // the refused field has the focus
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');

    // 严塘镇 opens next: a veto needs its reason, typed in the note.
    await seen(page.getByText('评分 · 严塘镇'));
    await typeSheet(page, '99', full({ 10: ['box', 'toggle', '虚报脱贫2户'] }));
    await page.keyboard.press('Enter');
    await seen(page.getByText('评分 · 雀塘镇'));
    await typeSheet(page, '95', full({ 6: ['text', '2', '2户不知晓帮扶政策'] }));
    await s.shot('63-inspection-sheet');
    await page.keyboard.press('Enter');
    await seen(page.getByText('已评 3 / 3'));

    // Results: 雀塘镇 98, 酿溪镇 93, then the vetoed 严塘镇 whatever its 100 points.
    await page.getByRole('tab', { name: '结果与排名' }).click();
    const table = page.getByRole('table', { name: '乡镇 名次' });
    await seen(table);
    const rows = await table.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 3).map((c) => c.replace(/\s+/g, ' ').trim()))).toEqual([
      ['1', '雀塘镇', '98'],
      ['2', '酿溪镇', '93'],
      ['3', '严塘镇 一票否决', '100'],
    ]);
    await seen(page.getByTestId('tie-rule').getByText(/名次并列/));

    // A deduction into the rectification ledger.
    await page.getByRole('button', { name: '转入整改台账 酿溪镇 贫困户手册填写准确完整' }).click();
    await seen(page.getByRole('dialog').getByText('来源：2017年第一季度督查考核·酿溪镇·贫困户手册填写准确完整'));
    // Cancel first (a one-step dialog says 取消, not 上一步): nothing is raised.
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.getByRole('button', { name: '转入整改台账 酿溪镇 贫困户手册填写准确完整' }).click();
    // The ledger item's own fields are asked for here; without 责任人 the dialog says what that means.
    await seen(page.getByRole('dialog').getByText(/补齐之前不能提交验收/));
    await page.getByRole('dialog').getByLabel('整改措施').fill('逐户补填手册收入栏，村第一书记复核');
    await page.getByRole('dialog').getByLabel('牵头单位').fill('县扶贫办');
    await page.getByRole('dialog').getByLabel('责任人').fill('李四');
    await expect.poll(() => page.getByRole('dialog').getByText(/补齐之前不能提交验收/).count()).toBe(0);
    await s.shot('63-inspection-raise');
    await page.getByRole('dialog').getByRole('button', { name: '转入' }).click();
    await seen(page.getByText('已转入（序号 1）'));
    const ledger = await s.server.app!.db.kysely
      .selectFrom('ledger_item')
      .select(['seq', 'source_kind', 'source_text', 'responsible_unit', 'description', 'measures', 'lead_unit', 'responsible_person'])
      .execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({
      seq: 1,
      source_kind: 'inspection',
      source_text: '2017年第一季度督查考核·酿溪镇',
      responsible_unit: '酿溪镇',
      measures: '逐户补填手册收入栏，村第一书记复核',
      lead_unit: '县扶贫办',
      responsible_person: '李四',
    });
    expect(ledger[0].description).toContain('3户手册收入栏漏填');
    await s.shot('64-inspection-results');

    // Evidence for the deduction: picked, copied into the data folder, opened from there.
    await page.getByRole('tab', { name: '评分' }).click();
    await page.getByRole('button', { name: '评分 酿溪镇' }).click();
    // By keyboard: Ctrl+E in the item's note field adds evidence to that item.
    await page.getByRole('textbox', { name: '督查发现（备注） 贫困户手册填写准确完整' }).focus();
    await page.keyboard.press('Control+E');
    await page.getByRole('row').filter({ hasText: '贫困户手册填写准确完整' }).getByText('手册照片.jpg').click();
    await expect.poll(() => s!.opened.length).toBe(1);
    expect(s.opened[0].startsWith(path.join(s.dataDir, 'evidence'))).toBe(true);
    expect(fs.readFileSync(s.opened[0], 'utf8')).toBe('jpeg bytes of a photographed manual');
    await page.getByText('← 返回轮次（2017年第一季度督查考核）').click();

    // Finish, then the bulletin.
    await page.getByRole('button', { name: '结束本轮考核' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '结束本轮考核' }).click();
    await seen(page.getByText('已结束'));
    await page.getByRole('tab', { name: '结果与排名' }).click();
    await page.getByRole('button', { name: '生成通报（PDF）' }).click();
    await seen(page.getByText('已生成通报：通报.pdf'));
    const text = pdfText(bulletin).replace(/\s+/g, '');
    expect(text).toContain('关于2017年第一季度督查考核情况的通报');
    expect(text).toContain('（一）乡镇（满分100分）');
    expect(text).toContain('1雀塘镇98');
    expect(text).toContain('严塘镇被一票否决');
    expect(text).toContain('—1—');
    pdfToPng(bulletin, path.resolve(import.meta.dirname, '..', '..', 'test-output', 'inspection', 'e2e'), { dpi: 40 });

    // The home page card: the latest finished round's top and bottom.
    await nav(page, '首页');
    const card = page.getByLabel('最新考核排名');
    await seen(card.getByText('2017年第一季度督查考核 · 查看'));
    await seen(card.getByText('雀塘镇'));
    await seen(card.getByText('严塘镇'));
    await s.shot('66-home-latest-ranking');
    await nav(page, '督查考核');

    // Checklists: the four shipped ones, the township one used by the round.
    await page.getByRole('tab', { name: '检查表' }).click();
    await seen(page.getByText('驻村工作队督查考核检查表'));
    await seen(page.getByText('2017年第一季度督查考核').first());
    await page.getByRole('button', { name: '编辑 驻村工作队督查考核检查表' }).click();
    await seen(page.getByText('保存会生成第 2 版'));
    await s.shot('65-inspection-template-editor');
    await page.getByRole('dialog').getByLabel('分值').first().fill('25');
    await seen(page.getByRole('dialog').getByText('合计 105 分'));
    await page.getByRole('dialog').getByRole('button', { name: '保存', exact: true }).click();
    await seen(page.getByText('v2'));
    const rows2 = await page.getByRole('row', { name: /驻村工作队督查考核检查表/ }).innerText();
    expect(rows2).toContain('105');
  });

  it("takes targets of the office's own type typed by name in the wizard", async () => {
    s = await openSession();
    const { page } = s;
    await completeSetup(page);
    await saveTemplate(s.server.app!.ctx(), {
      targetType: '行业扶贫部门',
      name: '行业扶贫部门考核表',
      sections: [{ title: '一、政策落实', items: [{ id: 'a', title: '行业政策落实到户', mode: 'points', max: 1000, per: 0, guidance: '' }] }],
    });
    await nav(page, '督查考核');
    await page.getByRole('button', { name: '新建考核轮次' }).click();
    const dlg = page.getByRole('dialog');
    await dlg.getByLabel('轮次名称').fill('行业部门专项考核');
    await dlg.getByLabel('开始日期').fill('2017-04-01');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await dlg.getByLabel('行业扶贫部门').fill('县教育局\n县卫健局\n县教育局');
    await dlg.getByRole('button', { name: '下一步' }).click();
    await dlg.getByRole('button', { name: '创建' }).click();
    await seen(page.getByText('已评 0 / 2'));
    await seen(page.getByRole('button', { name: '评分 县教育局' }));
    await seen(page.getByRole('button', { name: '评分 县卫健局' }));
  });
});
