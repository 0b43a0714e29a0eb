/**
 * From sheet rows to an import plan: rows grouped into households, every row and household
 * checked, each household compared with the database (add / update / unchanged / rejected).
 * Nothing is written here; the plan is what the preview shows and what the commit applies.
 */
import type { FieldKey } from '../../../shared/roster/layout';
import { FIELD } from '../../../shared/roster/layout';
import { cleanText } from '../../../shared/roster/values';
import { AppError } from '../errors';
import { fieldReader, newRowStore, readRow, trimRowStore, valueOf } from './import-rows';
import { householdFields, personFields, signatureOf } from './import-values';
import { ImportReport, type Params } from './import-report';
import type { ImportContext, ImportPlan, PlannedHousehold, SheetRow, Severity } from './import-types';

const HEAD = '户主';

/**
 * Stopping early: once EARLY_ROWS data rows are read, and at every EARLY_ROWS after, the import
 * stops when more than EARLY_SHARE of the rows read so far have an error of their own: the file
 * is not a roster the importer can use (wrong sheet, wrong mapping, IDs stored as numbers), and
 * reading a million such rows would only produce a million refusals.
 */
export const EARLY_ROWS = 5_000;
export const EARLY_SHARE = 0.9;

export interface PlanInput {
  file: string;
  rows: AsyncIterable<SheetRow> | Iterable<SheetRow>;
  headerRow: number;
  columns: Map<FieldKey, number>;
  context: ImportContext;
  today: Date;
  signal?: AbortSignal;
  onRow?: (rowNumber: number) => void;
}

