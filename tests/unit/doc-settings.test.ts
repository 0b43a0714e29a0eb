/** 设置 → 公文与公示: the issuing office both bulletins print and the complaint phone of the public roster. */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, openTestApp, setUpXinshao } from './helpers/app';

afterEach(cleanup);

describe('document settings', () => {
  it('default to the county\'s 脱贫攻坚领导小组办公室 and no phone; saved trimmed; checked in plain words', async () => {
    const t = await openTestApp();
    await setUpXinshao(t);
    expect(await t.call('settings.documents.get', {})).toEqual({ issuer: '新邵县脱贫攻坚领导小组办公室', complaintPhone: '' });
    expect((await t.fail('settings.documents.save', { issuer: '  ', complaintPhone: '' })).message).toBe('请填写发文单位');
    expect((await t.fail('settings.documents.save', { issuer: '新邵县\n办公室', complaintPhone: '' })).message).toBe('发文单位应写在一行内');
    expect((await t.fail('settings.documents.save', { issuer: '县'.repeat(41), complaintPhone: '' })).message).toBe('发文单位不能超过 40 个字');
    for (const bad of ['12345', '0739-abc1234', '1'.repeat(21)])
      expect((await t.fail('settings.documents.save', { issuer: '新邵县扶贫开发领导小组办公室', complaintPhone: bad })).message).toContain('监督电话应为 7 到 20 位数字');
    const saved = await t.call('settings.documents.save', { issuer: ' 新邵县扶贫开发领导小组办公室 ', complaintPhone: ' 0739-3621234 ' });
    expect(saved).toEqual({ issuer: '新邵县扶贫开发领导小组办公室', complaintPhone: '0739-3621234' });
    expect(await t.call('settings.documents.get', {})).toEqual(saved);
    // Saved by the operator, like every setting.
    expect(t.app.db.raw.prepare("SELECT value FROM setting WHERE key = 'doc.complaintPhone'").pluck().get()).toBe('0739-3621234');
  });
});
