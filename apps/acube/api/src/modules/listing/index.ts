// The admin lists' shared query: its TypeBox schemas and its Drizzle conditions. Not a module
// with routes of its own: each list's module builds its query schema and its repository's
// conditions from these, so every list filters, sorts and pages the same way.
export { checkFilter } from './check-filter.ts';
export { dayRange, startOfDayIn } from './day-range.ts';
export { type ListPageOf, listAnswer, nextBefore, readListPage } from './list-page.ts';
export {
  DEFAULT_PAGE_SIZE,
  type ListFilter,
  type ListParams,
  listFilter,
  listPage,
  listQuery,
  pageWindow,
  parseSort,
  sortParam,
} from './list-query.ts';
export { listExportQuery, listSource } from './list-source.ts';
export {
  cursorOf,
  type ListColumns,
  type ListCursor,
  likePattern,
  listAfter,
  listOrder,
  listWhere,
} from './list-sql.ts';
