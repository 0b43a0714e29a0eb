/**
 * From sheet rows to an import plan: rows grouped into households, every row and household
 * checked, each household compared with the database (add / update / unchanged / rejected).
 * Nothing is written here; the plan is what the preview shows and what the commit applies.
 */
import type { FieldKey } from '../../../shared/roster/layout';
import { blankValues, FIELD } from '../../../shared/roster/layout';
import { cleanText } from '../../../shared/roster/values';
import { issue, readRow, type RowRecord } from './import-rows';
import { householdFields, signature } from './import-values';
import type { ImportContext, ImportPlan, Issue, PlannedHousehold, SheetRow, Values } from './import-types';

const HEAD = '户主';

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
  const issues: Issue[] = [];
  const groups = new Map<string, RowRecord[]>();
  let sheetRows = 0;
  let n = 0;
  for await (const r of input.rows) {
    if (r.rowNumber <= input.headerRow) continue;
    if (++n % 2000 === 0) {
      input.signal?.throwIfAborted();
      input.onRow?.(r.rowNumber);
      await new Promise((res) => setImmediate(res)); // keep the process responsive
    }
    const rec = readRow(r.rowNumber, r.cells, columns, context.codes, input.today, issues);
    if (!rec) continue;
    sheetRows++;
    const key = rec.householdNumber || `\u0000row${rec.row}`;
    const g = groups.get(key);
    if (g) g.push(rec);
    else groups.set(key, [rec]);
  }
  input.signal?.throwIfAborted();

  // The same person twice in the file: both rows are refused.
  const seen = new Map<string, RowRecord>();
  const bad = new Set<RowRecord>();
  for (const recs of groups.values()) {
    for (const rec of recs) {
      if (!rec.idNumber) continue;
      const other = seen.get(rec.idNumber);
      if (other) {
        issues.push(issue(rec.row, 'idNumber', 'error', 'DUPLICATE_IN_FILE', 'roster.row.duplicateInFile', { other: other.row }));
        if (!bad.has(other)) issues.push(issue(other.row, 'idNumber', 'error', 'DUPLICATE_IN_FILE', 'roster.row.duplicateInFile', { other: rec.row }));
        bad.add(rec).add(other);
        rec.hasError = other.hasError = true;
      } else seen.set(rec.idNumber, rec);
    }
  }

  const hf = householdFields(fields);
  const households: PlannedHousehold[] = [];
  const newVillages = new Map<string, { townshipId: string; townshipName: string; name: string }>();
  const rejectedRows: number[] = [];
  const hc = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
  const pc = { added: 0, updated: 0, unchanged: 0, rejected: 0, removed: 0 };

  for (const [number, recs] of groups) {
    const first = recs[0];
    const errorsBefore = issues.length;
    let rejected = recs.some((r) => r.hasError);
    const hhIssue = (rule: string, key: string, params?: Record<string, string | number>, field?: FieldKey) => {
      issues.push({ ...issue(first.row, field, 'error', rule, key, params), householdNumber: number });
      rejected = true;
    };

    // Household fields come from the first row; a member row that disagrees is a warning.
    const household: Values = blankValues();
    for (const f of hf) household[f] = first.values[f] ?? '';
    for (const r of recs.slice(1)) {
      for (const f of hf) {
        if ((r.values[f] ?? '') !== household[f]) {
          issues.push(issue(r.row, f, 'warning', 'FIELD_DIFFERS', 'roster.row.fieldDiffers', { field: FIELD[f].header, first: household[f] ?? '' }));
        }
      }
    }
    const township = context.townshipsByName.get(cleanText(first.values.township ?? ''));
    if (first.values.township && !township) hhIssue('UNKNOWN_TOWNSHIP', 'roster.row.unknownTownship', { value: first.values.township }, 'township');

    const heads = recs.filter((r) => r.values.relation === HEAD).length;
    if (columns.has('relation') && heads === 0) hhIssue('NO_HEAD', 'roster.household.noHead', undefined, 'relation');
    if (heads > 1) hhIssue('TWO_HEADS', 'roster.household.twoHeads', { count: heads }, 'relation');
    const stated = first.statedSize;
    if (stated !== null && stated !== recs.length) {
      issues.push(issue(first.row, 'size', 'warning', 'SIZE_DIFFERS', 'roster.row.sizeDiffers', { stated, actual: recs.length }));
    }
    // One person, one household: someone registered in a household this file does not touch.
    for (const r of recs) {
      const home = r.idNumber ? context.personHousehold.get(r.idNumber) : undefined;
      if (home !== undefined && home !== number && !groups.has(home)) {
        issues.push(issue(r.row, 'idNumber', 'error', 'IN_OTHER_HOUSEHOLD', 'roster.row.inOtherHousehold', { number: home, head: context.households.get(home)?.head ?? '' }));
        rejected = true;
      }
    }

    if (rejected) {
      hc.rejected++;
      pc.rejected += recs.length;
      const withError = new Set(issues.slice(errorsBefore).filter((i) => i.severity === 'error').map((i) => i.row));
      for (const r of recs) {
        rejectedRows.push(r.row);
        if (!r.hasError && !withError.has(r.row)) issues.push(issue(r.row, undefined, 'error', 'HOUSEHOLD_REJECTED', 'roster.row.householdRejected'));
      }
      continue;
    }

    // The row's values serve as the member's (the household fields in them are simply not used).
    const members = recs.map((r) => ({ row: r.row, values: r.values, idNumber: r.idNumber, birthDate: r.birthDate, gender: r.gender }));
    const villageName = household.village ?? '';
    if (township && !context.villages.has(`${township.id}|${villageName}`)) {
      newVillages.set(`${township.id}|${villageName}`, { townshipId: township.id, townshipName: township.name, name: villageName });
    }
    const existing = context.households.get(number);
    const sig = signature(household, members.map((m) => m.values), fields);
    const action = !existing ? 'add' : existing.signature === sig ? 'unchanged' : 'update';
    hc[action === 'add' ? 'added' : action === 'update' ? 'updated' : 'unchanged']++;
    for (const m of members) {
      const home = context.personHousehold.get(m.idNumber);
      if (action === 'unchanged') pc.unchanged++;
      else if (home === undefined) pc.added++;
      else pc.updated++;
    }
    households.push({
      number,
      firstRow: first.row,
      rows: recs.map((r) => r.row),
      townshipId: township?.id ?? '',
      villageName,
      values: household,
      members,
      action,
      existingId: existing?.id,
    });
  }
  // Members of updated households that the file no longer lists (and who moved nowhere).
  const inFile = new Set<string>();
  for (const h of households) for (const m of h.members) inFile.add(m.idNumber);
  const updated = new Set(households.filter((h) => h.action === 'update').map((h) => h.number));
  for (const [id, home] of context.personHousehold) if (updated.has(home) && !inFile.has(id)) pc.removed++;

  issues.sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    file: input.file,
    sheetRows,
    fields,
    households,
    newVillages: [...newVillages.values()],
    householdCounts: hc,
    personCounts: pc,
    issues,
    rejectedRows: rejectedRows.sort((a, b) => a - b),
  };
}
