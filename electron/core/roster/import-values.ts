/**
 * Canonical values: the one textual form in which the importer compares a file's household
 * with the database's, so that importing the same file twice changes nothing.
 */
import { createHash } from 'node:crypto';
import { FIELD, type FieldKey } from '../../../shared/roster/layout';
import { fenToYuanText } from '../../../shared/roster/values';
import type { HouseholdTable, PersonTable } from '../db/schema';
import type { Values } from './import-types';

/** Fields the importer never writes: informational, or derived from the members. */
export const NOT_WRITTEN: ReadonlySet<FieldKey> = new Set(['county', 'size']);

export function householdFields(fields: readonly FieldKey[]): FieldKey[] {
  return fields.filter((f) => FIELD[f].level === 'household' && !NOT_WRITTEN.has(f));
}
export function personFields(fields: readonly FieldKey[]): FieldKey[] {
  return fields.filter((f) => FIELD[f].level === 'person');
}

const SEP = '\u001f';
const REC = '\u001e';

/**
 * A digest that is equal for two households exactly when the mapped fields agree (SHA-1 of the
 * values: short, so a 300,000-household county's signatures fit in a few MB).
 */
export function signature(household: Values, members: Values[], fields: readonly FieldKey[]): string {
  const hf = householdFields(fields);
  const pf = personFields(fields);
  return signatureOf(
    hf.map((f) => household[f] ?? ''),
    members.map((m) => pf.map((f) => m[f] ?? '')),
  );
}

/** The same digest from the values already in field order (householdFields, then personFields per member). */
export function signatureOf(household: readonly string[], members: readonly (readonly string[])[]): string {
  const h = createHash('sha1');
  h.update(household.join(SEP));
  for (const m of members) h.update(REC + m.join(SEP));
  return h.digest('base64');
}

const num = (n: number | null) => (n === null ? '' : String(n));

/** A stored household as canonical values (township and village by name). */
export function householdValues(h: HouseholdTable, townshipName: string, villageName: string): Values {
  return {
    township: townshipName,
    village: villageName,
    group: h.group_name,
    householdNumber: h.number,
    status: h.status,
    exitYear: num(h.exit_year),
    attribute: h.attribute,
    mainCause: h.main_cause,
    dangerousHouse: h.dangerous_house,
    waterSafe: h.water_safe,
    waterDifficult: h.water_difficult,
    income: num(h.reported_income_fen),
    phone: h.phone,
    identifiedYear: num(h.identified_year),
    monitorType: h.monitor_type,
  };
}

export function personValues(p: PersonTable): Values {
  return {
    personNumber: p.number,
    name: p.name,
    idNumber: p.id_number,
    relation: p.relation,
    ethnicity: p.ethnicity,
    education: p.education,
    schoolStatus: p.school_status,
    health: p.health,
    skill: p.skill,
    workStatus: p.work_status,
    workMonths: num(p.work_months),
    insured: p.insured,
    personPhone: p.phone,
  };
}

/** Canonical value → the text our export writes in the national layout. */
export function exportText(field: FieldKey, value: string | undefined): string {
  if (value === undefined || value === '') return '';
  if (field === 'income') return fenToYuanText(Number(value));
  return value;
}
