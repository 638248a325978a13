// Mail through a real app: .eml files without SMTP; with SMTP, a server that refuses
// connections for a while delays the message but loses nothing, and it arrives exactly once.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createTestApp } from '../../src/testing/test-app.ts';
import { jobsAppSpec } from '../fixtures/jobs-app/spec.ts';

const hostile = {
  name: 'Ana <script>alert(1)</script>',
  email: 'ana@example.org',
  message: 'I "need" <b>help</b> & more',
};

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

test('without SMTP_URL a message becomes an .eml file, and the log redacts the address', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'mail-eml-'));
  const t = await createTestApp(jobsAppSpec, { env: { DATA_DIR: dir } });
  try {
    const res = await t.app.inject({ method: 'POST', url: '/contact', payload: hostile });
    assert.equal(res.statusCode, 202);
    const file = await until('the .eml file', async () => {
      const files = await readdir(join(dir, 'mail')).catch(() => []);
      return files.find((f) => f.endsWith('.eml'));
    });
    const parsed = await simpleParser(await readFile(join(dir, 'mail', file)));
    assert.equal(parsed.subject, `We got your message, ${hostile.name}`);
    assert.match(String(parsed.html), /Ana &lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const line = await until('the log line', async () => t.logs.find((l) => l.event === 'mail.sent'));
    assert.equal(line.to, 'a***@example.org');
    assert.ok(!JSON.stringify(t.logs).includes('ana@example.org'));
  } finally {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('an SMTP server that refuses connections for a while: the request succeeds, the mail arrives once, escaped', async () => {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as { port: number }).port;
  probe.close();
  const dir = await mkdtemp(join(tmpdir(), 'mail-smtp-'));
  const t = await createTestApp(jobsAppSpec, {
    env: { DATA_DIR: dir, SMTP_URL: `smtp://127.0.0.1:${port}` },
  });
  const received: Buffer[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push(Buffer.concat(chunks));
        callback();
      });
    },
  });
  try {
    const res = await t.app.inject({ method: 'POST', url: '/contact', payload: hostile });
    assert.equal(res.statusCode, 202, 'the request does not wait for SMTP');
    // Nothing listens yet: the first attempts fail and the job retries with back-off.
    await until('a failed attempt', async () =>
      t.logs.find((l) => l.event === 'job.failed' && l.queue === 'mail'),
    );
    smtp.listen(port, '127.0.0.1');
    await once(smtp.server, 'listening');
    await until('the delivery', async () => (received.length > 0 ? true : undefined));
    await sleep(3000); // time for a duplicate to show, if there were one
    assert.equal(received.length, 1, 'delivered exactly once');
    const parsed = await simpleParser(received[0] as Buffer);
    assert.equal(parsed.to && 'text' in parsed.to ? parsed.to.text : '', 'ana@example.org');
    assert.match(String(parsed.html), /I &quot;need&quot; &lt;b&gt;help&lt;\/b&gt; &amp; more/);
    assert.doesNotMatch(String(parsed.html), /<script>/);
    assert.match(String(parsed.text), /I "need" <b>help<\/b> & more/);
  } finally {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
});
