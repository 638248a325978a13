// Uploads through the real A-Cube server: an image in, served back to admins only; an
// executable disguised as an image refused.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { AccessTokens } from '@campus/platform/auth/access-tokens.ts';
import { PasswordHasher } from '@campus/platform/auth/passwords.ts';
import { createTestApp, type TestApp } from '@campus/platform/testing/test-app.ts';
import { admins } from '../../src/db/schema/index.ts';
import { acubeSpec } from '../../src/spec.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
let t: TestApp;
let dir: string;
let staff = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'acube-uploads-'));
  t = await createTestApp(acubeSpec, { env: { DEMO_DATA: 'false', DATA_DIR: dir } });
  const [row] = await t.app.db
    .insert(admins)
    .values({
      email: 'up@acube.test',
      name: 'Up',
      role: 'staff',
      passwordHash: await new PasswordHasher().hash('u'.repeat(20)),
    })
    .returning();
  const tokens = new AccessTokens({
    appSecret: acubeSpec.loadConfig({ NODE_ENV: 'test' }).appSecret,
    app: 'acube',
    clock: t.clock,
  });
  staff = `Bearer ${await tokens.sign({ sub: row?.id ?? '', roles: ['staff'], sid: crypto.randomUUID() })}`;
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

function multipart(filename: string, bytes: Buffer) {
  const boundary = '----acubetest';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

test('an image is uploaded and served back to admins only; an executable named .png is refused', async () => {
  const body = multipart('poster.png', PNG);
  assert.equal((await t.app.inject({ method: 'POST', url: '/api/admin/uploads', ...body })).statusCode, 401);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/uploads',
    payload: body.payload,
    headers: { ...body.headers, authorization: staff },
  });
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().mime, 'image/png');
  assert.equal((await t.app.inject({ url: res.json().url })).statusCode, 401);
  const back = await t.app.inject({ url: res.json().url, headers: { authorization: staff } });
  assert.deepEqual(back.rawPayload, PNG);

  const exe = Buffer.alloc(256);
  exe.write('MZ', 0, 'latin1');
  exe.writeUInt32LE(0x80, 0x3c);
  exe.write('PE\0\0', 0x80, 'latin1');
  const bad = multipart('photo.png', exe);
  const refused = await t.app.inject({
    method: 'POST',
    url: '/api/admin/uploads',
    payload: bad.payload,
    headers: { ...bad.headers, authorization: staff },
  });
  assert.equal(refused.statusCode, 415);
});
