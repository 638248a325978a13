import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from '@campus/platform/audit';
import { createTestClock } from '@campus/platform/clock';
import type { Db, Tx } from '@campus/platform/db';
import type { PersonalRecords } from '../../submissions/index.ts';
import { RECORD_KINDS } from '../privacy.schemas.ts';
import { eraseExpiredRecords } from './erase-expired-records.ts';

function fakes(erased: Record<string, number>, retentionDays: number) {
  const asked: { kind: string; before: string }[] = [];
  const audited: AuditEntry[] = [];
  const records = Object.fromEntries(
    RECORD_KINDS.map((kind) => [
      kind,
      {
        count: async () => 0,
        find: async () => [],
        erase: async () => 0,
        eraseClosed: async ({ before }: { before: Date }) => {
          asked.push({ kind, before: before.toISOString() });
          return erased[kind] ?? 0;
        },
      } satisfies PersonalRecords,
    ]),
  ) as unknown as Record<(typeof RECORD_KINDS)[number], PersonalRecords>;
  const db = { transaction: (fn: (tx: Tx) => unknown) => fn({} as Tx) } as unknown as Db;
  const ctx = {
    db,
    clock: createTestClock('2028-06-01T03:17:00Z'),
    audit: { record: async (_tx: unknown, ...entries: AuditEntry[]) => void audited.push(...entries) },
    records,
    retentionDays,
  };
  return { ctx, asked, audited };
}

test('a run erases each kind past the period and audits the counts, nothing of the people', async () => {
  const { ctx, asked, audited } = fakes({ bookings: 2, contact_messages: 1 }, 365);
  const result = await eraseExpiredRecords(ctx);
  assert.deepEqual(result, {
    counts: { bookings: 2, registrations: 0, volunteer_applications: 0, contact_messages: 1 },
    before: '2027-06-02T03:17:00.000Z',
  });
  assert.deepEqual(
    asked.map((a) => a.kind),
    [...RECORD_KINDS],
  );
  assert.ok(asked.every((a) => a.before === '2027-06-02T03:17:00.000Z'));
  assert.deepEqual(audited, [
    {
      action: 'privacy.retention_erased',
      entity: 'person',
      changes: {
        counts: { bookings: 2, registrations: 0, volunteer_applications: 0, contact_messages: 1 },
        retention_days: 365,
        before: '2027-06-02T03:17:00.000Z',
      },
    },
  ]);
});

test('a run that erases nothing writes nothing; RETENTION_DAYS=0 keeps everything and asks nothing', async () => {
  const none = fakes({}, 730);
  await eraseExpiredRecords(none.ctx);
  assert.equal(none.asked.length, RECORD_KINDS.length);
  assert.deepEqual(none.audited, []);

  const kept = fakes({ bookings: 5 }, 0);
  assert.deepEqual(await eraseExpiredRecords(kept.ctx), { kept: true });
  assert.deepEqual(kept.asked, []);
  assert.deepEqual(kept.audited, []);
});
