/**
 * `user add LOGIN --name 姓名 --role admin|township|readonly [--township 乡镇代码]`, `user list`,
 * `user passwd LOGIN`: local accounts. The password is read from the first line of stdin (or
 * `--password`, for scripts); the first account of a data folder must be an administrator.
 */
import type { App } from '../core/app/app';
import { addAccount, listAccounts, resetPassword } from '../core/auth/auth-service';
import { AppError } from '../core/errors';
import { ROLES, type Role } from '../../shared/domain/account';
import { formatMessage } from '../../shared/i18n/messages';
import type { CommandResult } from './commands';
import { UsageError } from './main';

const roleText = (r: Role) => formatMessage(`auth.role.${r}`);

export async function readPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  if (process.stdin.isTTY) process.stderr.write('密码：');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) {
    chunks.push(c as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
}

export async function userListCommand(app: App): Promise<CommandResult> {
  const list = await listAccounts(app);
  const lines = list.map((a) => `${a.login}  ${a.name}  ${roleText(a.role)}${a.townshipName ? `（${a.townshipName}）` : ''}${a.active ? '' : '  已停用'}`);
  return { json: list, text: lines.length ? lines.join('\n') : '还没有账号（用 user add 创建县级管理员）' };
}

export async function userAddCommand(app: App, login: string, opts: { name?: string; role?: string; township?: string; password?: string }): Promise<CommandResult> {
  const role = (opts.role ?? (app.auth.hasAccounts ? '' : 'admin')) as Role;
  if (!ROLES.includes(role)) throw new UsageError(`--role 应为 ${ROLES.join('、')} 之一`);
  if (!app.auth.hasAccounts && role !== 'admin') throw new AppError('VALIDATION', 'auth.forbidden', { role: roleText(role) });
  let townshipId: string | null = null;
  if (role === 'township') {
    if (!opts.township) throw new UsageError('乡镇操作员需要 --township 乡镇代码');
    const t = await app.db.kysely.selectFrom('township').select('id').where('code', '=', opts.township).executeTakeFirst();
    if (!t) throw new AppError('NOT_FOUND', 'ref.township');
    townshipId = t.id;
  }
  const password = await readPassword(opts.password);
  const a = await addAccount(app, { login, name: opts.name ?? login, role, townshipId, password });
  return { json: a, text: `已添加账号 ${a.login}（${a.name}，${roleText(a.role)}${a.townshipName ? `，${a.townshipName}` : ''}）` };
}

export async function userPasswdCommand(app: App, login: string, given?: string): Promise<CommandResult> {
  const a = (await listAccounts(app)).find((x) => x.login.toLowerCase() === login.toLowerCase());
  if (!a) throw new AppError('VALIDATION', 'auth.cliOperatorUnknown', { login });
  await resetPassword(app, a.id, await readPassword(given));
  return { json: { login: a.login, reset: true }, text: `已为 ${a.login} 设置新密码` };
}
