import type { Migration } from '../migrate';

/**
 * What each 脱贫状态 counts as (`code_item.kind`: open / exited / cancelled), so that every count
 * uses one rule (shared/roster/status.ts) and an office that adds its own status says what it
 * counts as. Existing entries get the kind their name implies.
 *
 * It also repairs statuses stored by earlier imports in the national export's own spellings:
 * 「已脱贫」 (2017-era, before the split into 享受政策 / 不再享受政策: exited households kept their
 * policies then) becomes 已脱贫(享受政策), and full-width brackets become the list's own.
 * Frozen here: the rule in shared/ may change, this step may not.
 */
const kindOf = (name: string) => {
  const n = name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
  if (n.startsWith('已脱贫') || n === '脱贫' || n.startsWith('稳定脱贫')) return 'exited';
  if (n.startsWith('注销')) return 'cancelled';
  return 'open';
};

const REPAIRS: [string, string][] = [
  ['已脱贫', '已脱贫(享受政策)'],
  ['脱贫', '已脱贫(享受政策)'],
  ['已脱贫（享受政策）', '已脱贫(享受政策)'],
  ['已脱贫（不再享受政策）', '已脱贫(不再享受政策)'],
  ['已脱贫(享受政策）', '已脱贫(享受政策)'],
  ['已脱贫（享受政策)', '已脱贫(享受政策)'],
];

export const m0012: Migration = {
  version: 12,
  name: 'what each status counts as; legacy status spellings repaired',
  up: (db) => {
    db.exec(`ALTER TABLE code_item ADD COLUMN kind TEXT CHECK (kind IS NULL OR kind IN ('open', 'exited', 'cancelled'))`);
    const items = db.prepare(`SELECT id, name FROM code_item WHERE list = 'status'`).all() as { id: string; name: string }[];
    const setKind = db.prepare('UPDATE code_item SET kind = ? WHERE id = ?');
    for (const c of items) setKind.run(kindOf(c.name), c.id);
    const listed = new Set(items.map((c) => c.name));
    const at = new Date().toISOString();
    const fixHousehold = db.prepare(`UPDATE household SET status = ?, updated_at = ?, updated_by = '系统（数据修复）' WHERE status = ?`);
    const fixHistory = db.prepare('UPDATE household_status SET status = ? WHERE status = ?');
    for (const [from, to] of REPAIRS) {
      // Only where the office's list has the target and not the legacy text itself.
      if (!listed.has(to) || listed.has(from)) continue;
      fixHousehold.run(to, at, from);
      fixHistory.run(to, from);
    }
  },
};
