import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pino from 'pino';
import { Type } from 'typebox';
import { createServer, type Server } from '../src/http/create-server.ts';
import { launchBrowser } from '../src/testing/browser.ts';
import { testConfig } from '../src/testing/test-config.ts';

let app: Server;
let url: string;

before(async () => {
  app = await createServer({
    config: testConfig(),
    logger: pino({ level: 'silent' }),
    openapi: { title: 'Docs Check API', version: '9.9.9' },
  });
  app.get(
    '/widgets/:id',
    {
      config: { rateLimit: 'unlimited', access: 'public' },
      schema: { summary: 'Read one widget', params: Type.Object({ id: Type.Integer() }) },
    },
    async () => ({}),
  );
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
after(() => app.close());

test('/docs renders the API in a real browser, offline, with no CSP violation', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const foreign: string[] = [];
    await page.route('**/*', (route) => {
      if (!route.request().url().startsWith(url)) {
        foreign.push(route.request().url());
        return route.abort();
      }
      return route.continue();
    });
    await page.goto(`${url}/docs`);
    await page.getByText('Docs Check API').first().waitFor({ timeout: 15_000 });
    await page.getByText('/widgets/{id}').first().waitFor();
    assert.deepEqual(foreign, [], 'nothing is loaded from another host');
    assert.deepEqual(
      problems.filter((p) => /Content Security Policy|Refused/.test(p)),
      [],
    );
  } finally {
    await browser.cleanup();
  }
});
