import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageProblem, sizeText, typeNames } from './image-file.ts';

const rules = { types: ['image/png', 'image/jpeg', 'image/webp'], max_bytes: 10 * 1024 * 1024 };

test('a file of an allowed type within the limit passes; the limit itself is allowed', () => {
  assert.equal(imageProblem({ type: 'image/png', size: 1000 }, rules), null);
  assert.equal(imageProblem({ type: 'image/webp', size: rules.max_bytes }, rules), null);
});

test('another type, or one byte past the limit, is named as the problem', () => {
  assert.equal(imageProblem({ type: 'image/gif', size: 10 }, rules), 'type');
  assert.equal(imageProblem({ type: '', size: 10 }, rules), 'type', 'a file the browser cannot type');
  assert.equal(imageProblem({ type: 'image/jpeg', size: rules.max_bytes + 1 }, rules), 'size');
});

test('the types and sizes read as words in each language', () => {
  assert.equal(typeNames(rules.types, 'en-GB'), 'PNG, JPEG or WebP');
  assert.equal(typeNames(rules.types, 'tr-TR'), 'PNG, JPEG veya WebP');
  assert.equal(sizeText(rules.max_bytes, 'en-GB'), '10 MB');
  assert.equal(sizeText(rules.max_bytes + 1024 * 1024 * 1.5, 'en-GB'), '11.5 MB');
  assert.equal(sizeText(2048, 'en-GB'), '2 kB');
  assert.equal(sizeText(12, 'en-GB'), '12 bytes');
});
