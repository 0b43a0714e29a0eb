/** The PDF printouts' IPC calls (merged into the contract in contract.ts). */
import { z } from 'zod';
import { call, id, text } from './define';
import type { RosterFilter } from '../domain/roster';

const taskId = z.string().uuid();
const year = z.number().int().min(1980).max(2100);

/** The roster list's filter (contract-roster.ts), as the PDF takes it. */
const filter = z.strictObject({
  townshipId: id.optional(),
  villageId: id.optional(),
  status: text(40).optional(),
  attribute: text(40).optional(),
  mainCause: text(40).optional(),
  exitYear: year.optional(),
  cadreId: id.optional(),
  flag: text(40).optional(),
  text: text(60).optional(),
});
const rosterInput = z.strictObject({ filter, masked: z.boolean(), taskId });
const cardsInput = z.strictObject({ villageId: id.optional(), householdId: id.optional(), taskId }).refine((v) => !!v.villageId !== !!v.householdId, { message: '请选择一个行政村或一户' });
const openInput = z.strictObject({ fileToken: id });

/** A character the font cannot draw, with whose it is (printed as 〓). */
export interface PdfMissingChar {
  name: string;
  householdNumber: string;
  chars: string[];
}
export interface PdfWritten {
  name: string;
  /** Token of the written file, for `pdf.open`. */
  fileToken: string;
  pages: number;
  households: number;
  missing: PdfMissingChar[];
}

export const pdfContract = {
  'pdf.roster': call<typeof rosterInput, (PdfWritten & { persons: number; villages: number }) | null>(rosterInput),
  'pdf.cards': call<typeof cardsInput, PdfWritten | null>(cardsInput),
  'pdf.open': call<typeof openInput, void>(openInput),
};

// The filter above must stay the roster list's filter.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameFilter: Same<z.output<typeof filter>, RosterFilter> = true;
void sameFilter;
