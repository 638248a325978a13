// Uploads through the real A-Cube server: an image in, served back to admins only; an
// executable disguised as an image refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type AcubeTest, startAcube } from '../helpers.ts';

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
let t: AcubeTest;
let staff = '';
before(async () => {
  t = await startAcube();
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

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
