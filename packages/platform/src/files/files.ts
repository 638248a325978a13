// Files the apps accept (uploads, selfies, exports): each kind has a size limit and the types it
// allows, detected from the bytes themselves (never the name or the Content-Type header). A file
// is stored under a server-chosen UUID; its client-given name is kept, cleaned, for display.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../clock/clock.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { storedFiles } from './schema.ts';
import type { FileStorage } from './storage.ts';

export interface FileKind {
  maxBytes: number;
  /** MIME types allowed, as detected from the content (e.g. 'image/png', 'application/pdf'). */
  types: readonly string[];
}

export type StoredFile = typeof storedFiles.$inferSelect;

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

  /** Checks and stores a file; 413 when too large, 415 when its bytes are not an allowed type. */
  async store(
    kindName: string,
    bytes: Buffer,
    originalName: string,
    createdBy: string | null,
  ): Promise<StoredFile> {
    const kind = this.kinds[kindName];
    if (!kind) throw new Error(`no file kind "${kindName}"`);
    if (bytes.length > kind.maxBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `File is larger than ${kind.maxBytes} bytes`);
    }
    const detected = await fileTypeFromBuffer(bytes);
    if (!detected || !kind.types.includes(detected.mime)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `File content must be one of: ${kind.types.join(', ')}`, {
        details: [
          {
            field: 'file',
            message: detected ? `content is ${detected.mime}` : 'content type not recognised',
          },
        ],
      });
    }
    const row: StoredFile = {
      id: randomUUID(),
      kind: kindName,
      mime: detected.mime,
      size: bytes.length,
      originalName: cleanFileName(originalName),
      createdBy,
      createdAt: this.#clock.now(),
    };
    await this.#save(row, bytes);
    return row;
  }

  /** Stores a file the server made itself (an export): no type detection, the caller names it. */
  async storeGenerated(
    kindName: string,
    bytes: Buffer,
    name: string,
    mime: string,
    createdBy: string | null,
  ): Promise<StoredFile> {
    if (!this.kinds[kindName]) throw new Error(`no file kind "${kindName}"`);
    const row: StoredFile = {
      id: randomUUID(),
      kind: kindName,
      mime,
      size: bytes.length,
      originalName: cleanFileName(name),
      createdBy,
      createdAt: this.#clock.now(),
    };
    await this.#save(row, bytes);
    return row;
  }

  async find(id: string): Promise<StoredFile | null> {
    const [row] = await this.#db().select().from(storedFiles).where(eq(storedFiles.id, id));
    return row ?? null;
  }

  /** Metadata and bytes; null when either is missing. Access is the calling route's to check. */
  async read(id: string): Promise<{ file: StoredFile; bytes: Buffer } | null> {
    const file = await this.find(id);
    if (!file) return null;
    const bytes = await this.storage.get(id);
    return bytes ? { file, bytes } : null;
  }

  async #save(row: StoredFile, bytes: Buffer): Promise<void> {
    if (this.storage.kind === 'postgres') {
      await this.#db().transaction(async (tx) => {
        await this.storage.put(row.id, bytes, tx);
        await tx.insert(storedFiles).values(row);
      });
      return;
    }
    await this.storage.put(row.id, bytes);
    try {
      await this.#db().insert(storedFiles).values(row);
    } catch (err) {
      await this.storage.delete(row.id);
      throw err;
    }
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
