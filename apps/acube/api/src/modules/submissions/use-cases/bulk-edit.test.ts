// The bulk edit a bulk operation makes through a module, without a database: in the caller's
// transaction, one audit entry per record changed (none for ids not found), and a status the
// kind does not take refused before anything is written.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AuditEntry } from '@campus/platform/audit';
import type { Tx } from '@campus/platform/db';
import { type BulkEditContext, bulkEditable } from './bulk-edit.ts';

const NOW = new Date('2026-01-01T12:00:00Z');
const TX = { tx: true } as unknown as Tx;
const who = { actorId: 'admin-1', ip: '10.0.0.1', requestId: 'r1' };

function harness(existing: string[]) {
  const audited: AuditEntry[] = [];
  const calls: string[] = [];
  const ctx: BulkEditContext = {
    audit: {
      record: async (tx, ...entries) => {
        assert.equal(tx, TX, 'audited in the caller’s transaction');
        audited.push(...entries);
      },
    },
    clock: { now: () => NOW },
  };
  const store = {
    setStatuses: async (ids: string[], status: 'open' | 'shut', at: Date, tx: Tx) => {
      assert.equal(tx, TX);
      assert.equal(at, NOW);
      calls.push(`set ${status}`);
      return ids.filter((id) => existing.includes(id));
    },
    deleteByIds: async (ids: string[], tx: Tx) => {
      assert.equal(tx, TX);
      calls.push('delete');
      return ids.filter((id) => existing.includes(id));
    },
  };
  const matching = {
    count: async () => existing.length,
    ids: async (_filter: unknown, max: number) => existing.slice(0, max),
  };
  const kind = bulkEditable(ctx, { entity: 'thing', statuses: ['open', 'shut'] as const, store, matching });
  return { kind, audited, calls };
}

test('a bulk status set answers the ids changed and audits each as a bulk change, not the missing ones', async () => {
  const h = harness(['a', 'b']);
  const done = await h.kind.setStatus({ ids: ['a', 'b', 'x'], status: 'shut', who, tx: TX });
  assert.deepEqual(done, ['a', 'b']);
  assert.deepEqual(h.kind.statuses, ['open', 'shut']);
  assert.equal(await h.kind.matching.count({}), 2, "the kind's filter matching passes through");
  assert.deepEqual(
    h.audited.map((e) => [e.action, e.entity, e.entityId, e.changes, e.actorId]),
    [
      ['thing.status_changed', 'thing', 'a', { status: { to: 'shut' }, bulk: true }, 'admin-1'],
      ['thing.status_changed', 'thing', 'b', { status: { to: 'shut' }, bulk: true }, 'admin-1'],
    ],
  );
});

test('a bulk delete audits each record deleted with the bulk mark', async () => {
  const h = harness(['a']);
  assert.deepEqual(await h.kind.delete({ ids: ['a', 'x'], who, tx: TX }), ['a']);
  assert.deepEqual(
    h.audited.map((e) => [e.action, e.entityId, e.changes]),
    [['thing.deleted', 'a', { bulk: true }]],
  );
});

test('a status the kind does not take is refused before anything is written', () => {
  const h = harness(['a']);
  assert.throws(
    () => h.kind.setStatus({ ids: ['a'], status: 'archived', who, tx: TX }),
    /no status "archived"/,
  );
  assert.deepEqual(h.calls, []);
  assert.deepEqual(h.audited, []);
});
