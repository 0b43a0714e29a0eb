/**
 * Importing the national roster export: planted faults are each reported at their sheet row,
 * nothing is half-written, importing again changes nothing, export → import is a round trip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, tempDir, withWrongCheck, xinshaoApp } from './helpers/app';
import { countyRows, NATIONAL_HEADERS } from '../support/synthetic-county';
import { writeRosterXlsx } from '../support/roster-xlsx';
import { writeXlsx } from '../../electron/core/files/xlsx-write';
import { commitImport, previewImport } from '../../electron/core/roster/import-service';
import { exportRoster } from '../../electron/core/roster/export-service';
import { writeErrorWorkbook } from '../../electron/core/roster/import-errors';
import { pendingImport } from '../../electron/core/roster/import-service';
import { readTable } from '../../electron/core/files/read-table';
import { expand, type FindingGroup } from '../../electron/core/roster/import-report';

afterEach(cleanup);

const col = (h: string) => NATIONAL_HEADERS.indexOf(h);
/** Sheet row of data row i when the header is row 1. */
const rowOf = (i: number) => i + 2;

function county(households: number): string[][] {
  return [...countyRows({ households, seed: 7 })];
}

async function importFile(t: Awaited<ReturnType<typeof xinshaoApp>>, file: string) {
  const ctx = t.app.ctx();
  const preview = await previewImport(ctx, file);
  return { preview, commit: () => commitImport(ctx, preview.token) };
}

const issuesOf = (plan: { groups: FindingGroup[] }) => expand(plan.groups);
/** The rules of a row's errors and warnings (notes such as MONEY_TEXT aside: the generator writes 元 now and then). */
const issuesAt = (plan: { groups: FindingGroup[] }, row: number) => issuesOf(plan).filter((i) => i.row === row && i.severity !== 'info').map((i) => i.rule);
const notesAt = (plan: { groups: FindingGroup[] }, row: number) => issuesOf(plan).filter((i) => i.row === row && i.severity === 'info').map((i) => i.rule);

