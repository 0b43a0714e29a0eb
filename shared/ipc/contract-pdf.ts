/** The PDF printouts' IPC calls (merged into the contract in contract.ts). */
import { z } from 'zod';
import { rosterFilter } from './contract-roster';
import { call, date, id, taskId } from './define';

/** The PDF takes the roster list's own filter. */
/** The public version's notice period (公示期); by default from today for 7 days. */
const noticeInput = z.strictObject({ from: date, to: date });
const rosterInput = z.strictObject({ filter: rosterFilter, masked: z.boolean(), notice: noticeInput.optional(), taskId });
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
