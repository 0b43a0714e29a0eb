import type { Migration } from '../migrate';

/** Settings (county, operator, language) and the administrative divisions. */
export const m0001: Migration = {
  version: 1,
  name: 'settings and divisions',
  up: (db) => {
    db.exec(`
      CREATE TABLE setting (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE township (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE village (
        id TEXT PRIMARY KEY,
        township_id TEXT NOT NULL REFERENCES township(id) ON DELETE RESTRICT,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        is_poor INTEGER NOT NULL DEFAULT 0 CHECK (is_poor IN (0, 1)),
        population INTEGER CHECK (population IS NULL OR population >= 0),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX village_township ON village(township_id);
    `);
  },
};