export async function planImport(input: PlanInput): Promise<ImportPlan> {
  const { context, columns } = input;
  const fields = [...columns.keys()];
  const report = new ImportReport();
  const add = (row: number, field: FieldKey | undefined, severity: Severity, rule: string, key: string, params?: Params, group?: string, own?: boolean) =>
    report.add({ row, field, severity, rule, key, params, group, own });
  const store = newRowStore(fields);
  const get = (f: FieldKey, i: number) => valueOf(store, f, i);
  const householdNumberOf = fieldReader(store, 'householdNumber');
  const idNumberOf = fieldReader(store, 'idNumber');
  const relationOf = fieldReader(store, 'relation');
  /** household number → its stored rows, in file order */
  const groups = new Map<string, number[]>();
  let sheetRows = 0;
  let n = 0;
  for await (const r of input.rows) {
    if (r.rowNumber <= input.headerRow) continue;
    if (++n % 2000 === 0) {
      input.signal?.throwIfAborted();
      input.onRow?.(r.rowNumber);
      await new Promise((res) => setImmediate(res)); // keep the process responsive
    }
    const i = readRow(r.rowNumber, r.cells, columns, context.codes, input.today, report, store);
    if (i < 0) continue;
    sheetRows++;
    if (sheetRows % EARLY_ROWS === 0 && store.errors.size > sheetRows * EARLY_SHARE) {
      throw new AppError('VALIDATION', 'roster.import.mostRejected', { rows: sheetRows, rejected: store.errors.size, percent: Math.round((store.errors.size / sheetRows) * 100) });
    }
    const key = householdNumberOf(i) || `\u0000row${r.rowNumber}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  input.signal?.throwIfAborted();
  trimRowStore(store);
  const rowOf = store.row;
  const hasError = (i: number) => store.errors.has(i);

  // The same person twice in the file: both rows are refused.
  const seen = new Map<string, number>();
  const bad = new Set<number>();
  for (const recs of groups.values()) {
    for (const i of recs) {
      const id = idNumberOf(i);
      if (!id) continue;
      const other = seen.get(id);
      if (other !== undefined) {
        add(rowOf[i], 'idNumber', 'error', 'DUPLICATE_IN_FILE', 'roster.row.duplicateInFile', { other: rowOf[other] }, '', true);
        if (!bad.has(other)) add(rowOf[other], 'idNumber', 'error', 'DUPLICATE_IN_FILE', 'roster.row.duplicateInFile', { other: rowOf[i] }, '', true);
        bad.add(i).add(other);
        store.errors.add(i).add(other);
      } else seen.set(id, i);
    }
  }
  seen.clear();

  const hf = householdFields(fields);
  const pf = personFields(fields);
  // Comparing two rows' values of a field: by dictionary index for a repeating field.
  const hk = hf.map((f) => store.column.get(f)!);
  const sameValue = (k: number, a: number, b: number) => {
    const codes = store.codes[k];
    return codes ? codes[a] === codes[b] : store.texts[k]![a] === store.texts[k]![b];
  };
  // The dictionary's entry 0 is ''.
  const isBlank = (k: number, a: number) => {
    const codes = store.codes[k];
    return codes ? codes[a] === 0 : store.texts[k]![a] === '';
  };
  const households: PlannedHousehold[] = [];
  const newVillages = new Map<string, { townshipId: string; townshipName: string; name: string }>();
  const rejectedRows: number[] = [];
  const hc = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
  const pc = { added: 0, updated: 0, unchanged: 0, rejected: 0, removed: 0 };

  for (const [number, recs] of groups) {
    const first = recs[0];
    let rejected = recs.some(hasError);
    /** Rows of this household given an error here (beyond their own). */
    const withError = new Set<number>();
    const hhIssue = (rule: string, key: string, params?: Params, field?: FieldKey) => {
      add(rowOf[first], field, 'error', rule, key, params, rule === 'UNKNOWN_TOWNSHIP' ? undefined : '', true);
      withError.add(rowOf[first]);
      rejected = true;
    };

    // Household fields come from the first row; a member row that disagrees is a warning. A
    // blank one does not disagree: national exports put the phone etc. on the head's row only.
    for (let m = 1; m < recs.length; m++) {
      for (let n = 0; n < hf.length; n++) {
        if (!sameValue(hk[n], recs[m], first) && !isBlank(hk[n], recs[m])) {
          const f = hf[n];
          add(rowOf[recs[m]], f, 'warning', 'FIELD_DIFFERS', 'roster.row.fieldDiffers', { field: FIELD[f].header, first: get(f, first) }, '');
        }
      }
    }
    const townshipText = get('township', first);
    const township = context.townshipsByName.get(cleanText(townshipText));
    if (townshipText && !township) hhIssue('UNKNOWN_TOWNSHIP', 'roster.row.unknownTownship', { value: townshipText }, 'township');

    let heads = 0;
    for (const i of recs) if (relationOf(i) === HEAD) heads++;
    if (columns.has('relation') && heads === 0) hhIssue('NO_HEAD', 'roster.household.noHead', undefined, 'relation');
    if (heads > 1) hhIssue('TWO_HEADS', 'roster.household.twoHeads', { count: heads }, 'relation');
    const stated = store.statedSize[first];
    if (stated >= 0 && stated !== recs.length) {
      add(rowOf[first], 'size', 'warning', 'SIZE_DIFFERS', 'roster.row.sizeDiffers', { stated, actual: recs.length }, '', true);
    }
    // One person, one household: someone registered in a household this file does not touch.
    let allNew = true;
    for (const i of recs) {
      const id = idNumberOf(i);
      const home = id ? context.personHousehold.get(id) : undefined;
      if (home !== undefined) allNew = false;
      if (home !== undefined && home !== number && !groups.has(home)) {
        add(rowOf[i], 'idNumber', 'error', 'IN_OTHER_HOUSEHOLD', 'roster.row.inOtherHousehold', { number: home, head: context.households.get(home)?.head ?? '' }, '', true);
        withError.add(rowOf[i]);
        rejected = true;
      }
    }

    if (rejected) {
      hc.rejected++;
      pc.rejected += recs.length;
      for (const i of recs) {
        rejectedRows.push(rowOf[i]);
        if (!hasError(i) && !withError.has(rowOf[i])) add(rowOf[i], undefined, 'error', 'HOUSEHOLD_REJECTED', 'roster.row.householdRejected');
      }
      continue;
    }

    // The row's values serve as the member's (the household fields in them are simply not used).
    const villageName = get('village', first);
    if (township && !context.villages.has(`${township.id}|${villageName}`)) {
      newVillages.set(`${township.id}|${villageName}`, { townshipId: township.id, townshipName: township.name, name: villageName });
    }
    const existing = context.households.get(number);
    const sig = existing
      ? signatureOf(
          hf.map((f) => get(f, first)),
          recs.map((i) => pf.map((f) => get(f, i))),
        )
      : '';
    const action = !existing ? 'add' : existing.signature === sig ? 'unchanged' : 'update';
    hc[action === 'add' ? 'added' : action === 'update' ? 'updated' : 'unchanged']++;
    for (const i of recs) {
      if (action === 'unchanged') pc.unchanged++;
      else if (context.personHousehold.get(idNumberOf(i)) === undefined) pc.added++;
      else pc.updated++;
    }
    households.push({
      number,
      firstRow: rowOf[first],
      townshipId: township?.id ?? '',
      villageName,
      // A copy at its exact length: the pushed-to list has room for 17 (≈110 bytes a household more).
      members: recs.slice(),
      action,
      existingId: existing?.id,
      allNew: action === 'add' && allNew,
    });
  }
  // Members of updated households that the file no longer lists (and who moved nowhere).
  const updated = new Set(households.filter((h) => h.action === 'update').map((h) => h.number));
  if (updated.size > 0) {
    const inFile = new Set<string>();
    for (const h of households) for (const i of h.members) inFile.add(idNumberOf(i));
    for (const [id, home] of context.personHousehold) if (updated.has(home) && !inFile.has(id)) pc.removed++;
  }

  return {
    file: input.file,
    sheetRows,
    fields,
    rows: store,
    households,
    newVillages: [...newVillages.values()],
    householdCounts: hc,
    personCounts: pc,
    groups: report.list(),
    findings: report.total,
    rejectedRows: rejectedRows.sort((a, b) => a - b),
  };
}
