// A table's state as a person would bookmark or share it: its filters, its sort and its page,
// kept in the URL's query so a reload and Back bring the same rows back. Decoding is forgiving
// (an unknown column, a page of "abc" or a page size the table does not offer fall back to the
// defaults: an old bookmark still opens); encoding leaves defaults out, so a plain table has a
// plain URL, and keeps every parameter it does not own (another part of the page may use one).

export interface TableSpec {
  /** The filter parameters the table owns, by their API names (`q`, `status`, `created_from`…). */
  filters: readonly string[];
  /** The columns that can be sorted, by their API names. */
  sortable: readonly string[];
  /** `column` or `-column` (descending). */
  defaultSort: string;
  pageSizes: readonly number[];
  defaultPageSize: number;
}

export interface TableState {
  /** Only the filters that have a value. */
  filters: Record<string, string>;
  sort: { column: string; descending: boolean };
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** The parameters the state itself uses besides the filters. */
const OWN = ['sort', 'page', 'page_size'] as const;

export function parseSort(value: string): { column: string; descending: boolean } {
  return value.startsWith('-')
    ? { column: value.slice(1), descending: true }
    : { column: value, descending: false };
}

export function formatSort(sort: { column: string; descending: boolean }): string {
  return `${sort.descending ? '-' : ''}${sort.column}`;
}

function positiveInteger(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

export function decodeTableState(search: string | URLSearchParams, spec: TableSpec): TableState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const filters: Record<string, string> = {};
  for (const name of spec.filters) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value;
  }
  const wanted = parseSort(params.get('sort') ?? spec.defaultSort);
  const sort = spec.sortable.includes(wanted.column) ? wanted : parseSort(spec.defaultSort);
  const size = positiveInteger(params.get('page_size'));
  return {
    filters,
    sort,
    page: positiveInteger(params.get('page')) ?? 1,
    pageSize: size !== undefined && spec.pageSizes.includes(size) ? size : spec.defaultPageSize,
  };
}

/**
 * The query string (without `?`) for `state`: the table's own parameters in a fixed order, the
 * defaults left out, every other parameter of `keep` kept as it was.
 */
export function encodeTableState(
  state: TableState,
  spec: TableSpec,
  keep: string | URLSearchParams = '',
): string {
  const out = new URLSearchParams();
  const owned = new Set<string>([...spec.filters, ...OWN]);
  for (const [name, value] of new URLSearchParams(keep)) if (!owned.has(name)) out.append(name, value);
  for (const name of spec.filters) {
    const value = state.filters[name]?.trim();
    if (value) out.set(name, value);
  }
  const sort = formatSort(state.sort);
  if (sort !== spec.defaultSort) out.set('sort', sort);
  if (state.page > 1) out.set('page', String(state.page));
  if (state.pageSize !== spec.defaultPageSize) out.set('page_size', String(state.pageSize));
  return out.toString();
}

/** The list route's query for this state: the filters, the sort and the page. */
export function listQuery(state: TableState): URLSearchParams {
  const out = new URLSearchParams(state.filters);
  out.set('sort', formatSort(state.sort));
  out.set('page', String(state.page));
  out.set('page_size', String(state.pageSize));
  return out;
}

/** A click on a column's header: the same column turns around, another starts ascending. */
export function nextSort(
  current: { column: string; descending: boolean },
  column: string,
): { column: string; descending: boolean } {
  return current.column === column
    ? { column, descending: !current.descending }
    : { column, descending: false };
}

/** New filters start again on the first page (the old page may not exist any more). */
export function withFilters(state: TableState, filters: Record<string, string>): TableState {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(filters)) if (value.trim()) kept[name] = value.trim();
  return { ...state, filters: kept, page: 1 };
}

/** The last page there is for `total` rows (1 when there are none). */
export function lastPage(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The rows a page shows, 1-based and inclusive ({ first: 51, last: 75 } of 250); null when none. */
export function pageRange(
  page: number,
  pageSize: number,
  total: number,
): { first: number; last: number } | null {
  const first = (page - 1) * pageSize + 1;
  if (total <= 0 || first > total) return null;
  return { first, last: Math.min(total, page * pageSize) };
}

/** A stable key of the filters alone: a selection made under other filters no longer holds. */
export function filterKey(filters: Record<string, string>): string {
  return JSON.stringify(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)));
}
