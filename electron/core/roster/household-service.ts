/** One household: reading it whole, and every change to it, validated, with who and when. */
import { localDay } from '../../../shared/ledger/views';
import { stamps, updateStamps, type Ctx } from '../context';
import { AppError, validation } from '../errors';
import { deleteRow, insertRow, updateRow } from '../db/rows';
import { requireSettings } from '../settings/service';
import { getVillage } from '../org/divisions-repo';
import * as repo from './household-repo';
import { householdFlags } from './quality';
import { checkHousehold, netPerCapitaFen } from '../../../shared/roster/household-rules';
import { parseIdNumber } from '../../../shared/rules/id-number';
import { reverseId } from '../../../shared/roster/values';
import type { HouseholdDetail, YesNo } from '../../../shared/domain/roster';
import type { HouseholdInput, IncomeInput, MeasureInput, PairingInput, StatusChangeInput } from '../../../shared/ipc/contract-roster';

const SEP = '、';
const yn = (v: string) => v as YesNo;

export async function getHousehold(ctx: Ctx, id: string): Promise<HouseholdDetail> {
  const db = ctx.db.kysely;
  const h = await repo.householdRow(db, id);
  if (!h) throw new AppError('NOT_FOUND', 'notFound');
  const lines = new Map((await repo.povertyLines(db)).map((l) => [l.year, l.amount_fen]));
  const people = await repo.members(db, id);
  return {
    id: h.id,
    number: h.number,
    villageId: h.village_id,
    villageName: h.village_name,
    townshipId: h.township_id,
    townshipName: h.township_name,
    groupName: h.group_name,
    attribute: h.attribute,
    mainCause: h.main_cause,
    secondaryCauses: h.secondary_causes ? h.secondary_causes.split(SEP) : [],
    identifiedYear: h.identified_year,
    status: h.status,
    monitorType: h.monitor_type,
    plannedExitYear: h.planned_exit_year,
    exitYear: h.exit_year,
    dangerousHouse: yn(h.dangerous_house),
    waterSafe: yn(h.water_safe),
    waterDifficult: yn(h.water_difficult),
    phone: h.phone,
    headName: h.head_name,
    size: h.size,
    reportedIncomeFen: h.reported_income_fen,
    updatedAt: h.updated_at,
    updatedBy: h.updated_by,
    members: people.map((p) => ({
      id: p.id,
      number: p.number,
      name: p.name,
      idNumber: p.id_number,
      relation: p.relation,
      gender: p.gender,
      birthDate: p.birth_date,
      ethnicity: p.ethnicity,
      education: p.education,
      schoolStatus: p.school_status,
      health: p.health,
      skill: p.skill,
      workStatus: p.work_status,
      workMonths: p.work_months,
      insured: yn(p.insured),
      phone: p.phone,
    })),
    incomes: (await repo.incomes(db, id)).map((i) => {
      const rec = { productionFen: i.production_fen, wageFen: i.wage_fen, propertyFen: i.property_fen, transferFen: i.transfer_fen, costFen: i.cost_fen };
      return { id: i.id, year: i.year, ...rec, netPerCapitaFen: netPerCapitaFen(rec, h.size), lineFen: lines.get(i.year) ?? null };
    }),
    measures: (await repo.measures(db, id)).map((m) => ({
      id: m.id,
      year: m.year,
      category: m.category,
      content: m.content,
      amountFen: m.amount_fen,
      supportUnitId: m.support_unit_id,
      supportUnitName: m.unit_name,
      date: m.date,
    })),
    pairings: (await repo.pairings(db, id)).map((p) => ({
      id: p.id,
      cadreId: p.cadre_id,
      cadreName: p.cadre_name,
      cadreUnit: p.cadre_unit,
      cadrePhone: p.cadre_phone,
      startDate: p.start_date,
      endDate: p.end_date,
    })),
    history: (await repo.history(db, id)).map((s) => ({
      id: s.id,
      status: s.status,
      monitorType: s.monitor_type,
      effectiveDate: s.effective_date,
      note: s.note,
      updatedBy: s.updated_by,
      updatedAt: s.updated_at,
    })),
    flags: await householdFlags(ctx, id),
  };
}

