import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cameraNeedsHttps } from './public-url.ts';

test('plain http is fine on localhost only; https is fine anywhere', () => {
  for (const local of ['http://localhost:3001', 'http://127.0.0.1:3001', 'http://[::1]:3001'])
    assert.equal(cameraNeedsHttps(local), false, local);
  for (const remote of ['http://192.168.1.20:3001', 'http://attn.example.edu', 'http://LOCALHOST.example'])
    assert.equal(cameraNeedsHttps(remote), true, remote);
  assert.equal(cameraNeedsHttps('https://attn.example.edu'), false);
  assert.equal(cameraNeedsHttps('https://192.168.1.20:3001'), false);
});
