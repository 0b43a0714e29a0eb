/** 审计日志: the log's calls. A township operator's filter is set to its township by the guard. */
import path from 'node:path';
import dayjs from 'dayjs';
import type { App } from '../app/app';
import type { Handlers } from './handlers';
import type { HandlerDeps } from './handlers-roster';
import { dialogText } from '../app/dialog-text';
import { auditOperatorList, exportAuditXlsx, listAuditPage, verifyAudit, verifyText } from '../audit/audit-service';

type AuditCalls = Pick<Handlers, 'audit.list' | 'audit.options' | 'audit.verify' | 'audit.export'>;

export function auditHandlers(app: App, deps: HandlerDeps): AuditCalls {
  return {
    'audit.list': (i) => listAuditPage(app, i.filter, { limit: i.limit, beforeSeq: i.beforeSeq }),
    'audit.options': () => auditOperatorList(app),
    'audit.verify': async (i) => {
      const tx = await dialogText(app);
      const r = await deps.tasks.run(i.taskId, 'verify', (signal, report) => verifyAudit(app, { signal, onProgress: report }));
      return { ...r, message: verifyText(r, tx.lang) };
    },
    'audit.export': async (i) => {
      const tx = await dialogText(app);
      const out = await deps.dialogs.saveFile({
        title: tx('dialog.auditExport'),
        defaultName: tx('dialog.auditExport.file', { date: dayjs(app.ctx().now()).format('YYYYMMDD') }),
        filters: tx.filter('xlsx', ['xlsx']),
      });
      if (!out) return null;
      const file = out.toLowerCase().endsWith('.xlsx') ? out : `${out}.xlsx`;
      return deps.tasks.run(i.taskId, 'write', async (signal, report) => {
        const r = await exportAuditXlsx(app, file, i.filter, tx.lang, { signal, onProgress: report });
        return { name: path.basename(file), ...r };
      });
    },
  };
}
