// A staff status change on a volunteer application or a contact message, without a database:
// read, changed and audited with from and to in one transaction; an unknown id is a 404.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '@campus/platform/db';
import { AppError } from '@campus/platform/errors';
import { type ChangeSubmissionStatusContext, changeSubmissionStatus } from './change-submission-status.ts';

const NOW = new Date('2026-01-01T12:00:00Z');
const TX = { tx: true };

function harness(rows: Record<string, { status: string }>) {
  const audited: object[] = [];
  const ctx: ChangeSubmissionStatusContext = {
    db: { transaction: async (fn: (tx: unknown) => unknown) => fn(TX) } as unknown as Db,
    audit: {
      record: async (tx, ...entries) => {
        assert.equal(tx, TX, 'audited in the transaction');
        audited.push(...entries);
      },
    },
    clock: { now: () => NOW, nowMs: () => NOW.getTime() },
  };
  const store = {
    getById: async (id: string, tx?: unknown) => {
      assert.equal(tx, TX, 'read in the transaction');
      return rows[id] && { ...rows[id] };
    },
    setStatus: async (id: string, status: string, at: Date, tx?: unknown) => {
      assert.equal(tx, TX);
      assert.equal(at, NOW);
      if (!rows[id]) return undefined;
      rows[id] = { status };
      return rows[id];
    },
  };
  const change = (id: string, status: string) =>
    changeSubmissionStatus(ctx, {
      entity: 'thing',
      label: 'thing',
      store,
      id,
      status,
      who: { actorId: 'admin-1', ip: null, requestId: 'r1' },
    });
  return { change, audited };
}

test('a change is made and audited with from and to, and the same status again is audited too', async () => {
  const h = harness({ a: { status: 'new' } });
  assert.deepEqual(await h.change('a', 'read'), { status: 'read' });
  await h.change('a', 'read');
  assert.deepEqual(
    h.audited.map((e) => JSON.stringify(e)),
    [
      {
        actorId: 'admin-1',
        ip: null,
        requestId: 'r1',
        action: 'thing.status_changed',
        entity: 'thing',
        entityId: 'a',
        changes: { status: { from: 'new', to: 'read' } },
      },
      {
        actorId: 'admin-1',
        ip: null,
        requestId: 'r1',
        action: 'thing.status_changed',
        entity: 'thing',
        entityId: 'a',
        changes: { status: { from: 'read', to: 'read' } },
      },
    ].map((e) => JSON.stringify(e)),
  );
});

test('an unknown id is a 404 and nothing is audited', async () => {
  const h = harness({});
  await assert.rejects(
    h.change('missing', 'read'),
    (err) => err instanceof AppError && err.statusCode === 404,
  );
  assert.deepEqual(h.audited, []);
});
