import { AppError } from '../errors';

const SHOWN = 3;

/** Refuses a delete while anything still references the record, naming what does. */
type Kind = 'villages' | 'groups' | 'units' | 'teams' | 'households' | 'measures';
/** Names of what references a record; `{ count, names }` when only the first few names were read. */
type Refs = Partial<Record<Kind, string[] | { count: number; names: string[] }>>;

export function refuseIfReferenced(name: string, refs: Refs): void {
  const parts = Object.entries(refs)
    .map(([kind, r]) => [kind, Array.isArray(r) ? { count: r.length, names: r } : r] as const)
    .filter(([, r]) => r && r.count > 0)
    .map(([kind, r]) => ({
      key: `inUse.${kind}`,
      params: { count: r!.count, names: r!.names.slice(0, SHOWN).join('、') + (r!.count > SHOWN ? ' 等' : '') },
    }));
  if (parts.length > 0) throw new AppError('IN_USE', 'inUse', { name }, { parts });
}
