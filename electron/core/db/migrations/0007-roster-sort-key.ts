import type { Migration } from '../migrate';

/**
 * The roster list's order as one indexed column: `household.sort_key` = township code, village
 * code, group and household number joined by char(1) (which sorts below every character a code,
 * group or number holds), so ORDER BY sort_key is ORDER BY those four and a page of the list
 * walks one index without joins. Triggers keep it right however a row is written: a household
 * added, moved, renumbered or regrouped; a village recoded or moved; a township recoded. A new
 * row written without a key gets it computed; the bulk import passes the key itself (its test
 * checks those keys with the trigger removed) and the insert trigger does nothing. A partial
 * index finds a household's head (the list's head ID column) without reading member rows.
 *
 * Also: the stored data-quality findings keep their message keys and parameters (JSON), so the
 * English screens show English; `detail` keeps the Chinese text.
 */
const KEY = (village: string, group: string, number: string) =>
  `coalesce((SELECT t.code || char(1) || v.code FROM village v JOIN township t ON t.id = v.township_id WHERE v.id = ${village}), '')
   || char(1) || ${group} || char(1) || ${number}`;

export const SORT_KEY_SQL = KEY('household.village_id', 'household.group_name', 'household.number');

export const m0007: Migration = {
  version: 7,
  name: 'roster sort key and quality message keys',
  up: (db) => {
    db.exec(`
      ALTER TABLE household ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
      UPDATE household SET sort_key = ${SORT_KEY_SQL};
      CREATE INDEX household_sort ON household(sort_key);
      -- The list shows each household's head's ID number: one small covering index instead of member rows.
      CREATE INDEX person_head ON person(household_id, id_number) WHERE relation = '户主';

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

      ALTER TABLE quality_result ADD COLUMN details TEXT NOT NULL DEFAULT '[]';
    `);
  },
};
