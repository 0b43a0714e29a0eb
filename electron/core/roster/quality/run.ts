/**
 * The county-wide run of the data-quality checks and reading its stored results. A run reads
 * the roster in chunks of households (a few set-based queries each), evaluates them in JS,
 * yields to the event loop between chunks and honours the abort signal there, then replaces
 * the stored results in one transaction; nothing is written when it is cancelled. Edits saved
 * while a run is under way may or may not be seen by it; the next run sees them.
 */
import { loadStatusRule } from '../roster-service';
import type { Ctx } from '../../context';
import { formatMessage } from '../../../../shared/i18n/messages';
import { QUALITY_RULES } from '../../../../shared/roster/quality-rules';
import type { MessageRef, QualityResult, QualitySummary } from '../../../../shared/domain/roster';
import { assemble, canonicalId, envOf, holdersFrom, idSpellings, todayOf } from './facts';
import { findings, groupFindings, toFlag } from './evaluate';
import * as repo from './repo';

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
}

/** Households read and evaluated between two yields to the event loop. */
const CHUNK = 2000;
const breathe = () => new Promise<void>((r) => setImmediate(r));

export async function runChecks(ctx: Ctx, opts: RunOptions = {}): Promise<QualitySummary> {
  const started = performance.now();
  const db = ctx.db;
  const now = ctx.now();
  const today = todayOf(now);
  opts.signal?.throwIfAborted();
  const total = await repo.householdCount(db);
  opts.onProgress?.(0, total);
  // The county-wide lookups first: possible duplicate ID numbers, and who holds a cadre's number.
  const cadreSpellings = (await repo.currentCadreIdNumbers(db, today.iso)).flatMap((id) => idSpellings(canonicalId(id.trim(), today).value));
  const holders = holdersFrom([...(await repo.duplicateCandidates(db)), ...(await repo.holdersOf(db, cadreSpellings))], today);
  const env = envOf(today, await repo.loadLines(db), holders, await loadStatusRule(ctx), await repo.hasPairings(db));
  const rows: repo.ResultInsert[] = [];
  let after = '';
  let done = 0;
  for (;;) {
    await breathe();
    opts.signal?.throwIfAborted();
    const chunk = await repo.loadChunk(db, after, CHUNK, today.iso);
    if (chunk.households.length === 0) break;
    for (const h of assemble(chunk, today)) {
      for (const g of groupFindings(findings(h, env))) rows.push({ householdId: h.id, rule: g.rule, detail: g.detail, details: g.details });
    }
    after = chunk.households[chunk.households.length - 1].id;
    done += chunk.households.length;
    opts.onProgress?.(done, Math.max(total, done));
  }
  opts.signal?.throwIfAborted();
  // Through the connection's gate: never nested into another call's open transaction.
  await repo.replaceResults(db, rows, { ranAt: now.toISOString(), ranBy: ctx.operator, households: done, durationMs: Math.round(performance.now() - started) });
  return checkSummary(ctx);
}

/** The summary of the stored results: every rule (0 when clean), every township. */
export async function checkSummary(ctx: Ctx): Promise<QualitySummary> {
  const db = ctx.db;
  const run = await repo.lastRun(db);
  const counts = new Map((await repo.countsByRule(db)).map((r) => [r.rule, r.n]));
  const byTownship = await repo.countsByTownship(db);
  return {
    ranAt: run?.ran_at ?? null,
    households: run ? run.households : await repo.householdCount(db),
    pairingsEntered: await repo.hasPairings(db),
    flaggedHouseholds: await repo.flaggedCount(db),
    byRule: QUALITY_RULES.map((r) => ({ rule: r.code, title: r.title, severity: r.severity, count: counts.get(r.code) ?? 0 })),
    byTownship: byTownship.map((t) => ({ townshipId: t.id, townshipName: t.name, count: t.n })),
  };
}

/** Stored message keys; an unreadable value (never written by this app) reads as none. */
function parseDetails(json: string): MessageRef[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((d): d is MessageRef => typeof d?.key === 'string') : [];
  } catch {
    return [];
  }
}

export interface ResultQuery {
  rule?: string;
  townshipId?: string;
  offset: number;
  limit: number;
}

/** Stored results in register order (township code, village code, household number, rule). */
export async function checkResults(ctx: Ctx, q: ResultQuery): Promise<{ total: number; rows: QualityResult[] }> {
  const offset = Math.max(0, Math.floor(q.offset));
  const limit = Math.max(0, Math.floor(q.limit));
  const page = await repo.resultsPage(ctx.db, { rule: q.rule, townshipId: q.townshipId, offset, limit });
  return {
    total: page.total,
    rows: page.rows.map((r) => {
      const flag = toFlag(r.rule, r.detail, parseDetails(r.details));
      return {
        rule: r.rule,
        title: flag.title,
        severity: flag.severity,
        householdId: r.household_id,
        householdNumber: r.household_number,
        headName: r.head_name,
        villageName: r.village_name ?? '',
        townshipName: r.township_name ?? formatMessage('quality.township.unknown'),
        detail: r.detail,
        details: flag.details,
      };
    }),
  };
}
