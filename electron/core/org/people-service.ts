/** Paired cadres and village-based teams. */
import { stamps, updateStamps, type Ctx } from '../context';
import { AppError, validation } from '../errors';
import { deleteRow, insertRow, replaceLinks, updateRow } from '../db/rows';
import { requireSettings } from '../settings/service';
import { refuseIfReferenced } from './in-use';
import { getVillage } from './divisions-repo';
import { listUnits } from './units-repo';
import * as repo from './people-repo';
import { checkIdNumber, checkName, checkPhone } from '../../../shared/rules/org';
import { parseIdNumber } from '../../../shared/rules/id-number';
import type { Cadre, VillageTeam } from '../../../shared/domain/org';
import type { CadreInput, TeamInput } from '../../../shared/ipc/contract';

export const listCadres = (ctx: Ctx) => repo.listCadres(ctx.db.kysely);
export const listTeams = (ctx: Ctx) => repo.listTeams(ctx.db.kysely);

export async function saveCadre(ctx: Ctx, input: CadreInput): Promise<Cadre> {
  await requireSettings(ctx);
  const name = input.name.trim();
  const nameErr = checkName(name);
  if (nameErr) throw validation(nameErr.key, 'name', nameErr.params);
  const idErr = checkIdNumber(input.idNumber, ctx.now());
  if (idErr) throw validation(idErr.key, 'idNumber', idErr.params);
  const parsed = parseIdNumber(input.idNumber, ctx.now());
  if (!parsed.ok) throw validation('id.check', 'idNumber');
  const idNumber = parsed.info.value;
  if (parsed.info.gender !== input.gender) throw validation('gender.mismatch', 'gender', { gender: parsed.info.gender });
  const phoneErr = checkPhone(input.phone);
  if (phoneErr) throw validation(phoneErr.key, 'phone', phoneErr.params);
  const row = {
    name,
    gender: input.gender,
    id_number: idNumber,
    unit: input.unit.trim(),
    post: input.post.trim(),
    phone: input.phone.replace(/[\s]/g, ''),
  };
  const id = await ctx.db.transaction(async (trx) => {
    const other = await repo.cadreByIdNumber(trx, idNumber);
    if (other && other.id !== input.id) throw validation('id.duplicate', 'idNumber', { other: other.name });
    if (input.id) {
      if (!(await updateRow(trx, 'cadre', input.id, { ...row, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
      return input.id;
    }
    const newId = ctx.newId();
    await insertRow(trx, 'cadre', { id: newId, ...row, ...stamps(ctx) });
    return newId;
  });
  return (await repo.listCadres(ctx.db.kysely, id))[0];
}

export async function deleteCadre(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    const c = (await repo.listCadres(trx, id))[0];
    if (!c) throw new AppError('NOT_FOUND', 'notFound');
    refuseIfReferenced(c.name, await repo.cadreRefs(trx, id));
    await deleteRow(trx, 'cadre', id);
  });
}

export async function saveTeam(ctx: Ctx, input: TeamInput): Promise<VillageTeam> {
  await requireSettings(ctx);
  if (!input.captainId) throw validation('team.captain', 'captainId');
  const captainId = input.captainId;
  if (input.memberIds.includes(captainId)) throw validation('team.captainTwice', 'memberIds');
  if (input.termStart && input.termEnd && input.termEnd < input.termStart) throw validation('team.termOrder', 'termEnd');
  const id = await ctx.db.transaction(async (trx) => {
    const village = await getVillage(trx, input.villageId);
    if (!village) throw validation('ref.village', 'villageId');
    const taken = await repo.teamByVillage(trx, village.id);
    if (taken && taken.id !== input.id) throw validation('team.villageTaken', 'villageId', { village: village.name });
    if (input.supportUnitId && (await listUnits(trx, input.supportUnitId)).length === 0) throw validation('ref.unit', 'supportUnitId');
    const people = [captainId, ...input.memberIds];
    const found = await repo.existingCadreIds(trx, people);
    if (people.some((p) => !found.has(p))) throw validation('ref.cadre', 'memberIds');
    const row = {
      village_id: village.id,
      support_unit_id: input.supportUnitId,
      captain_id: captainId,
      term_start: input.termStart,
      term_end: input.termEnd,
    };
    let tid = input.id;
    if (tid) {
      if (!(await updateRow(trx, 'village_team', tid, { ...row, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
    } else {
      tid = ctx.newId();
      await insertRow(trx, 'village_team', { id: tid, ...row, ...stamps(ctx) });
    }
    await replaceLinks(trx, 'village_team_member', 'team_id', 'cadre_id', tid, input.memberIds);
    return tid;
  });
  return (await repo.listTeams(ctx.db.kysely, id))[0];
}

export async function deleteTeam(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    if (!(await deleteRow(trx, 'village_team', id))) throw new AppError('NOT_FOUND', 'notFound');
  });
}
