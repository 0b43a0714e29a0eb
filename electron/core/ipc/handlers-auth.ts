/** Accounts, signing in and the screen lock (the guard in ../auth/access.ts enforces the roles). */
import type { App } from '../app/app';
import type { Handlers } from './handlers';
import * as auth from '../auth/auth-service';

type AuthCalls = Pick<Handlers, Extract<keyof Handlers, `auth.${string}`>>;

export function authHandlers(app: App): AuthCalls {
  return {
    'auth.login': async (i) => {
      await auth.signIn(app, i.login, i.password);
      return app.status();
    },
    'auth.logout': async () => {
      auth.signOut(app);
      return app.status();
    },
    'auth.lock': async () => {
      auth.lock(app);
      return app.status();
    },
    'auth.unlock': async (i) => {
      await auth.unlock(app, i.password);
      return app.status();
    },
    'auth.createAdmin': async (i) => {
      await auth.createFirstAdmin(app, i);
      return app.status();
    },
    'auth.accounts.list': () => auth.listAccounts(app),
    'auth.accounts.add': (i) => auth.addAccount(app, i),
    'auth.accounts.update': (i) => auth.updateAccount(app, i.id, i),
    'auth.accounts.resetPassword': (i) => auth.resetPassword(app, i.id, i.password),
    'auth.password.change': (i) => auth.changeOwnPassword(app, i.oldPassword, i.password),
    'auth.idle.set': async (i) => {
      await auth.setIdleMinutes(app, i.minutes);
      return app.status();
    },
  };
}
