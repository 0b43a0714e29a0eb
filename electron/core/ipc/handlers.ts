/** Maps every contract call to its service function. The type makes a missing call a compile error. */
import type { App } from '../app/app';
import type { CallName, CallOutput, ParsedInput } from '../../../shared/ipc/contract';
import { setup, updateSettings } from '../settings/service';
import { loadDocSettings, saveDocSettings } from '../settings/documents';
import * as divisions from '../org/divisions-service';
import * as units from '../org/units-service';
import * as people from '../org/people-service';
import { countAll } from '../org/people-repo';
import { rosterHandlers, type HandlerDeps } from './handlers-roster';
import { wallchartHandlers } from './handlers-wallchart';
import { ledgerHandlers } from './handlers-ledger';
import { inspectionHandlers } from './handlers-inspection';
import { pdfHandlers } from './handlers-pdf';
import { backupHandlers } from './handlers-backup';
import { authHandlers } from './handlers-auth';
import { auditHandlers } from './handlers-audit';
import { checkFirstAdmin, createFirstAdmin } from '../auth/auth-service';
import { AppError } from '../errors';
import { FileTokens, noDialogs } from '../app/dialogs';
import { Tasks } from '../app/tasks';

export type Handlers = { [K in CallName]: (input: ParsedInput<K>) => Promise<CallOutput<K>> };

export function createHandlers(app: App, deps: Partial<HandlerDeps> = {}): Handlers {
  const c = () => app.ctx();
  const full: HandlerDeps = { dialogs: deps.dialogs ?? noDialogs, files: deps.files ?? new FileTokens(), tasks: deps.tasks ?? new Tasks() };
  return {
    ...rosterHandlers(app, full),
    ...wallchartHandlers(app, full),
    ...ledgerHandlers(app, full),
    ...inspectionHandlers(app, full),
    ...pdfHandlers(app, full),
    ...backupHandlers(app, full),
    ...auditHandlers(app, full),
    ...authHandlers(app),
    'app.status': () => app.status(),
    'app.setup': async (i) => {
      const { admin, ...county } = i;
      if (admin) await checkFirstAdmin(app, { login: admin.login, name: i.operator, password: admin.password });
      await setup(c(), county);
      await app.refresh();
      // The first administrator, named like the operator, signed in at once.
      if (admin && !app.auth.hasAccounts) await createFirstAdmin(app, { login: admin.login, name: i.operator, password: admin.password });
      return app.status();
    },
    'settings.update': async (i) => {
      if (i.operator !== undefined && app.auth.hasAccounts) throw new AppError('VALIDATION', 'auth.operatorSetting', {}, { field: 'operator' });
      await updateSettings(c(), i);
      await app.refresh();
      return app.status();
    },
    'settings.documents.get': () => loadDocSettings(c()),
    'settings.documents.save': (i) => saveDocSettings(c(), i),
    'org.counts': () => countAll(app.db.kysely),
    'org.townships.list': () => divisions.listTownships(c()),
    'org.townships.save': (i) => divisions.saveTownship(c(), i),
    'org.townships.delete': (i) => divisions.deleteTownship(c(), i.id),
    'org.villages.list': (i) => divisions.listVillages(c(), i.townshipId),
    'org.villages.save': (i) => divisions.saveVillage(c(), i),
    'org.villages.delete': (i) => divisions.deleteVillage(c(), i.id),
    'org.groups.list': () => units.listGroups(c()),
    'org.groups.save': (i) => units.saveGroup(c(), i),
    'org.groups.delete': (i) => units.deleteGroup(c(), i.id),
    'org.units.list': () => units.listUnits(c()),
    'org.units.save': (i) => units.saveUnit(c(), i),
    'org.units.delete': (i) => units.deleteUnit(c(), i.id),
    'org.teams.list': () => people.listTeams(c()),
    'org.teams.save': (i) => people.saveTeam(c(), i),
    'org.teams.delete': (i) => people.deleteTeam(c(), i.id),
    'org.cadres.list': () => people.listCadres(c()),
    'org.cadres.save': (i) => people.saveCadre(c(), i),
    'org.cadres.delete': (i) => people.deleteCadre(c(), i.id),
  };
}
