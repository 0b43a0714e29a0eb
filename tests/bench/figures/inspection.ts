/**
 * 督查考核 at the size of the domain's first-quarter round (15 + 23 + 134 + 105 ≈ 277 targets),
 * rounded up: 300 targets × 60 items, scored through the services on a real database.
 * Figures: ranking the whole round (totals recomputed from 18,000 score rows, ranked per type)
 * against reading those rows alone; the bulletin PDF against a one-page pdfmake document.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../../electron/core/app/app';
import { setup } from '../../../electron/core/settings/service';
import { saveTemplate } from '../../../electron/core/inspection/template-service';
import { createRound, finishRound, getSheet, saveSheet } from '../../../electron/core/inspection/round-service';
import { roundResults } from '../../../electron/core/inspection/results-service';
import { roundScores } from '../../../electron/core/inspection/round-repo';
import { roundBulletin } from '../../../electron/core/inspection/round-bulletin';
import { renderPdf } from '../../../electron/core/pdf/engine';
import { DEFAULT_COUNTY } from '../../../shared/domain/org';
import type { ScoreMode, TemplateSection } from '../../../shared/domain/inspection';
import { bestOf, timed, type Bench } from '../harness';

const TARGETS = 300;
const ITEMS = 60;
const TYPES = ['基准乡镇', '基准单位', '基准工作队'];

function sections(): TemplateSection[] {
  const modes: ScoreMode[] = ['points', 'deduct', 'passfail', 'deduct'];
  return Array.from({ length: 6 }, (_, s) => ({
    title: `第${s + 1}部分`,
    items: Array.from({ length: ITEMS / 6 }, (_, i) => {
      const mode = s === 5 && i === 9 ? 'veto' : modes[i % 4];
      return { id: '', title: `检查项目${s + 1}-${i + 1}`, mode, max: mode === 'veto' ? 0 : 20, per: mode === 'deduct' ? 5 : 0, guidance: '' };
    }),
  }));
}

export const inspectionBench: Bench = {
  name: 'inspection',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-bench-insp-'));
    const app = await openApp(dir);
    try {
      const ctx = app.ctx();
      await setup(ctx, { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: '基准', townships: DEFAULT_COUNTY.townships });
      await app.refresh();
      for (const type of TYPES) await saveTemplate(app.ctx(), { targetType: type, name: `${type}检查表`, sections: sections() });
      const build = await timed(async () => {
        const c = app.ctx();
        const round = await createRound(c, {
          name: '基准督查考核',
          periodStart: '2017-03-20',
          periodEnd: '2017-03-27',
          theme: '春季行动',
          targets: Array.from({ length: TARGETS }, (_, i) => ({ type: TYPES[i % 3], refId: null, name: `考核对象${String(i + 1).padStart(3, '0')}` })),
          groups: [{ name: '第一督查组', inspectors: ['甲'] }],
        });
        let n = 0;
        for (const t of round.targets) {
          const sheet = await getSheet(c, t.id);
          const scores = sheet.sections.flatMap((s) =>
            s.items.map((it) => {
              n++;
              const v = it.mode === 'points' ? (n * 7) % 21 : it.mode === 'deduct' ? n % 4 : it.mode === 'passfail' ? n % 5 ? 1 : 0 : n % 97 === 0 ? 1 : 0;
              return { itemId: it.id, value: v, note: v && it.mode === 'veto' ? '基准否决' : '' };
            }),
          );
          await saveSheet(c, { targetId: t.id, selfScore: null, scores });
        }
        return finishRound(c, round.id);
      });
      const roundId = build.result.id;
      let ranked = 0;
      const rank = await bestOf(5, () => {}, async () => {
        const r = await roundResults(app.ctx(), roundId);
        ranked = r.rankings.reduce((a, k) => a + k.rows.length, 0);
      });
      const read = await bestOf(5, () => {}, async () => void (await roundScores(app.db.kysely, roundId)));
      let pages = 0;
      const bulletin = await bestOf(3, () => {}, async () => {
        pages = (await roundBulletin(app, roundId, 3)).pages;
      });
      const onePage = await bestOf(3, () => {}, async () => void (await renderPdf({ pageSize: 'A4', content: [{ text: '关于督查考核情况的通报', font: 'Serif', fontSize: 22 }, { text: '各乡镇人民政府：现将有关情况通报如下。', fontSize: 16 }] })));
      return [
        {
          name: `rank a round of ${TARGETS} targets × ${ITEMS} items`,
          value: rank,
          unit: 'ms',
          reference: { name: `read its ${TARGETS * ITEMS} score rows`, value: read },
          target: 100,
          note: `${ranked} ranked; scoring the round through saveSheet took ${(build.ms / 1000).toFixed(1)} s`,
        },
        {
          name: `bulletin PDF, ${TARGETS} targets`,
          value: bulletin,
          unit: 'ms',
          reference: { name: 'one-page pdfmake document', value: onePage },
          target: 2000,
          note: `${pages} pages`,
        },
      ];
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
