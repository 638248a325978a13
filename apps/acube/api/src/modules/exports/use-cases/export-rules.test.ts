// The export rules without a database: keyset batches read to the end and no further, the CSV
// columns of a row, the seed's audit filters, and the lines counted as bytes stream past.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportRow } from '../exports.context.ts';
import {
  auditFilterOf,
  countingLines,
  csvColumns,
  exportedColumns,
  exportJobState,
  keysetBatches,
  mayDownload,
} from './export-rules.ts';

const row = (i: number): ExportRow => ({ id: `id${i}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of source) all.push(item);
  return all;
}

test('keyset batches page after the last row of each batch and stop at a short or empty page', async () => {
  const rows = Array.from({ length: 5 }, (_, i) => row(i));
  const asked: (string | undefined)[] = [];
  const page = {
    page: async (after: { value: unknown; id: string } | undefined, limit: number) => {
      asked.push(after?.id);
      const start = after ? rows.findIndex((r) => r.id === after.id) + 1 : 0;
      return rows.slice(start, start + limit);
    },
    cursor: (row: ExportRow) => ({ value: row.createdAt, id: row.id }),
  };
  const batches = await collect(keysetBatches(page, 2));
  assert.deepEqual(
    batches.map((b) => b.map((r) => r.id)),
    [['id0', 'id1'], ['id2', 'id3'], ['id4']],
  );
  assert.deepEqual(asked, [undefined, 'id1', 'id3'], 'a short page is the last one asked for');
  const exact = await collect(keysetBatches(page, 5));
  assert.equal(exact.length, 1);
  assert.deepEqual(await collect(keysetBatches({ page: async () => [], cursor: page.cursor }, 5)), []);
});

test('columns are headed in snake_case; dates, numbers, text and nulls pass as they are, the rest as text', () => {
  const columns = csvColumns(['createdAt', 'capacity', 'name', 'position', 'missing', 'flag']);
  assert.deepEqual(
    columns.map((c) => c.header),
    ['created_at', 'capacity', 'name', 'position', 'missing', 'flag'],
  );
  const at = new Date('2026-01-01T00:00:00Z');
  const values = columns.map((c) =>
    c.value({ id: 'x', createdAt: at, capacity: 3, name: 'Ana', position: null, flag: true }),
  );
  assert.deepEqual(values, [at, 3, 'Ana', null, '', 'true']);
});

test("the seed's audit filters become the audit log's, absent ones left out", () => {
  assert.deepEqual(auditFilterOf({}), {});
  assert.deepEqual(
    auditFilterOf({
      admin_id: 'a1',
      action: 'booking.deleted',
      entity: 'booking',
      date_from: '2026-01-01T00:00:00Z',
      date_to: '2026-02-01T00:00:00Z',
    }),
    {
      actorId: 'a1',
      action: 'booking.deleted',
      entity: 'booking',
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-02-01T00:00:00Z'),
    },
  );
});

test('lines are counted as the bytes stream past, unchanged, whatever the chunking', async () => {
  const count = { lines: 0 };
  async function* source() {
    yield 'id,x\r\n1,';
    yield Buffer.from('a\r\n2,b\r');
    yield '\n';
  }
  const out = Buffer.concat(await collect(countingLines(source(), count)));
  assert.equal(out.toString(), 'id,x\r\n1,a\r\n2,b\r\n');
  assert.equal(count.lines, 3);
});

test('an export goes to the admin who made it and to superadmins only', () => {
  const file = { createdBy: 'a1' };
  assert.equal(mayDownload(file, { id: 'a1', roles: ['staff'] }), true);
  assert.equal(mayDownload(file, { id: 'a2', roles: ['staff'] }), false);
  assert.equal(mayDownload(file, { id: 'a2', roles: ['superadmin'] }), true);
  assert.equal(mayDownload({ createdBy: null }, { id: '', roles: ['staff'] }), false);
});

test('a job state reads as the exports page says it', () => {
  assert.equal(exportJobState('created'), 'queued');
  assert.equal(exportJobState('retry'), 'queued');
  assert.equal(exportJobState('active'), 'running');
  assert.equal(exportJobState('completed'), 'completed');
  assert.equal(exportJobState('failed'), 'failed');
  assert.equal(exportJobState('cancelled'), 'cancelled');
});

test('free-text columns are left out unless asked for', () => {
  const all = ['id', 'name', 'availability', 'message', 'createdAt'];
  assert.deepEqual(exportedColumns(all, ['availability', 'message'], false), ['id', 'name', 'createdAt']);
  assert.deepEqual(exportedColumns(all, ['availability', 'message'], true), all);
});
