/** The one read a damaged database's rescue needs from it: the county (for the other-county check), if that page still reads. */
import Sqlite from 'better-sqlite3';

export function readCountyOfFile(file: string, nativeBinding?: string): { code: string; name: string } | null {
  let db: Sqlite.Database | undefined;
  try {
    db = new Sqlite(file, { readonly: true, fileMustExist: true, nativeBinding });
    const rows = db.prepare("SELECT key, value FROM setting WHERE key IN ('county.code', 'county.name')").all() as { key: string; value: string }[];
    const code = rows.find((r) => r.key === 'county.code')?.value;
    return code ? { code, name: rows.find((r) => r.key === 'county.name')?.value ?? code } : null;
  } catch {
    return null; // the damage may be right there: the backup's own county is then trusted
  } finally {
    db?.close();
  }
}
