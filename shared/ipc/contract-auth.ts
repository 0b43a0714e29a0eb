/** Accounts, signing in and the screen lock; merged into the contract in contract.ts. */
import { z } from 'zod';
import { call, id, nothing, text } from './define';
import type { AppStatus } from '../domain/app';
import { ROLES, type AccountOut } from '../domain/account';

/** Passwords are not trimmed; 200 characters is more than any person types. */
const password = z.string().max(200);
const loginInput = z.strictObject({ login: text(32), password });
const unlockInput = z.strictObject({ password });
const adminInput = z.strictObject({ login: text(32), name: text(40), password });
const accountAdd = z.strictObject({ login: text(32), name: text(40), role: z.enum(ROLES), townshipId: id.nullable(), password });
const accountUpdate = z.strictObject({ id, name: text(40), role: z.enum(ROLES), townshipId: id.nullable(), active: z.boolean() });
const reset = z.strictObject({ id, password });
const change = z.strictObject({ oldPassword: password, password });
const idle = z.strictObject({ minutes: z.number().int().min(1).max(240) });

export const authContract = {
  'auth.login': call<typeof loginInput, AppStatus>(loginInput),
  'auth.logout': call<typeof nothing, AppStatus>(nothing),
  'auth.lock': call<typeof nothing, AppStatus>(nothing),
  'auth.unlock': call<typeof unlockInput, AppStatus>(unlockInput),
  /** The first administrator of a database that has no account yet. */
  'auth.createAdmin': call<typeof adminInput, AppStatus>(adminInput),
  'auth.accounts.list': call<typeof nothing, AccountOut[]>(nothing),
  'auth.accounts.add': call<typeof accountAdd, AccountOut>(accountAdd),
  'auth.accounts.update': call<typeof accountUpdate, AccountOut>(accountUpdate),
  'auth.accounts.resetPassword': call<typeof reset, void>(reset),
  'auth.password.change': call<typeof change, void>(change),
  'auth.idle.set': call<typeof idle, AppStatus>(idle),
};
