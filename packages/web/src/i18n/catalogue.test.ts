import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flatten, missingKeys, placeholderMismatches } from './catalogue.ts';

test('a key missing in one language is reported for that language', () => {
  const missing = missingKeys({
    en: { home: { title: 'Home', hello: 'Hello {name}' } },
    tr: { home: { title: 'Ana sayfa' } },
  });
  assert.deepEqual(missing, { en: [], tr: ['home.hello'] });
});

test('placeholders must agree between languages', () => {
  assert.deepEqual(
    placeholderMismatches({
      en: { a: 'Hi {name}', b: '{count} left' },
      tr: { a: 'Merhaba {ad}', b: '{count} kaldı' },
    }),
    ['a'],
  );
  assert.deepEqual(flatten({ a: { b: { c: 'x' } } }), { 'a.b.c': 'x' });
});
