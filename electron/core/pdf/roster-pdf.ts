/**
 * The filtered roster as a landscape A4 list, streamed to a file with pdfkit: households are
 * read in batches, each page is written out as soon as it is full, and the page count
 * (第 N 页 共 M 页) is known before the first page because every row has the same height.
 */
import { once } from 'node:events';
import PDFDocument from 'pdfkit';
import type { Ctx } from '../context';
import { requireSettings } from '../settings/service';
import { AppError, validation } from '../errors';
import { loadDocSettings } from '../settings/documents';
import { cnDate } from './official-doc';
import { addDays, localDay } from '../../../shared/ledger/views';
import type { DocSettings } from '../../../shared/domain/app';
import { openAtomicStream } from '../files/atomic-write';
import { registerFonts, writeRuns, type Run } from './pdfkit-fonts';
import { mm } from './engine';
import { TextMeasure } from './text-fit';
import { maskIdNumber, maskPhone } from '../../../shared/rules/mask';
import type { RosterFilter } from '../../../shared/domain/roster';
import * as repo from './roster-repo';
import {
  BAND_H,
  BODY_TOP,
  COLUMN_X,
  COLUMNS,
  countPages,
  FOOTER_Y,
  HEADER_H,
  MARGIN_X,
  PAGE_H,
  PAGE_W,
  Pager,
  ROW_H,
  ROWS_PER_PAGE,
  TOP,
  type ColumnKey,
} from './roster-layout';

import { INK, GREY, HAIR, GROUP_RULE, HEAD_FILL, CREAM, RED } from './palette';

const BODY_PT = 7.5;
const MIN_PT = 6;
const HEAD_PT = 7.5;
const PAD = mm(1);
/** pdfkit puts the top of the line box at y; Noto's line box is 1.448 em high. */
const LINE_EM = 1.448;

export interface MissingCharReport {
  name: string;
  householdNumber: string;
  chars: string[];
}

