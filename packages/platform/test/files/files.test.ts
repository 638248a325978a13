// Uploads through a real app: type from the bytes, size limits, server-chosen names; and on
// PostgreSQL storage, a file written by one process is read by another.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { spawnApp } from '../../src/testing/spawn-app.ts';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { createEmptyDatabase, testDbKind } from '../../src/testing/test-database.ts';
import { jobsAppSpec } from '../fixtures/jobs-app/spec.ts';

// A 1x1 PNG, and the first bytes of a Windows executable (MZ header pointing at a PE header).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
function peExecutable(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

function multipart(filename: string, bytes: Buffer, contentType = 'image/png') {
  const boundary = `----test${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let t: TestApp;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'files-'));
  t = await createTestApp(jobsAppSpec, { env: { DATA_DIR: dir } });
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const upload = (filename: string, bytes: Buffer, type?: string) =>
  t.app.inject({ method: 'POST', url: '/uploads', ...multipart(filename, bytes, type) });

test('an image is stored under a server-chosen id and served back through the route', async () => {
  const res = await upload('holiday.png', PNG);
  assert.equal(res.statusCode, 201);
  const body = res.json();
  assert.match(body.id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(
    { mime: body.mime, size: body.size, name: body.name },
    { mime: 'image/png', size: PNG.length, name: 'holiday.png' },
  );
  const back = await t.app.inject({ url: `/uploads/${body.id}` });
  assert.equal(back.statusCode, 200);
  assert.equal(back.headers['content-type'], 'image/png');
  assert.match(String(back.headers['content-disposition']), /^attachment; filename="holiday.png"$/);
  assert.deepEqual(back.rawPayload, PNG);
});

test('a PE executable named photo.png is refused with 415, whatever its Content-Type says', async () => {
  const res = await upload('photo.png', peExecutable(), 'image/png');
  assert.equal(res.statusCode, 415);
  assert.equal(res.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
  const text = await upload('notes.png', Buffer.from('just some text, not an image'));
  assert.equal(text.statusCode, 415);
});

test('a body over the limit gets 413', async () => {
  const big = Buffer.concat([PNG, Buffer.alloc(250_000)]);
  const res = await upload('big.png', big);
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE');
});

test('a file name like ../../x changes nothing on disk outside the store', async () => {
  const before = await readdir(dir, { recursive: true });
  const res = await upload('../../x', PNG);
  assert.equal(res.statusCode, 201);
  assert.equal(res.json().name, 'x');
  const after = await readdir(dir, { recursive: true });
  const added = after.filter((p) => !before.includes(p));
  const id = res.json().id as string;
  if (testDbKind() === 'pglite') {
    assert.ok(added.includes(join('files', id.slice(0, 2), id)), 'stored under its id');
    assert.ok(
      added.every((p) => p.startsWith('files')),
      `nothing outside the store: ${added.join(', ')}`,
    );
  } else {
    assert.deepEqual(added, [], 'PostgreSQL storage writes nothing to disk');
  }
  assert.ok(!after.some((p) => p.endsWith('x') && !p.includes(id)));
});

test('on PostgreSQL storage, a file written by one process is read by another', {
  skip: testDbKind() !== 'postgres' && 'the embedded default is one process',
}, async () => {
  const cli = fileURLToPath(new URL('../fixtures/jobs-app/cli.ts', import.meta.url));
  const db = await createEmptyDatabase('files_two');
  const env = (n: number) => ({
    PORT: '0',
    DATABASE_URL: db.url,
    DATA_DIR: join(dir, `p${n}`),
    LOG_FILE: 'off',
  });
  const writer = await spawnApp(cli, env(1));
  const reader = await spawnApp(cli, env(2));
  try {
    const form = new FormData();
    form.append('file', new Blob([PNG], { type: 'image/png' }), 'shared.png');
    const res = await fetch(`${writer.url}/uploads`, { method: 'POST', body: form });
    assert.equal(res.status, 201);
    const { id } = (await res.json()) as { id: string };
    const back = await fetch(`${reader.url}/uploads/${id}`);
    assert.equal(back.status, 200);
    assert.deepEqual(Buffer.from(await back.arrayBuffer()), PNG);
  } finally {
    await writer.stop();
    await reader.stop();
    await db.drop();
  }
});
