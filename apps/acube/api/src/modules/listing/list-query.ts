// The admin lists' query, one builder for every list (bookings, events, registrations,
// volunteers, contact): the same names everywhere, so the panel's tables and the bulk and export
// routes speak one language. A list gives its statuses, its sortable columns and its default
// sort; an unknown sort column fails validation (400) like any other bad input.
import { type Static, type TProperties, type TSchema, Type } from 'typebox';

const literals = <T extends readonly string[]>(values: T) => Type.Union(values.map((v) => Type.Literal(v)));

const DAY = { format: 'date', description: 'YYYY-MM-DD, inclusive, in the organisation time zone' };

/** The filter part: what a bulk operation or an export takes too. */
export function listFilter<P extends TProperties>(statuses: readonly string[], extra: P) {
  return Type.Object(
    {
      q: Type.Optional(
        Type.String({ minLength: 1, maxLength: 200, description: 'case-insensitive text to look for' }),
      ),
      status: Type.Optional(literals(statuses)),
      created_from: Type.Optional(Type.String(DAY)),
      created_to: Type.Optional(Type.String(DAY)),
      ...extra,
    },
    { additionalProperties: false },
  );
}

/** `name` or `-name` for each sortable column. */
export function sortParam(sortable: readonly string[], defaultSort: string) {
  return Type.Union(
    sortable.flatMap((c) => [Type.Literal(c), Type.Literal(`-${c}`)]),
    {
      default: defaultSort,
      description: `a column (${sortable.join(', ')}), prefixed with - for descending`,
    },
  );
}

const paging = {
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'default 25' })),
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 200, description: 'older clients: the page size, with before' }),
  ),
  before: Type.Optional(
    Type.String({
      format: 'date-time',
      description: 'older clients: created_at of the last item of the previous page (next_before)',
    }),
  ),
};

/** The whole list query: the filter, the sort, the page. */
export function listQuery<P extends TProperties>(spec: {
  statuses: readonly string[];
  sortable: readonly string[];
  defaultSort: string;
  extra: P;
}) {
  return Type.Object(
    {
      ...listFilter(spec.statuses, spec.extra).properties,
      sort: sortParam(spec.sortable, spec.defaultSort),
      ...paging,
    },
    { additionalProperties: false },
  );
}

/** The answer of a list: a page of items and how many match in all. */
export function listPage<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer({ minimum: 0, description: 'every item the filter matches' }),
    page: Type.Integer(),
    page_size: Type.Integer(),
    next_before: Type.Union([Type.String(), Type.Null()], {
      description: 'older clients: pass as before for the next page (newest-first order only)',
    }),
  });
}

/** What every list's filter has, whatever its extra fields. */
export interface ListFilter {
  q?: string;
  status?: string;
  created_from?: string;
  created_to?: string;
}

/** What every list's query has. */
export interface ListParams extends ListFilter {
  sort: string;
  page: number;
  page_size?: number;
  limit?: number;
  before?: string;
}

export type ListQueryOf<P extends TProperties> = Static<ReturnType<typeof listQuery<P>>>;

export const DEFAULT_PAGE_SIZE = 25;

/** The page's size and where it starts. */
export function pageWindow(params: Pick<ListParams, 'page' | 'page_size' | 'limit'>): {
  limit: number;
  offset: number;
} {
  const limit = params.page_size ?? params.limit ?? DEFAULT_PAGE_SIZE;
  return { limit, offset: (params.page - 1) * limit };
}

/** The sort as column and direction: `-created_at` is created_at, descending. */
export function parseSort(sort: string): { column: string; descending: boolean } {
  return sort.startsWith('-')
    ? { column: sort.slice(1), descending: true }
    : { column: sort, descending: false };
}
