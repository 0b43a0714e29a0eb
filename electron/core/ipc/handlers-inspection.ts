/** 督查考核's calls: services, dialogs for files (templates, evidence, exports), tasks for exports. */
import path from 'node:path';
import { dialogText } from '../app/dialog-text';
import type { App } from '../app/app';
import type { Handlers } from './handlers';
import type { HandlerDeps } from './handlers-roster';
import * as templates from '../inspection/template-service';
import * as rounds from '../inspection/round-service';
import { latestRanking, raiseFinding, roundResults } from '../inspection/results-service';
import { exportResultsXlsx } from '../inspection/results-xlsx';
import { roundBulletin } from '../inspection/round-bulletin';
import { ledgerOptions } from '../ledger/ledger-service';
import { writeFileAtomic } from '../files/atomic-write';
import { localDay } from '../../../shared/ledger/views';

type InspectionHandlers = Pick<Handlers, Extract<keyof Handlers, `inspection.${string}`>>;


export function inspectionHandlers(app: App, deps: HandlerDeps): InspectionHandlers {
  const c = () => app.ctx();
  return {
    'inspection.templates.list': () => templates.listTemplates(c()),
    'inspection.templates.save': (i) => templates.saveTemplate(c(), i),
    'inspection.templates.delete': (i) => templates.deleteTemplate(c(), i.id),
    'inspection.templates.export': async (i) => {
      const t = await templates.getTemplate(c(), i.id);
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({ title: tx('dialog.inspectionTemplateExport'), defaultName: tx('dialog.inspectionTemplateExport.file', { name: t.name, version: t.version }), filters: tx.filter('inspectionTemplate', ['json']) });
      if (!out) return null;
      await templates.exportTemplate(c(), i.id, out);
      return { name: path.basename(out) };
    },
    'inspection.templates.import': async () => {
      const tx = await dialogText(app);
      const p = await deps.dialogs.openFile({ title: tx('dialog.inspectionTemplateImport'), filters: tx.filter('inspectionTemplate', ['json']) });
      return p ? templates.importTemplate(c(), p) : null;
    },
    'inspection.rounds.list': () => rounds.listRounds(c()),
    'inspection.rounds.candidates': () => rounds.listCandidates(c()),
    'inspection.rounds.create': (i) => rounds.createRound(c(), i),
    'inspection.rounds.get': (i) => rounds.getRound(c(), i.id),
    'inspection.rounds.assign': (i) => rounds.assignTarget(c(), i.targetId, i.groupId),
    'inspection.rounds.finish': (i) => rounds.finishRound(c(), i.id),
    'inspection.rounds.reopen': (i) => rounds.reopenRound(c(), i.id),
    'inspection.rounds.delete': (i) => rounds.deleteRound(c(), i.id),
    'inspection.sheet.get': (i) => rounds.getSheet(c(), i.targetId),
    'inspection.sheet.save': (i) => rounds.saveSheet(c(), i),
    'inspection.evidence.add': async (i) => {
      const tx = await dialogText(app);
      const p = await deps.dialogs.openFile({ title: tx('dialog.pickEvidence'), filters: tx.filter('all', ['*']) });
      return p ? rounds.addEvidence(c(), app.dataDir, i.targetId, i.itemId, p) : null;
    },
    'inspection.evidence.open': async (i) => deps.dialogs.openPath(await rounds.evidenceFile(c(), app.dataDir, i.id)),
    'inspection.evidence.remove': (i) => rounds.removeEvidence(c(), i.id),
    'inspection.results': (i) => roundResults(c(), i.roundId),
    'inspection.results.export': async (i) => {
      const r = await roundResults(c(), i.roundId);
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({ title: tx('dialog.resultsExport'), defaultName: tx('dialog.resultsExport.file', { name: r.round.name }), filters: tx.filter('xlsx', ['xlsx']) });
      if (!out) return null;
      return deps.tasks.run(i.taskId, 'write', async (signal, report) => {
        report(0, 1);
        await exportResultsXlsx(r, out, signal);
        report(1, 1);
        return { name: path.basename(out) };
      });
    },
    'inspection.bulletin': async (i) => {
      const r = await rounds.getRound(c(), i.roundId);
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({ title: tx('dialog.inspectionBulletin'), defaultName: tx('dialog.inspectionBulletin.file', { name: r.name }), filters: tx.filter('pdf', ['pdf']) });
      if (!out) return null;
      return deps.tasks.run(i.taskId, 'write', async (signal, report) => {
        report(0, 1);
        const b = await roundBulletin(app, i.roundId, i.topN, signal);
        await writeFileAtomic(out, b.pdf);
        report(1, 1);
        return { name: path.basename(out), pages: b.pages };
      });
    },
    'inspection.finding.options': async () => ({ ...(await ledgerOptions(c())), today: localDay(c().now()) }),
    'inspection.finding.toLedger': (i) => raiseFinding(c(), i),
    'inspection.latest': () => latestRanking(c()),
  };
}
