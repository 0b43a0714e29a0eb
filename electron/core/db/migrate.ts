import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: (db: BetterSqlite3.Database) => void;
}

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations above the database's `user_version`, each in one transaction that
 * also bumps `user_version`, so a failure leaves the database at the last complete version.
 * `target` stops early (tests upgrade from every earlier version).
 */
export function migrate(db: BetterSqlite3.Database, all: readonly Migration[], target?: number): number[] {
  const applied: number[] = [];
  for (const m of all) {
    if (m.version <= schemaVersion(db)) continue;
    if (target !== undefined && m.version > target) break;
    db.transaction(() => {
      m.up(db);
      // user_version takes no bound parameter; m.version is a number from code.
      db.pragma(`user_version = ${Number(m.version)}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
