import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeInFragment } from './scanned-ticket.ts';

test('the code of a QR link is six digits in the fragment, spaces allowed', () => {
  assert.equal(codeInFragment('#123456'), '123456');
  assert.equal(codeInFragment('#123%20456'), '123456');
  assert.equal(codeInFragment('123 456'), '123456');
  assert.equal(codeInFragment(''), null);
  assert.equal(codeInFragment('#12345'), null);
  assert.equal(codeInFragment('#1234567'), null);
  assert.equal(codeInFragment('#abc123'), null);
});
