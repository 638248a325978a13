// Files the apps accept (uploads, selfies, exports): each kind has a size limit and the types it
// allows, detected from the bytes themselves (never the name or the Content-Type header). A file
// is stored under a server-chosen UUID; its client-given name is kept, cleaned, for display.
// Both ways are streams: a file is checked while it is written (its first bytes for the type, a
// running count for the size) and refused mid-stream with nothing left behind; it is read back
// as a stream. The metadata row is written last, so a file is never listed half-written.
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../clock/clock.ts';
import type { Db, Tx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { storedFiles } from './schema.ts';
import type { FileStorage } from './storage.ts';

export interface FileKind {
  maxBytes: number;
  /** MIME types allowed, as detected from the content (e.g. 'image/png', 'application/pdf'). */
  types: readonly string[];
}

export type StoredFile = typeof storedFiles.$inferSelect;

/** What a file can be stored from: a stream, any async iterable of bytes or strings, or bytes. */
export type FileSource = Readable | AsyncIterable<Uint8Array | string> | Uint8Array;

/** How many first bytes the type is detected from (file-type's own sample size). */
const SNIFF_BYTES = 4100;

/** A stream's bytes gathered into one buffer: for the few callers that need them all at once. */
export async function collectBytes(stream: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

async function* bytesOf(source: FileSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  for await (const part of source) yield typeof part === 'string' ? Buffer.from(part) : part;
}

function tooLarge(kind: FileKind): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `File is larger than ${kind.maxBytes} bytes`);
}

/** Passes bytes on, failing with 413 as soon as more than `max` have come. */
async function* limited(source: AsyncIterable<Uint8Array>, kind: FileKind): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const part of source) {
    size += part.length;
    if (size > kind.maxBytes) throw tooLarge(kind);
    yield part;
  }
}

/**
 * Reads the first bytes, detects their type and fails with 415 unless the kind allows it;
 * then passes on everything, those first bytes included. `onType` learns the type first.
 */
async function* typeChecked(
  source: AsyncIterable<Uint8Array>,
  kind: FileKind,
  onType: (mime: string) => void,
): AsyncGenerator<Uint8Array> {
  const iterator = source[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const detected = await fileTypeFromBuffer(Buffer.concat(head));
  if (!detected || !kind.types.includes(detected.mime)) {
    await iterator.return?.();
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `File content must be one of: ${kind.types.join(', ')}`, {
      details: [
        { field: 'file', message: detected ? `content is ${detected.mime}` : 'content type not recognised' },
      ],
    });
  }
  onType(detected.mime);
  yield* head;
  if (done) return;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
}

/** Keeps a display name harmless: no path, no control characters, bounded length. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f && !'"<>|:*?'.includes(c))
    .join('')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'file';
}

export class Files {
  readonly storage: FileStorage;
  readonly kinds: Readonly<Record<string, FileKind>>;
  readonly #db: () => Db;
  readonly #clock: Clock;

  constructor(opts: { storage: FileStorage; kinds: Record<string, FileKind>; db: () => Db; clock: Clock }) {
    this.storage = opts.storage;
    this.kinds = opts.kinds;
    this.#db = opts.db;
    this.#clock = opts.clock;
  }

  /** The largest file any kind accepts: the upload route's body limit. */
  get maxBytes(): number {
    return Math.max(0, ...Object.values(this.kinds).map((k) => k.maxBytes));
  }

  #kind(kindName: string): FileKind {
    const kind = this.kinds[kindName];
    if (!kind) throw new Error(`no file kind "${kindName}"`);
    return kind;
  }

  /**
   * Checks and stores a file as it streams in: 413 as soon as it passes the kind's limit, 415
   * when its first bytes are not an allowed type; either way nothing of it is kept.
   */
  async store(
    kindName: string,
    source: FileSource,
    originalName: string,
    createdBy: string | null,
  ): Promise<StoredFile> {
    const kind = this.#kind(kindName);
    let mime = '';
    const checked = typeChecked(limited(bytesOf(source), kind), kind, (type) => {
      mime = type;
    });
    return this.#save(checked, { kind: kindName, originalName, createdBy }, () => mime);
  }

  /**
   * Stores a file the server makes itself (an export) as it is produced: no type detection, the
   * caller names it; the kind's size limit still holds.
   */
  async storeGenerated(
    kindName: string,
    source: FileSource,
    name: string,
    mime: string,
    createdBy: string | null,
  ): Promise<StoredFile> {
    const kind = this.#kind(kindName);
    return this.#save(
      limited(bytesOf(source), kind),
      { kind: kindName, originalName: name, createdBy },
      () => mime,
    );
  }

  async find(id: string): Promise<StoredFile | null> {
    const [row] = await this.#db().select().from(storedFiles).where(eq(storedFiles.id, id));
    return row ?? null;
  }

  /** Metadata and a stream of the bytes; null when either is missing. Access is the route's to check. */
  async read(id: string): Promise<{ file: StoredFile; stream: Readable } | null> {
    const file = await this.find(id);
    if (!file) return null;
    const stream = await this.storage.read(id);
    return stream ? { file, stream } : null;
  }

  async #save(
    bytes: AsyncIterable<Uint8Array>,
    meta: { kind: string; originalName: string; createdBy: string | null },
    mime: () => string,
  ): Promise<StoredFile> {
    const id = randomUUID();
    const size = await this.storage.write(id, bytes);
    const row: StoredFile = {
      id,
      kind: meta.kind,
      mime: mime(),
      size,
      originalName: cleanFileName(meta.originalName),
      createdBy: meta.createdBy,
      createdAt: this.#clock.now(),
    };
    try {
      await this.#db().insert(storedFiles).values(row);
    } catch (err) {
      await this.storage.delete(id);
      throw err;
    }
    return row;
  }

  async remove(id: string): Promise<void> {
    if (this.storage.kind === 'postgres') {
      await this.#db().transaction(async (tx) => {
        await tx.delete(storedFiles).where(eq(storedFiles.id, id));
        await this.storage.delete(id, tx);
      });
    } else {
      await this.#db().delete(storedFiles).where(eq(storedFiles.id, id));
      await this.storage.delete(id);
    }
  }
}

/**
 * Files of `kind` made before `before` that no row points at through `referencedBy` (an app's
 * foreign key column to stored_files): what a failed delete or a write that never got its row
 * left behind. Fresh ones are skipped: a file is stored a moment before the row that names it.
 */
export async function findUnreferencedFiles(
  db: Db | Tx,
  query: { kind: string; before: Date; limit: number; referencedBy: PgColumn },
): Promise<{ id: string }[]> {
  const ref = query.referencedBy;
  return db
    .select({ id: storedFiles.id })
    .from(storedFiles)
    .where(
      and(
        eq(storedFiles.kind, query.kind),
        lt(storedFiles.createdAt, query.before),
        sql`not exists (select 1 from ${ref.table} where ${ref} = ${storedFiles.id})`,
      ),
    )
    .limit(query.limit);
}
