import { AppError } from '../errors';

const SHOWN = 3;

/** Refuses a delete while anything still references the record, naming what does. */
export function refuseIfReferenced(name: string, refs: Partial<Record<'villages' | 'groups' | 'units' | 'teams', string[]>>): void {
  const parts = Object.entries(refs)
    .filter(([, names]) => names && names.length > 0)
    .map(([kind, names]) => ({
      key: `inUse.${kind}`,
      params: { count: names!.length, names: names!.slice(0, SHOWN).join('、') + (names!.length > SHOWN ? ' 等' : '') },
    }));
  if (parts.length > 0) throw new AppError('IN_USE', 'inUse', { name }, { parts });
}
