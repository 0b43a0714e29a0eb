/**
 * Wall-chart figures: the village chart for 300 households at A1 (1 + 3 sheets), against a
 * bare pdfmake table of the same 300 rows and columns rendered in the same run.
 */
import { DEFAULT_STATUS_RULE } from '../../../shared/roster/status';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp } from '../../../electron/core/app/app';
import { createDispatcher } from '../../../electron/core/ipc/dispatch';
import { createHandlers } from '../../../electron/core/ipc/handlers';
import { DEFAULT_COUNTY } from '../../../shared/domain/org';
import { renderPdf } from '../../../electron/core/pdf/engine';
import { findTemplate } from '../../../electron/core/wallchart/template-service';
import { renderTemplate } from '../../../electron/core/wallchart/render';
import { villageChartData } from '../../../electron/core/wallchart/chart-data';
import { readCharts } from '../../../electron/core/wallchart/chart-repo';
import { seedVillage } from '../../unit/wallchart-fixture';
import { bestOf, type Bench } from '../harness';

export const wallchartBench: Bench = {
  name: 'wallchart village chart',
  async run() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fupin-bench-wallchart-'));
    const app = await openApp(dir, { now: () => new Date('2017-04-30T08:00:00Z') });
    try {
      const dispatch = createDispatcher(createHandlers(app), () => {});
      const call = async (name: string, input: unknown) => {
        const r = await dispatch(name as never, input as never);
        if (!r.ok) throw new Error(r.error.message);
        return r.value as never;
      };
      await call('app.setup', { countyCode: DEFAULT_COUNTY.code, countyName: DEFAULT_COUNTY.name, operator: '测速', townships: DEFAULT_COUNTY.townships });
      await app.refresh();
      const townships: { id: string; code: string }[] = await call('org.townships.list', {});
      const f = await seedVillage(app, call as never, { households: 300, townshipId: townships.find((t) => t.code === '430522100')!.id });
      const ctx = app.ctx();
      const tpl = (await findTemplate(ctx, 'village-chart'))!;
      let sheets = 0;
      // The first chart of a process also reads the font files and warms pdfkit: reported as a note.
      const t0 = performance.now();
      await renderTemplate(ctx, tpl.body, { villageId: f.villageId });
      const cold = performance.now() - t0;
      const chart = await bestOf(3, () => {}, async () => {
        sheets = (await renderTemplate(ctx, tpl.body, { villageId: f.villageId })).sheets;
      });
      const rows = (await readCharts(app.db, (r) => villageChartData(r, r.villageById(f.villageId)!, tpl.body, { county: '新邵县', dataDate: '2017-04-30', status: DEFAULT_STATUS_RULE }))).households;
      const bare = await bestOf(3, () => {}, async () => {
        await renderPdf({
          pageSize: 'A1',
          pageOrientation: 'landscape',
          content: [
            {
              table: {
                headerRows: 1,
                body: [
                  ['序号', '组', '户主', '人口', '属性', '致贫原因', '责任人', '帮扶措施', '收入', '教育', '医疗', '住房', '饮水', '年度', '状态'],
                  ...rows.map((h) => [String(h.seq), h.group, h.head, String(h.size), h.attribute, h.cause, h.cadre, h.measures, String(h.income ?? ''), h.education, h.medical, h.housing, h.water, String(h.exitYear ?? ''), h.statusLabel]),
                ],
              },
              fontSize: 16,
            },
          ],
        });
      });
      return [
        {
          name: `village chart, 300 households, A1 (${sheets} sheets)`,
          value: chart,
          unit: 'ms',
          reference: { name: 'bare pdfmake table of the same 300 rows', value: bare },
          target: 1000,
          note: `best of 3 after a first (cold) run of ${Math.round(cold)} ms`,
        },
      ];
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
