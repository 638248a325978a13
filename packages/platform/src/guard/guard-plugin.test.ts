import assert from 'node:assert/strict';
import { test } from 'node:test';
import pino from 'pino';
import { createServer } from '../http/create-server.ts';
import { testConfig } from '../testing/test-config.ts';

test('public routes without a rate limit (health, docs, the web UI) never look the caller up', async () => {
  const app = await createServer({
    config: testConfig(),
    logger: pino({ level: 'silent' }),
    openapi: { title: 'Guard', version: '1' },
    policies: { user: '100/minute' },
  });
  let lookups = 0;
  app.guard.useAuthenticator(async () => {
    lookups++;
    return { subject: 'u1', roles: ['student'] } as never;
  });
  app.get('/asset', { config: { rateLimit: 'unlimited', access: 'public' } }, async () => 'ok');
  app.get('/mine', { config: { rateLimit: 'user', access: 'authenticated' } }, async () => 'ok');
  const asset = await app.inject({ url: '/asset', headers: { cookie: 's=1' } });
  assert.equal(asset.statusCode, 200);
  assert.equal(lookups, 0);
  const mine = await app.inject({ url: '/mine', headers: { cookie: 's=1' } });
  assert.equal(mine.statusCode, 200);
  assert.equal(lookups, 1);
  await app.close();
});
