/** Wall-chart template rows (migration 0008). */
import type { Conn } from '../db/rows';
import type { WallchartTemplateTable } from '../db/schema';

export type TemplateRow = WallchartTemplateTable;

export async function listRows(db: Conn): Promise<TemplateRow[]> {
  return db.selectFrom('wallchart_template').selectAll().orderBy('level').orderBy('name').execute();
}

export async function getRow(db: Conn, id: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('wallchart_template').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function rowByName(db: Conn, name: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('wallchart_template').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function rowByBuiltin(db: Conn, builtin: string): Promise<TemplateRow | undefined> {
  return db.selectFrom('wallchart_template').selectAll().where('builtin', '=', builtin).executeTakeFirst();
}

export async function countRows(db: Conn): Promise<number> {
  const r = await db.selectFrom('wallchart_template').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertTemplate(db: Conn, row: TemplateRow): Promise<void> {
  await db.insertInto('wallchart_template').values(row).execute();
}

export async function updateTemplate(db: Conn, id: string, patch: Omit<TemplateRow, 'id' | 'created_at' | 'builtin'>): Promise<void> {
  await db.updateTable('wallchart_template').set(patch).where('id', '=', id).execute();
}

export async function deleteTemplate(db: Conn, id: string): Promise<void> {
  await db.deleteFrom('wallchart_template').where('id', '=', id).execute();
}