describe('import with planted faults', () => {
  it('reports each fault at its row and column, rejects only the faulty households, and writes the rest in one go', async () => {
    const t = await xinshaoApp();
    const rows = county(40);
    const households = [...new Set(rows.map((r) => r[col('户编号')]))];
    const rowsOf = (n: string) => rows.map((r, i) => [r, i] as const).filter(([r]) => r[col('户编号')] === n).map(([, i]) => i);

    // 1. a wrong check digit
    const badId = rowsOf(households[1])[0];
    rows[badId][col('证件号码')] = withWrongCheck(rows[badId][col('证件号码')]);
    // 2. work months 13
    const badMonths = rowsOf(households[2])[0];
    rows[badMonths][col('务工时间')] = '13';
    // 3. income as text that is no number
    const badIncome = rowsOf(households[3])[0];
    rows[badIncome][col('人均纯收入')] = '三千元';
    // 4. the same person twice (household 5's head copied into household 4)
    const dupA = rowsOf(households[4]).at(-1)!;
    const dupB = rowsOf(households[5])[0];
    rows[dupA][col('证件号码')] = rows[dupB][col('证件号码')];
    // 5. a household without 户主
    const noHead = rowsOf(households[6])[0];
    rows[noHead][col('与户主关系')] = '其他';
    // 6. an unknown township
    const badTownship = rowsOf(households[7]);
    for (const i of badTownship) rows[i][col('乡镇')] = '不存在镇';
    // Accepted with a note: a 15-digit ID, spaces and full-width digits, income "3,200元", unknown code value.
    const old15 = rowsOf(households[8])[0];
    const id18 = rows[old15][col('证件号码')];
    rows[old15][col('证件号码')] = id18.slice(0, 6) + id18.slice(8, 17); // drop "19" and the check digit
    const spaced = rowsOf(households[9])[0];
    const sid = rows[spaced][col('证件号码')];
    rows[spaced][col('证件号码')] = ' ' + sid.slice(0, 6) + ' ' + [...sid.slice(6, 10)].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('') + sid.slice(10).toLowerCase() + ' ';
    rows[spaced][col('人均纯收入')] = '3,200元';
    const oddCode = rowsOf(households[10])[0];
    rows[oddCode][col('文化程度')] = '研究生';
    // The same texts again further down: each row is checked on its own, not taken from the last.
    const oddCode2 = rowsOf(households[11])[0];
    rows[oddCode2][col('文化程度')] = '研究生';
    const badMonths2 = rowsOf(households[12])[0];
    rows[badMonths2][col('务工时间')] = '13';
    // A member row whose household field disagrees with the first row's: a warning, the first row wins.
    const h14 = households.slice(13).find((n) => rowsOf(n).length >= 2)!;
    const [firstOf14, secondOf14] = rowsOf(h14);
    const cause14 = rows[firstOf14][col('主要致贫原因')];
    rows[secondOf14][col('主要致贫原因')] = cause14 === '因病' ? '因残' : '因病';

    const file = path.join(tempDir(), '花名册.xlsx');
    await writeRosterXlsx(file, rows);
    const { preview, commit } = await importFile(t, file);
    const plan = preview.plan;

    expect(issuesAt(plan, rowOf(badId))).toContain('ID_CHECK');
    expect(issuesOf(plan).find((i) => i.row === rowOf(badId))).toMatchObject({ column: '证件号码', severity: 'error' });
    expect(issuesAt(plan, rowOf(badMonths))).toContain('MONTHS');
    expect(issuesAt(plan, rowOf(badIncome))).toContain('MONEY');
    expect(issuesAt(plan, rowOf(dupA))).toContain('DUPLICATE_IN_FILE');
    expect(issuesAt(plan, rowOf(dupB))).toContain('DUPLICATE_IN_FILE');
    expect(issuesAt(plan, rowOf(rowsOf(households[6])[0]))).toContain('NO_HEAD');
    expect(issuesAt(plan, rowOf(badTownship[0]))).toContain('UNKNOWN_TOWNSHIP');
    expect(issuesAt(plan, rowOf(old15))).toEqual(['ID_UPGRADED']);
    // The text amount 「3,200元」 is read, and said so (a note).
    expect(issuesAt(plan, rowOf(spaced))).toEqual([]);
    expect(notesAt(plan, rowOf(spaced))).toEqual(['MONEY_TEXT']);
    expect(issuesAt(plan, rowOf(oddCode))).toEqual(['UNKNOWN_CODE']);
    expect(issuesAt(plan, rowOf(oddCode2))).toEqual(['UNKNOWN_CODE']);
    expect(issuesAt(plan, rowOf(badMonths2))).toContain('MONTHS');
    expect(issuesAt(plan, rowOf(secondOf14))).toEqual(['FIELD_DIFFERS']);
    expect(issuesAt(plan, rowOf(firstOf14))).toEqual([]);
    // Every other row of a rejected household says why it was not imported.
    const sibling = rowsOf(households[1])[1];
    if (sibling !== undefined) expect(issuesAt(plan, rowOf(sibling))).toEqual(['HOUSEHOLD_REJECTED']);
    // Messages are Chinese.
    expect(issuesOf(plan).find((i) => i.rule === 'MONTHS')!.message).toContain('务工时间');

    const rejectedHouseholds = 8; // 1, 2, 3, 4+5 (the duplicate), 6, 7, 12
    expect(plan.householdCounts).toEqual({ added: 40 - rejectedHouseholds, updated: 0, unchanged: 0, rejected: rejectedHouseholds });
    expect(t.count('household')).toBe(0); // nothing before the commit

    const r = await commit();
    expect(r.householdsWritten).toBe(40 - rejectedHouseholds);
    expect(t.count('household')).toBe(40 - rejectedHouseholds);
    const raw = t.app.db.raw;
    expect(raw.prepare('SELECT count(*) FROM person WHERE id_number = ?').pluck().get(id18)).toBe(1);
    expect(raw.prepare('SELECT count(*) FROM person WHERE id_number = ?').pluck().get(sid.toUpperCase())).toBe(1);
    expect(raw.prepare('SELECT reported_income_fen FROM household WHERE number = ?').pluck().get(households[9])).toBe(320000);
    expect(raw.prepare('SELECT count(*) FROM household WHERE number = ?').pluck().get(households[1])).toBe(0);
    expect(raw.prepare('SELECT main_cause FROM household WHERE number = ?').pluck().get(h14)).toBe(cause14);
  });

  it('finds the header below merged title rows, reads Excel date serials, and refuses IDs stored as numbers', async () => {
    const t = await xinshaoApp();
    const rows: (string | number)[][] = county(3);
    rows[0][col('证件号码')] = 430522196502030017; // Excel keeps ~15 digits: the number is damaged
    const title = [['新邵县贫困人口花名册（2017年）'], ['填报单位：县扶贫办', '', '', '数据截至 2017-12-31']];
    const file = path.join(tempDir(), 'titled.xlsx');
    const headers = [...NATIONAL_HEADERS, '首次识别时间'];
    const body = rows.map((r) => [...r, 42795]); // 2017-03-01 as an unformatted serial
    await writeXlsx(file, [{ name: 'Sheet1', columns: headers.map(() => ({ header: '' })), rows: [...title, headers, ...body] }]);
    const { preview } = await importFile(t, file);
    expect(preview.mapping.headerRow).toBe(4); // the blank header row exceljs writes, two title rows, then ours
    expect(issuesAt(preview.plan, 5)).toContain('ID_NUMERIC');
    const accepted = preview.plan.householdCounts.added;
    expect(accepted).toBe(2);
    const r = await commitImport(t.app.ctx(), preview.token);
    expect(r.householdsWritten).toBe(2);
    expect(t.app.db.raw.prepare('SELECT DISTINCT identified_year FROM household').pluck().all()).toEqual([2017]);
  });

  it('refuses a file that is not a workbook, and one without a recognisable header, writing nothing', async () => {
    const t = await xinshaoApp();
    const dir = tempDir();
    const text = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(text, '这不是表格');
    await expect(previewImport(t.app.ctx(), text)).rejects.toMatchObject({ info: { code: 'VALIDATION' } });
    const noHeader = path.join(dir, 'other.xlsx');
    await writeXlsx(noHeader, [{ name: 'S', columns: [{ header: '名称' }, { header: '数量' }], rows: [['苹果', 3]] }]);
    await expect(previewImport(t.app.ctx(), noHeader)).rejects.toMatchObject({ info: { key: 'roster.file.noHeader' } });
    expect(t.count('household')).toBe(0);
  });
});

