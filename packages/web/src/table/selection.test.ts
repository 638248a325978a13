import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isSelected, NOTHING, pageState, type Selection, select, selectedCount } from './selection.ts';

test('rows chosen one by one are kept while paging, and a second toggle unchooses', () => {
  let s: Selection = NOTHING;
  s = select(s, { type: 'toggle', id: 'a' });
  s = select(s, { type: 'page', ids: ['c', 'd'], selected: true });
  s = select(s, { type: 'toggle', id: 'c' });
  assert.deepEqual(s.kind === 'rows' ? [...s.ids].sort() : null, ['a', 'd']);
  assert.equal(selectedCount(s, 250), 2);
  assert.equal(pageState(s, ['a', 'b']), 'some');
  assert.equal(pageState(s, ['a', 'd']), 'all');
  assert.equal(pageState(s, ['x']), 'none');
});

test('all matching counts as the whole filter, on every page', () => {
  const s = select(NOTHING, { type: 'matching' });
  assert.equal(selectedCount(s, 250), 250);
  assert.ok(isSelected(s, 'never-shown'));
  assert.equal(pageState(s, ['a', 'b']), 'all');
  assert.equal(select(s, { type: 'page', ids: ['a'], selected: false }), NOTHING);
  assert.deepEqual(select(s, { type: 'toggle', id: 'a' }), { kind: 'rows', ids: new Set(['a']) });
  assert.equal(select(s, { type: 'clear' }), NOTHING);
});
