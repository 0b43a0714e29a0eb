/**
 * Accounts, signing in and the screen lock. The session (who is signed in, since when idle,
 * locked or not) belongs to the open App: one window, one session. Until a database has its
 * first account nothing is enforced (an office upgrading is asked to create its administrator
 * first); from then on the dispatcher's guard (./access.ts) refuses what the session may not do.
 */
import type { App, Session } from '../app/app';
import { AppError } from '../errors';
import { readSettings, writeSetting } from '../settings/repo';
import { burnTime, hashPassword, verifyPassword, SCRYPT, type ScryptParams } from './password';
import * as repo from './account-repo';
import type { Conn } from '../db/rows';
import { DEFAULT_IDLE_MINUTES, FREE_TRIES, PASSWORD_MIN, ROLES, type AccountOut, type Role, type SessionOut } from '../../../shared/domain/account';

const IDLE_KEY = 'auth.idleMinutes';
const LOGIN = /^[\p{L}\p{N}_.-]{2,32}$/u;
/** Tests may hash with cheaper parameters; the app always uses SCRYPT. */
let params: ScryptParams = SCRYPT;
export function setHashParamsForTests(p: ScryptParams): void {
  params = p;
}

const validation = (key: string, field: string, p?: Record<string, string | number>) => new AppError('VALIDATION', key, p, { field });

function out(r: repo.AccountRow): AccountOut {
  return { id: r.id, login: r.login, name: r.name, role: r.role, townshipId: r.township_id, townshipName: r.township_name, active: r.active === 1 };
}
function sessionOf(r: repo.AccountRow): Session {
  return { accountId: r.id, login: r.login, name: r.name, role: r.role, townshipId: r.township_id, townshipName: r.township_name, lastActivity: Date.now(), locked: false };
}
export function sessionOut(s: Session | null): SessionOut | null {
  return s && { login: s.login, name: s.name, role: s.role, townshipId: s.townshipId, townshipName: s.townshipName };
}

function checkPassword(password: string, login: string, field = 'password'): void {
  if ([...password].length < PASSWORD_MIN) throw validation('auth.password.short', field, { min: PASSWORD_MIN });
  if (password.toLowerCase() === login.toLowerCase() || new Set(password).size === 1) throw validation('auth.password.weak', field);
}

export interface AccountInput {
  login: string;
  name: string;
  role: Role;
  townshipId: string | null;
  password: string;
}

async function checkAccount(db: Conn, input: Omit<AccountInput, 'password'>, exceptId?: string): Promise<void> {
  if (!LOGIN.test(input.login)) throw validation('auth.login.format', 'login');
  if (!input.name.trim()) throw validation('auth.name.empty', 'name');
  if (!ROLES.includes(input.role)) throw validation('auth.forbidden', 'role', { role: input.role });
  if ((input.role === 'township') !== !!input.townshipId) throw validation('auth.role.needTownship', 'townshipId');
  const other = await repo.accountByLogin(db, input.login);
  if (other && other.id !== exceptId) throw validation('auth.login.taken', 'login', { login: input.login });
}

/** What createFirstAdmin refuses, checked on its own (setup checks it before writing the county). */
export async function checkFirstAdmin(app: App, input: { login: string; name: string; password: string }): Promise<void> {
  const login = input.login.trim();
  await checkAccount(app.db.kysely, { login, name: input.name, role: 'admin', townshipId: null });
  checkPassword(input.password, login);
}

/** The first account: a county administrator, signed in at once. Refused once any account exists. */
export async function createFirstAdmin(app: App, input: { login: string; name: string; password: string }): Promise<SessionOut> {
  const login = input.login.trim();
  await checkFirstAdmin(app, input);
  const hash = await hashPassword(input.password, params);
  const ctx = app.ctx();
  const at = ctx.now().toISOString();
  const id = ctx.newId();
  await app.db.transaction(async (trx) => {
    if ((await repo.countAccounts(trx)) > 0) throw new AppError('CONFLICT', 'auth.exists');
    await repo.insertAccount(trx, { id, login, name: input.name.trim(), role: 'admin', township_id: null, password_hash: hash, active: 1, failed_count: 0, retry_after: null, version: 1, created_at: at, updated_at: at, updated_by: login });
  });
  app.auth.hasAccounts = true;
  const row = (await repo.accountById(app.db.kysely, id))!;
  app.auth.session = sessionOf(row);
  return sessionOut(app.auth.session)!;
}

/** Seconds a try must wait after `failures` wrong passwords (none for the first FREE_TRIES). */
export function waitAfter(failures: number): number {
  return failures < FREE_TRIES ? 0 : Math.min(300, 5 * 2 ** (failures - FREE_TRIES));
}

async function checkCredentials(app: App, login: string, password: string): Promise<repo.AccountRow> {
  const row = await repo.accountByLogin(app.db.kysely, login.trim());
  const now = app.ctx().now();
  if (!row) {
    await burnTime(password);
    throw new AppError('VALIDATION', 'auth.wrong', {}, { field: 'password' });
  }
  if (row.retry_after && row.retry_after > now.toISOString()) {
    throw new AppError('VALIDATION', 'auth.wait', { seconds: Math.ceil((Date.parse(row.retry_after) - now.getTime()) / 1000) }, { field: 'password' });
  }
  if (!(await verifyPassword(password, row.password_hash))) {
    const wait = waitAfter(row.failed_count + 1);
    await repo.recordFailure(app.db.kysely, row.id, wait ? new Date(now.getTime() + wait * 1000).toISOString() : null);
    if (wait) throw new AppError('VALIDATION', 'auth.wait', { seconds: wait }, { field: 'password' });
    throw new AppError('VALIDATION', 'auth.wrong', {}, { field: 'password' });
  }
  if (row.active !== 1) throw new AppError('VALIDATION', 'auth.inactive', { login: row.login }, { field: 'login' });
  if (row.failed_count) await repo.clearFailures(app.db.kysely, row.id);
  return row;
}

