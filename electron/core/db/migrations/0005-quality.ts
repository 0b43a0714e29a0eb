import type { Migration } from '../migrate';

/**
 * Data-quality checks (疑点核查): the results of the last county-wide run, one row per
 * household and rule (several findings of one rule in one household share a row, their
 * details joined), and when that run happened. A run replaces both in one transaction.
 */
export const m0005: Migration = {
  version: 5,
  name: 'data-quality check results',
  up: (db) => {
    db.exec(`
      CREATE TABLE quality_result (
        id INTEGER PRIMARY KEY,
        household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        rule TEXT NOT NULL,
        detail TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX quality_result_rule ON quality_result(rule, household_id);
      CREATE INDEX quality_result_household ON quality_result(household_id);

      CREATE TABLE quality_run (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        ran_at TEXT NOT NULL,
        ran_by TEXT NOT NULL,
        households INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
