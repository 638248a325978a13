// What the rest of the code sees of the database, whichever one is behind it.
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type pg from 'pg';

/** A Drizzle database: the common face of node-postgres and PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
/** The transaction object a `db.transaction` callback receives: pass it down, never the outer db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Throws when the database cannot answer (used by /health/ready). */
  ping(): Promise<void>;
  /** The pool's connection counts; null on PGlite, which has no pool. */
  poolStats(): { total: number; idle: number; waiting: number } | null;
  pglite?: PGlite;
  pool?: pg.Pool;
  /** The connection URL on PostgreSQL (for pieces that open their own pool, like the job system). */
  url?: string;
  close(): Promise<void>;
}

export interface DbLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}
