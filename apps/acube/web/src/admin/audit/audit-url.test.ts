import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditExportBody, auditListQuery, auditSearch, readAuditUrl } from './audit-url.ts';

test('the URL gives back the filters and the cursor it was made from', () => {
  const filters = { action: 'booking.message_read', actor_id: 'a1', from: '2026-03-01', to: '2026-03-05' };
  const search = auditSearch(filters, 420);
  assert.equal(search, '?action=booking.message_read&actor_id=a1&from=2026-03-01&to=2026-03-05&before=420');
  assert.deepEqual(readAuditUrl(search.slice(1)), { filters, before: 420 });
  assert.equal(auditSearch({}), '');
});

test('malformed days and cursors are left out, unknown parameters ignored', () => {
  assert.deepEqual(readAuditUrl('from=yesterday&to=2026-03-05&before=-3&page=2&entity=%20'), {
    filters: { to: '2026-03-05' },
  });
  assert.deepEqual(readAuditUrl('before=abc'), { filters: {} });
});

test("the list query asks for whole days in the organisation's zone, a page at a time", () => {
  const query = auditListQuery({ action: 'x', from: '2026-03-01', to: '2026-03-01' }, 99, 'Europe/Istanbul');
  assert.equal(query.get('action'), 'x');
  assert.equal(query.get('from'), '2026-02-28T21:00:00.000Z');
  assert.equal(query.get('to'), '2026-03-01T20:59:59.999Z');
  assert.equal(query.get('limit'), '50');
  assert.equal(query.get('before'), '99');
  assert.equal(auditListQuery({}, undefined, 'UTC').toString(), 'limit=50');
});

test('the export takes the same filters under the names it knows', () => {
  assert.deepEqual(auditExportBody({ actor_id: 'a1', entity: 'booking', from: '2026-03-01' }, 'UTC'), {
    admin_id: 'a1',
    entity: 'booking',
    date_from: '2026-03-01T00:00:00.000Z',
  });
});
