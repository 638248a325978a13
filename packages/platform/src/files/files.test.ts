import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanFileName } from './files.ts';

test('a client file name keeps its last part only, without control or shell characters', () => {
  assert.equal(cleanFileName('../../x'), 'x');
  assert.equal(cleanFileName('C:\\Users\\ana\\photo.png'), 'photo.png');
  assert.equal(cleanFileName('..\u0000evil"<b>.png'), 'evilb.png');
  assert.equal(cleanFileName('...'), 'file');
  assert.equal(cleanFileName('a'.repeat(300)).length, 200);
});
