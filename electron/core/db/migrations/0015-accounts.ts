import type { Migration } from '../migrate';

/**
 * Local accounts (账号): who may sign in, with which role — 县级管理员 (admin), 乡镇操作员
 * (township: its own township's roster, charts and ledger only) or 只读 (readonly). Passwords are
 * kept as scrypt hashes with their parameters (`scrypt$N$r$p$salt$hash`, base64). Wrong
 * passwords are counted per account; after five, the next try must wait (`retry_after`).
 */
export const m0015: Migration = {
  version: 15,
  name: 'accounts and roles',
  up: (db) => {
    db.exec(`
      CREATE TABLE account (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL COLLATE NOCASE UNIQUE,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'township', 'readonly')),
        township_id TEXT REFERENCES township(id),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        failed_count INTEGER NOT NULL DEFAULT 0,
        retry_after TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        CHECK ((role = 'township') = (township_id IS NOT NULL))
      );
    `);
  },
};