describe('idempotence and round trip', () => {
  it('importing the same file twice changes nothing the second time', async () => {
    const t = await xinshaoApp();
    const file = path.join(tempDir(), 'a.xlsx');
    await writeRosterXlsx(file, county(60));
    await (await importFile(t, file)).commit();
    const before = t.app.db.raw.prepare('SELECT id, updated_at FROM person ORDER BY id').all();
    const again = await importFile(t, file);
    expect(again.preview.plan.householdCounts).toEqual({ added: 0, updated: 0, unchanged: 60, rejected: 0 });
    await again.commit();
    expect(t.app.db.raw.prepare('SELECT id, updated_at FROM person ORDER BY id').all()).toEqual(before);
  });

  it('export then import is a round trip, every Chinese name intact, and a changed row is an update', async () => {
    const t = await xinshaoApp();
    const dir = tempDir();
    const source = county(300);
    const file = path.join(dir, 'in.xlsx');
    await writeRosterXlsx(file, source);
    await (await importFile(t, file)).commit();
    const out = path.join(dir, 'out.xlsx');
    const r = await exportRoster(t.app.ctx(), out);
    expect(r).toEqual({ households: 300, persons: source.length });
    const back = await importFile(t, out);
    expect(back.preview.plan.householdCounts).toEqual({ added: 0, updated: 0, unchanged: 300, rejected: 0 });
    expect(issuesOf(back.preview.plan).filter((i) => i.severity !== 'info')).toEqual([]);

    // Every name in the exported file equals the source.
    const names = new Map(source.map((s) => [s[col('证件号码')], s[col('姓名')]]));
    const table = await readTable(out);
    let checked = 0;
    for await (const row of table.rows()) {
      if (row.rowNumber === 1) continue;
      expect(row.cells[col('姓名')].text).toBe(names.get(row.cells[col('证件号码')].text));
      checked++;
    }
    await table.close();
    expect(checked).toBe(source.length);

    // A member renamed in the source: that household is updated, the person keeps their id.
    const id = source[5][col('证件号码')];
    const personId = t.app.db.raw.prepare('SELECT id FROM person WHERE id_number = ?').pluck().get(id);
    source[5][col('姓名')] = '改名字';
    await writeRosterXlsx(file, source);
    const changed = await importFile(t, file);
    expect(changed.preview.plan.householdCounts).toMatchObject({ updated: 1, unchanged: 299 });
    await changed.commit();
    expect(t.app.db.raw.prepare('SELECT id, name FROM person WHERE id_number = ?').get(id)).toEqual({ id: personId, name: '改名字' });
  });

  it('refuses someone already registered in a household the file does not touch', async () => {
    const t = await xinshaoApp();
    const dir = tempDir();
    const rows = county(5);
    const first = path.join(dir, 'first.xlsx');
    await writeRosterXlsx(first, rows.filter((r) => r[col('户编号')] === rows[0][col('户编号')]));
    await (await importFile(t, first)).commit();
    const second = path.join(dir, 'second.xlsx');
    const others = rows.filter((r) => r[col('户编号')] !== rows[0][col('户编号')]);
    others[0] = [...others[0]];
    others[0][col('证件号码')] = rows[0][col('证件号码')];
    await writeRosterXlsx(second, others);
    const p = (await importFile(t, second)).preview.plan;
    expect(issuesAt(p, 2)).toContain('IN_OTHER_HOUSEHOLD');
    expect(issuesOf(p).find((i) => i.rule === 'IN_OTHER_HOUSEHOLD')!.message).toContain(rows[0][col('户编号')]);
  });
});

