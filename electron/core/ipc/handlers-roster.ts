/** The roster's calls: list, household, code lists, import/export through dialogs, checks, tasks. */
import path from 'node:path';
import { dialogText } from '../app/dialog-text';
import type { App } from '../app/app';
import type { Dialogs, FileTokens } from '../app/dialogs';
import type { Tasks } from '../app/tasks';
import { AppError } from '../errors';
import type { Handlers } from './handlers';
import * as household from '../roster/household-service';
import * as roster from '../roster/roster-service';
import { commitImport, inspectImport, pendingImport, previewImport, scanImportValues, screenPreview } from '../roster/import-service';
import { writeErrorWorkbook } from '../roster/import-errors';
import { findingsOfRow } from '../roster/import-report';
import { exportRoster } from '../roster/export-service';
import { checkResults, checkSummary, runChecks } from '../roster/quality';
import type { FieldKey } from '../../../shared/roster/layout';
import { scopeOf } from '../auth/access';

export interface HandlerDeps {
  dialogs: Dialogs;
  files: FileTokens;
  tasks: Tasks;
}

type RosterHandlers = Pick<Handlers, Extract<keyof Handlers, `roster.${string}` | `tasks.${string}`>>;


export function rosterHandlers(app: App, deps: HandlerDeps): RosterHandlers {
  const c = () => app.ctx();
  const file = (token: string) => {
    const p = deps.files.resolve(token);
    if (!p) throw new AppError('VALIDATION', 'file.tokenUnknown');
    return p;
  };
  return {
    'roster.query': (i) => roster.queryRoster(c(), i),
    'roster.totals': (i) => roster.rosterTotals(c(), i),
    'roster.search': (i) => roster.searchRoster(c(), i.text, i.limit, scopeOf(app)),
    'roster.household.get': (i) => household.getHousehold(c(), i.id),
    'roster.household.save': (i) => household.saveHousehold(c(), i),
    'roster.household.delete': (i) => household.deleteHousehold(c(), i.id),
    'roster.household.setStatus': (i) => household.setStatus(c(), i),
    'roster.income.save': (i) => household.saveIncome(c(), i),
    'roster.income.delete': (i) => household.deleteDetail(c(), 'income', i.id),
    'roster.measure.save': (i) => household.saveMeasure(c(), i),
    'roster.measure.delete': (i) => household.deleteDetail(c(), 'measure', i.id),
    'roster.pairing.save': (i) => household.savePairing(c(), i),
    'roster.pairing.delete': (i) => household.deleteDetail(c(), 'pairing', i.id),
    'roster.codes.list': () => roster.listCodes(c()),
    'roster.codes.save': (i) => roster.saveCode(c(), i),
    'roster.lines.list': () => roster.listLines(c()),
    'roster.lines.save': (i) => roster.saveLine(c(), i.year, i.amountFen),
    'roster.lines.delete': (i) => roster.deleteLine(c(), i.year),

    'roster.import.pickFile': async () => {
      const tx = await dialogText(app);
      const p = await deps.dialogs.openFile({ title: tx('dialog.rosterImport'), filters: tx.filter('roster', ['xlsx', 'xls', 'csv', 'txt']) });
      return p ? { fileToken: deps.files.issue(p), name: path.basename(p) } : null;
    },
    'roster.import.inspect': async (i) => {
      const r = await inspectImport(file(i.fileToken), i.sheet);
      return { name: r.file, format: r.format, sheets: r.sheets, sheet: r.sheet, headerRow: r.mapping.headerRow, columns: r.mapping.columns, duplicates: r.mapping.duplicates, sample: r.sample };
    },
    'roster.import.values': (i) =>
      deps.tasks.run(i.taskId, 'read', async (signal, report) =>
        scanImportValues(c(), file(i.fileToken), {
          sheet: i.sheet,
          columns: i.columns.map((col) => ({ index: col.index, header: col.header, field: (col.field as FieldKey | null) ?? null })),
          signal,
          onProgress: (done, total) => report(done, total),
        }),
      ),
    'roster.import.preview': (i) =>
      deps.tasks.run(i.taskId, 'read', async (signal, report) => {
        const r = await previewImport(c(), file(i.fileToken), {
          sheet: i.sheet,
          columns: i.columns.map((col) => ({ index: col.index, header: col.header, field: (col.field as FieldKey | null) ?? null })),
          values: i.values?.map((v) => ({ field: v.field as FieldKey, raw: v.raw, code: v.code })),
          confirmUnmapped: i.confirmUnmapped,
          signal,
          onProgress: (done, total) => report(done, total),
        });
        return screenPreview(r);
      }),
    'roster.import.row': async (i) => {
      const p = pendingImport(i.token);
      if (!p) throw new AppError('CONFLICT', 'roster.import.stale');
      return findingsOfRow(p.plan.groups, i.row).map((f) => ({ ...f, column: f.column ?? null }));
    },
    'roster.import.commit': (i) => deps.tasks.run(i.taskId, 'write', async () => commitImport(c(), i.token)),
    'roster.import.saveErrors': async (i) => {
      const p = pendingImport(i.token);
      if (!p) throw new AppError('CONFLICT', 'roster.import.stale');
      const base = path.basename(p.path).replace(/\.[^.]+$/, '');
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({ title: tx('dialog.importErrors'), defaultName: tx('dialog.importErrors.file', { base }), filters: tx.filter('xlsx', ['xlsx']) });
      if (!out) return null;
      await writeErrorWorkbook(p.path, p.sheet, p.headerRow, p.plan, out);
      return { name: path.basename(out) };
    },
    'roster.export': async (i) => {
      const { county } = await app.status().then((s) => ({ county: s.county }));
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({ title: tx('dialog.rosterExport'), defaultName: tx('dialog.rosterExport.file', { county: county?.name ?? '' }), filters: tx.filter('xlsx', ['xlsx']) });
      if (!out) return null;
      return deps.tasks.run(i.taskId, 'write', async (signal, report) => {
        const r = await exportRoster(c(), out, i.filter, { signal, onProgress: (n) => report(n, 0) });
        return { name: path.basename(out), ...r };
      });
    },
    'roster.check.run': (i) => deps.tasks.run(i.taskId, 'check', (signal, report) => runChecks(c(), { signal, onProgress: report })),
    'roster.check.summary': () => checkSummary(c()),
    'roster.check.results': (i) => checkResults(c(), i),
    'tasks.progress': async (i) => deps.tasks.progress(i.taskId),
    'tasks.cancel': async (i) => deps.tasks.cancel(i.taskId),
  };
}
