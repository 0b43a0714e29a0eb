import { useCallback, useEffect, useRef, useState } from 'react';
import type { RosterFilter, RosterRow, RosterSortColumn } from '@shared/domain/roster';
import { ApiError, call } from '../../api/client';

export const PAGE = 200;

interface State {
  key: string;
  total: number | undefined;
  pages: Map<number, RosterRow[]>;
  error: ApiError | undefined;
}

/**
 * The roster list fetched in pages of 200 as the user scrolls (`ensure(start, end)` asks for
 * the rows in view). A change of filter or sort starts again from the top; `reload` refetches.
 */
export function useRosterRows(filter: RosterFilter, sort: RosterSortColumn, desc: boolean) {
  const key = JSON.stringify({ filter, sort, desc });
  const [state, setState] = useState<State>({ key: '', total: undefined, pages: new Map(), error: undefined });
  const inflight = useRef(new Set<string>());
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (page: number, gen: number) => {
      const id = `${gen}:${page}`;
      if (inflight.current.has(id)) return;
      inflight.current.add(id);
      try {
        const r = await call('roster.query', { ...filter, sort, desc, offset: page * PAGE, limit: PAGE });
        if (gen !== generation.current) return;
        setState((s) => {
          const pages = new Map(s.pages);
          pages.set(page, r.rows);
          return { key, total: r.total, pages, error: undefined };
        });
      } catch (e) {
        if (gen === generation.current) setState((s) => ({ ...s, key, error: e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', key: 'internal', message: String(e) }) }));
      } finally {
        inflight.current.delete(id);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );

  // A new filter or sort: start from the top with nothing shown.
  useEffect(() => {
    const gen = ++generation.current;
    setState({ key, total: undefined, pages: new Map(), error: undefined });
    void fetchPage(0, gen);
  }, [fetchPage, key]);

  // After a change (import, save, delete): refetch what is loaded, keeping it on screen meanwhile.
  const stateRef = useRef(state);
  stateRef.current = state;
  const reload = useCallback(() => {
    const gen = ++generation.current;
    const loaded = stateRef.current.key === key ? [...stateRef.current.pages.keys()] : [];
    for (const p of loaded.length ? loaded : [0]) void fetchPage(p, gen);
  }, [fetchPage, key]);

  const pages = state.key === key ? state.pages : undefined;
  const ensure = useCallback(
    (start: number, end: number) => {
      if (!pages) return;
      for (let p = Math.floor(start / PAGE); p <= Math.floor(Math.max(start, end - 1) / PAGE); p++) if (!pages.has(p)) void fetchPage(p, generation.current);
    },
    [pages, fetchPage],
  );
  const row = (i: number): RosterRow | undefined => pages?.get(Math.floor(i / PAGE))?.[i % PAGE];

  return {
    total: state.key === key ? state.total : undefined,
    loading: !pages || !pages.has(0),
    error: state.key === key ? state.error : undefined,
    row,
    ensure,
    reload,
  };
}