describe('error workbook and safety', () => {
  it('writes rejected rows with a Chinese error column; fixing them there and importing that workbook adds them', async () => {
    const t = await xinshaoApp();
    const dir = tempDir();
    const rows = county(10);
    const bad = rows.findIndex((r, i) => i > 3 && r[col('与户主关系')] === '户主');
    const goodId = rows[bad][col('证件号码')];
    rows[bad][col('证件号码')] = withWrongCheck(goodId);
    const file = path.join(dir, 'in.xlsx');
    await writeRosterXlsx(file, rows);
    const { preview, commit } = await importFile(t, file);
    await commit();
    const p = preview.plan;
    // The pending plan is gone after the commit; write the error workbook from a fresh preview.
    const again = await previewImport(t.app.ctx(), file);
    const pending = pendingImport(again.token)!;
    const errors = path.join(dir, 'errors.xlsx');
    const n = await writeErrorWorkbook(file, 0, pending.headerRow, pending.plan, errors);
    expect(n).toBe(p.rejectedRows.length);

    const table = await readTable(errors);
    const got: string[][] = [];
    for await (const r of table.rows()) got.push(r.cells.map((c) => c.text));
    await table.close();
    expect(got[0]).toEqual([...NATIONAL_HEADERS, '错误说明', '原行号']);
    expect(got[1][col('证件号码')]).toBe(withWrongCheck(goodId));
    expect(got[1][NATIONAL_HEADERS.length]).toContain('校验位不正确');
    expect(got[1][NATIONAL_HEADERS.length + 1]).toBe(String(rowOf(bad)));

    // The user fixes the ID in the error workbook and imports it.
    const fixed = got.slice(1).map((r) => r.slice(0, NATIONAL_HEADERS.length));
    fixed[0][col('证件号码')] = goodId;
    const refile = path.join(dir, 'fixed.xlsx');
    await writeRosterXlsx(refile, fixed);
    const re = await importFile(t, refile);
    expect(re.preview.plan.householdCounts).toMatchObject({ added: 1, rejected: 0 });
    await re.commit();
    expect(t.count('household')).toBe(10);
  });

  it('a cancelled preview writes nothing, and a preview made stale by a change is refused', async () => {
    const t = await xinshaoApp();
    const file = path.join(tempDir(), 'in.xlsx');
    await writeRosterXlsx(file, county(2000));
    const controller = new AbortController();
    const p = previewImport(t.app.ctx(), file, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(p).rejects.toThrow();
    expect(t.count('household')).toBe(0);

    const small = path.join(tempDir(), 'small.xlsx');
    await writeRosterXlsx(small, county(3));
    const preview = await previewImport(t.app.ctx(), small);
    await t.call('org.villages.save', { townshipId: t.byCode('430522100').id, code: '430522100299', name: '新添村', isPoor: false, population: null });
    await expect(commitImport(t.app.ctx(), preview.token)).rejects.toMatchObject({ info: { key: 'roster.import.stale' } });
    expect(t.count('household')).toBe(0);
    // A township changed (here: deleted) since the preview: refused too, as the plan names townships.
    const again = await previewImport(t.app.ctx(), small);
    const spare = (await t.call('org.townships.save', { code: '430522199', name: '备用乡' })).id;
    const third = await previewImport(t.app.ctx(), small);
    t.app.db.raw.prepare('DELETE FROM township WHERE id = ?').run(spare);
    await expect(commitImport(t.app.ctx(), third.token)).rejects.toMatchObject({ info: { key: 'roster.import.stale' } });
    await expect(commitImport(t.app.ctx(), again.token)).rejects.toMatchObject({ info: { key: 'roster.import.stale' } });
    expect(t.count('household')).toBe(0);
  });
});
