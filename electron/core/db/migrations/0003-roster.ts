import type { Migration } from '../migrate';

/**
 * The household roster (建档立卡): households, their members, status history, income per year,
 * assistance measures, cadre pairings, editable code lists and the poverty line per year.
 * Money is integer 分 (fen).
 */
export const m0003: Migration = {
  version: 3,
  name: 'household roster',
  up: (db) => {
    db.exec(`
      CREATE TABLE code_item (
        id TEXT PRIMARY KEY,
        list TEXT NOT NULL,
        code TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        sort INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (list, name)
      ) STRICT;

      CREATE TABLE poverty_line (
        year INTEGER PRIMARY KEY,
        amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;

      CREATE TABLE household (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        village_id TEXT NOT NULL REFERENCES village(id) ON DELETE RESTRICT,
        group_name TEXT NOT NULL DEFAULT '',
        attribute TEXT NOT NULL DEFAULT '',
        main_cause TEXT NOT NULL DEFAULT '',
        secondary_causes TEXT NOT NULL DEFAULT '',
        identified_year INTEGER,
        status TEXT NOT NULL DEFAULT '未脱贫',
        monitor_type TEXT NOT NULL DEFAULT '',
        planned_exit_year INTEGER,
        exit_year INTEGER,
        dangerous_house TEXT NOT NULL DEFAULT '',
        water_safe TEXT NOT NULL DEFAULT '',
        water_difficult TEXT NOT NULL DEFAULT '',
        reported_income_fen INTEGER,
        phone TEXT NOT NULL DEFAULT '',
        head_name TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX household_village ON household(village_id, group_name, number);
      CREATE INDEX household_by_status ON household(status);
      CREATE INDEX household_phone ON household(phone) WHERE phone <> '';

      CREATE TABLE person (
        id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        number TEXT NOT NULL DEFAULT '',
        name TEXT NOT NULL,
        id_number TEXT NOT NULL UNIQUE,
        id_rev TEXT NOT NULL,
        relation TEXT NOT NULL DEFAULT '',
        gender TEXT NOT NULL DEFAULT '',
        birth_date TEXT NOT NULL DEFAULT '',
        ethnicity TEXT NOT NULL DEFAULT '',
        education TEXT NOT NULL DEFAULT '',
        school_status TEXT NOT NULL DEFAULT '',
        health TEXT NOT NULL DEFAULT '',
        skill TEXT NOT NULL DEFAULT '',
        work_status TEXT NOT NULL DEFAULT '',
        work_months INTEGER CHECK (work_months IS NULL OR work_months BETWEEN 0 AND 12),
        insured TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        sort INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX person_household ON person(household_id, sort);
      CREATE INDEX person_name ON person(name);
      CREATE INDEX person_id_rev ON person(id_rev);
      CREATE INDEX person_phone ON person(phone) WHERE phone <> '';

      CREATE TABLE household_status (
        id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        status TEXT NOT NULL,
        monitor_type TEXT NOT NULL DEFAULT '',
        effective_date TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX household_status_h ON household_status(household_id, effective_date);

      CREATE TABLE income (
        id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        production_fen INTEGER NOT NULL DEFAULT 0,
        wage_fen INTEGER NOT NULL DEFAULT 0,
        property_fen INTEGER NOT NULL DEFAULT 0,
        transfer_fen INTEGER NOT NULL DEFAULT 0,
        cost_fen INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (household_id, year)
      ) STRICT;

      CREATE TABLE measure (
        id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        year INTEGER NOT NULL,
        category TEXT NOT NULL,
        content TEXT NOT NULL DEFAULT '',
        amount_fen INTEGER,
        support_unit_id TEXT REFERENCES support_unit(id) ON DELETE RESTRICT,
        date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX measure_household ON measure(household_id, year);
      CREATE INDEX measure_unit ON measure(support_unit_id) WHERE support_unit_id IS NOT NULL;

      CREATE TABLE pairing (
        id TEXT PRIMARY KEY,
        cadre_id TEXT NOT NULL REFERENCES cadre(id) ON DELETE RESTRICT,
        household_id TEXT NOT NULL REFERENCES household(id) ON DELETE CASCADE,
        start_date TEXT,
        end_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX pairing_cadre ON pairing(cadre_id);
      CREATE INDEX pairing_household ON pairing(household_id);
    `);
  },
};
