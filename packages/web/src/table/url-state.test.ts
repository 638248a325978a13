import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  decodeTableState,
  encodeTableState,
  filterKey,
  lastPage,
  listQuery,
  nextSort,
  pageRange,
  type TableSpec,
  withFilters,
} from './url-state.ts';

const spec: TableSpec = {
  filters: ['q', 'status', 'created_from', 'created_to'],
  sortable: ['created_at', 'name', 'status'],
  defaultSort: '-created_at',
  pageSizes: [10, 25, 50, 100],
  defaultPageSize: 25,
};

test('a URL decodes to the filters, sort and page it names', () => {
  const state = decodeTableState('q=ada&status=new&sort=name&page=3&page_size=50', spec);
  assert.deepEqual(state, {
    filters: { q: 'ada', status: 'new' },
    sort: { column: 'name', descending: false },
    page: 3,
    pageSize: 50,
  });
});

test('an empty URL is the defaults', () => {
  assert.deepEqual(decodeTableState('', spec), {
    filters: {},
    sort: { column: 'created_at', descending: true },
    page: 1,
    pageSize: 25,
  });
});

test('what the table cannot use falls back to the defaults rather than failing', () => {
  const state = decodeTableState('sort=-password&page=abc&page_size=7&other=1&q=%20%20', spec);
  assert.deepEqual(state.sort, { column: 'created_at', descending: true });
  assert.equal(state.page, 1);
  assert.equal(state.pageSize, 25);
  assert.deepEqual(state.filters, {});
  assert.equal(decodeTableState('page=0', spec).page, 1);
  assert.equal(decodeTableState('page=-2', spec).page, 1);
});

test('encoding leaves the defaults out and keeps the parameters the table does not own', () => {
  const state = decodeTableState('', spec);
  assert.equal(encodeTableState(state, spec), '');
  assert.equal(
    encodeTableState(
      { ...state, filters: { status: 'new', q: 'a b' }, page: 2 },
      spec,
      'operation=op-1&page=9',
    ),
    'operation=op-1&q=a+b&status=new&page=2',
  );
});

test('decode and encode are each other’s inverse for every state the table can be in', () => {
  const samples = [
    'q=%C4%B0stanbul&status=new',
    'created_from=2026-01-01&created_to=2026-01-31&sort=status&page=4&page_size=100',
    'sort=-name&page=2',
  ];
  for (const search of samples) {
    const state = decodeTableState(search, spec);
    assert.equal(encodeTableState(state, spec), new URLSearchParams(search).toString(), search);
    assert.deepEqual(decodeTableState(encodeTableState(state, spec), spec), state);
  }
});

test('the list query always names the sort and the page', () => {
  const query = listQuery(decodeTableState('status=new&page=2', spec));
  assert.equal(query.toString(), 'status=new&sort=-created_at&page=2&page_size=25');
});

test('a header click turns the same column around and starts another ascending', () => {
  assert.deepEqual(nextSort({ column: 'name', descending: false }, 'name'), {
    column: 'name',
    descending: true,
  });
  assert.deepEqual(nextSort({ column: 'name', descending: true }, 'name'), {
    column: 'name',
    descending: false,
  });
  assert.deepEqual(nextSort({ column: 'name', descending: true }, 'status'), {
    column: 'status',
    descending: false,
  });
});

test('new filters go back to the first page and drop empty values', () => {
  const state = decodeTableState('status=new&page=5', spec);
  assert.deepEqual(withFilters(state, { status: 'read', q: '  ' }), {
    ...state,
    filters: { status: 'read' },
    page: 1,
  });
});

test('page ranges and the last page', () => {
  assert.deepEqual(pageRange(3, 25, 250), { first: 51, last: 75 });
  assert.deepEqual(pageRange(10, 25, 240), { first: 226, last: 240 });
  assert.equal(pageRange(1, 25, 0), null);
  assert.equal(pageRange(11, 25, 250), null);
  assert.equal(lastPage(250, 25), 10);
  assert.equal(lastPage(251, 25), 11);
  assert.equal(lastPage(0, 25), 1);
});

test('the filter key ignores the order the filters were given in', () => {
  assert.equal(filterKey({ a: '1', b: '2' }), filterKey({ b: '2', a: '1' }));
  assert.notEqual(filterKey({ a: '1' }), filterKey({ a: '2' }));
});
