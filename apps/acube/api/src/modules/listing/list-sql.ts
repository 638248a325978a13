// The admin lists' query as Drizzle conditions, one way for every list: the text search, the
// status, the days in the organisation's zone, the older clients' `before`, the order (with the
// id as the tie-break, so pages never overlap), and the keyset after a row in that order (what
// an export reads its batches with). A repository names its columns once (ListColumns) and adds
// the conditions only it has (a booking's session type, a registration's event).
import { and, asc, type Column, desc, eq, gt, gte, ilike, lt, or, type SQL } from 'drizzle-orm';
import { dayRange } from './day-range.ts';
import { type ListFilter, type ListParams, parseSort } from './list-query.ts';

export interface ListColumns {
  id: Column;
  createdAt: Column;
  status: Column;
  /** What `q` looks in. */
  text: Column[];
  /** Each sortable name: its column, and the row's property holding its value. */
  sortable: Record<string, { column: Column; key: string }>;
}

/** A row's place in a sort order: its sort column's value and its id. */
export interface ListCursor {
  value: unknown;
  id: string;
}

/** `%` and `_` are text, not wildcards, in what a person types. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function listWhere(
  columns: ListColumns,
  filter: ListFilter & Pick<Partial<ListParams>, 'before'>,
  timeZone: string,
  extra: (SQL | undefined)[] = [],
): SQL | undefined {
  const { start, end } = dayRange(filter.created_from, filter.created_to, timeZone);
  const q = filter.q?.trim();
  return and(
    q ? or(...columns.text.map((c) => ilike(c, likePattern(q)))) : undefined,
    filter.status ? eq(columns.status, filter.status) : undefined,
    start ? gte(columns.createdAt, start) : undefined,
    end ? lt(columns.createdAt, end) : undefined,
    filter.before ? lt(columns.createdAt, new Date(filter.before)) : undefined,
    ...extra,
  );
}

function sortColumn(columns: ListColumns, sort: string) {
  const { column, descending } = parseSort(sort);
  const sortable = columns.sortable[column];
  // The query schema lets only these through; reaching here otherwise is a bug.
  if (!sortable) throw new Error(`"${column}" is not a sortable column`);
  return { ...sortable, descending };
}

/** ORDER BY the sort, then the id the same way. */
export function listOrder(columns: ListColumns, sort: string): SQL[] {
  const { column, descending } = sortColumn(columns, sort);
  const dir = descending ? desc : asc;
  return [dir(column), dir(columns.id)];
}

/** The rows after `cursor` in the sort's order. */
export function listAfter(
  columns: ListColumns,
  sort: string,
  cursor: ListCursor | undefined,
): SQL | undefined {
  if (!cursor) return undefined;
  const { column, descending } = sortColumn(columns, sort);
  const beyond = descending ? lt : gt;
  return or(beyond(column, cursor.value), and(eq(column, cursor.value), beyond(columns.id, cursor.id)));
}

/** Where `row` stands in the sort's order. */
export function cursorOf(columns: ListColumns, sort: string, row: Record<string, unknown>): ListCursor {
  const { key } = sortColumn(columns, sort);
  return { value: row[key], id: String(row.id) };
}
