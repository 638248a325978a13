// A list's rows for an export: the list query (filter and sort, no paging) checked against the
// list's own (a 400 naming the field otherwise), then read in batches in that order, each batch
// after the last row of the one before. Each module's export adapter is this, given its
// repository's read.
import { type TObject, Type } from 'typebox';
import { checkFilter } from './check-filter.ts';
import { sortParam } from './list-query.ts';
import { cursorOf, type ListColumns, type ListCursor } from './list-sql.ts';

/** The filter of a list and its sort: what an export of it takes. */
export function listExportQuery(filter: TObject, sortable: readonly string[], defaultSort: string) {
  return Type.Object(
    { ...filter.properties, sort: Type.Optional(sortParam(sortable, defaultSort)) },
    { additionalProperties: false },
  );
}

export function listSource<Row extends { id: string }, Q extends { sort?: string }>(spec: {
  query: TObject;
  columns: ListColumns;
  defaultSort: string;
  read(query: Q & { sort: string }, after: ListCursor | undefined, limit: number): Promise<Row[]>;
}) {
  return (query: Record<string, unknown>) => {
    const checked = checkFilter(spec.query, query, 'querystring') as Q;
    const sorted = { ...checked, sort: checked.sort ?? spec.defaultSort };
    return {
      page: (after: ListCursor | undefined, limit: number) => spec.read(sorted, after, limit),
      cursor: (row: Row) => cursorOf(spec.columns, sorted.sort, row as Record<string, unknown>),
    };
  };
}
