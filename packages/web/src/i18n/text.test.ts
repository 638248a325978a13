import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesSearch, searchKey, upper } from './text.ts';

test('a search for "istanbul" finds İSTANBUL, ISTANBUL and Istanbul', () => {
  for (const name of ['İSTANBUL', 'ISTANBUL', 'Istanbul', 'ıstanbul', 'İstanbul Üniversitesi']) {
    assert.ok(matchesSearch(name, 'istanbul'), name);
  }
  assert.ok(matchesSearch('Işık Yılmaz', 'ISIK'));
  assert.ok(!matchesSearch('Ankara', 'istanbul'));
});

test('every word of a query must be found', () => {
  assert.ok(matchesSearch('CENG 101 Programlamaya Giriş', 'ceng giris'));
  assert.ok(!matchesSearch('CENG 101', 'ceng 102'));
  assert.equal(searchKey('ÇĞÖŞÜ'), 'cgosu');
});

test('upper case follows the language', () => {
  assert.equal(upper('istanbul', 'tr'), 'İSTANBUL');
  assert.equal(upper('istanbul', 'en'), 'ISTANBUL');
});
