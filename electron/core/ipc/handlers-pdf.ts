/** The PDF printouts: roster list and household cards, written through a save dialog as tasks; opening them. */
import path from 'node:path';
import { dialogText } from '../app/dialog-text';
import type { App } from '../app/app';
import { AppError } from '../errors';
import type { Handlers } from './handlers';
import type { HandlerDeps } from './handlers-roster';
import { writeRosterPdf } from '../pdf/roster-pdf';
import { writeCards } from '../pdf/cards';
import { cardHousehold, villageName } from '../pdf/card-repo';
import { scopeNames } from '../pdf/roster-repo';

type PdfHandlers = Pick<Handlers, Extract<keyof Handlers, `pdf.${string}`>>;

export function pdfHandlers(app: App, deps: HandlerDeps): PdfHandlers {
  const c = () => app.ctx();
  return {
    'pdf.roster': async (i) => {
      const county = (await app.status()).county?.name ?? '';
      const scope = await scopeNames(app.db.kysely, i.filter);
      const where = scope.village ?? scope.township ?? county;
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({ title: tx('dialog.rosterPdf'), defaultName: tx(i.masked ? 'dialog.rosterPdf.filePublic' : 'dialog.rosterPdf.file', { where }), filters: tx.filter('pdf', ['pdf']) });
      if (!out) return null;
      return deps.tasks.run(i.taskId, 'write', async (signal, report) => {
        const r = await writeRosterPdf(c(), out, { filter: i.filter, masked: i.masked, notice: i.notice, signal, onProgress: report });
        return { name: path.basename(out), fileToken: deps.files.issue(out), ...r };
      });
    },
    'pdf.cards': async (i) => {
      let label: string | undefined;
      if (i.householdId) label = (await cardHousehold(app.db.kysely, i.householdId))?.head_name;
      else if (i.villageId) label = await villageName(app.db.kysely, i.villageId);
      if (!label) throw new AppError('NOT_FOUND', 'notFound');
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({ title: tx('dialog.cards'), defaultName: tx('dialog.cards.file', { label }), filters: tx.filter('pdf', ['pdf']) });
      if (!out) return null;
      return deps.tasks.run(i.taskId, 'write', async (signal, report) => {
        const r = await writeCards(c(), out, { villageId: i.villageId, householdId: i.householdId, signal, onProgress: report });
        return { name: path.basename(out), fileToken: deps.files.issue(out), ...r };
      });
    },
    'pdf.open': async (i) => {
      const p = deps.files.resolve(i.fileToken);
      if (!p) throw new AppError('VALIDATION', 'file.tokenUnknown');
      await deps.dialogs.openPath(p);
    },
  };
}
