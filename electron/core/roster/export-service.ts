/**
 * The roster to xlsx in the national layout: one row per person, household fields repeated.
 * Exporting and importing the file again changes nothing.
 */
import type { Ctx } from '../context';
import { writeXlsx, type Cells } from '../files/xlsx-write';
import { requireSettings } from '../settings/service';
import { FIELD, EXPORT_FIELDS } from '../../../shared/roster/layout';
import { exportHouseholds, type ExportFilter } from './export-repo';
import { exportText, householdValues, personValues } from './import-values';

const WIDTHS: Partial<Record<string, number>> = { township: 10, village: 10, householdNumber: 20, personNumber: 22, idNumber: 21, name: 9, phone: 14, personPhone: 14, mainCause: 14, status: 18 };

export async function exportRoster(
  ctx: Ctx,
  file: string,
  filter: ExportFilter = {},
  opts: { signal?: AbortSignal; onProgress?: (rows: number) => void } = {},
): Promise<{ households: number; persons: number }> {
  const { county } = await requireSettings(ctx);
  let households = 0;
  let persons = 0;
  async function* rows(): AsyncGenerator<Cells> {
    for await (const h of exportHouseholds(ctx.db, filter)) {
      households++;
      const hv = householdValues(h.household, h.townshipName, h.villageName);
      for (const p of h.members) {
        persons++;
        const pv = personValues(p);
        yield EXPORT_FIELDS.map((f) => {
          if (f === 'county') return county.name;
          if (f === 'size') return h.household.size;
          const level = FIELD[f].level;
          return exportText(f, level === 'person' ? pv[f] : hv[f]);
        });
      }
    }
  }
  await writeXlsx(
    file,
    [{ name: '贫困人口花名册', columns: EXPORT_FIELDS.map((f) => ({ header: FIELD[f].header, width: WIDTHS[f] ?? 11 })), rows: rows() }],
    { signal: opts.signal, onProgress: opts.onProgress },
  );
  return { households, persons };
}
