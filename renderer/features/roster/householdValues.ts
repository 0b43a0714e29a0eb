/** The household form's values, and their conversion from a saved household and to the save call. */
import type { HouseholdDetail, PersonRecord, YesNo } from '@shared/domain/roster';
import type { HouseholdInput } from '@shared/ipc/contract-roster';
import { normalizeIdNumber, parseIdNumber } from '@shared/rules/id-number';

export interface MemberValues extends Record<string, unknown> {
  key: string;
  id?: string;
  number: string;
  name: string;
  idNumber: string;
  relation: string | null;
  ethnicity: string | null;
  education: string | null;
  schoolStatus: string | null;
  health: string | null;
  skill: string | null;
  workStatus: string | null;
  workMonths: number | string;
  insured: YesNo;
  phone: string;
}

export interface HouseholdValues extends Record<string, unknown> {
  number: string;
  townshipId: string | null;
  villageId: string | null;
  groupName: string;
  attribute: string | null;
  mainCause: string | null;
  secondaryCauses: string[];
  identifiedYear: string | null;
  status: string | null;
  monitorType: string | null;
  plannedExitYear: string | null;
  exitYear: string | null;
  dangerousHouse: YesNo;
  waterSafe: YesNo;
  waterDifficult: YesNo;
  phone: string;
  members: MemberValues[];
}

let counter = 0;
export const memberKey = () => `m${Date.now().toString(36)}${(counter++).toString(36)}`;

export function emptyMember(head: boolean): MemberValues {
  return {
    key: memberKey(),
    number: '',
    name: '',
    idNumber: '',
    relation: head ? '户主' : null,
    ethnicity: '汉族',
    education: null,
    schoolStatus: null,
    health: null,
    skill: null,
    workStatus: null,
    workMonths: '',
    insured: '',
    phone: '',
  };
}

const year = (y: number | null) => (y === null ? null : String(y));
const orNull = (s: string) => (s === '' ? null : s);

function memberValues(p: PersonRecord): MemberValues {
  return {
    key: p.id ?? memberKey(),
    id: p.id,
    number: p.number,
    name: p.name,
    idNumber: p.idNumber,
    relation: orNull(p.relation),
    ethnicity: orNull(p.ethnicity),
    education: orNull(p.education),
    schoolStatus: orNull(p.schoolStatus),
    health: orNull(p.health),
    skill: orNull(p.skill),
    workStatus: orNull(p.workStatus),
    workMonths: p.workMonths ?? '',
    insured: p.insured,
    phone: p.phone,
  };
}

export function initialValues(h: HouseholdDetail | null, defaults: { townshipId?: string | null; villageId?: string | null } = {}): HouseholdValues {
  if (!h)
    return {
      number: '',
      townshipId: defaults.townshipId ?? null,
      villageId: defaults.villageId ?? null,
      groupName: '',
      attribute: null,
      mainCause: null,
      secondaryCauses: [],
      identifiedYear: null,
      status: '未脱贫',
      monitorType: null,
      plannedExitYear: null,
      exitYear: null,
      dangerousHouse: '',
      waterSafe: '',
      waterDifficult: '',
      phone: '',
      members: [emptyMember(true)],
    };
  return {
    number: h.number,
    townshipId: h.townshipId,
    villageId: h.villageId,
    groupName: h.groupName,
    attribute: orNull(h.attribute),
    mainCause: orNull(h.mainCause),
    secondaryCauses: h.secondaryCauses,
    identifiedYear: year(h.identifiedYear),
    status: orNull(h.status),
    monitorType: orNull(h.monitorType),
    plannedExitYear: year(h.plannedExitYear),
    exitYear: year(h.exitYear),
    dangerousHouse: h.dangerousHouse,
    waterSafe: h.waterSafe,
    waterDifficult: h.waterDifficult,
    phone: h.phone,
    members: h.members.map(memberValues),
  };
}

/** The ID number as sent: the canonical 18-character form when it parses, else as typed (the server says why). */
export function canonicalId(raw: string): string {
  const r = parseIdNumber(raw);
  return r.ok ? r.info.value : normalizeIdNumber(raw);
}

export function toInput(v: HouseholdValues, id: string | undefined): HouseholdInput {
  const num = (s: string | null) => (s ? Number(s) : null);
  return {
    id,
    number: v.number.trim(),
    villageId: v.villageId ?? '',
    groupName: v.groupName.trim(),
    attribute: v.attribute ?? '',
    mainCause: v.mainCause ?? '',
    secondaryCauses: v.secondaryCauses,
    identifiedYear: num(v.identifiedYear),
    status: v.status ?? '',
    monitorType: v.monitorType ?? '',
    plannedExitYear: num(v.plannedExitYear),
    exitYear: num(v.exitYear),
    dangerousHouse: v.dangerousHouse,
    waterSafe: v.waterSafe,
    waterDifficult: v.waterDifficult,
    phone: v.phone.trim(),
    members: v.members.map((m) => ({
      id: m.id,
      number: m.number.trim(),
      name: m.name.trim(),
      idNumber: canonicalId(m.idNumber),
      relation: m.relation ?? '',
      ethnicity: m.ethnicity ?? '',
      education: m.education ?? '',
      schoolStatus: m.schoolStatus ?? '',
      health: m.health ?? '',
      skill: m.skill ?? '',
      workStatus: m.workStatus ?? '',
      workMonths: m.workMonths === '' ? null : Number(m.workMonths),
      insured: m.insured,
      phone: m.phone.trim(),
    })),
  };
}
