import type { Migration } from '../migrate';

/**
 * Wall-chart templates (挂图作战). The design itself is one JSON document (`body`, validated by
 * shared/domain/wallchart.ts on every read and write); `version` goes up on every save, so a
 * template file issued by the county can be told apart from an older copy. `builtin` names the
 * shipped default a row was installed from (restorable), NULL for an office's own template.
 */
export const m0008: Migration = {
  version: 8,
  name: 'wall-chart templates',
  up: (db) => {
    db.exec(`
      CREATE TABLE wallchart_template (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        builtin TEXT UNIQUE,
        kind TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('village', 'township', 'county')),
        version INTEGER NOT NULL CHECK (version >= 1),
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
    `);
  },
};
