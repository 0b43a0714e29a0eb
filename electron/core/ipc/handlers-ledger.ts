/** The ledger's and the monthly breakdown's calls: services, dialogs for files, tasks for exports. */
import path from 'node:path';
import { dialogText } from '../app/dialog-text';
import type { App } from '../app/app';
import type { Handlers } from './handlers';
import type { HandlerDeps } from './handlers-roster';
import * as ledger from '../ledger/ledger-service';
import * as monthly from '../ledger/monthly-service';
import { ledgerHome } from '../ledger/home-service';
import { exportLedgerXlsx, ledgerPdf, SOURCE_ZH } from '../ledger/ledger-export';
import { writeFileAtomic } from '../files/atomic-write';
import { bulletinPdf } from '../ledger/monthly-bulletin';
import { loadDocSettings } from '../settings/documents';
import type { LedgerFilter } from '../../../shared/domain/ledger';

type LedgerHandlers = Pick<Handlers, Extract<keyof Handlers, `ledger.${string}` | `monthly.${string}`>>;

export function filterText(f: LedgerFilter): string {
  const parts = [
    f.sourceKind && `问题来源：${SOURCE_ZH[f.sourceKind]}`,
    f.category && `问题类别：${f.category}`,
    f.unit && `单位：${f.unit}`,
    f.person && `责任人：${f.person}`,
    f.text && `检索：${f.text}`,
  ];
  return parts.filter(Boolean).join('　');
}

export function ledgerHandlers(app: App, deps: HandlerDeps): LedgerHandlers {
  const c = () => app.ctx();
  const county = async () => (await app.status()).county?.name ?? '';
  return {
    'ledger.list': (i) => ledger.listLedger(c(), i),
    'ledger.get': (i) => ledger.getLedgerItem(c(), i.id),
    'ledger.create': (i) => ledger.createLedgerItem(c(), i),
    'ledger.update': ({ id, expectedUpdatedAt, ...input }) => ledger.updateLedgerItem(c(), id, input, expectedUpdatedAt),
    'ledger.progress.add': (i) => ledger.addProgress(c(), i.id, i.note),
    'ledger.transition': (i) => ledger.transitionLedgerItem(c(), i),
    'ledger.evidence.add': async (i) => {
      const tx = await dialogText(app);
      const p = await deps.dialogs.openFile({ title: tx('dialog.pickEvidence'), filters: tx.filter('all', ['*']) });
      return p ? ledger.addEvidence(c(), app.dataDir, i.id, p) : null;
    },
    'ledger.evidence.open': async (i) => deps.dialogs.openPath(await ledger.evidenceFile(c(), app.dataDir, i.id)),
    'ledger.evidence.remove': (i) => ledger.removeEvidence(c(), i.id),
    'ledger.options': () => ledger.ledgerOptions(c()),
    'ledger.export': async ({ filter, format, taskId }) => {
      const tx = await dialogText(app);
      const name = `${tx('dialog.ledgerExport.file', { county: await county(), view: tx(`dialog.ledgerView.${filter.view}`) })}.${format}`;
      const filters = tx.filter(format, [format]);
      const out = await deps.dialogs.saveFile({ title: tx(`dialog.ledgerExport.${format}`), defaultName: name, filters });
      if (!out) return null;
      return deps.tasks.run(taskId, 'write', async (signal, report) => {
        const list = await ledger.listLedger(c(), filter);
        const ec = { county: await county(), view: filter.view, today: list.today, filterText: filterText(filter), signal, onProgress: report };
        if (format === 'xlsx') {
          const r = await exportLedgerXlsx(out, list.items, ec);
          return { name: path.basename(out), rows: r.rows, missing: [] };
        }
        const r = await ledgerPdf(list.items, ec);
        await writeFileAtomic(out, r.pdf);
        return { name: path.basename(out), rows: list.items.length, missing: r.missing };
      });
    },
    'ledger.home': () => ledgerHome(c()),
    'ledger.categories.list': () => ledger.listCategories(c()),
    'ledger.categories.save': (i) => ledger.saveCategory(c(), i),
    'monthly.months': () => monthly.listMonths(c()),
    'monthly.view': (i) => monthly.monthView(c(), i.month),
    'monthly.save': (i) => monthly.saveTask(c(), i),
    'monthly.delete': (i) => monthly.deleteTask(c(), i.id),
    'monthly.done': (i) => monthly.markDone(c(), i.id, i.note, i.date),
    'monthly.undo': (i) => monthly.undoDone(c(), i.id),
    'monthly.bulletin': async ({ month, taskId }) => {
      const v = await monthly.monthView(c(), month);
      const tx = await dialogText(app);
      const [year, mm] = month.split('-');
      const name = tx('dialog.bulletin.file', { county: await county(), year, month: Number(mm), mm });
      const out = await deps.dialogs.saveFile({ title: tx('dialog.bulletin.title'), defaultName: name, filters: tx.filter('pdf', ['pdf']) });
      if (!out) return null;
      return deps.tasks.run(taskId, 'write', async (signal) => {
        const r = await bulletinPdf({ county: await county(), issuer: (await loadDocSettings(c())).issuer, date: ledger.today(c()), assessment: v.assessment, tasks: v.tasks });
        signal.throwIfAborted();
        await writeFileAtomic(out, r.pdf);
        return { name: path.basename(out), missing: r.missing };
      });
    },
  };
}
