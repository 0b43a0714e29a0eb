/** The bulletin of a round with the county and issuing office filled in (IPC and CLI). */
import type { App } from '../app/app';
import { bulletinPdf } from './bulletin';
import { roundResults } from './results-service';
import * as rounds from './round-service';
import { loadDocSettings } from '../settings/documents';
import { localDay } from '../../../shared/ledger/views';

/** The bulletin for a round, as bytes (also used by the CLI). */
export async function roundBulletin(app: App, roundId: string, topN: number, signal?: AbortSignal) {
  const ctx = app.ctx();
  const results = await roundResults(ctx, roundId);
  const round = await rounds.getRound(ctx, roundId);
  const county = (await app.status()).county?.name ?? '';
  const date = round.finishedAt ? localDay(new Date(round.finishedAt)) : localDay(ctx.now());
  return bulletinPdf({ county, issuer: (await loadDocSettings(ctx)).issuer, date, results, groups: round.groups, topN }, signal);
}
