import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columnStorageKey, readHiddenColumns, saveHiddenColumns, toggleColumn } from './column-choice.ts';

function memoryStore() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

const columns = ['name', 'email', 'status', 'created_at'];

test('a saved choice is read back, per table, keeping only columns the table still has', () => {
  const store = memoryStore();
  saveHiddenColumns(store, 'volunteers', ['email', 'gone']);
  assert.deepEqual(readHiddenColumns(store, 'volunteers', columns), ['email']);
  assert.deepEqual(readHiddenColumns(store, 'contact', columns, ['status']), ['status']);
  assert.equal(store.data.get(columnStorageKey('volunteers')), '["email","gone"]');
});

test('a broken or refused store gives the defaults', () => {
  const store = memoryStore();
  store.setItem(columnStorageKey('t'), '{not json');
  assert.deepEqual(readHiddenColumns(store, 't', columns, ['email']), ['email']);
  const refusing = {
    getItem: () => {
      throw new Error('SecurityError');
    },
    setItem: () => {
      throw new Error('QuotaExceeded');
    },
  };
  assert.deepEqual(readHiddenColumns(refusing, 't', columns), []);
  assert.doesNotThrow(() => saveHiddenColumns(refusing, 't', ['email']));
});

test('a column is hidden and shown again, but the last one visible stays', () => {
  assert.deepEqual(toggleColumn([], columns, 'email'), ['email']);
  assert.deepEqual(toggleColumn(['email'], columns, 'email'), []);
  assert.deepEqual(toggleColumn(['name', 'email', 'status'], columns, 'created_at'), [
    'name',
    'email',
    'status',
  ]);
});
