import type { Migration } from '../migrate';

/**
 * The office's value mapping for imports (值对照): a code value a file uses that the office's
 * list does not have (the national export's 「已脱贫」, a township sheet's 「五保户」) and the list
 * entry the office chose for it, so the next import of such a file maps it the same way.
 * `code_name` NULL means "keep the file's value as it is" (also remembered).
 */
export const m0013: Migration = {
  version: 13,
  name: 'value mapping remembered for imports',
  up: (db) => {
    db.exec(`
      CREATE TABLE value_map (
        id TEXT PRIMARY KEY,
        list TEXT NOT NULL,
        raw TEXT NOT NULL,
        code_name TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (list, raw)
      );
    `);
  },
};
