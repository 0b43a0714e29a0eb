import type { Migration } from '../migrate';

/**
 * The 2018 poverty line, missing from the defaults of migration 0004 (2017 and 2019 were
 * there): 2,995 yuan per person per year, the national line at 2018 prices as the statistics
 * bureau published it (2,300 yuan at 2010 prices, raised each year by the rural price index).
 * An office that had entered its own 2018 figure keeps it.
 */
export const m0014: Migration = {
  version: 14,
  name: 'poverty line 2018',
  up: (db) => {
    db.prepare(`INSERT INTO poverty_line (year, amount_fen, updated_at, updated_by) VALUES (2018, 299500, ?, '系统') ON CONFLICT (year) DO NOTHING`).run(new Date().toISOString());
  },
};
