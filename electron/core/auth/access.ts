/**
 * The dispatcher's guard: runs before every handler, in the main process. Once the database has
 * accounts a call needs a signed-in, unlocked session whose role allows it (shared/ipc/access.ts);
 * the screen locks after the idle time set in 设置. A township operator's calls are narrowed to its
 * township: list filters are set to it, and a household, village or chart of another township is
 * refused with a message; its ledger is the items naming the township as lead or responsible unit.
 */
import type { App, Session } from '../app/app';
import { AppError } from '../errors';
import { accessOf, allowed } from '../../../shared/ipc/access';
import { formatMessage } from '../../../shared/i18n/messages';
import { townshipOfDetail, townshipOfHousehold, townshipOfVillage, unitsOfLedgerItem } from './scope-repo';

/** Calls that do not count as activity (the screens poll them). */
const POLLS = new Set(['tasks.progress', 'app.status']);

export type Guard = (name: string, input: unknown) => Promise<unknown>;

type Input = Record<string, unknown> & { filter?: Record<string, unknown> };

export function makeGuard(app: App, clock: () => number = Date.now): Guard {
  return async (name, input) => {
    const access = accessOf(name);
    const { auth } = app;
    const s = auth.session;
    if (s && !s.locked && clock() - s.lastActivity > auth.idleMs) s.locked = true;
    if (access === 'public' || !auth.hasAccounts) return input;
    if (!s) throw new AppError('UNAUTHENTICATED', 'auth.required');
    if (s.locked) throw new AppError('LOCKED', 'auth.locked');
    if (!allowed(s.role, access)) throw new AppError('FORBIDDEN', 'auth.forbidden', { role: formatMessage(`auth.role.${s.role}`) });
    if (!POLLS.has(name)) s.lastActivity = clock();
    return s.role === 'township' ? narrow(app, s, name, input as Input) : input;
  };
}

function refuse(s: Session): never {
  throw new AppError('FORBIDDEN', 'auth.township', { township: s.townshipName ?? '' });
}

/** A township operator's call, narrowed to (or checked against) its township. */
async function narrow(app: App, s: Session, name: string, input: Input): Promise<unknown> {
  const own = s.townshipId!;
  const db = app.db.kysely;
  const sameTownship = async (t: Promise<string | null>) => {
    if ((await t) !== own) refuse(s);
  };
  const filter = (f: Record<string, unknown>) => {
    if (f.townshipId !== undefined && f.townshipId !== own) refuse(s);
    return { ...f, townshipId: own };
  };
  switch (name) {
    case 'roster.query':
    case 'roster.totals':
    case 'roster.check.results':
      if (input.villageId) await sameTownship(townshipOfVillage(db, String(input.villageId)));
      return filter(input);
    // The ledger items a township operator sees are those naming its township as lead or
    // responsible unit (the unit filter matches either).
    case 'ledger.list':
      if (input.unit !== undefined && input.unit !== s.townshipName) refuse(s);
      return { ...input, unit: s.townshipName ?? '' };
    case 'ledger.export':
      if (input.filter?.unit !== undefined && input.filter.unit !== s.townshipName) refuse(s);
      return { ...input, filter: { ...(input.filter ?? {}), unit: s.townshipName ?? '' } };
    case 'ledger.get':
      if (!(await unitsOfLedgerItem(db, String(input.id))).includes(s.townshipName ?? '')) refuse(s);
      return input;
    case 'ledger.evidence.open':
      if (!(await unitsOfLedgerItem(db, String(input.id), 'evidence')).includes(s.townshipName ?? '')) refuse(s);
      return input;
    case 'audit.list':
    case 'audit.export':
      return { ...input, filter: filter(input.filter ?? {}) };
    case 'roster.export':
    case 'pdf.roster':
      if (input.filter?.villageId) await sameTownship(townshipOfVillage(db, String(input.filter.villageId)));
      return { ...input, filter: filter(input.filter ?? {}) };
    case 'roster.household.get':
    case 'roster.household.delete':
      await sameTownship(townshipOfHousehold(db, String(input.id)));
      return input;
    case 'roster.household.save':
      if (input.id) await sameTownship(townshipOfHousehold(db, String(input.id)));
      await sameTownship(townshipOfVillage(db, String(input.villageId)));
      return input;
    case 'roster.household.setStatus':
    case 'roster.income.save':
    case 'roster.measure.save':
    case 'roster.pairing.save':
      await sameTownship(townshipOfHousehold(db, String(input.householdId)));
      if (input.id) await sameTownship(townshipOfDetail(db, name === 'roster.income.save' ? 'income' : name === 'roster.measure.save' ? 'measure' : 'pairing', String(input.id)));
      return input;
    case 'roster.income.delete':
      await sameTownship(townshipOfDetail(db, 'income', String(input.id)));
      return input;
    case 'roster.measure.delete':
      await sameTownship(townshipOfDetail(db, 'measure', String(input.id)));
      return input;
    case 'roster.pairing.delete':
      await sameTownship(townshipOfDetail(db, 'pairing', String(input.id)));
      return input;
    case 'pdf.cards':
      if (input.householdId) await sameTownship(townshipOfHousehold(db, String(input.householdId)));
      if (input.villageId) await sameTownship(townshipOfVillage(db, String(input.villageId)));
      return input;
    case 'wallchart.preview':
    case 'wallchart.export': {
      const level = (input.body as { level?: string } | undefined)?.level;
      if (level === 'county') refuse(s);
      if (level === 'township' && input.townshipId !== own) refuse(s);
      if (level === 'village') await sameTownship(townshipOfVillage(db, String(input.villageId ?? '')));
      return input;
    }
    default:
      return input;
  }
}

/** The township a township operator's session is limited to (undefined for other roles). */
export function scopeOf(app: App): string | undefined {
  const s = app.auth.session;
  return app.auth.hasAccounts && s?.role === 'township' ? (s.townshipId ?? undefined) : undefined;
}