export interface RosterPdfOptions {
  filter?: RosterFilter;
  /** Public version: ID numbers and phones masked (the internal list shows them in full). */
  masked?: boolean;
  /** The public version's notice period (公示期, YYYY-MM-DD); by default from today for 7 days. */
  notice?: { from: string; to: string };
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface RosterPdfResult {
  pages: number;
  households: number;
  persons: number;
  villages: number;
  missing: MissingCharReport[];
}

const MAX_MISSING = 1000;

function today(d: Date): string {
  return localDay(d);
}

/** Rows the public version gives up at the foot of each page for its notice (公示期, 监督电话). */
const NOTICE_ROWS = 2;
const NOTICE_PT = 9;

/** The notice period, checked: by default from today for 7 days (today and the 6 after it). */
export function noticePeriod(now: Date, notice?: { from: string; to: string }): { from: string; to: string } {
  const from = notice?.from ?? localDay(now);
  const to = notice?.to ?? addDays(from, 6);
  if (to < from) throw validation('pdf.notice.order', 'notice.to');
  if (to > addDays(from, 89)) throw validation('pdf.notice.long', 'notice.to');
  return { from, to };
}

/** The public notice's line: 公示期：…至…。如有异议，请在公示期内向…反映。监督电话：… */
export function noticeText(period: { from: string; to: string }, doc: DocSettings): string {
  return `公示期：${cnDate(period.from)}至${cnDate(period.to)}。如有异议，请在公示期内向${doc.issuer}反映。${doc.complaintPhone ? `监督电话：${doc.complaintPhone}` : ''}`;
}

export async function writeRosterPdf(ctx: Ctx, file: string, opts: RosterPdfOptions = {}): Promise<RosterPdfResult> {
  const filter = opts.filter ?? {};
  const { county } = await requireSettings(ctx);
  const ids = await repo.rosterPdfIds(ctx.db.kysely, filter);
  if (ids.length === 0) throw new AppError('VALIDATION', 'pdf.noHouseholds');
  const masked = !!opts.masked;
  const notice = masked ? noticeText(noticePeriod(ctx.now(), opts.notice), await loadDocSettings(ctx)) : '';
  const rowsPerPage = masked ? ROWS_PER_PAGE - NOTICE_ROWS : ROWS_PER_PAGE;
  const totalPages = countPages(await repo.shapes(ctx.db, ids), rowsPerPage);
  const scope = await repo.scopeNames(ctx.db.kysely, filter);
  const filtered = !!(filter.status || filter.attribute || filter.mainCause || filter.exitYear || filter.cadreId || filter.flag || filter.text);
  const scopeText = `范围：${[scope.township, scope.village].filter(Boolean).join(' ') || '全县'}${filtered ? '（按筛选条件）' : ''}`;
  const title = `${county.name}建档立卡贫困人口花名册`;
  const dateText = `数据截至 ${today(ctx.now())}`;

  const w = await openAtomicStream(file);
  const out = w.stream;
  const doc = new PDFDocument({ size: [PAGE_W, PAGE_H], margin: 0, autoFirstPage: false, info: { Title: title, Creator: '扶贫工作台', Producer: '扶贫工作台' } });
  const fonts = registerFonts(doc, ['Sans', 'SansBold', 'SerifBold']);
  doc.pipe(out);
  const measure = new TextMeasure(fonts.Sans.font);
  const measureBold = new TextMeasure(fonts.SansBold.font);

  const missing: MissingCharReport[] = [];
  let missingTotal = 0;
  let households = 0;
  let persons = 0;
  let villages = 0;
  const rowKinds: ('body' | 'band')[] = [];

  const textAt = (s: string, x: number, rowTop: number, h: number, size: number, font = 'Sans') => {
    doc.font(font).fontSize(size).text(s, x, rowTop + (h - LINE_EM * size) / 2, { lineBreak: false });
  };

  const runs: Run[] = [];
  const cell = (i: number, value: string, rowTop: number) => {
    if (!value) return;
    const inner = COLUMN_X[i + 1] - COLUMN_X[i] - 2 * PAD;
    const f = measure.fit(measure.printable(value), BODY_PT, MIN_PT, inner);
    const x = COLUMNS[i].align === 'center' ? COLUMN_X[i] + PAD + (inner - measure.width(f.text, f.size)) / 2 : COLUMN_X[i] + PAD;
    runs.push({ text: f.text, x, top: rowTop + (ROW_H - LINE_EM * f.size) / 2, size: f.size });
  };

  const finishPage = () => {
    // Column rules over runs of body rows; headings and totals span the table.
    doc.lineWidth(0.3).strokeColor(HAIR);
    let start = -1;
    for (let r = 0; r <= rowKinds.length; r++) {
      const body = rowKinds[r] === 'body';
      if (body && start < 0) start = r;
      if (!body && start >= 0) {
        for (let c = 1; c < COLUMNS.length; c++) doc.moveTo(COLUMN_X[c], BODY_TOP + start * ROW_H).lineTo(COLUMN_X[c], BODY_TOP + r * ROW_H);
        start = -1;
      }
    }
    doc.stroke();
    const bottom = BODY_TOP + rowKinds.length * ROW_H;
    doc.lineWidth(1).strokeColor(INK).moveTo(MARGIN_X, bottom).lineTo(COLUMN_X[COLUMNS.length], bottom).stroke();
    rowKinds.length = 0;
  };

  const startPage = (n: number) => {
    if (n > 1) finishPage();
    doc.addPage();
    const right = COLUMN_X[COLUMNS.length];
    doc.fillColor(RED);
    textAt(title, MARGIN_X, TOP, mm(9), 15, 'SerifBold');
    doc.fillColor(GREY);
    const meta = `${scopeText}　${dateText}${masked ? '　公示版：证件号码、电话已脱敏' : '　内部资料，注意保密'}`;
    doc.font('Sans').fontSize(8);
    textAt(meta, right - measure.width(meta, 8), TOP + mm(1.5), mm(9), 8);
    doc.rect(MARGIN_X, TOP + BAND_H - mm(2.2), right - MARGIN_X, mm(0.8)).fill(RED);
    // Header row, repeated on every page.
    const hy = TOP + BAND_H;
    doc.rect(MARGIN_X, hy, right - MARGIN_X, HEADER_H).fill(HEAD_FILL);
    doc.fillColor(INK);
    COLUMNS.forEach((c, i) => {
      const lines = c.header.split('\n');
      const inner = COLUMN_X[i + 1] - COLUMN_X[i];
      const lh = HEAD_PT * 1.25;
      lines.forEach((l, k) => {
        const top = hy + (HEADER_H - lines.length * lh) / 2 + k * lh - (LINE_EM - 1.25) * HEAD_PT * 0.5;
        doc.font('SansBold').fontSize(HEAD_PT).text(l, COLUMN_X[i] + (inner - measureBold.width(l, HEAD_PT)) / 2, top, { lineBreak: false });
      });
    });
    doc.lineWidth(0.3).strokeColor(HAIR);
    for (let c = 1; c < COLUMNS.length; c++) doc.moveTo(COLUMN_X[c], hy).lineTo(COLUMN_X[c], hy + HEADER_H);
    doc.stroke();
    doc.lineWidth(1).strokeColor(INK).moveTo(MARGIN_X, hy).lineTo(right, hy).moveTo(MARGIN_X, hy + HEADER_H).lineTo(right, hy + HEADER_H).stroke();
    // The public notice at the foot of every page (each sheet may be posted on its own).
    if (notice) {
      const y = BODY_TOP + rowsPerPage * ROW_H + mm(1.5);
      const width = right - MARGIN_X;
      const cut = notice.indexOf('监督电话');
      const lines = measure.width(notice, NOTICE_PT) <= width || cut < 0 ? [notice] : [notice.slice(0, cut), notice.slice(cut)];
      doc.fillColor(INK);
      lines.forEach((l, k) => doc.font('Sans').fontSize(NOTICE_PT).text(measure.printable(l), MARGIN_X, y + k * NOTICE_PT * 1.5, { lineBreak: false }));
    }
    // Footer.
    const foot = `第 ${n} 页 共 ${totalPages} 页`;
    doc.fillColor(GREY);
    textAt(foot, (PAGE_W - measure.width(foot, 8)) / 2, FOOTER_Y, mm(5), 8);
    textAt('扶贫工作台', MARGIN_X, FOOTER_Y, mm(5), 7.5);
    doc.fillColor(INK);
  };

  let villageLabel = '';
  const band = (row: number, label: string, fill: string, bold: boolean) => {
    rowKinds[row] = 'band';
    const y = BODY_TOP + row * ROW_H;
    const right = COLUMN_X[COLUMNS.length];
    doc.rect(MARGIN_X, y, right - MARGIN_X, ROW_H).fill(fill);
    doc.lineWidth(0.3).strokeColor(HAIR).moveTo(MARGIN_X, y + ROW_H).lineTo(right, y + ROW_H).stroke();
    doc.fillColor(INK);
    textAt(measure.printable(label), MARGIN_X + mm(2), y, ROW_H, 8, bold ? 'SansBold' : 'Sans');
  };
  const heading = (row: number, cont: boolean) => {
    band(row, cont ? `${villageLabel}（续）` : villageLabel, CREAM, true);
    doc.rect(MARGIN_X, BODY_TOP + row * ROW_H, mm(0.8), ROW_H).fill(RED);
    doc.fillColor(INK);
  };

  const pager = new Pager(rowsPerPage, { page: startPage, continued: (row) => heading(row, true) });
  let vHouseholds = 0;
  let vPersons = 0;
  let vName = '';
  let village: string | null = null;
  const totals = () => band(pager.line(), `${vName} 小计：${vHouseholds} 户 ${vPersons} 人`, HEAD_FILL, true);

  const report = (h: repo.RosterPdfHousehold, name: string, values: string[]) => {
    const text = values.join('');
    if (measure.drawable(text)) return;
    missingTotal++;
    if (missing.length < MAX_MISSING) missing.push({ name, householdNumber: h.number, chars: [...new Set(values.flatMap((v) => (measure.drawable(v) ? [] : [...v].filter((ch) => !measure.drawable(ch)))))] });
  };

  try {
    let pageAtHousehold = 0;
    for await (const h of repo.households(ctx.db, ids)) {
      if (h.village_id !== village) {
        if (village !== null) totals();
        village = h.village_id;
        villages++;
        vName = h.village_name;
        villageLabel = `${h.township_name} · ${h.village_name}`;
        vHouseholds = 0;
        vPersons = 0;
        heading(pager.heading(), false);
      }
      households++;
      vHouseholds++;
      const rows = h.members.length ? h.members : [null];
      rows.forEach((p, k) => {
        const row = pager.line();
        rowKinds[row] = 'body';
        const y = BODY_TOP + row * ROW_H;
        const first = k === 0 || pager.pages !== pageAtHousehold;
        pageAtHousehold = pager.pages;
        const hv: Partial<Record<ColumnKey, string>> = first
          ? {
              seq: String(households),
              township: h.township_name,
              village: h.village_name,
              group: h.group_name,
              number: h.number,
              head: h.head_name,
              size: String(h.size),
              attribute: h.attribute,
              cause: h.main_cause,
              status: h.status,
              plannedExit: h.planned_exit_year ? String(h.planned_exit_year) : '',
            }
          : {};
        const phone = p?.phone || (k === 0 ? h.phone : '');
        const pv: Partial<Record<ColumnKey, string>> = p
          ? { relation: p.relation, name: p.name, gender: p.gender, idNumber: masked ? maskIdNumber(p.id_number) : p.id_number, phone: masked ? maskPhone(phone) : phone }
          : { phone: masked ? maskPhone(phone) : phone };
        if (p) {
          persons++;
          vPersons++;
          report(h, p.name, [p.name, p.relation, ...(k === 0 ? [h.head_name, h.group_name, h.village_name] : [])]);
        } else report(h, h.head_name, [h.head_name, h.group_name, h.village_name]);
        const line = k === rows.length - 1 ? GROUP_RULE : HAIR;
        doc.lineWidth(k === rows.length - 1 ? 0.5 : 0.3).strokeColor(line).moveTo(MARGIN_X, y + ROW_H).lineTo(COLUMN_X[COLUMNS.length], y + ROW_H).stroke();
        doc.fillColor(INK);
        runs.length = 0;
        COLUMNS.forEach((c, i) => cell(i, (hv[c.key] ?? pv[c.key] ?? '') as string, y));
        writeRuns(doc, fonts, runs);
      });
      if (households % 200 === 0) {
        opts.onProgress?.(households, ids.length);
        opts.signal?.throwIfAborted();
        if (w.failed.aborted) throw w.failed.reason;
        if (out.writableLength > 4 * 1024 * 1024) await once(out, 'drain', { signal: w.failed });
        else await new Promise<void>((r) => setImmediate(r));
      }
    }
    if (village !== null) totals();
    band(pager.last(), `合计：${villages} 个村 ${households} 户 ${persons} 人`, HEAD_FILL, true);
    finishPage();
    doc.end();
    await once(out, 'finish', { signal: w.failed });
    opts.signal?.throwIfAborted();
    if (pager.pages !== totalPages) throw new Error(`page count ${pager.pages} differs from the layout's ${totalPages}`);
    await w.commit();
    opts.onProgress?.(ids.length, ids.length);
  } catch (e) {
    const err = await w.abort(e);
    throw opts.signal?.aborted && e === opts.signal.reason ? e : err;
  }
  if (missingTotal > missing.length) missing.push({ name: `…另有 ${missingTotal - missing.length} 人`, householdNumber: '', chars: [] });
  return { pages: totalPages, households, persons, villages, missing };
}
