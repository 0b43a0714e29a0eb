import fs from 'node:fs';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion, type Migration } from '../../electron/core/db/migrate';
import { LATEST_VERSION, migrations } from '../../electron/core/db/migrations';
import { DB_FILE, openDatabase, type Database } from '../../electron/core/db/open';
import { registerAuditFunctions } from '../../electron/core/db/audit-functions';
import { cleanup, tempDir } from './helpers/app';

afterEach(cleanup);

const opened: Database[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.close().catch(() => {});
});
async function open(dir: string, now?: () => Date) {
  const db = await openDatabase(dir, { now });
  opened.push(db);
  return db;
}

const AT = '2018-03-01T00:00:00.000Z';
const BY = '旧版操作员';
const stamp = { c: AT, u: AT, b: BY };

type Raw = Sqlite.Database;

/**
 * Representative rows per schema version: `insert` writes rows that are valid at that version
 * (with raw SQL, as an old app would have), `check` verifies them after the upgrade.
 * A new migration must add its own entry here; the guard test below enforces it.
 */
const FIXTURES: Record<number, { insert(db: Raw): void; check(db: Raw): void }> = {
  1: {
    insert(db) {
      db.prepare('INSERT INTO setting VALUES (?, ?, ?, ?)').run('county.code', '430522', AT, BY);
      db.prepare('INSERT INTO setting VALUES (?, ?, ?, ?)').run('county.name', '新邵县', AT, BY);
      db.prepare('INSERT INTO township VALUES (?, ?, ?, @c, @u, @b)').run('t1', '430522100', '酿溪镇', stamp);
      db.prepare('INSERT INTO village (id, township_id, code, name, is_poor, population, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, @c, @u, @b)').run(
        'v1', 't1', '430522100201', '长青村', 1, 1234, stamp,
      );
    },
    check(db) {
      expect(db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get('county.name')).toBe('新邵县');
      expect(db.prepare('SELECT code, name, updated_by FROM township WHERE id = ?').get('t1')).toEqual({ code: '430522100', name: '酿溪镇', updated_by: BY });
      expect(db.prepare('SELECT township_id, code, name, is_poor, population FROM village WHERE id = ?').get('v1')).toEqual({
        township_id: 't1',
        code: '430522100201',
        name: '长青村',
        is_poor: 1,
        population: 1234,
      });
    },
  },
  2: {
    insert(db) {
      db.prepare('INSERT INTO work_group VALUES (?, ?, ?, @c, @u, @b)').run('g1', '第一工作推进组', '刘建国', stamp);
      db.prepare('INSERT INTO work_group_township VALUES (?, ?)').run('g1', 't1');
      db.prepare('INSERT INTO support_unit VALUES (?, ?, @c, @u, @b)').run('u1', '县财政局', stamp);
      db.prepare('INSERT INTO support_unit_village VALUES (?, ?)').run('u1', 'v1');
      db.prepare('INSERT INTO cadre VALUES (?, ?, ?, ?, ?, ?, ?, @c, @u, @b)').run('c1', '李志强', '男', '430522198001010019', '县财政局', '科员', '13907391234', stamp);
      db.prepare('INSERT INTO cadre VALUES (?, ?, ?, ?, ?, ?, ?, @c, @u, @b)').run('c2', '陈红梅', '女', '11010519491231002X', '县财政局', '股长', '', stamp);
      db.prepare('INSERT INTO village_team VALUES (?, ?, ?, ?, ?, ?, @c, @u, @b)').run('team1', 'v1', 'u1', 'c1', '2017-03-01', '2019-02-28', stamp);
      db.prepare('INSERT INTO village_team_member VALUES (?, ?)').run('team1', 'c2');
    },
    check(db) {
      expect(db.prepare('SELECT township_id FROM work_group_township WHERE group_id = ?').pluck().all('g1')).toEqual(['t1']);
      expect(db.prepare('SELECT village_id FROM support_unit_village WHERE unit_id = ?').pluck().all('u1')).toEqual(['v1']);
      expect(db.prepare('SELECT id_number FROM cadre ORDER BY id').pluck().all()).toEqual(['430522198001010019', '11010519491231002X']);
      expect(db.prepare('SELECT village_id, support_unit_id, captain_id FROM village_team').all()).toEqual([{ village_id: 'v1', support_unit_id: 'u1', captain_id: 'c1' }]);
      expect(db.prepare('SELECT cadre_id FROM village_team_member').pluck().all()).toEqual(['c2']);
    },
  },
  3: {
    insert(db) {
      db.prepare(
        'INSERT INTO household (id, number, village_id, group_name, attribute, main_cause, status, reported_income_fen, head_name, size, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @c, @u, @b)',
      ).run('h1', '4305221002010001', 'v1', '3组', '一般贫困户', '因病', '未脱贫', 285500, '陈德明', 2, stamp);
      const person = db.prepare(
        'INSERT INTO person (id, household_id, name, id_number, id_rev, relation, gender, birth_date, work_months, sort, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, @c, @u, @b)',
      );
      person.run('p1', 'h1', '陈德明', '430522196502030017', '710030205691225034', '户主', '男', '1965-02-03', 8, 1, stamp);
      person.run('p2', 'h1', '邓艳双', '43052219680709002X', 'X20090786912250340', '配偶', '女', '1968-07-09', null, 2, stamp);
      db.prepare('INSERT INTO income (id, household_id, year, wage_fen, transfer_fen, cost_fen, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, @c, @u, @b)').run(
        'i1', 'h1', 2017, 1200000, 150050, 30000, stamp,
      );
      db.prepare('INSERT INTO measure (id, household_id, year, category, content, amount_fen, support_unit_id, date, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, @c, @u, @b)').run(
        'm1', 'h1', 2017, '产业扶贫', '油茶种植 3 亩', 300000, 'u1', '2017-04-01', stamp,
      );
      db.prepare('INSERT INTO pairing (id, cadre_id, household_id, start_date, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, @c, @u, @b)').run('pr1', 'c1', 'h1', '2017-03-01', stamp);
      db.prepare('INSERT INTO household_status (id, household_id, status, effective_date, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, @c, @u, @b)').run('s1', 'h1', '未脱贫', '2014-10-01', stamp);
    },
    check(db) {
      expect(db.prepare('SELECT number, head_name, size, reported_income_fen FROM household WHERE id = ?').get('h1')).toEqual({
        number: '4305221002010001',
        head_name: '陈德明',
        size: 2,
        reported_income_fen: 285500,
      });
      expect(db.prepare('SELECT name FROM person WHERE household_id = ? ORDER BY sort').pluck().all('h1')).toEqual(['陈德明', '邓艳双']);
      expect(db.prepare('SELECT wage_fen + transfer_fen - cost_fen FROM income WHERE id = ?').pluck().get('i1')).toBe(1320050);
      expect(db.prepare('SELECT amount_fen, support_unit_id FROM measure WHERE id = ?').get('m1')).toEqual({ amount_fen: 300000, support_unit_id: 'u1' });
      expect(db.prepare('SELECT cadre_id FROM pairing WHERE household_id = ?').pluck().all('h1')).toEqual(['c1']);
      expect(db.prepare('SELECT status FROM household_status WHERE household_id = ?').pluck().all('h1')).toEqual(['未脱贫']);
    },
  },
  4: {
    insert(db) {
      // An office's own entries beside the defaults.
      db.prepare('INSERT OR REPLACE INTO poverty_line VALUES (?, ?, ?, ?)').run(2018, 310000, AT, BY); // the office's own figure
      db.prepare('INSERT INTO code_item (id, list, code, name, sort, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, @c, @u, @b)').run(
        'cause:因债', 'cause', '99', '因债', 99, stamp,
      );
    },
    check(db) {
      expect(db.prepare('SELECT amount_fen FROM poverty_line WHERE year = ?').pluck().get(2018)).toBe(310000);
      expect(db.prepare('SELECT amount_fen FROM poverty_line WHERE year = ?').pluck().get(2020)).toBe(400000);
      const causes = db.prepare("SELECT name FROM code_item WHERE list = 'cause' ORDER BY sort").pluck().all();
      expect(causes[0]).toBe('因病');
      expect(causes).toContain('因债');
      expect(db.prepare("SELECT count(*) FROM code_item WHERE list = 'ethnicity'").pluck().get()).toBe(56);
    },
  },
  5: {
    insert(db) {
      db.prepare('INSERT INTO quality_result (household_id, rule, detail, created_at) VALUES (?, ?, ?, ?)').run('h1', 'Q10', '该户没有在帮的帮扶责任人', AT);
      db.prepare('INSERT INTO quality_run (id, ran_at, ran_by, households, duration_ms) VALUES (1, ?, ?, ?, ?)').run(AT, BY, 1, 12);
    },
    check(db) {
      expect(db.prepare('SELECT household_id, rule, detail FROM quality_result').all()).toEqual([{ household_id: 'h1', rule: 'Q10', detail: '该户没有在帮的帮扶责任人' }]);
      expect(db.prepare('SELECT ran_at, households FROM quality_run').get()).toEqual({ ran_at: AT, households: 1 });
      // One row per household and rule.
      expect(() => db.prepare('INSERT INTO quality_result (household_id, rule, detail, created_at) VALUES (?, ?, ?, ?)').run('h1', 'Q10', 'x', AT)).toThrow(/UNIQUE/);
    },
  },
  6: {
    insert() {
      // An index only: nothing to add.
    },
    check(db) {
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'village_order'").pluck().get()).toBe(1);
    },
  },
  7: {
    insert(db) {
      // A household written without a sort key, as any writer may: the trigger fills it in.
      db.prepare("INSERT INTO village (id, township_id, code, name, is_poor, created_at, updated_at, updated_by) VALUES ('v7', 't1', '430522100207', '新华村', 0, @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO household (id, number, village_id, group_name, head_name, size, created_at, updated_at, updated_by) VALUES ('h7', '4305221002070001', 'v7', '1组', '王秀英', 1, @c, @u, @b)").run(stamp);
    },
    check(db) {
      // Households of earlier versions got their key when migrating; the key sorts as township,
      // village, group (by its number since version 11) and number.
      // (This check also runs on the backups of versions 7–10, which keep the group as written.)
      const key = (id: string) => db.prepare('SELECT sort_key FROM household WHERE id = ?').pluck().get(id);
      const group = (g: string, n: number) => (schemaVersion(db) >= 11 ? String(n).padStart(5, '0') + g : g);
      expect(key('h1')).toBe(`430522100\u0001430522100201\u0001${group('3组', 3)}\u00014305221002010001`);
      expect(key('h7')).toBe(`430522100\u0001430522100207\u0001${group('1组', 1)}\u00014305221002070001`);
      expect(db.prepare("SELECT id FROM household WHERE id IN ('h1', 'h7') ORDER BY sort_key").pluck().all()).toEqual(['h1', 'h7']);
      expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = 'household_sort'").pluck().get()).toBe(1);
      // Stored quality results of earlier versions have no message keys: an empty list.
      expect(db.prepare('SELECT details FROM quality_result').pluck().all()).toEqual(['[]']);
    },
  },
  8: {
    insert(db) {
      db.prepare(
        `INSERT INTO wallchart_template (id, name, builtin, kind, level, version, body, created_at, updated_at, updated_by)
         VALUES ('T1', '村级挂图作战表', 'village-chart', 'villageChart', 'village', 3, '{"kind":"villageChart"}', @c, @u, @b)`,
      ).run(stamp);
    },
    check(db) {
      expect(db.prepare('SELECT name, builtin, version, body, updated_by FROM wallchart_template').get()).toEqual({
        name: '村级挂图作战表',
        builtin: 'village-chart',
        version: 3,
        body: '{"kind":"villageChart"}',
        updated_by: BY,
      });
      // Names are unique, as is the built-in a row came from.
      expect(() =>
        db.prepare("INSERT INTO wallchart_template (id, name, builtin, kind, level, version, body, created_at, updated_at, updated_by) VALUES ('T2', '村级挂图作战表', NULL, 'villageChart', 'village', 1, '{}', @c, @u, @b)").run(stamp),
      ).toThrow(/UNIQUE/);
    },
  },
  9: {
    insert(db) {
      // A round over township t1 using the shipped township checklist, scored and finished.
      db.prepare("INSERT INTO insp_round (id, name, period_start, period_end, theme, status, finished_at, created_at, updated_at, updated_by) VALUES ('R1', '2018年第一季度督查考核', '2018-01-01', '2018-03-31', '春季行动', 'finished', @c, @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO insp_round_template VALUES ('R1', 'township', 'tpl-township-v1')").run();
      db.prepare("INSERT INTO insp_group (id, round_id, name, inspectors, sort, created_at, updated_at, updated_by) VALUES ('G1', 'R1', '第一督查组', '[\"王五\"]', 1, @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO insp_target (id, round_id, target_type, ref_id, name, group_id, done, self_score, total, deducted_items, vetoed, sort, created_at, updated_at, updated_by) VALUES ('X1', 'R1', 'township', 't1', '酿溪镇', 'G1', 1, 960, 945, 1, 0, 1, @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO insp_score (id, target_id, item_id, value, note, created_at, updated_at, updated_by) VALUES ('S1', 'X1', 'township-3', 2, '两处错误', @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO insp_evidence (id, target_id, item_id, original_name, sha256, size, stored_path, created_at, updated_at, updated_by) VALUES ('E9', 'X1', 'township-3', '手册.jpg', 'cd', 5, 'evidence/cd/cd.jpg', @c, @u, @b)").run(stamp);
    },
    check(db) {
      expect(db.prepare("SELECT target_type, name FROM insp_template ORDER BY target_type").all()).toHaveLength(4);
      expect(db.prepare("SELECT total_max FROM insp_template_version WHERE id = 'tpl-township-v1'").pluck().get()).toBe(1000);
      expect(db.prepare("SELECT name, total, self_score, vetoed FROM insp_target WHERE id = 'X1'").get()).toEqual({ name: '酿溪镇', total: 945, self_score: 960, vetoed: 0 });
      expect(db.prepare("SELECT value, note FROM insp_score WHERE target_id = 'X1'").get()).toEqual({ value: 2, note: '两处错误' });
      expect(db.prepare("SELECT original_name FROM insp_evidence WHERE target_id = 'X1'").pluck().get()).toBe('手册.jpg');
      // A template version a round used cannot be deleted; a round name is unique; one score per item.
      expect(() => db.prepare("DELETE FROM insp_template_version WHERE id = 'tpl-township-v1'").run()).toThrow(/FOREIGN KEY/);
      expect(() => db.prepare("INSERT INTO insp_round (id, name, period_start, period_end, theme, status, created_at, updated_at, updated_by) VALUES ('R2', '2018年第一季度督查考核', '2018-01-01', '2018-03-31', '', 'open', 'a', 'a', 'a')").run()).toThrow(/UNIQUE/);
      expect(() => db.prepare("INSERT INTO insp_score (id, target_id, item_id, value, note, created_at, updated_at, updated_by) VALUES ('S2', 'X1', 'township-3', 1, '', 'a', 'a', 'a')").run()).toThrow(/UNIQUE/);
    },
  },
  10: {
    insert(db) {
      // A ledger item (with progress, a transition and evidence) and a monthly task.
      db.prepare(
        `INSERT INTO ledger_item (id, seq, source_kind, source_text, category, description, measures, lead_unit, responsible_unit,
          responsible_person, deadline, status, created_at, updated_at, updated_by)
         VALUES ('L1', 1, 'self_check', '2018年自查', '精准识别', '错评一户', '重新评议', '县扶贫办', '酿溪镇', '李四', '2018-03-31', 'in_progress', @c, @u, @b)`,
      ).run(stamp);
      db.prepare("INSERT INTO ledger_progress (id, item_id, note, created_at, updated_at, updated_by) VALUES ('P1', 'L1', '已入户核实', @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO ledger_transition (id, item_id, from_status, to_status, note, created_at, updated_at, updated_by) VALUES ('T1', 'L1', 'pending', 'in_progress', '', @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO ledger_evidence (id, item_id, original_name, sha256, size, stored_path, created_at, updated_at, updated_by) VALUES ('E1', 'L1', '照片.jpg', 'ab', 10, 'evidence/ab/ab.jpg', @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO monthly_task (id, month, seq, title, unit, deadline, created_at, updated_at, updated_by) VALUES ('M1', '2018-03', 1, '完成户档整理', '酿溪镇', '2018-03-20', @c, @u, @b)").run(stamp);
    },
    check(db) {
      expect(db.prepare("SELECT seq, status, deadline FROM ledger_item WHERE id = 'L1'").get()).toEqual({ seq: 1, status: 'in_progress', deadline: '2018-03-31' });
      expect(db.prepare("SELECT note FROM ledger_progress WHERE item_id = 'L1'").pluck().all()).toEqual(['已入户核实']);
      expect(db.prepare("SELECT count(*) FROM ledger_evidence WHERE item_id = 'L1'").pluck().get()).toBe(1);
      expect(db.prepare("SELECT title FROM monthly_task WHERE month = '2018-03'").pluck().all()).toEqual(['完成户档整理']);
      expect(db.prepare("SELECT name FROM code_item WHERE list = 'ledgerCategory' ORDER BY sort").pluck().all()).toEqual(['精准识别', '精准退出', '精准帮扶', '政策落实', '资金使用', '作风问题']);
      // 序号 is unique; the status is one of the four.
      expect(() => db.prepare("INSERT INTO ledger_item (id, seq, source_kind, source_text, category, description, measures, lead_unit, responsible_unit, responsible_person, deadline, status, created_at, updated_at, updated_by) VALUES ('L2', 1, 'other', '', '', '', '', '', '', '', '2018-01-01', 'pending', 'a', 'a', 'a')").run()).toThrow(/UNIQUE/);
      expect(() => db.prepare("UPDATE ledger_item SET status = 'done' WHERE id = 'L1'").run()).toThrow(/CHECK/);
    },
  },
  11: {
    insert(db) {
      // Written without keys: the triggers give 10组 and 十二组 their places after 2组 and 三组.
      const hh = db.prepare("INSERT INTO household (id, number, village_id, group_name, head_name, size, created_at, updated_at, updated_by) VALUES (?, ?, 'v7', ?, '', 1, @c, @u, @b)");
      hh.run('h11a', '4305221002070011', '10组', stamp);
      hh.run('h11b', '4305221002070012', '十二组', stamp);
      hh.run('h11c', '4305221002070013', '2组', stamp);
      hh.run('h11d', '4305221002070014', '三组', stamp);
    },
    check(db) {
      expect(db.prepare("SELECT group_name FROM household WHERE village_id = 'v7' ORDER BY sort_key").pluck().all()).toEqual(['1组', '2组', '三组', '10组', '十二组']);
      expect(db.prepare("SELECT n FROM group_numeral WHERE text = '二十一'").pluck().get()).toBe(21);
    },
  },
  12: {
    insert(db) {
      // An office's own status, saying what it counts as.
      db.prepare("INSERT INTO code_item (id, list, code, name, sort, active, kind, created_at, updated_at, updated_by) VALUES ('status:巩固户', 'status', '30', '巩固户', 30, 1, 'exited', @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO household (id, number, village_id, group_name, head_name, size, status, created_at, updated_at, updated_by) VALUES ('h12', '4305221002070120', 'v1', '1组', '', 1, '巩固户', @c, @u, @b)").run(stamp);
    },
    check(db) {
      expect(db.prepare("SELECT kind FROM code_item WHERE id = 'status:巩固户'").pluck().get()).toBe('exited');
      expect(db.prepare("SELECT status FROM household WHERE id = 'h12'").pluck().get()).toBe('巩固户');
      expect(() => db.prepare("UPDATE code_item SET kind = 'gone' WHERE id = 'status:巩固户'").run()).toThrow(/CHECK/);
    },
  },
  13: {
    insert(db) {
      // A remembered 值对照 choice, and one kept as it is.
      db.prepare("INSERT INTO value_map (id, list, raw, code_name, version, created_at, updated_at, updated_by) VALUES ('vm1', 'attribute', '五保户', '特困供养贫困户', 1, @c, @u, @b)").run(stamp);
      db.prepare("INSERT INTO value_map (id, list, raw, code_name, version, created_at, updated_at, updated_by) VALUES ('vm2', 'health', '长期慢性病患者', NULL, 1, @c, @u, @b)").run(stamp);
    },
    check(db) {
      expect(db.prepare("SELECT raw, code_name FROM value_map ORDER BY id").all()).toEqual([
        { raw: '五保户', code_name: '特困供养贫困户' },
        { raw: '长期慢性病患者', code_name: null },
      ]);
      // One choice per list and value.
      expect(() => db.prepare("INSERT INTO value_map (id, list, raw, code_name, version, created_at, updated_at, updated_by) VALUES ('vm3', 'attribute', '五保户', '低保贫困户', 1, 'a', 'a', 'a')").run()).toThrow(/UNIQUE/);
    },
  },
  14: {
    insert() {
      // Nothing new to write: the step adds a row.
    },
    check(db) {
      // 2018 sits between 2017 and 2019 (unless the office had entered its own, which stays).
      expect(db.prepare('SELECT year FROM poverty_line WHERE year BETWEEN 2016 AND 2020 ORDER BY year').pluck().all()).toEqual([2016, 2017, 2018, 2019, 2020]);
      // Fixture 4 entered the office's own 2018 figure: kept.
      expect(db.prepare('SELECT amount_fen FROM poverty_line WHERE year = 2018').pluck().get()).toBe(310000);
    },
  },
  15: {
    insert(db) {
      // An administrator and a township operator (fixture 1's first township).
      const t = db.prepare('SELECT id FROM township ORDER BY code LIMIT 1').pluck().get();
      const ins = db.prepare("INSERT INTO account (id, login, name, role, township_id, password_hash, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'scrypt$1024$8$1$AA==$AA==', @c, @u, @b)");
      ins.run('acc1', 'admin', '张三', 'admin', null, stamp);
      ins.run('acc2', 'xiang', '李四', 'township', t, stamp);
    },
    check(db) {
      expect(db.prepare('SELECT login, role, active, failed_count FROM account ORDER BY id').all()).toEqual([
        { login: 'admin', role: 'admin', active: 1, failed_count: 0 },
        { login: 'xiang', role: 'township', active: 1, failed_count: 0 },
      ]);
      // Logins are unique whatever the case; a township operator needs its township, others none.
      expect(() => db.prepare("INSERT INTO account (id, login, name, role, township_id, password_hash, created_at, updated_at, updated_by) VALUES ('x', 'ADMIN', 'x', 'admin', NULL, 'h', 'a', 'a', 'a')").run()).toThrow(/UNIQUE/);
      expect(() => db.prepare("INSERT INTO account (id, login, name, role, township_id, password_hash, created_at, updated_at, updated_by) VALUES ('y', 'y1', 'y', 'township', NULL, 'h', 'a', 'a', 'a')").run()).toThrow(/CHECK/);
    },
  },
  16: {
    insert(db) {
      // A change after the upgrade is logged; the rows from before are not (they had no log).
      db.prepare("UPDATE household SET head_name = '王秀兰', updated_at = @u, updated_by = @b WHERE id = 'h7'").run(stamp);
    },
    check(db) {
      const e = db.prepare("SELECT operator, action, household_id, changes, prev_hash IS NULL AS first FROM audit_log WHERE record_type = 'household' AND record_id = 'h7' AND action = 'update' ORDER BY seq DESC").get();
      expect(e).toEqual({ operator: BY, action: 'update', household_id: 'h7', changes: JSON.stringify({ head_name: ['王秀英', '王秀兰'] }), first: expect.any(Number) });
      expect(() => db.prepare("UPDATE audit_log SET operator = 'x'").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    },
  },
};

/** A database file at version `v`, written directly with better-sqlite3, holding the fixtures up to `v`. */
function oldDatabase(dir: string, v: number): void {
  const raw = new Sqlite(path.join(dir, DB_FILE));
  registerAuditFunctions(raw); // as the app's connections have them
  try {
    expect(migrate(raw, migrations, v)).toEqual(migrations.filter((m) => m.version <= v).map((m) => m.version));
    expect(schemaVersion(raw)).toBe(v);
    for (let k = 1; k <= v; k++) FIXTURES[k].insert(raw);
  } finally {
    raw.close();
  }
}

describe('a new data folder', () => {
  it('gets a database at the latest version, with foreign keys on and WAL journaling', async () => {
    const dir = tempDir();
    const db = await open(dir);
    expect(db.file).toBe(path.join(dir, DB_FILE));
    expect(schemaVersion(db.raw)).toBe(LATEST_VERSION);
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.raw.pragma('page_size', { simple: true })).toBe(16384);
    // Foreign keys really are enforced: a village of an unknown township is refused.
    expect(() =>
      db.raw
        .prepare("INSERT INTO village (id, township_id, code, name, created_at, updated_at, updated_by) VALUES ('v', 'nope', '1', 'x', '', '', '')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    // Nothing to back up for a new database.
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('has a fixture for every schema version (add one with each new migration)', () => {
    // Versions are 1, 2, … with no gaps, so the upgrade tests below cover every earlier version.
    expect(LATEST_VERSION).toBeGreaterThan(1);
    expect(migrations.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1));
    for (let v = 1; v <= LATEST_VERSION; v++) expect(FIXTURES[v], `fixture for v${v}`).toBeDefined();
  });

  it('reopens a current database without migrating or backing it up, keeping every row', async () => {
    const dir = tempDir();
    oldDatabase(dir, LATEST_VERSION);
    const db = await open(dir);
    expect(schemaVersion(db.raw)).toBe(LATEST_VERSION);
    for (let k = 1; k <= LATEST_VERSION; k++) FIXTURES[k].check(db.raw);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });
});

describe('migration 0012: what each status counts as', () => {
  it('marks the default statuses and repairs the national export\'s 「已脱贫」 and full-width brackets, history included', async () => {
    const dir = tempDir();
    oldDatabase(dir, 11);
    const raw = new Sqlite(path.join(dir, DB_FILE));
    const hh = raw.prepare("INSERT INTO household (id, number, village_id, group_name, head_name, size, status, created_at, updated_at, updated_by) VALUES (?, ?, 'v7', '1组', '', 1, ?, @c, @u, @b)");
    hh.run('hs1', '4305221002079001', '已脱贫', stamp);
    hh.run('hs2', '4305221002079002', '已脱贫（不再享受政策）', stamp);
    hh.run('hs3', '4305221002079003', '未脱贫', stamp);
    raw.prepare("INSERT INTO household_status (id, household_id, status, effective_date, created_at, updated_at, updated_by) VALUES ('st1', 'hs1', '已脱贫', '2017-12-01', @c, @u, @b)").run(stamp);
    raw.close();

    const db = await open(dir, () => new Date('2026-12-02T00:00:00.000Z'));
    const status = (id: string) => db.raw.prepare('SELECT status, updated_by FROM household WHERE id = ?').get(id);
    expect(status('hs1')).toEqual({ status: '已脱贫(享受政策)', updated_by: '系统（数据修复）' });
    expect(status('hs2')).toEqual({ status: '已脱贫(不再享受政策)', updated_by: '系统（数据修复）' });
    expect(status('hs3')).toEqual({ status: '未脱贫', updated_by: BY });
    expect(db.raw.prepare("SELECT status FROM household_status WHERE id = 'st1'").pluck().get()).toBe('已脱贫(享受政策)');
    const kinds = Object.fromEntries(db.raw.prepare("SELECT name, kind FROM code_item WHERE list = 'status'").all().map((r) => [(r as { name: string }).name, (r as { kind: string }).kind]));
    expect(kinds).toMatchObject({ 未脱贫: 'open', '已脱贫(享受政策)': 'exited', '已脱贫(不再享受政策)': 'exited', 注销: 'cancelled', 返贫: 'open', 预脱贫: 'open', 监测对象: 'open' });
    expect(db.raw.prepare("SELECT count(*) FROM code_item WHERE list <> 'status' AND kind IS NOT NULL").pluck().get()).toBe(0);
  });
});

describe('upgrading an existing database', () => {
  const earlier = Array.from({ length: LATEST_VERSION - 1 }, (_, i) => i + 1);

  it.each(earlier)('from version %i keeps the rows, reaches the latest version and leaves a readable backup', async (v) => {
    const dir = tempDir();
    oldDatabase(dir, v);

    const db = await open(dir, () => new Date('2024-03-05T06:07:08.900Z'));
    expect(schemaVersion(db.raw)).toBe(LATEST_VERSION);
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    for (let k = 1; k <= v; k++) FIXTURES[k].check(db.raw);
    // Tables of the later versions exist and accept their rows.
    for (let k = v + 1; k <= LATEST_VERSION; k++) FIXTURES[k].insert(db.raw);
    for (let k = v + 1; k <= LATEST_VERSION; k++) FIXTURES[k].check(db.raw);
    expect(db.raw.pragma('foreign_key_check')).toEqual([]);

    const backups = fs.readdirSync(path.join(dir, 'backups'));
    const pattern = new RegExp(`^before-migration-v${v}-.+\\.sqlite$`);
    const mine = backups.filter((f) => pattern.test(f));
    expect(mine).toEqual([`before-migration-v${v}-20240305T060708.sqlite`]);

    const backup = new Sqlite(path.join(dir, 'backups', mine[0]), { fileMustExist: true });
    try {
      expect(schemaVersion(backup)).toBe(v);
      for (let k = 1; k <= v; k++) FIXTURES[k].check(backup);
      const tables = backup.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
      if (v < 2) expect(tables).not.toContain('cadre');
    } finally {
      backup.close();
    }
  });
});

describe('migrate()', () => {
  const table = (db: Raw, name: string) => db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?").pluck().get(name);

  it('gives a new database the 2018 poverty line (2,995 yuan)', async () => {
    const db = await openDatabase(tempDir());
    expect(db.raw.prepare('SELECT amount_fen FROM poverty_line WHERE year = 2018').pluck().get()).toBe(299500);
    await db.close();
  });

  it('stops at the target version', () => {
    const db = new Sqlite(':memory:');
    expect(migrate(db, migrations, 1)).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    expect(table(db, 'township')).toBe(1);
    expect(table(db, 'cadre')).toBe(0);
    expect(migrate(db, migrations)).toEqual(migrations.slice(1).map((m) => m.version));
    expect(migrate(db, migrations)).toEqual([]);
    db.close();
  });

  it('leaves the database at the last complete step, without a partial table, when a step throws', () => {
    const db = new Sqlite(':memory:');
    const fake: Migration[] = [
      { version: 1, name: 'one', up: (d) => d.exec('CREATE TABLE a (x INTEGER)') },
      {
        version: 2,
        name: 'two',
        up: (d) => {
          d.exec('CREATE TABLE b (y INTEGER); INSERT INTO b VALUES (1);');
          d.exec('ALTER TABLE a ADD COLUMN z TEXT');
          throw new Error('step two failed');
        },
      },
      { version: 3, name: 'three', up: (d) => d.exec('CREATE TABLE c (z INTEGER)') },
    ];
    expect(() => migrate(db, fake)).toThrow('step two failed');
    expect(schemaVersion(db)).toBe(1);
    expect(table(db, 'a')).toBe(1);
    expect(table(db, 'b')).toBe(0);
    expect(table(db, 'c')).toBe(0);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('a')).toEqual(['x']);
    db.close();
  });
});
