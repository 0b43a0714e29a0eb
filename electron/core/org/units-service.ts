/** Work promotion groups (and the townships each covers) and supporting units (and their villages). */
import { stamps, updateStamps, type Ctx } from '../context';
import { AppError, validation } from '../errors';
import { deleteRow, insertRow, replaceLinks, updateRow } from '../db/rows';
import { requireSettings } from '../settings/service';
import { refuseIfReferenced } from './in-use';
import { existingTownshipIds, existingVillageIds } from './divisions-repo';
import * as repo from './units-repo';
import { checkName } from '../../../shared/rules/org';
import type { SupportUnit, WorkGroup } from '../../../shared/domain/org';
import type { GroupInput, UnitInput } from '../../../shared/ipc/contract';

export const listGroups = (ctx: Ctx) => repo.listGroups(ctx.db.kysely);
export const listUnits = (ctx: Ctx) => repo.listUnits(ctx.db.kysely);

function cleanName(name: string): string {
  const v = name.trim();
  const err = checkName(v);
  if (err) throw validation(err.key, 'name', err.params);
  return v;
}

export async function saveGroup(ctx: Ctx, input: GroupInput): Promise<WorkGroup> {
  await requireSettings(ctx);
  const name = cleanName(input.name);
  const leader = input.leader.trim();
  const id = await ctx.db.transaction(async (trx) => {
    const other = await repo.groupByName(trx, name);
    if (other && other.id !== input.id) throw validation('name.duplicate', 'name', { name });
    const found = await existingTownshipIds(trx, input.townshipIds);
    if (input.townshipIds.some((t) => !found.has(t))) throw validation('ref.township', 'townshipIds');
    let gid = input.id;
    if (gid) {
      if (!(await updateRow(trx, 'work_group', gid, { name, leader, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
    } else {
      gid = ctx.newId();
      await insertRow(trx, 'work_group', { id: gid, name, leader, ...stamps(ctx) });
    }
    await replaceLinks(trx, 'work_group_township', 'group_id', 'township_id', gid, input.townshipIds);
    return gid;
  });
  return (await repo.listGroups(ctx.db.kysely, id))[0];
}

export async function deleteGroup(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    // The townships a group covers belong to the group's own record and go with it.
    if (!(await deleteRow(trx, 'work_group', id))) throw new AppError('NOT_FOUND', 'notFound');
  });
}

export async function saveUnit(ctx: Ctx, input: UnitInput): Promise<SupportUnit> {
  await requireSettings(ctx);
  const name = cleanName(input.name);
  const id = await ctx.db.transaction(async (trx) => {
    const other = await repo.unitByName(trx, name);
    if (other && other.id !== input.id) throw validation('name.duplicate', 'name', { name });
    const found = await existingVillageIds(trx, input.villageIds);
    if (input.villageIds.some((v) => !found.has(v))) throw validation('ref.village', 'villageIds');
    let uid = input.id;
    if (uid) {
      if (!(await updateRow(trx, 'support_unit', uid, { name, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
    } else {
      uid = ctx.newId();
      await insertRow(trx, 'support_unit', { id: uid, name, ...stamps(ctx) });
    }
    await replaceLinks(trx, 'support_unit_village', 'unit_id', 'village_id', uid, input.villageIds);
    return uid;
  });
  return (await repo.listUnits(ctx.db.kysely, id))[0];
}

export async function deleteUnit(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    const u = (await repo.listUnits(trx, id))[0];
    if (!u) throw new AppError('NOT_FOUND', 'notFound');
    refuseIfReferenced(u.name, await repo.unitRefs(trx, id));
    await deleteRow(trx, 'support_unit', id);
  });
}
