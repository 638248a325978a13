// The table's state read from, and written to, the URL's query through the router. Each change
// is a new history entry (Back returns to the previous filter, sort or page); a screen that
// wants Back to leave instead would replace. Filters reset the page; a new sort does too.
import { useCallback, useMemo } from 'react';
import { useLocation, useSearch } from 'wouter';
import {
  decodeTableState,
  encodeTableState,
  nextSort,
  type TableSpec,
  type TableState,
  withFilters,
} from './url-state.ts';

export interface TableUrl {
  state: TableState;
  setFilters(filters: Record<string, string>): void;
  sortBy(column: string): void;
  setPage(page: number): void;
  /** Moves to another page in place of this one (the page asked for no longer exists). */
  replacePage(page: number): void;
  setPageSize(size: number): void;
  /** Another parameter of the same URL (an operation id), kept across table changes. */
  param(name: string): string | null;
  setParam(name: string, value: string | null): void;
}

export function useTableUrl(spec: TableSpec): TableUrl {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const state = useMemo(() => decodeTableState(search, spec), [search, spec]);

  const go = useCallback(
    (query: string, replace = false) => navigate(query ? `${location}?${query}` : location, { replace }),
    [location, navigate],
  );
  const to = useCallback(
    (next: TableState, replace = false) => go(encodeTableState(next, spec, search), replace),
    [go, spec, search],
  );

  return useMemo<TableUrl>(
    () => ({
      state,
      setFilters: (filters) => to(withFilters(state, filters)),
      sortBy: (column) => to({ ...state, sort: nextSort(state.sort, column), page: 1 }),
      setPage: (page) => to({ ...state, page }),
      replacePage: (page) => to({ ...state, page }, true),
      setPageSize: (pageSize) => to({ ...state, pageSize, page: 1 }),
      param: (name) => new URLSearchParams(search).get(name),
      setParam: (name, value) => {
        const params = new URLSearchParams(search);
        if (value === null) params.delete(name);
        else params.set(name, value);
        go(params.toString());
      },
    }),
    [state, to, go, search],
  );
}
