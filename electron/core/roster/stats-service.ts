/**
 * Roster statistics by township (the CLI's `stats`). Households, persons, exited and not
 * exited come from rosterTotals, the function behind the home page and the roster's totals
 * bar, so every count follows the one rule those screens use (shared/roster/status.ts). Incidence is the not-exited persons over the population of the
 * villages whose population is on record (villages without one are left out of both).
 */
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { listTownships } from '../org/divisions-service';
import { requireSettings } from '../settings/service';
import { rosterTotals } from './roster-service';
import type { RosterTotals } from '../../../shared/domain/roster';

/** rosterTotals' counts (without its village rows), with monitoring and incidence. */
export interface StatsRow extends Omit<RosterTotals, 'villages'> {
  code: string;
  name: string;
  /** Villages with at least one household on the roster. */
  villages: number;
  /** Population of the villages that have one on record, and how many do. */
  population: number;
  villagesWithPopulation: number;
  /** Not-exited persons per thousand of that population; null when no village has a population. */
  incidencePermille: number | null;
}

export interface RosterStats {
  total: StatsRow;
  townships: StatsRow[];
}

function row(code: string, name: string, t: RosterTotals): StatsRow {
  const counted = t.villages.filter((v) => v.population !== null && v.population > 0);
  const population = counted.reduce((s, v) => s + (v.population ?? 0), 0);
  const remaining = counted.reduce((s, v) => s + v.remainingPersons, 0);
  return {
    code,
    name,
    villages: t.villages.length,
    households: t.households,
    persons: t.persons,
    exitedHouseholds: t.exitedHouseholds,
    exitedPersons: t.exitedPersons,
    remainingHouseholds: t.remainingHouseholds,
    remainingPersons: t.remainingPersons,
    monitoredHouseholds: t.monitoredHouseholds,
    monitoredPersons: t.monitoredPersons,
    population,
    villagesWithPopulation: counted.length,
    incidencePermille: population ? Math.round((remaining * 10000) / population) / 10 : null,
  };
}

/** The whole county (or one township, by code) and each township in it, in code order. */
export async function rosterStats(ctx: Ctx, opts: { townshipCode?: string } = {}): Promise<RosterStats> {
  const all = await listTownships(ctx);
  const chosen = opts.townshipCode ? all.filter((t) => t.code === opts.townshipCode) : all;
  if (!chosen.length) throw new AppError('VALIDATION', 'ref.township');
  const townships: StatsRow[] = [];
  for (const t of chosen) townships.push(row(t.code, t.name, await rosterTotals(ctx, { townshipId: t.id })));
  if (opts.townshipCode) return { total: townships[0], townships };
  const { county } = await requireSettings(ctx);
  const total = row(county.code, county.name, await rosterTotals(ctx, {}));
  return { total, townships };
}
