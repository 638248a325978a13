// Files streamed both ways on both storages (disk and PostgreSQL chunks; the chunks run on the
// test database, PGlite or PostgreSQL): a file of several chunks round-trips byte for byte, and
// a file over its limit or of a refused type is stopped mid-stream with nothing left behind.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { collectBytes, Files } from '../../src/files/files.ts';
import { CHUNK_BYTES, DiskStorage, type FileStorage, PostgresStorage } from '../../src/files/storage.ts';
import { createTestApp, type TestApp } from '../../src/testing/test-app.ts';
import { jobsAppSpec } from '../fixtures/jobs-app/spec.ts';

const PNG_HEADER = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const LIMIT = 3 * 1024 * 1024;

/** `bytes` in pieces of `piece` bytes, counting how many pieces were asked for. */
function pieces(bytes: Buffer, piece: number) {
  const seen = { pieces: 0, total: Math.ceil(bytes.length / piece) };
  async function* gen() {
    for (let at = 0; at < bytes.length; at += piece) {
      seen.pieces++;
      yield bytes.subarray(at, at + piece);
    }
  }
  return { source: gen(), seen };
}

let t: TestApp;
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'files-stream-'));
  t = await createTestApp(jobsAppSpec, { env: { DATA_DIR: dir } });
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const storages: [string, () => FileStorage][] = [
  ['disk', () => new DiskStorage(join(dir, 'files'))],
  ['PostgreSQL chunks', () => new PostgresStorage(() => t.app.db)],
];

for (const [name, makeStorage] of storages) {
  describe(`on ${name} storage`, () => {
    let storage: FileStorage;
    let files: Files;
    before(() => {
      storage = makeStorage();
      files = new Files({
        storage,
        kinds: {
          photo: { maxBytes: LIMIT, types: ['image/png'] },
          export: { maxBytes: LIMIT, types: ['text/csv'] },
        },
        db: () => t.app.db,
        clock: t.clock,
      });
    });

    /** What the store holds: metadata ids, and ids with bytes (chunk rows, or files on disk). */
    async function held(): Promise<{ rows: string[]; bytes: string[] }> {
      const rows = (
        (await t.app.db.execute(sql`select id from stored_files`)) as unknown as { rows: { id: string }[] }
      ).rows.map((r) => r.id);
      const chunks = (
        (await t.app.db.execute(sql`select distinct file_id from file_chunks`)) as unknown as {
          rows: { file_id: string }[];
        }
      ).rows.map((r) => r.file_id);
      const onDisk = (
        await readdir(join(dir, 'files'), { recursive: true, withFileTypes: true }).catch(() => [])
      )
        .filter((e) => e.isFile())
        .map((e) => e.name);
      return { rows: rows.sort(), bytes: [...chunks, ...onDisk].sort() };
    }

    test('a file of several chunks, in odd-sized pieces, round-trips byte for byte', async () => {
      const bytes = Buffer.concat([PNG_HEADER, randomBytes(CHUNK_BYTES * 5 + 12_345)]);
      const { source } = pieces(bytes, 70_001);
      const stored = await files.store('photo', Readable.from(source), 'big.png', null);
      assert.equal(stored.size, bytes.length);
      assert.equal(stored.mime, 'image/png');
      if (storage.kind === 'postgres') {
        const { rows } = (await t.app.db.execute(
          sql`select seq, length(data)::int as n from file_chunks where file_id = ${stored.id} order by seq`,
        )) as unknown as { rows: { seq: number; n: number }[] };
        assert.equal(rows.length, 6, 'six chunks');
        assert.ok(rows.every((r, i) => r.seq === i && r.n <= CHUNK_BYTES));
      }
      const found = await files.read(stored.id);
      assert.ok(found);
      assert.ok(found.stream instanceof Readable, 'read as a stream');
      assert.ok((await collectBytes(found.stream)).equals(bytes), 'the same bytes come back');
      await files.remove(stored.id);
      assert.equal(await files.read(stored.id), null);
      assert.equal(await storage.read(stored.id), null);
    });

    test('a generated file streams in and out, empty included', async () => {
      async function* csv() {
        yield 'id,name\r\n';
        for (let i = 0; i < 50_000; i++) yield `${i},row ${i}\r\n`;
      }
      const stored = await files.storeGenerated('export', csv(), 'out.csv', 'text/csv', 'admin-1');
      const back = await files.read(stored.id);
      assert.ok(back);
      const text = (await collectBytes(back.stream)).toString();
      assert.equal(text.split('\r\n').length - 1, 50_001);
      assert.equal(Buffer.byteLength(text), stored.size);
      const empty = await files.storeGenerated('export', Buffer.alloc(0), 'empty.csv', 'text/csv', null);
      const none = await files.read(empty.id);
      assert.ok(none, 'an empty file is still a file');
      assert.equal((await collectBytes(none.stream)).length, 0);
    });

    test('a file over the limit is refused mid-stream with 413, and nothing of it is left', async () => {
      const before = await held();
      const bytes = Buffer.concat([PNG_HEADER, randomBytes(LIMIT * 2)]);
      const { source, seen } = pieces(bytes, 64 * 1024);
      await assert.rejects(files.store('photo', source, 'huge.png', null), (err: { code?: string }) => {
        assert.equal(err.code, 'PAYLOAD_TOO_LARGE');
        return true;
      });
      assert.ok(seen.pieces < seen.total, `stopped mid-stream: ${seen.pieces} of ${seen.total} pieces read`);
      assert.deepEqual(await held(), before, 'no metadata, no chunks, no file or temp file');
      const generated = pieces(Buffer.alloc(LIMIT + 1, 'a'), 64 * 1024);
      await assert.rejects(files.storeGenerated('export', generated.source, 'x.csv', 'text/csv', null), {
        code: 'PAYLOAD_TOO_LARGE',
      });
      assert.deepEqual(await held(), before);
    });

    test('a file of a refused type is refused with 415 from its first bytes, and nothing is left', async () => {
      const before = await held();
      const exe = Buffer.alloc(2 * 1024 * 1024);
      exe.write('MZ', 0, 'latin1');
      exe.writeUInt32LE(0x80, 0x3c);
      exe.write('PE\0\0', 0x80, 'latin1');
      const { source, seen } = pieces(exe, 16 * 1024);
      await assert.rejects(files.store('photo', source, 'photo.png', null), {
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
      assert.ok(seen.pieces <= 1, 'decided on the first bytes');
      await assert.rejects(files.store('photo', Buffer.from('plain text'), 'notes.png', null), {
        code: 'UNSUPPORTED_MEDIA_TYPE',
      });
      assert.deepEqual(await held(), before);
    });
  });
}
