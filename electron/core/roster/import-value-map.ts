/**
 * 值对照 in the import: the distinct code values a file uses that the office's lists do not have
 * (each once, with its count and a suggestion), and the mapping applied to the rows before the
 * planner reads them. Choices made on the screen are remembered (value_map); an import run
 * without the screen (the CLI) applies the remembered choices and the known older spellings only.
 */
import type { Ctx } from '../context';
import type { Cell, Row } from '../files/rows';
import { FIELD, type FieldKey } from '../../../shared/roster/layout';
import { cleanCode } from '../../../shared/roster/values';
import { KNOWN_SYNONYMS, appliesUnasked, suggestCode, type SuggestionSource } from '../../../shared/roster/value-map';
import { activeEntries, rememberValues, rememberedValues } from './value-map-repo';

/** Distinct unknown values listed per field; past this a column is likely free text, not codes. */
export const MAX_VALUES_PER_FIELD = 100;

export interface UnknownValue {
  field: FieldKey;
  list: string;
  /** The value as the file writes it (its first spelling). */
  raw: string;
  count: number;
  firstRow: number;
  suggestion: string | null;
  source: SuggestionSource | null;
}

export interface ValueScan {
  values: UnknownValue[];
  /** Per field with more distinct unknown values than listed: how many more. */
  more: { field: FieldKey; count: number }[];
  /** The office's active entries of each list the values belong to. */
  entries: Record<string, string[]>;
}

export interface ValueChoice {
  field: FieldKey;
  raw: string;
  /** The list entry, or null: keep the file's value. */
  code: string | null;
}

/** The listed fields a mapping imports, with their sheet columns. */
function listedColumns(columns: Map<FieldKey, number>): { field: FieldKey; list: string; index: number }[] {
  return [...columns].filter(([f]) => FIELD[f].list).map(([field, index]) => ({ field, list: FIELD[field].list!, index }));
}

/** Reads the rows below the header once and collects each listed column's unknown values. */
export async function scanValues(ctx: Ctx, rows: AsyncIterable<Row>, headerRow: number, columns: Map<FieldKey, number>, signal?: AbortSignal): Promise<ValueScan> {
  const entries = await activeEntries(ctx.db.kysely);
  const remembered = await rememberedValues(ctx.db.kysely);
  const cols = listedColumns(columns).map((c) => ({ ...c, known: new Set((entries.get(c.list) ?? []).map(cleanCode)), found: new Map<string, { raw: string; count: number; firstRow: number }>(), more: new Set<string>() }));
  let n = 0;
  for await (const r of rows) {
    if (r.rowNumber <= headerRow) continue;
    if (++n % 5000 === 0) signal?.throwIfAborted();
    for (const c of cols) {
      const text = r.cells[c.index]?.text ?? '';
      if (text === '') continue;
      const v = cleanCode(text);
      if (v === '' || c.known.has(v)) continue;
      const f = c.found.get(v);
      if (f) f.count++;
      else if (c.found.size < MAX_VALUES_PER_FIELD) c.found.set(v, { raw: text.trim(), count: 1, firstRow: r.rowNumber });
      else c.more.add(v);
    }
  }
  const values: UnknownValue[] = [];
  const lists: Record<string, string[]> = {};
  for (const c of cols) {
    if (c.found.size === 0) continue;
    lists[c.list] = entries.get(c.list) ?? [];
    for (const [v, f] of [...c.found].sort((a, b) => b[1].count - a[1].count)) {
      const s = suggestCode(c.list, v, lists[c.list], remembered.get(c.list) ?? new Map());
      values.push({ field: c.field, list: c.list, raw: f.raw, count: f.count, firstRow: f.firstRow, suggestion: s?.code ?? null, source: s?.source ?? null });
    }
  }
  return { values, more: cols.filter((c) => c.more.size > 0).map((c) => ({ field: c.field, count: c.more.size })), entries: lists };
}

export interface AppliedMapping {
  field: FieldKey;
  raw: string;
  code: string;
  count: number;
}

/**
 * The mapping an import applies: the user's choices (remembered for next time) when the screen
 * sent them, else what applies unasked (remembered choices, known older spellings).
 * Returns a row transform and the counts it made, for the report.
 */
export async function valueMapping(ctx: Ctx, columns: Map<FieldKey, number>, choices: readonly ValueChoice[] | undefined) {
  const entries = await activeEntries(ctx.db.kysely);
  const cols = listedColumns(columns);
  const byField = new Map<FieldKey, Map<string, string>>();
  if (choices) {
    const valid = choices.filter((c) => FIELD[c.field]?.list && (c.code === null || (entries.get(FIELD[c.field].list!) ?? []).includes(c.code)));
    await rememberValues(
      ctx.db.kysely,
      valid.map((c) => ({ list: FIELD[c.field].list!, raw: cleanCode(c.raw), code: c.code })),
      ctx.now().toISOString(),
      ctx.operator,
      ctx.newId,
    );
    for (const c of valid) {
      if (c.code === null) continue;
      const m = byField.get(c.field) ?? new Map<string, string>();
      m.set(cleanCode(c.raw), c.code);
      byField.set(c.field, m);
    }
  } else {
    const remembered = await rememberedValues(ctx.db.kysely);
    for (const c of cols) {
      const list = entries.get(c.list) ?? [];
      const known = new Set(list.map(cleanCode));
      const m = new Map<string, string>();
      const mine = remembered.get(c.list) ?? new Map<string, string | null>();
      const candidates = new Set<string>([...mine.keys(), ...Object.keys(KNOWN_SYNONYMS[c.list] ?? {})]);
      for (const raw of candidates) {
        if (known.has(raw)) continue;
        const s = suggestCode(c.list, raw, list, mine);
        if (appliesUnasked(s) && s.code !== null) m.set(raw, s.code);
      }
      if (m.size) byField.set(c.field, m);
    }
  }
  const active = cols.filter((c) => byField.has(c.field)).map((c) => ({ ...c, map: byField.get(c.field)!, counts: new Map<string, number>() }));

  /** The rows with mapped cells replaced (the row objects are the reader's own, changed in place). */
  async function* apply(rows: AsyncIterable<Row>): AsyncGenerator<Row> {
    for await (const r of rows) {
      for (const c of active) {
        const cell = r.cells[c.index];
        if (!cell || cell.text === '') continue;
        const v = cleanCode(cell.text);
        const code = c.map.get(v);
        if (code === undefined) continue;
        r.cells[c.index] = { kind: 'string', text: code } as Cell;
        c.counts.set(v, (c.counts.get(v) ?? 0) + 1);
      }
      yield r;
    }
  }
  const applied = (): AppliedMapping[] => active.flatMap((c) => [...c.counts].map(([raw, count]) => ({ field: c.field, raw, code: c.map.get(raw)!, count })));
  return { apply, applied, active: active.length > 0 };
}
