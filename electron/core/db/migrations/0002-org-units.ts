import type { Migration } from '../migrate';

/** Work promotion groups, supporting units, paired cadres and village-based teams. */
export const m0002: Migration = {
  version: 2,
  name: 'organisation units and cadres',
  up: (db) => {
    db.exec(`
      CREATE TABLE work_group (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        leader TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE TABLE work_group_township (
        group_id TEXT NOT NULL REFERENCES work_group(id) ON DELETE CASCADE,
        township_id TEXT NOT NULL REFERENCES township(id) ON DELETE RESTRICT,
        PRIMARY KEY (group_id, township_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX work_group_township_t ON work_group_township(township_id);

      CREATE TABLE support_unit (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE TABLE support_unit_village (
        unit_id TEXT NOT NULL REFERENCES support_unit(id) ON DELETE CASCADE,
        village_id TEXT NOT NULL REFERENCES village(id) ON DELETE RESTRICT,
        PRIMARY KEY (unit_id, village_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX support_unit_village_v ON support_unit_village(village_id);

      CREATE TABLE cadre (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        gender TEXT NOT NULL CHECK (gender IN ('男', '女')),
        id_number TEXT NOT NULL UNIQUE,
        unit TEXT NOT NULL DEFAULT '',
        post TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cadre_name ON cadre(name);

      CREATE TABLE village_team (
        id TEXT PRIMARY KEY,
        village_id TEXT NOT NULL UNIQUE REFERENCES village(id) ON DELETE RESTRICT,
        support_unit_id TEXT REFERENCES support_unit(id) ON DELETE RESTRICT,
        captain_id TEXT NOT NULL REFERENCES cadre(id) ON DELETE RESTRICT,
        term_start TEXT,
        term_end TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX village_team_unit ON village_team(support_unit_id);
      CREATE INDEX village_team_captain ON village_team(captain_id);
      CREATE TABLE village_team_member (
        team_id TEXT NOT NULL REFERENCES village_team(id) ON DELETE CASCADE,
        cadre_id TEXT NOT NULL REFERENCES cadre(id) ON DELETE RESTRICT,
        PRIMARY KEY (team_id, cadre_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX village_team_member_c ON village_team_member(cadre_id);
    `);
  },
};
