/**
 * The settings the office's printouts carry: the issuing office named on both bulletins
 * (督查通报, 月度通报) and the complaint phone (监督电话) on the roster's public notice (公示版).
 * The phone is the office's, not a person's: it is printed in full.
 */
import type { Ctx } from '../context';
import { validation } from '../errors';
import { readSettings, writeSetting } from './repo';
import type { DocSettings } from '../../../shared/domain/app';
import { checkComplaintPhone, checkIssuer, defaultIssuer } from '../../../shared/rules/doc-settings';

export const ISSUER_KEY = 'doc.issuer';
export const PHONE_KEY = 'doc.complaintPhone';

export async function loadDocSettings(ctx: Pick<Ctx, 'db'>): Promise<DocSettings> {
  const m = await readSettings(ctx.db.kysely);
  const county = m.get('county.name') ?? '';
  return { issuer: m.get(ISSUER_KEY) || defaultIssuer(county), complaintPhone: m.get(PHONE_KEY) ?? '' };
}

export async function saveDocSettings(ctx: Ctx, input: DocSettings): Promise<DocSettings> {
  const issuer = input.issuer.trim();
  const complaintPhone = input.complaintPhone.trim();
  const ie = checkIssuer(issuer);
  if (ie) throw validation(ie, 'issuer');
  const pe = checkComplaintPhone(complaintPhone);
  if (pe) throw validation(pe, 'complaintPhone');
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (trx) => {
    await writeSetting(trx, ISSUER_KEY, issuer, at, ctx.operator);
    await writeSetting(trx, PHONE_KEY, complaintPhone, at, ctx.operator);
  });
  return { issuer, complaintPhone };
}