export async function signIn(app: App, login: string, password: string): Promise<SessionOut> {
  const row = await checkCredentials(app, login, password);
  app.auth.session = sessionOf(row);
  return sessionOut(app.auth.session)!;
}

export function signOut(app: App): void {
  app.auth.session = null;
}

export function lock(app: App): void {
  if (app.auth.session) app.auth.session.locked = true;
}

/** Unlocks the locked session with its own account's password (another account signs in instead). */
export async function unlock(app: App, password: string): Promise<SessionOut> {
  const s = app.auth.session;
  if (!s) throw new AppError('UNAUTHENTICATED', 'auth.required');
  const row = await checkCredentials(app, s.login, password);
  app.auth.session = sessionOf(row);
  return sessionOut(app.auth.session)!;
}

export async function idleMinutes(app: App): Promise<number> {
  const v = Number((await readSettings(app.db.kysely)).get(IDLE_KEY));
  return Number.isInteger(v) && v >= 1 && v <= 240 ? v : DEFAULT_IDLE_MINUTES;
}

export async function setIdleMinutes(app: App, minutes: number): Promise<void> {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) throw validation('auth.idle', 'idleMinutes');
  const ctx = app.ctx();
  await writeSetting(app.db.kysely, IDLE_KEY, String(minutes), ctx.now().toISOString(), ctx.operator);
  app.auth.idleMs = minutes * 60_000;
}

export async function listAccounts(app: App): Promise<AccountOut[]> {
  return (await repo.listAccounts(app.db.kysely)).map(out);
}

export async function addAccount(app: App, input: AccountInput): Promise<AccountOut> {
  const login = input.login.trim();
  await checkAccount(app.db.kysely, { ...input, login });
  checkPassword(input.password, login);
  const hash = await hashPassword(input.password, params);
  const ctx = app.ctx();
  const at = ctx.now().toISOString();
  const id = ctx.newId();
  await app.db.transaction(async (trx) => {
    await repo.insertAccount(trx, { id, login, name: input.name.trim(), role: input.role, township_id: input.role === 'township' ? input.townshipId : null, password_hash: hash, active: 1, failed_count: 0, retry_after: null, version: 1, created_at: at, updated_at: at, updated_by: ctx.operator });
  });
  app.auth.hasAccounts = true;
  return out((await repo.accountById(app.db.kysely, id))!);
}

export async function updateAccount(app: App, id: string, input: { name: string; role: Role; townshipId: string | null; active: boolean }): Promise<AccountOut> {
  const ctx = app.ctx();
  return app.db.transaction(async (trx) => {
    const row = await repo.accountById(trx, id);
    if (!row) throw new AppError('NOT_FOUND', 'notFound');
    await checkAccount(trx, { login: row.login, name: input.name, role: input.role, townshipId: input.townshipId }, id);
    const demoted = row.role === 'admin' && row.active === 1 && (input.role !== 'admin' || !input.active);
    if (demoted && (await repo.countActiveAdmins(trx)) <= 1) throw validation('auth.lastAdmin', 'role');
    await repo.updateAccount(trx, id, { name: input.name.trim(), role: input.role, township_id: input.role === 'township' ? input.townshipId : null, active: input.active ? 1 : 0, updated_at: ctx.now().toISOString(), updated_by: ctx.operator });
    return out((await repo.accountById(trx, id))!);
  });
}

/** An administrator sets a new password for an account (it also clears the wait after wrong tries). */
export async function resetPassword(app: App, id: string, password: string): Promise<void> {
  const row = await repo.accountById(app.db.kysely, id);
  if (!row) throw new AppError('NOT_FOUND', 'notFound');
  checkPassword(password, row.login);
  const hash = await hashPassword(password, params);
  const ctx = app.ctx();
  await repo.updateAccount(app.db.kysely, id, { password_hash: hash, failed_count: 0, retry_after: null, updated_at: ctx.now().toISOString(), updated_by: ctx.operator });
}

/** The signed-in account changes its own password. */
export async function changeOwnPassword(app: App, oldPassword: string, password: string): Promise<void> {
  const s = app.auth.session;
  if (!s) throw new AppError('UNAUTHENTICATED', 'auth.required');
  const row = (await repo.accountById(app.db.kysely, s.accountId))!;
  if (!(await verifyPassword(oldPassword, row.password_hash))) throw validation('auth.password.old', 'oldPassword');
  checkPassword(password, row.login);
  const hash = await hashPassword(password, params);
  await repo.updateAccount(app.db.kysely, row.id, { password_hash: hash, updated_at: app.ctx().now().toISOString(), updated_by: s.name });
}

/**
 * For the CLI: acts as the active account named by --operator (no password: whoever runs the CLI
 * can read the data folder anyway; the name is for the record). Refused for an unknown login.
 */
export async function actAs(app: App, login: string): Promise<SessionOut> {
  const row = await repo.accountByLogin(app.db.kysely, login.trim());
  if (!row || row.active !== 1) throw new AppError('VALIDATION', 'auth.cliOperatorUnknown', { login });
  app.auth.session = sessionOf(row);
  return sessionOut(app.auth.session)!;
}

export async function countAccounts(app: Pick<App, 'db'>): Promise<number> {
  return repo.countAccounts(app.db.kysely);
}

