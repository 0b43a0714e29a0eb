/**
 * Who may make which call, once the database has accounts (enforced in the main process by the
 * dispatcher's guard; the screens only follow it):
 * - public: before signing in (status, signing in, first-run setup) and task progress;
 * - read: any signed-in account (a township operator's reads are narrowed to its township);
 * - edit: households of the roster — administrators, and township operators in their township;
 * - admin: everything else that writes, and county-wide work (imports, backups, restores,
 *   accounts, code lists, organisation, inspections, ledger, monthly tasks, templates).
 * Read-only accounts make public and read calls only.
 *
 * A damaged database (its rescue state, electron/core/ipc/serve.ts) has no sessions: the accounts
 * are in the file that cannot be read. Only the calls of a restore over it are answered then, to
 * anyone at the keyboard (RESCUE_CALLS); every other call answers that the database is damaged.
 * Outside the rescue state these calls keep their class above (backup.rescue: admin, and refused
 * anyway while the database is whole).
 */
import type { Role } from '../domain/account';

export type Access = 'public' | 'read' | 'edit' | 'admin';

const PUBLIC = new Set(['app.status', 'app.setup', 'auth.login', 'auth.logout', 'auth.unlock', 'auth.lock', 'auth.createAdmin', 'tasks.progress', 'tasks.cancel', 'settings.update']);
const EDIT = new Set([
  'roster.household.save',
  'roster.household.delete',
  'roster.household.setStatus',
  'roster.income.save',
  'roster.income.delete',
  'roster.measure.save',
  'roster.measure.delete',
  'roster.pairing.save',
  'roster.pairing.delete',
]);
/** Reads that are admin-only all the same: a whole county's data in one file, or an account list. */
const ADMIN_READS = new Set(['backup.list', 'backup.create', 'backup.pick', 'backup.inspect', 'auth.accounts.list']);
/** Calls that change nothing in the database (lists, pages, exports to files, previews). */
const READ_VERB = /\.(list|get|query|totals|search|options|summary|results|home|months|view|latest|candidates|counts|preview|export|bulletin|open|openExported|roster|cards|pickFile|inspect|values|row|saveErrors|progress)$/;
const SELF = new Set(['auth.password.change']);

/** The calls answered in the rescue state, without a session: the backups listed, one inspected or picked, restored in place of the damaged file, the restore's progress. */
export const RESCUE_CALLS = ['backup.list', 'backup.inspect', 'backup.pick', 'backup.rescue', 'tasks.progress', 'tasks.cancel'] as const;
const RESCUE = new Set<string>(RESCUE_CALLS);

/** Whether `name` is answered while the database is damaged (no session is asked for then). */
export function rescueAllows(name: string): boolean {
  return RESCUE.has(name);
}

export function accessOf(name: string): Access {
  if (PUBLIC.has(name)) return 'public';
  if (EDIT.has(name)) return 'edit';
  if (ADMIN_READS.has(name) || name === 'backup.rescue') return 'admin';
  if (SELF.has(name)) return 'read';
  if (name.startsWith('roster.import.') && name !== 'roster.import.row') return 'admin';
  if (READ_VERB.test(name)) return 'read';
  return 'admin';
}

export function allowed(role: Role, access: Access): boolean {
  if (access === 'public' || access === 'read') return true;
  if (access === 'edit') return role === 'admin' || role === 'township';
  return role === 'admin';
}
