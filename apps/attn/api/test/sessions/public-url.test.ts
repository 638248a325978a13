// PUBLIC_URL in ATTN: the QR code holds <PUBLIC_URL>/c/<session_id>#<code>, and a PUBLIC_URL
// that phones will not open their camera on (plain http away from localhost) is warned about
// once, at start-up.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { startAttn } from '../helpers.ts';
import { openSession } from './session-helpers.ts';

const insecureWarnings = (logs: Record<string, unknown>[]) =>
  logs.filter((l) => l.event === 'config.public_url_insecure');

test('a plain-http PUBLIC_URL on a LAN address is warned about once, and the QR code points there', async () => {
  const t = await startAttn({ PUBLIC_URL: 'http://192.168.1.20:3001/' });
  try {
    const [warning, ...more] = insecureWarnings(t.logs);
    assert.ok(warning, 'warned');
    assert.equal(more.length, 0, 'once');
    assert.equal(warning.level, 40, 'at warn');
    assert.equal(warning.publicUrl, 'http://192.168.1.20:3001');
    assert.match(String(warning.msg), /HTTPS/);

    const course = await t.course({ students: 0 });
    const session = await openSession(t, course);
    const res = await t.app.inject({
      url: `/api/teacher/sessions/${session.id}/code`,
      headers: course.teacher.headers,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.qr_payload, `http://192.168.1.20:3001/c/${session.id}#${body.code}`);
    const qr = await QRCode.toString(body.qr_payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    assert.equal(body.qr_svg, qr, 'the SVG encodes the URL');
    assert.equal(insecureWarnings(t.logs).length, 1, 'requests do not repeat the warning');
  } finally {
    await t.close();
  }
});

test('an https PUBLIC_URL, or the localhost default, is not warned about', async () => {
  const envs: Record<string, string>[] = [{ PUBLIC_URL: 'https://attn.example.edu' }, {}];
  for (const env of envs) {
    const t = await startAttn(env);
    try {
      assert.deepEqual(insecureWarnings(t.logs), [], JSON.stringify(env));
    } finally {
      await t.close();
    }
  }
});
