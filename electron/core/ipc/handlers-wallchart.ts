/** Wall-chart calls: templates, live preview (PDF bytes), export as a task, template files through dialogs. */
import path from 'node:path';
import { dialogText } from '../app/dialog-text';
import type { App } from '../app/app';
import { AppError } from '../errors';
import type { Handlers } from './handlers';
import type { HandlerDeps } from './handlers-roster';
import * as svc from '../wallchart/template-service';
import { exportTemplateFile, importTemplateFile } from '../wallchart/template-file';
import { renderTemplate } from '../wallchart/render';
import { writeChart } from '../wallchart/export';

type WallchartHandlers = Pick<Handlers, Extract<keyof Handlers, `wallchart.${string}`>>;

/** The live preview travels over IPC as base64: above this the user exports instead. */
export const PREVIEW_MAX_BYTES = 24 * 1024 * 1024;

export function wallchartHandlers(app: App, deps: HandlerDeps): WallchartHandlers {
  const c = () => app.ctx();
  return {
    'wallchart.templates.list': () => svc.listTemplates(c()),
    'wallchart.templates.get': (i) => svc.getTemplate(c(), i.id),
    'wallchart.templates.save': (i) => svc.saveTemplate(c(), i),
    'wallchart.templates.delete': (i) => svc.deleteTemplate(c(), i.id),
    'wallchart.templates.restore': () => svc.restoreDefaults(c()),
    'wallchart.templates.export': async (i) => {
      const t = await svc.getTemplate(c(), i.id);
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({ title: tx('dialog.wallchartTemplateExport'), defaultName: tx('dialog.wallchartTemplateExport.file', { name: t.name, version: t.version }), filters: tx.filter('wallchartTemplate', ['json']) });
      if (!out) return null;
      return exportTemplateFile(c(), i.id, out);
    },
    'wallchart.templates.import': async () => {
      const tx = await dialogText(app);
      const p = await deps.dialogs.openFile({ title: tx('dialog.wallchartTemplateImport'), filters: tx.filter('wallchartTemplate', ['json']) });
      if (!p) return null;
      const r = await importTemplateFile(c(), p);
      return { name: r.template.name, version: r.template.version, outcome: r.outcome, previousVersion: r.previousVersion };
    },
    'wallchart.preview': async (i) => {
      const r = await renderTemplate(c(), svc.checkBody(i.body), { villageId: i.villageId, townshipId: i.townshipId });
      if (r.pdf.length > PREVIEW_MAX_BYTES) throw new AppError('VALIDATION', 'wallchart.preview.tooBig', { mb: Math.round(r.pdf.length / 1048576) });
      return { pdfBase64: r.pdf.toString('base64'), sheets: r.sheets, bytes: r.pdf.length, missing: r.missing };
    },
    'wallchart.export': async (i) => {
      const body = svc.checkBody(i.body);
      const tx = await dialogText(app);
      const suffix = i.tile ? tx('dialog.wallchartExport.tile', { tile: i.tile }) : '';
      const out = await deps.dialogs.saveFile({ title: tx('dialog.wallchartExport'), defaultName: tx('dialog.wallchartExport.file', { name: i.name || tx('dialog.wallchartExport.defaultName'), suffix }), filters: tx.filter('pdf', ['pdf']) });
      if (!out) return null;
      return deps.tasks.run(i.taskId, 'render', async (signal, report) => {
        const r = await writeChart(c(), body, { villageId: i.villageId, townshipId: i.townshipId }, out, { tile: i.tile, signal, onProgress: (d, t, phase) => report(d, t, phase) });
        return { name: path.basename(out), sheets: r.sheets, pages: r.pages, missing: r.missing, token: deps.files.issue(out) };
      });
    },
    'wallchart.openExported': async (i) => {
      const p = deps.files.resolve(i.token);
      if (!p) throw new AppError('VALIDATION', 'file.tokenUnknown');
      await deps.dialogs.openPath(p);
    },
  };
}
