/**
 * Checking a column mapping before the preview, the same way on the screen, in the service and
 * in the CLI: required fields, fields taken twice, and what would be dropped without a word —
 * an unmapped column that looks like a known field, or a field the 疑点核查 rules read that no
 * column gives.
 */
import { CHECKED_FIELDS, FIELD, LAYOUT, fieldLookingLike, type FieldKey } from './layout';

export interface MappedColumn {
  index: number;
  header: string;
  field: string | null;
}

export interface MappingCheck {
  /** Headers of required fields no column gives. */
  missing: string[];
  /** Headers of fields more than one column gives. */
  twice: string[];
  /** Unmapped columns whose header looks like a field (and that field is not mapped elsewhere). */
  suspects: { index: number; header: string; field: FieldKey }[];
  /** Fields the checks read that no column gives. */
  unchecked: FieldKey[];
}

export function checkColumns(columns: readonly MappedColumn[]): MappingCheck {
  const used = new Map<string, number>();
  for (const c of columns) if (c.field) used.set(c.field, (used.get(c.field) ?? 0) + 1);
  const suspects: MappingCheck['suspects'] = [];
  for (const c of columns) {
    if (c.field || !c.header.trim()) continue;
    const field = fieldLookingLike(c.header);
    if (field && !used.has(field)) suspects.push({ index: c.index, header: c.header, field });
  }
  return {
    missing: LAYOUT.filter((f) => f.required && !used.has(f.key)).map((f) => f.header),
    twice: [...used].filter(([, n]) => n > 1).map(([k]) => FIELD[k as FieldKey]?.header ?? k),
    suspects,
    unchecked: CHECKED_FIELDS.filter((f) => !used.has(f)),
  };
}

/** Whether the user has to confirm (or fix) the mapping before the preview runs. */
export function needsConfirmation(check: MappingCheck): boolean {
  return check.suspects.length > 0 || check.unchecked.length > 0;
}
