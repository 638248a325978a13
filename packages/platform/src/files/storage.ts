// Where file bytes live, behind one interface: the local disk under the app's data dir (the
// embedded default), or PostgreSQL (scaled out: every instance and worker reads what another
// wrote). Keys are server-chosen UUIDs; nothing the client sends ever becomes a path.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/database.ts';
import { fileContents } from './schema.ts';

export interface FileStorage {
  readonly kind: 'disk' | 'postgres';
  /** Stores bytes under `id` (a UUID); `tx` lets PostgreSQL storage commit with the metadata. */
  put(id: string, bytes: Buffer, tx?: Tx): Promise<void>;
  get(id: string): Promise<Buffer | null>;
  delete(id: string, tx?: Tx): Promise<void>;
}

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

  async put(id: string, bytes: Buffer): Promise<void> {
    const path = this.#path(id);
    await mkdir(join(path, '..'), { recursive: true });
    // Written aside, then renamed: a reader never sees half a file.
    const tmp = `${path}.${randomUUID()}.tmp`;
    await writeFile(tmp, bytes, { mode: 0o600 });
    await rename(tmp, path);
  }

  async get(id: string): Promise<Buffer | null> {
    return readFile(this.#path(id)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw err;
    });
  }

  async delete(id: string): Promise<void> {
    await rm(this.#path(id), { force: true });
  }
}

export class PostgresStorage implements FileStorage {
  readonly kind = 'postgres';
  readonly #db: () => Db;

  constructor(db: () => Db) {
    this.#db = db;
  }

  async put(id: string, bytes: Buffer, tx?: Tx): Promise<void> {
    await (tx ?? this.#db()).insert(fileContents).values({ fileId: checkId(id), content: bytes });
  }

  async get(id: string): Promise<Buffer | null> {
    const [row] = await this.#db()
      .select()
      .from(fileContents)
      .where(eq(fileContents.fileId, checkId(id)));
    return row ? Buffer.from(row.content) : null;
  }

  async delete(id: string, tx?: Tx): Promise<void> {
    await (tx ?? this.#db()).delete(fileContents).where(eq(fileContents.fileId, checkId(id)));
  }
}

/** Disk under DATA_DIR/files on the embedded default; PostgreSQL when the app runs on it. */
export function storageFor(database: { kind: 'pglite' | 'postgres'; db: Db }, dataDir: string): FileStorage {
  return database.kind === 'postgres'
    ? new PostgresStorage(() => database.db)
    : new DiskStorage(join(dataDir, 'files'));
}
