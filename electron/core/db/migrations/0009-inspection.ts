import type { Migration } from '../migrate';
import { DEFAULT_TEMPLATES } from '../../../../shared/inspection/defaults';

/**
 * 督查考核 (domain.md §5): versioned checklists, rounds with their targets, inspection groups,
 * scores (integer tenths of a point) and evidence files. A round keeps the template version it
 * used (insp_round_template), so editing a checklist never changes past results.
 */
export const m0009: Migration = {
  version: 9,
  name: 'inspections and scoring',
  up: (db) => {
    db.exec(`
      CREATE TABLE insp_template (
        id TEXT PRIMARY KEY,
        target_type TEXT NOT NULL,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX insp_template_type ON insp_template(target_type);
      CREATE TABLE insp_template_version (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL REFERENCES insp_template(id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        sections TEXT NOT NULL,
        total_max INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (template_id, version)
      ) STRICT;

      CREATE TABLE insp_round (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        theme TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'finished')),
        finished_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE TABLE insp_round_template (
        round_id TEXT NOT NULL REFERENCES insp_round(id) ON DELETE CASCADE,
        target_type TEXT NOT NULL,
        version_id TEXT NOT NULL REFERENCES insp_template_version(id) ON DELETE RESTRICT,
        PRIMARY KEY (round_id, target_type)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX insp_round_template_v ON insp_round_template(version_id);

      CREATE TABLE insp_group (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES insp_round(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        inspectors TEXT NOT NULL,
        sort INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX insp_group_round ON insp_group(round_id, sort);

      CREATE TABLE insp_target (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES insp_round(id) ON DELETE CASCADE,
        target_type TEXT NOT NULL,
        ref_id TEXT,
        name TEXT NOT NULL,
        group_id TEXT REFERENCES insp_group(id) ON DELETE SET NULL,
        done INTEGER NOT NULL DEFAULT 0,
        self_score INTEGER,
        total INTEGER,
        deducted_items INTEGER NOT NULL DEFAULT 0,
        vetoed INTEGER NOT NULL DEFAULT 0,
        sort INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (round_id, target_type, ref_id)
      ) STRICT;
      CREATE INDEX insp_target_round ON insp_target(round_id, target_type, sort);

      CREATE TABLE insp_score (
        id TEXT PRIMARY KEY,
        target_id TEXT NOT NULL REFERENCES insp_target(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        value INTEGER,
        note TEXT NOT NULL,
        ledger_item_id TEXT,
        ledger_seq INTEGER,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (target_id, item_id)
      ) STRICT;

      CREATE TABLE insp_evidence (
        id TEXT PRIMARY KEY,
        target_id TEXT NOT NULL REFERENCES insp_target(id) ON DELETE CASCADE,
        item_id TEXT,
        original_name TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        stored_path TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      ) STRICT;
      CREATE INDEX insp_evidence_target ON insp_evidence(target_id);
    `);
    const at = '2026-11-25T00:00:00.000Z';
    const tpl = db.prepare("INSERT INTO insp_template (id, target_type, name, version, created_at, updated_at, updated_by) VALUES (?, ?, ?, 1, ?, ?, '系统')");
    const ver = db.prepare(
      "INSERT INTO insp_template_version (id, template_id, version, name, sections, total_max, created_at, updated_at, updated_by) VALUES (?, ?, 1, ?, ?, ?, ?, ?, '系统')",
    );
    for (const t of DEFAULT_TEMPLATES) {
      const total = t.sections.flatMap((s) => s.items).reduce((a, i) => a + i.max, 0);
      tpl.run(t.id, t.type, t.name, at, at);
      ver.run(`${t.id}-v1`, t.id, t.name, JSON.stringify(t.sections), total, at, at);
    }
  },
};
