// Volunteer applications and contact messages through the real A-Cube server: acknowledged by
// mail without the free text, repeats within ten minutes answered with the first reference, and
// readable and changeable by admins only.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { auditLog } from '@campus/platform/tables';
import { type AcubeTest, sentTo, startAcube } from '../helpers.ts';

let t: AcubeTest;
let staff = '';
before(async () => {
  t = await startAcube();
  staff = (await t.admin('staff')).authorization;
});
after(() => t.close());

for (const [path, body, prefix] of [
  [
    '/api/volunteers',
    {
      name: 'Vera <v>',
      email: 'vera@example.org',
      availability: 'weekends',
      message: 'I lost my brother to suicide',
    },
    'V',
  ],
  [
    '/api/contact',
    { name: 'Carl <c>', email: 'carl@example.org', subject: 'Help', message: 'My daughter self-harms' },
    'C',
  ],
] as const) {
  test(`${path}: acknowledged by mail without the free text; a repeat is the same reference; admins only for reading`, async () => {
    const res = await t.app.inject({ method: 'POST', url: path, payload: body });
    assert.equal(res.statusCode, 201, res.body);
    const { reference } = res.json();
    assert.match(reference, new RegExp(`^${prefix}-[2-9A-Z]{6}$`));
    const again = await t.app.inject({ method: 'POST', url: path, payload: body });
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().reference, reference);

    const mail = await t.mail((m) => sentTo(m) === body.email, `mail to ${body.email}`);
    assert.match(mail.subject ?? '', new RegExp(reference));
    assert.ok(!String(mail.text).includes(body.message) && !String(mail.html).includes(body.message));
    assert.match(String(mail.html), /&lt;[vc]&gt;/);
    assert.ok(!JSON.stringify(t.logs).includes(body.message), 'the free text is never logged');
    assert.ok(!JSON.stringify(await t.app.db.select().from(auditLog)).includes(body.message), 'nor audited');

    assert.equal((await t.app.inject({ url: path })).statusCode, 401);
    const list = await t.app.inject({ url: path, headers: { authorization: staff } });
    assert.equal(list.statusCode, 200);
    const item = list.json().items.find((i: { reference: string }) => i.reference === reference);
    assert.equal(item.message, body.message);
    const next = path === '/api/contact' ? 'read' : 'reviewing';
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `${path}/${item.id}/status`,
      payload: { status: next },
      headers: { authorization: staff },
    });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.json().status, next);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `${path}/${item.id}/status`,
      payload: { status: 'nonsense' },
      headers: { authorization: staff },
    });
    assert.equal(bad.statusCode, 400);
  });
}
