// Where file bytes live, behind one interface, streamed both ways: the local disk under the
// app's data dir (the embedded default), or PostgreSQL (scaled out: every instance and worker
// reads what another wrote), where a file is a series of chunks in `file_chunks`, written and read
// one chunk at a time so that no file is ever held whole in memory. Keys are server-chosen UUIDs;
// nothing the client sends ever becomes a path.
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.ts';
import { fileChunks } from './schema.ts';

/** Bytes as they come: a stream, an async generator, or (for tests) an array of buffers. */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface FileStorage {
  readonly kind: 'disk' | 'postgres';
  /**
   * Writes the bytes of `source` under `id` (a UUID) as they come; returns how many were
   * written. When the source throws, what was written is removed and the error passed on.
   */
  write(id: string, source: ByteSource): Promise<number>;
  /** The bytes as a stream, or null when there are none under `id`. */
  read(id: string): Promise<Readable | null>;
  /** `tx` lets PostgreSQL storage delete with the metadata. */
  delete(id: string, tx?: Tx): Promise<void>;
}

/** A PostgreSQL chunk: large enough for few round trips, small enough to stay out of the way. */
export const CHUNK_BYTES = 256 * 1024;

/** What the disk storage gathers before each write. */
const WRITE_BYTES = 64 * 1024;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function checkId(id: string): string {
  if (!UUID.test(id)) throw new Error('file id must be a UUID');
  return id;
}

export class DiskStorage implements FileStorage {
  readonly kind = 'disk';
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  #path(id: string): string {
    const safe = checkId(id);
    return join(this.#root, safe.slice(0, 2), safe);
  }

  async write(id: string, source: ByteSource): Promise<number> {
    const path = this.#path(id);
    await mkdir(dirname(path), { recursive: true });
    // Written aside, flushed, then renamed: a reader never sees half a file, a crash leaves none.
    const tmp = `${path}.${randomUUID()}.tmp`;
    const handle = await open(tmp, 'wx', 0o600);
    let size = 0;
    try {
      // Small pieces (a line of CSV each) are gathered first: one write per piece would crawl.
      size = await inPieces(source, WRITE_BYTES, async (piece) => {
        let offset = 0;
        while (offset < piece.length) {
          const { bytesWritten } = await handle.write(piece, offset, piece.length - offset);
          offset += bytesWritten;
        }
      });
      await handle.sync();
      await handle.close();
      await rename(tmp, path);
    } catch (err) {
      await handle.close().catch(() => {});
      await rm(tmp, { force: true });
      throw err;
    }
    return size;
  }

  async read(id: string): Promise<Readable | null> {
    try {
      const handle = await open(this.#path(id), 'r');
      return handle.createReadStream({ autoClose: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async delete(id: string): Promise<void> {
    await rm(this.#path(id), { force: true });
  }
}

/**
 * Gathers a stream of any-sized pieces into pieces of `size` bytes (the last one shorter, maybe
 * empty) and hands each to `take`, one at a time. One buffer is reused throughout: `take` must be
 * done with it when its promise settles. No new buffer per piece keeps memory flat (freed
 * buffers are not given back to the system at once, so fresh ones would grow the process).
 */
async function inPieces(
  source: ByteSource,
  size: number,
  take: (piece: Buffer) => Promise<void>,
): Promise<number> {
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  let total = 0;
  for await (const piece of source) {
    let at = 0;
    while (at < piece.length) {
      const n = Math.min(size - filled, piece.length - at);
      buffer.set(piece.subarray(at, at + n), filled);
      filled += n;
      at += n;
      if (filled === size) {
        await take(buffer);
        total += filled;
        filled = 0;
      }
    }
  }
  await take(buffer.subarray(0, filled));
  return total + filled;
}

export class PostgresStorage implements FileStorage {
  readonly kind = 'postgres';
  readonly #db: () => Db;
  readonly #chunkBytes: number;

  constructor(db: () => Db, chunkBytes = CHUNK_BYTES) {
    this.#db = db;
    this.#chunkBytes = chunkBytes;
  }

  /**
   * One insert a chunk, each its own short statement (no transaction spans the stream: the
   * source may be reading the same database, which on PGlite would wait on it for ever). A
   * file always has chunk 0, even when empty, so that "no chunks" means "no file".
   */
  async write(id: string, source: ByteSource): Promise<number> {
    const fileId = checkId(id);
    let seq = 0;
    try {
      return await inPieces(source, this.#chunkBytes, async (data) => {
        if (data.length === 0 && seq > 0) return;
        await this.#db().insert(fileChunks).values({ fileId, seq, data });
        seq++;
      });
    } catch (err) {
      await this.delete(fileId);
      throw err;
    }
  }

  async read(id: string): Promise<Readable | null> {
    const fileId = checkId(id);
    const chunk = async (seq: number) => {
      const [row] = await this.#db()
        .select({ data: fileChunks.data })
        .from(fileChunks)
        .where(and(eq(fileChunks.fileId, fileId), eq(fileChunks.seq, seq)));
      return row ? Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength) : null;
    };
    const first = await chunk(0);
    if (!first) return null;
    async function* chunks() {
      let seq = 0;
      for (let data = first; data; data = await chunk(++seq)) {
        if (data.length > 0) yield data;
      }
    }
    return Readable.from(chunks(), { objectMode: false, highWaterMark: this.#chunkBytes });
  }

  async delete(id: string, tx?: Tx): Promise<void> {
    await (tx ?? this.#db()).delete(fileChunks).where(eq(fileChunks.fileId, checkId(id)));
  }
}

/** Disk under DATA_DIR/files on the embedded default; PostgreSQL when the app runs on it. */
export function storageFor(database: { kind: 'pglite' | 'postgres'; db: Db }, dataDir: string): FileStorage {
  return database.kind === 'postgres'
    ? new PostgresStorage(() => database.db)
    : new DiskStorage(join(dataDir, 'files'));
}
