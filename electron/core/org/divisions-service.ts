/** Townships and villages: validation, uniqueness, and delete protection. */
import { stamps, updateStamps, type Ctx } from '../context';
import { AppError, validation } from '../errors';
import { deleteRow, insertRow, updateRow } from '../db/rows';
import { requireSettings } from '../settings/service';
import { refuseIfReferenced } from './in-use';
import * as repo from './divisions-repo';
import { checkName, checkPopulation, checkTownshipCode, checkVillageCode } from '../../../shared/rules/org';
import type { Township, Village } from '../../../shared/domain/org';
import type { TownshipInput, VillageInput } from '../../../shared/ipc/contract';

export const listTownships = (ctx: Ctx) => repo.listTownships(ctx.db.kysely);
export const listVillages = (ctx: Ctx, townshipId?: string) => repo.listVillages(ctx.db.kysely, townshipId);

export async function saveTownship(ctx: Ctx, input: TownshipInput): Promise<Township> {
  const { county } = await requireSettings(ctx);
  const code = input.code.trim();
  const name = input.name.trim();
  const codeErr = checkTownshipCode(code, county.code);
  if (codeErr) throw validation(codeErr.key, 'code', codeErr.params);
  const nameErr = checkName(name);
  if (nameErr) throw validation(nameErr.key, 'name', nameErr.params);

  const id = await ctx.db.transaction(async (trx) => {
    const other = await repo.townshipByCode(trx, code);
    if (other && other.id !== input.id) throw validation('code.duplicate', 'code', { code, other: other.name });
    if (input.id) {
      if (!(await updateRow(trx, 'township', input.id, { code, name, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
      // A village code starts with its township's code: a changed township code must not
      // leave its villages inconsistent.
      const bad = (await repo.listVillages(trx, input.id)).find((v) => !v.code.startsWith(code));
      if (bad) throw validation('code.townshipHasVillages', 'code', { village: bad.name });
      return input.id;
    }
    const newId = ctx.newId();
    await insertRow(trx, 'township', { id: newId, code, name, ...stamps(ctx) });
    return newId;
  });
  return (await repo.getTownship(ctx.db.kysely, id))!;
}

export async function deleteTownship(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    const t = await repo.townshipById(trx, id);
    if (!t) throw new AppError('NOT_FOUND', 'notFound');
    refuseIfReferenced(t.name, await repo.townshipRefs(trx, id));
    await deleteRow(trx, 'township', id);
  });
}

export async function saveVillage(ctx: Ctx, input: VillageInput): Promise<Village> {
  await requireSettings(ctx);
  const code = input.code.trim();
  const name = input.name.trim();
  const id = await ctx.db.transaction(async (trx) => {
    const township = await repo.townshipById(trx, input.townshipId);
    if (!township) throw validation('ref.township', 'townshipId');
    const codeErr = checkVillageCode(code, township.code);
    if (codeErr) throw validation(codeErr.key, 'code', codeErr.params);
    const nameErr = checkName(name);
    if (nameErr) throw validation(nameErr.key, 'name', nameErr.params);
    const popErr = checkPopulation(input.population);
    if (popErr) throw validation(popErr.key, 'population', popErr.params);
    const other = await repo.villageByCode(trx, code);
    if (other && other.id !== input.id) throw validation('code.duplicate', 'code', { code, other: other.name });
    const row = { township_id: township.id, code, name, is_poor: input.isPoor ? 1 : 0, population: input.population };
    if (input.id) {
      if (!(await updateRow(trx, 'village', input.id, { ...row, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
      return input.id;
    }
    const newId = ctx.newId();
    await insertRow(trx, 'village', { id: newId, ...row, ...stamps(ctx) });
    return newId;
  });
  return (await repo.getVillage(ctx.db.kysely, id))!;
}

export async function deleteVillage(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    const v = await repo.getVillage(trx, id);
    if (!v) throw new AppError('NOT_FOUND', 'notFound');
    refuseIfReferenced(v.name, await repo.villageRefs(trx, id));
    await deleteRow(trx, 'village', id);
  });
}
