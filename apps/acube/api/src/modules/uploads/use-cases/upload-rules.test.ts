// The upload rules: one byte over the limit reaches the store, and a download's name is safe in
// a header.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentName, partLimit } from './upload-rules.ts';

test('the part limit lets one byte more through, so that the store answers 413', () => {
  assert.equal(partLimit(10 * 1024 * 1024), 10 * 1024 * 1024 + 1);
});

test('a download name keeps printable ASCII and loses quotes and anything else', () => {
  assert.equal(attachmentName('poster.png'), 'poster.png');
  assert.equal(attachmentName('a "b".pdf'), 'a _b_.pdf');
  assert.equal(attachmentName('affiş\r\n.png'), 'affi___.png');
});
