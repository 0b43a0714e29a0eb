import type { Migration } from '../migrate';

/**
 * Rectification ledger (整改台账) and the monthly work responsibility breakdown (工作责任分解表),
 * domain.md §5–6. `seq` is the ledger's 序号: a running number that is never reused. The six
 * special actions become the editable code list `ledgerCategory`.
 */
const CATEGORIES = ['精准识别', '精准退出', '精准帮扶', '政策落实', '资金使用', '作风问题'];

export const m0010: Migration = {
  version: 10,
  name: 'rectification ledger and monthly tasks',
  up: (db) => {
    db.exec(`
      CREATE TABLE ledger_item (
        id TEXT PRIMARY KEY,
        seq INTEGER NOT NULL UNIQUE,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('inspection', 'self_check', 'notice', 'other')),
        source_text TEXT NOT NULL,
        source_round_id TEXT,
        source_target_id TEXT,
        source_item_id TEXT,
        category TEXT NOT NULL,
        description TEXT NOT NULL,
        measures TEXT NOT NULL,
        lead_unit TEXT NOT NULL,
        responsible_unit TEXT NOT NULL,
        responsible_person TEXT NOT NULL,
        deadline TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'in_progress', 'awaiting_check', 'closed')),
        closed_date TEXT,
        verify_note TEXT,
        verified_by TEXT,
        verified_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ledger_item_status_deadline ON ledger_item(status, deadline);
      CREATE INDEX ledger_item_deadline ON ledger_item(deadline);
      CREATE INDEX ledger_item_source_ref ON ledger_item(source_round_id, source_target_id, source_item_id);

      CREATE TABLE ledger_progress (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES ledger_item(id) ON DELETE CASCADE,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ledger_progress_item ON ledger_progress(item_id, created_at);

      CREATE TABLE ledger_transition (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES ledger_item(id) ON DELETE CASCADE,
        from_status TEXT NOT NULL,
        to_status TEXT NOT NULL,
        note TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ledger_transition_item ON ledger_transition(item_id, created_at);

      CREATE TABLE ledger_evidence (
        id TEXT PRIMARY KEY,
        item_id TEXT NOT NULL REFERENCES ledger_item(id) ON DELETE CASCADE,
        original_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        stored_path TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX ledger_evidence_item ON ledger_evidence(item_id);

      CREATE TABLE monthly_task (
        id TEXT PRIMARY KEY,
        month TEXT NOT NULL,
        seq INTEGER NOT NULL,
        title TEXT NOT NULL,
        unit TEXT NOT NULL,
        deadline TEXT NOT NULL,
        done_date TEXT,
        done_note TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (month, seq)
      ) STRICT;
      CREATE INDEX monthly_task_deadline ON monthly_task(deadline);
    `);
    const at = '2026-11-25T00:00:00.000Z';
    const item = db.prepare(
      "INSERT OR IGNORE INTO code_item (id, list, code, name, sort, active, created_at, updated_at, updated_by) VALUES (?, 'ledgerCategory', ?, ?, ?, 1, ?, ?, '系统')",
    );
    CATEGORIES.forEach((name, i) => item.run(`ledgerCategory:${name}`, String(i + 1).padStart(2, '0'), name, i + 1, at, at));
  },
};