export async function saveHousehold(ctx: Ctx, input: HouseholdInput): Promise<HouseholdDetail> {
  await requireSettings(ctx);
  const today = ctx.now();
  const problems = checkHousehold(input, today);
  if (problems.length) throw validation(problems[0].key, problems[0].field, problems[0].params);
  const number = input.number.trim();
  const people = input.members.map((m) => {
    const id = parseIdNumber(m.idNumber, today);
    if (!id.ok) throw validation(`id.${id.problem}`, 'members');
    return { m, info: id.info };
  });
  const id = await ctx.db.transaction(async (trx) => {
    if (!(await getVillage(trx, input.villageId))) throw validation('ref.village', 'villageId');
    const other = await repo.householdByNumber(trx, number);
    if (other && other.id !== input.id) throw validation('household.numberTaken', 'number', { number, head: other.head_name });
    const registered = await repo.registeredPersons(trx, people.map((p) => p.info.value));
    const byId = new Map(registered.map((r) => [r.id_number, r]));
    people.forEach((p, i) => {
      const r = byId.get(p.info.value);
      if (r && r.household_id !== input.id) {
        throw validation('household.personElsewhere', `members.${i}.idNumber`, { number: r.number, head: r.head_name, householdId: r.household_id });
      }
    });
    const head = input.members.find((m) => m.relation === '户主')!;
    const row = {
      number,
      village_id: input.villageId,
      group_name: input.groupName.trim(),
      attribute: input.attribute,
      main_cause: input.mainCause,
      secondary_causes: input.secondaryCauses.join(SEP),
      identified_year: input.identifiedYear,
      status: input.status,
      monitor_type: input.monitorType,
      planned_exit_year: input.plannedExitYear,
      exit_year: input.exitYear,
      dangerous_house: input.dangerousHouse,
      water_safe: input.waterSafe,
      water_difficult: input.waterDifficult,
      phone: input.phone.trim(),
      head_name: head.name.trim(),
      size: input.members.length,
    };
    let hid = input.id;
    let statusBefore: string | undefined;
    if (hid) {
      statusBefore = (await repo.householdRow(trx, hid))?.status;
      if (!(await updateRow(trx, 'household', hid, { ...row, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
    } else {
      hid = ctx.newId();
      await insertRow(trx, 'household', { id: hid, ...row, reported_income_fen: null, ...stamps(ctx) });
    }
    if (input.status !== statusBefore) {
      await insertRow(trx, 'household_status', {
        id: ctx.newId(),
        household_id: hid,
        status: input.status,
        monitor_type: input.monitorType,
        effective_date: today.toISOString().slice(0, 10),
        note: '',
        ...stamps(ctx),
      });
    }
    const keep: string[] = [];
    for (const [i, { m, info }] of people.entries()) {
      const prow = {
        household_id: hid,
        number: m.number.trim(),
        name: m.name.trim(),
        id_number: info.value,
        id_rev: reverseId(info.value),
        relation: m.relation,
        gender: info.gender,
        birth_date: info.birthDate,
        ethnicity: m.ethnicity,
        education: m.education,
        school_status: m.schoolStatus,
        health: m.health,
        skill: m.skill,
        work_status: m.workStatus,
        work_months: m.workMonths,
        insured: m.insured,
        phone: m.phone.trim(),
        sort: i + 1,
      };
      const existing = byId.get(info.value);
      if (existing) {
        await updateRow(trx, 'person', existing.id, { ...prow, ...updateStamps(ctx) });
        keep.push(existing.id);
      } else {
        const pid = ctx.newId();
        await insertRow(trx, 'person', { id: pid, ...prow, ...stamps(ctx) });
        keep.push(pid);
      }
    }
    await repo.deletePersonsExcept(trx, hid, keep);
    return hid;
  });
  return getHousehold(ctx, id);
}

export async function deleteHousehold(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (trx) => {
    if (!(await deleteRow(trx, 'household', id))) throw new AppError('NOT_FOUND', 'notFound');
  });
}

export async function setStatus(ctx: Ctx, input: StatusChangeInput): Promise<HouseholdDetail> {
  await ctx.db.transaction(async (trx) => {
    // The history is a sequence: a change may not be dated before the entry it follows.
    if (input.effectiveDate > localDay(ctx.now())) throw validation('household.futureDate', 'effectiveDate', { date: input.effectiveDate });
    const latest = await repo.latestStatusDate(trx, input.householdId);
    if (latest !== null && input.effectiveDate < latest) throw validation('household.statusBeforeLatest', 'effectiveDate', { date: latest, given: input.effectiveDate });
    const ok = await updateRow(trx, 'household', input.householdId, { status: input.status, monitor_type: input.monitorType, ...updateStamps(ctx) });
    if (!ok) throw new AppError('NOT_FOUND', 'notFound');
    await insertRow(trx, 'household_status', {
      id: ctx.newId(),
      household_id: input.householdId,
      status: input.status,
      monitor_type: input.monitorType,
      effective_date: input.effectiveDate,
      note: input.note.trim(),
      ...stamps(ctx),
    });
  });
  return getHousehold(ctx, input.householdId);
}

async function mustExist(ctx: Ctx, householdId: string) {
  if (!(await repo.householdRow(ctx.db.kysely, householdId))) throw new AppError('NOT_FOUND', 'notFound');
}

export async function saveIncome(ctx: Ctx, input: IncomeInput): Promise<HouseholdDetail> {
  await mustExist(ctx, input.householdId);
  // An income is of a year that has begun: 2027's figures cannot be known in 2026.
  if (input.year > ctx.now().getFullYear()) throw validation('household.futureYear', 'year', { year: input.year });
  const row = {
    year: input.year,
    production_fen: input.productionFen,
    wage_fen: input.wageFen,
    property_fen: input.propertyFen,
    transfer_fen: input.transferFen,
    cost_fen: input.costFen,
  };
  await ctx.db.transaction(async (trx) => {
    const same = await repo.incomeForYear(trx, input.householdId, input.year);
    if (same && same.id !== input.id) throw validation('household.incomeYearTaken', 'year', { year: input.year });
    if (input.id) {
      if (!(await updateRow(trx, 'income', input.id, { ...row, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
    } else await insertRow(trx, 'income', { id: ctx.newId(), household_id: input.householdId, ...row, ...stamps(ctx) });
  });
  return getHousehold(ctx, input.householdId);
}

export async function saveMeasure(ctx: Ctx, input: MeasureInput): Promise<HouseholdDetail> {
  await mustExist(ctx, input.householdId);
  if (input.supportUnitId && !(await repo.unitExists(ctx.db.kysely, input.supportUnitId))) throw validation('ref.unit', 'supportUnitId');
  if (input.year > ctx.now().getFullYear()) throw validation('household.futureYear', 'year', { year: input.year });
  if (input.date && input.date > localDay(ctx.now())) throw validation('household.futureDate', 'date', { date: input.date });
  const row = {
    year: input.year,
    category: input.category,
    content: input.content.trim(),
    amount_fen: input.amountFen,
    support_unit_id: input.supportUnitId,
    date: input.date,
  };
  await ctx.db.transaction(async (trx) => {
    if (input.id) {
      if (!(await updateRow(trx, 'measure', input.id, { ...row, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
    } else await insertRow(trx, 'measure', { id: ctx.newId(), household_id: input.householdId, ...row, ...stamps(ctx) });
  });
  return getHousehold(ctx, input.householdId);
}

export async function savePairing(ctx: Ctx, input: PairingInput): Promise<HouseholdDetail> {
  await mustExist(ctx, input.householdId);
  if (input.startDate && input.endDate && input.endDate < input.startDate) throw validation('household.dateOrder', 'endDate');
  const cadre = await repo.cadreById(ctx.db.kysely, input.cadreId);
  if (!cadre) throw validation('ref.cadre', 'cadreId');
  // A cadre may not be on the poor roll himself.
  const own = await repo.personHouseholdByIdNumber(ctx.db.kysely, cadre.id_number);
  if (own) throw validation('household.cadreOnRoll', 'cadreId', { number: own.number });
  const row = { cadre_id: input.cadreId, start_date: input.startDate, end_date: input.endDate };
  await ctx.db.transaction(async (trx) => {
    if (input.id) {
      if (!(await updateRow(trx, 'pairing', input.id, { ...row, ...updateStamps(ctx) }))) throw new AppError('NOT_FOUND', 'notFound');
    } else await insertRow(trx, 'pairing', { id: ctx.newId(), household_id: input.householdId, ...row, ...stamps(ctx) });
  });
  return getHousehold(ctx, input.householdId);
}

/** Deletes an income, measure or pairing row and returns its household as it is now. */
export async function deleteDetail(ctx: Ctx, table: 'income' | 'measure' | 'pairing', id: string): Promise<HouseholdDetail> {
  const householdId = await repo.ownerOf(ctx.db.kysely, table, id);
  if (!householdId) throw new AppError('NOT_FOUND', 'notFound');
  await ctx.db.transaction(async (trx) => {
    await deleteRow(trx, table, id);
  });
  return getHousehold(ctx, householdId);
}
