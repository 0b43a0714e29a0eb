/** Household cards (扶贫明白卡) for one household or a whole village: one PDF, one page each. */
import { loadStatusRule } from '../roster/roster-service';
import { PDFDocument } from 'pdf-lib';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { requireSettings } from '../settings/service';
import { renderPdf } from './engine';
import { missingChars } from './fonts';
import { MISSING_MARK } from './text-fit';
import { cardData, type CardData } from './card-data';
import { cardsDocument } from './card-layout';
import * as repo from './card-repo';
import type { MissingCharReport } from './roster-pdf';
import { writeFileAtomic } from '../files/atomic-write';

export interface CardsOptions {
  villageId?: string;
  householdId?: string;
  /** Year of the measures printed (the card's 年度); default: the current year. */
  year?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface CardsResult {
  pages: number;
  households: number;
  missing: MissingCharReport[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Replaces characters the font lacks in every string of the card, and reports them. */
function printable(d: CardData, missing: MissingCharReport[]): CardData {
  const found: string[] = [];
  const fix = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const m = missingChars(v);
      if (!m.length) return v;
      found.push(...m);
      let out = v;
      for (const ch of m) out = out.split(ch).join(MISSING_MARK);
      return out;
    }
    if (Array.isArray(v)) return v.map(fix);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fix(x)]));
    return v;
  };
  const out = fix(d) as CardData;
  if (found.length) {
    const who = d.members.find((m) => missingChars(m.name).length)?.name ?? d.head;
    missing.push({ name: who, householdNumber: d.number, chars: [...new Set(found)] });
  }
  return out;
}

export async function householdIds(ctx: Ctx, opts: Pick<CardsOptions, 'villageId' | 'householdId'>): Promise<string[]> {
  const db = ctx.db.kysely;
  if (opts.householdId) {
    if (!(await repo.cardHousehold(db, opts.householdId))) throw new AppError('NOT_FOUND', 'notFound');
    return [opts.householdId];
  }
  if (!opts.villageId || !(await repo.villageExists(db, opts.villageId))) throw new AppError('NOT_FOUND', 'notFound');
  const ids = await repo.villageHouseholdIds(db, opts.villageId);
  if (ids.length === 0) throw new AppError('VALIDATION', 'pdf.noHouseholds');
  return ids;
}

export async function buildCards(ctx: Ctx, opts: CardsOptions): Promise<{ cards: CardData[]; missing: MissingCharReport[] }> {
  const { county } = await requireSettings(ctx);
  const db = ctx.db.kysely;
  const ids = await householdIds(ctx, opts);
  const now = ctx.now();
  const today = isoDate(now);
  const year = opts.year ?? now.getFullYear();
  const cards: CardData[] = [];
  const missing: MissingCharReport[] = [];
  const status = await loadStatusRule(ctx);
  for (const id of ids) {
    opts.signal?.throwIfAborted();
    const household = (await repo.cardHousehold(db, id))!;
    const income = await repo.latestIncome(db, id, year);
    const data = cardData({
      county: county.name,
      status,
      year,
      today,
      household,
      members: await repo.cardMembers(db, id),
      cadres: await repo.activeCadres(db, id, today),
      measures: await repo.measuresOfYear(db, id, year),
      income,
      lineFen: income ? await repo.lineFor(db, income.year) : null,
    });
    cards.push(printable(data, missing));
    opts.onProgress?.(cards.length, ids.length);
  }
  return { cards, missing };
}

/** Cards per pdfmake document: a village renders in parts so progress moves and 取消 works between them (each part re-reads the fonts: about +10 % CPU at 300 cards). */
const CHUNK = 100;

/**
 * Writes the cards. Progress counts each card twice (read, then laid out): `total` is twice
 * the number of households.
 */
export async function writeCards(ctx: Ctx, file: string, opts: CardsOptions): Promise<CardsResult> {
  const { cards, missing } = await buildCards(ctx, { ...opts, onProgress: (d, n) => opts.onProgress?.(d, 2 * n) });
  const printed = `打印日期 ${isoDate(ctx.now())} · 扶贫工作台`;
  const parts: Buffer[] = [];
  for (let i = 0; i < cards.length; i += CHUNK) {
    parts.push(await renderPdf(cardsDocument(cards.slice(i, i + CHUNK), printed), { signal: opts.signal }));
    opts.onProgress?.(cards.length + Math.min(i + CHUNK, cards.length), 2 * cards.length);
  }
  let pdf: Uint8Array = parts[0];
  // pdfkit writes one '/Type /Page' per page; pdf-lib counts the merged document's.
  let pages = parts[0].toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
  if (parts.length > 1) {
    const merged = await PDFDocument.create();
    merged.setCreator('扶贫工作台');
    merged.setProducer('扶贫工作台');
    merged.setTitle('扶贫明白卡');
    for (const part of parts) {
      const src = await PDFDocument.load(part);
      for (const page of await merged.copyPages(src, src.getPageIndices())) merged.addPage(page);
    }
    opts.signal?.throwIfAborted();
    pages = merged.getPageCount();
    pdf = await merged.save();
  }
  await writeFileAtomic(file, pdf);
  return { pages, households: cards.length, missing };
}
