import type { Migration } from '../migrate';
import { groupNumerals, NO_GROUP_NUMBER, NUMERAL_CHARS } from '../../../../shared/roster/group-order';

/**
 * The roster list orders 组 by their number (2组 before 10组, 三组 before 十二组), as the
 * printouts do: the group's part of `household.sort_key` becomes its number in five digits
 * followed by its name. Numbers are read in SQL, so the triggers of migration 0007 keep working
 * for every write: ASCII digits by CAST, Chinese numerals through a small table (group_numeral)
 * looked up by the group name's first three, two, then one characters. shared/roster/group-order.ts
 * computes the same key for the importer (its test compares the two).
 */
const substr = (g: string, len: number) => `(SELECT n FROM group_numeral WHERE text = substr(${g}, 1, ${len}))`;
const lengths = Array.from({ length: NUMERAL_CHARS }, (_, i) => NUMERAL_CHARS - i);
export const GROUP_KEY = (g: string) =>
  `printf('%05d', CASE WHEN ${g} GLOB '[0-9]*' THEN min(CAST(${g} AS INTEGER), ${NO_GROUP_NUMBER})
     ELSE coalesce(${lengths.map((len) => substr(g, len)).join(', ')}, ${NO_GROUP_NUMBER}) END) || ${g}`;

const KEY = (village: string, group: string, number: string) =>
  `coalesce((SELECT t.code || char(1) || v.code FROM village v JOIN township t ON t.id = v.township_id WHERE v.id = ${village}), '')
   || char(1) || ${GROUP_KEY(group)} || char(1) || ${number}`;

export const SORT_KEY_SQL = KEY('household.village_id', 'household.group_name', 'household.number');

export const m0011: Migration = {
  version: 11,
  name: 'groups in counting order in the roster sort key',
  up: (db) => {
    db.exec(`
      CREATE TABLE group_numeral (text TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
      DROP TRIGGER household_sort_insert;
      DROP TRIGGER household_sort_update;
      DROP TRIGGER village_sort_update;
      DROP TRIGGER township_sort_update;
    `);
    const ins = db.prepare('INSERT INTO group_numeral (text, n) VALUES (?, ?)');
    for (const [text, n] of groupNumerals()) ins.run(text, n);
    db.exec(`
      UPDATE household SET sort_key = ${SORT_KEY_SQL};
      CREATE TRIGGER household_sort_insert AFTER INSERT ON household
      WHEN NEW.sort_key = ''
      BEGIN
        UPDATE household SET sort_key = ${SORT_KEY_SQL} WHERE id = NEW.id;
      END;
      CREATE TRIGGER household_sort_update AFTER UPDATE OF village_id, group_name, number, sort_key ON household
      WHEN NEW.sort_key IS NOT ${KEY('NEW.village_id', 'NEW.group_name', 'NEW.number')}
      BEGIN
        UPDATE household SET sort_key = ${SORT_KEY_SQL} WHERE id = NEW.id;
      END;
      CREATE TRIGGER village_sort_update AFTER UPDATE OF code, township_id ON village
      WHEN OLD.code IS NOT NEW.code OR OLD.township_id IS NOT NEW.township_id
      BEGIN
        UPDATE household SET sort_key = ${SORT_KEY_SQL} WHERE village_id = NEW.id;
      END;
      CREATE TRIGGER township_sort_update AFTER UPDATE OF code ON township
      WHEN OLD.code IS NOT NEW.code
      BEGIN
        UPDATE household SET sort_key = ${SORT_KEY_SQL} WHERE village_id IN (SELECT id FROM village WHERE township_id = NEW.id);
      END;
    `);
  },
};
