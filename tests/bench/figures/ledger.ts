/**
 * Ledger views over 10,000 items (with 20,000 progress notes and 5,000 evidence rows): the app's
 * listLedger (filters, view, per-view counts, latest progress, mapping) against a bare prepared
 * SELECT of the same rows in the same run. Target from the issue: a filtered view ≤ 50 ms.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../../electron/core/app/app';
import { listLedger } from '../../../electron/core/ledger/ledger-service';
import { setup } from '../../../electron/core/settings/service';
import { DEFAULT_COUNTY } from '../../../shared/domain/org';
import { DEFAULT_LEDGER_CATEGORIES, type LedgerFilter } from '../../../shared/domain/ledger';
import { addDays } from '../../../shared/ledger/views';
import { bestOf, type Bench, type Figure } from '../harness';

const N = 10_000;
const TODAY = '2026-11-25';
const STATUSES = ['pending', 'in_progress', 'awaiting_check', 'closed'] as const;

export const ledgerBench: Bench = {
  name: 'ledger views over 10k items',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-bench-ledger-'));
    const app = await openApp(dir, { now: () => new Date(`${TODAY}T10:00:00`) });
    try {
      await setup(app.ctx(), { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: 'bench', townships: DEFAULT_COUNTY.townships });
      await app.refresh();
      const raw = app.db.raw;
      const at = '2026-06-01T00:00:00.000Z';
      const ins = raw.prepare(
        `INSERT INTO ledger_item (id, seq, source_kind, source_text, category, description, measures, lead_unit, responsible_unit,
          responsible_person, deadline, status, closed_date, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, '县扶贫办', ?, ?, ?, ?, ?, ?, ?, 'bench')`,
      );
      const prog = raw.prepare("INSERT INTO ledger_progress (id, item_id, note, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 'bench')");
      const ev = raw.prepare("INSERT INTO ledger_evidence (id, item_id, original_name, sha256, size, stored_path, created_at, updated_at, updated_by) VALUES (?, ?, '照片.jpg', 'x', 1, 'evidence/x', ?, ?, 'bench')");
      raw.transaction(() => {
        for (let i = 0; i < N; i++) {
          const id = `item-${String(i).padStart(6, '0')}`;
          const status = STATUSES[i % 4];
          const deadline = addDays(TODAY, (i % 120) - 60);
          ins.run(
            id, i + 1, ['inspection', 'self_check', 'notice', 'other'][i % 4], `第${i % 12}轮督查`, DEFAULT_LEDGER_CATEGORIES[i % 6],
            `第${i}号问题：帮扶手册填写不规范，收入数据与系统不一致`, '逐户核实更正', DEFAULT_COUNTY.townships[i % 15].name, `责任人${i % 200}`,
            deadline, status, status === 'closed' ? TODAY : null, at, at,
          );
          for (let k = 0; k < 2; k++) prog.run(`${id}-p${k}`, id, `第${k + 1}次进展`, `2026-07-0${k + 1}T00:00:00.000Z`, at);
          if (i % 2 === 0) ev.run(`${id}-e`, id, at, at);
        }
      })();

      const d20 = addDays(TODAY, 20);
      // Each view, and the bare prepared SELECT of the same rows (no counts, no progress, no mapping).
      const filters: [string, LedgerFilter, () => unknown][] = [
        ['overdue, category 精准帮扶', { view: 'overdue', category: '精准帮扶' }, () => raw.prepare("SELECT * FROM ledger_item WHERE status != 'closed' AND deadline < ? AND category = ? ORDER BY deadline, seq").all(TODAY, '精准帮扶')],
        ['due ≤ 20 days, unit 酿溪镇', { view: 'due20', unit: '酿溪镇' }, () => raw.prepare("SELECT * FROM ledger_item WHERE status != 'closed' AND deadline BETWEEN ? AND ? AND (responsible_unit = ? OR lead_unit = ?) ORDER BY deadline, seq").all(TODAY, d20, '酿溪镇', '酿溪镇')],
        ['all, text search "第12"', { view: 'all', text: '第12' }, () => raw.prepare('SELECT * FROM ledger_item WHERE instr(description, ?) > 0 OR instr(source_text, ?) > 0 ORDER BY seq').all('第12', '第12')],
      ];
      const figures: Figure[] = [];
      for (const [label, f, bare] of filters) {
        let rows = 0;
        const appMs = await bestOf(5, () => {}, async () => {
          rows = (await listLedger(app.ctx(), f)).items.length;
        });
        const refMs = await bestOf(5, () => {}, () => void bare());
        figures.push({ name: `ledger view of ${N} items: ${label}`, value: appMs, unit: 'ms', reference: { name: 'bare SELECT of the same rows', value: refMs }, target: 50, note: `${rows} rows, with per-view counts` });
      }
      const allMs = await bestOf(3, () => {}, async () => void (await listLedger(app.ctx(), { view: 'all' })));
      const bareAll = raw.prepare('SELECT * FROM ledger_item ORDER BY seq');
      const bareAllMs = await bestOf(3, () => {}, () => void bareAll.all());
      figures.push({ name: `ledger view of ${N} items: all, unfiltered`, value: allMs, unit: 'ms', reference: { name: 'bare SELECT of all rows', value: bareAllMs }, note: `${N} rows with latest progress and counts` });
      return figures;
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
