// A list's page as the routes answer it: the rows and the total from the list's repository, the
// page's size, and, for older clients paging newest first with limit/before, the next cursor.
import { type ListParams, pageWindow } from './list-query.ts';

/** The cursor of the next page of a newest-first list: the last row's created_at when the page is full. */
export function nextBefore(rows: readonly { createdAt: Date }[], limit: number): Date | null {
  return rows.length === limit ? (rows.at(-1)?.createdAt ?? null) : null;
}

export interface ListPageOf<R> {
  rows: R[];
  total: number;
  pageSize: number;
  nextBefore: Date | null;
}

/** Reads one page through a repository's findList and says where the next one starts. */
export async function readListPage<R extends { createdAt: Date }, P extends ListParams>(
  repo: { findList(params: P, timeZone: string): Promise<{ rows: R[]; total: number }> },
  params: P,
  timeZone: string,
): Promise<ListPageOf<R>> {
  const { rows, total } = await repo.findList(params, timeZone);
  const pageSize = pageWindow(params).limit;
  return {
    rows,
    total,
    pageSize,
    nextBefore: params.sort === '-created_at' ? nextBefore(rows, pageSize) : null,
  };
}

/** A page as the list routes answer it, each row mapped by `item` (no cursor: next_before null). */
export function listAnswer<R, T>(
  page: Omit<ListPageOf<R>, 'nextBefore'> & { nextBefore?: Date | null },
  pageNumber: number,
  item: (row: R) => T,
) {
  return {
    items: page.rows.map(item),
    total: page.total,
    page: pageNumber,
    page_size: page.pageSize,
    next_before: page.nextBefore?.toISOString() ?? null,
  };
}
