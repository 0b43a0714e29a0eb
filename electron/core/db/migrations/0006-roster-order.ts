import type { Migration } from '../migrate';

/** The roster list is ordered township → village → group → number: an index lets SQLite walk it in that order. */
export const m0006: Migration = {
  version: 6,
  name: 'roster order index',
  up: (db) => {
    db.exec('CREATE INDEX village_order ON village(township_id, code);');
  },
};
