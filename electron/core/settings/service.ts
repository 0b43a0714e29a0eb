import type { Ctx } from '../context';
import { AppError, validation } from '../errors';
import { readSettings, writeSetting } from './repo';
import { insertRow } from '../db/rows';
import { stamps } from '../context';
import { checkCountyCode, checkName, checkTownshipCode } from '../../../shared/rules/org';
import type { Settings } from '../../../shared/domain/app';
import type { Lang } from '../../../shared/i18n/messages';
import type { SettingsInput, SetupInput } from '../../../shared/ipc/contract';

export interface StoredSettings {
  county: { code: string; name: string } | null;
  operator: string | null;
  language: Lang;
  /** The folder holds the invented sample county (seed-demo), not real data. */
  sample: boolean;
}

export async function loadSettings(ctx: Pick<Ctx, 'db'>): Promise<StoredSettings> {
  const m = await readSettings(ctx.db.kysely);
  const code = m.get('county.code');
  const name = m.get('county.name');
  return {
    county: code && name ? { code, name } : null,
    operator: m.get('operator') ?? null,
    language: m.get('language') === 'en' ? 'en' : 'zh-CN',
    sample: m.get('demo') === 'true',
  };
}

export async function requireSettings(ctx: Pick<Ctx, 'db'>): Promise<Settings> {
  const s = await loadSettings(ctx);
  if (!s.county || !s.operator) throw new AppError('NOT_SET_UP', 'notSetUp');
  return { county: s.county, operator: s.operator, language: s.language };
}

/** First-run setup: county, operator and the county's townships, all in one transaction. */
export async function setup(ctx: Ctx, input: SetupInput): Promise<void> {
  const countyCode = input.countyCode.trim();
  const countyName = input.countyName.trim();
  const operator = input.operator.trim();
  const codeErr = checkCountyCode(countyCode);
  if (codeErr) throw validation(codeErr.key, 'countyCode', codeErr.params);
  const nameErr = checkName(countyName);
  if (nameErr) throw validation(nameErr.key, 'countyName', nameErr.params);
  if (!operator) throw validation('operator.empty', 'operator');
  const seen = new Map<string, string>();
  for (const [i, t] of input.townships.entries()) {
    const e = checkTownshipCode(t.code, countyCode) ?? checkName(t.name);
    if (e) throw validation(e.key, `townships.${i}`, e.params);
    const other = seen.get(t.code.trim());
    if (other) throw validation('code.duplicate', `townships.${i}`, { code: t.code.trim(), other });
    seen.set(t.code.trim(), t.name.trim());
  }
  const existing = await loadSettings(ctx);
  if (existing.county) throw new AppError('CONFLICT', 'alreadySetUp', { county: existing.county.name });

  const as = { ...ctx, operator };
  await ctx.db.transaction(async (trx) => {
    const at = ctx.now().toISOString();
    await writeSetting(trx, 'county.code', countyCode, at, operator);
    await writeSetting(trx, 'county.name', countyName, at, operator);
    await writeSetting(trx, 'operator', operator, at, operator);
    for (const t of input.townships) {
      await insertRow(trx, 'township', { id: ctx.newId(), code: t.code.trim(), name: t.name.trim(), ...stamps(as) });
    }
  });
}

/** Language may change before setup (on the setup screen); the operator only after it. */
export async function updateSettings(ctx: Ctx, input: SettingsInput): Promise<void> {
  const at = ctx.now().toISOString();
  const operator = input.operator?.trim();
  if (input.operator !== undefined && !operator) throw validation('operator.empty', 'operator');
  // Checked before the transaction: a query outside it would wait for the connection it holds.
  if (operator) await requireSettings({ db: ctx.db });
  await ctx.db.transaction(async (trx) => {
    if (input.language) await writeSetting(trx, 'language', input.language, at, ctx.operator);
    if (operator) await writeSetting(trx, 'operator', operator, at, ctx.operator);
  });
}
