// Opaque server-side sessions for an app that prefers them to JWTs: a random token in a
// cookie, its SHA-256 in the database, an expiry that slides with use up to an absolute limit,
// and revocation that takes effect on the next request.
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Clock } from '../clock/clock.ts';
import type { Db, Tx } from '../db/database.ts';
import { GroupCommit } from '../db/group-commit.ts';
import { authSessions } from './schema.ts';
import { hashToken, newToken } from './tokens.ts';

export interface SessionRecord {
  id: string;
  subject: string;
  /** What the app stored at login to recognise the caller without another query. */
  claims: Record<string, unknown> | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface SessionOptions {
  clock: Clock;
  /** Idle lifetime: a session unused for this long expires (default 12 hours). */
  idleSeconds?: number;
  /** Absolute lifetime from login, however active (default 7 days). */
  absoluteSeconds?: number;
}

interface LookupRow {
  id: string;
  subject: string;
  claims: Record<string, unknown> | null;
  created_ms: number | string;
  seen_ms: number | string;
  expires_ms: number | string;
}

export class Sessions {
  readonly idleSeconds: number;
  readonly absoluteSeconds: number;
  readonly #clock: Clock;
  /** Slid expiries not yet written, by session id, and the database to write them to. */
  readonly #touches = new Map<string, { seen: Date; expiresAt: Date }>();
  #touchDb: Db | undefined;
  #touchTimer: NodeJS.Timeout | undefined;
  readonly #loaders = new WeakMap<Db, GroupCommit<string, LookupRow | undefined>>();

  constructor(opts: SessionOptions) {
    this.#clock = opts.clock;
    this.idleSeconds = opts.idleSeconds ?? 12 * 3600;
    this.absoluteSeconds = opts.absoluteSeconds ?? 7 * 86_400;
  }

  async create(
    db: Db | Tx,
    subject: string,
    claims: Record<string, unknown> | null = null,
  ): Promise<SessionRecord & { token: string }> {
    const now = this.#clock.now();
    const token = newToken();
    const [row] = await db
      .insert(authSessions)
      .values({
        tokenHash: hashToken(token),
        subject,
        claims,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.idleSeconds * 1000),
      })
      .returning();
    if (!row) throw new Error('session insert returned nothing');
    return { token, id: row.id, subject, claims, createdAt: row.createdAt, expiresAt: row.expiresAt };
  }

  /**
   * The live session for a token, or null (unknown, expired or revoked). Slides the idle expiry
   * forward, at most once a minute per session, never past the absolute limit.
   */
  async lookup(db: Db, token: string): Promise<SessionRecord | null> {
    const now = this.#clock.now();
    const row = await this.#loader(db).submit(hashToken(token));
    if (!row || Number(row.expires_ms) <= now.getTime()) return null;
    const createdAt = new Date(Number(row.created_ms));
    const absoluteEnd = createdAt.getTime() + this.absoluteSeconds * 1000;
    if (absoluteEnd <= now.getTime()) return null;
    let expiresAt = new Date(Number(row.expires_ms));
    if (now.getTime() - Number(row.seen_ms) >= 60_000) {
      expiresAt = new Date(Math.min(now.getTime() + this.idleSeconds * 1000, absoluteEnd));
      this.#touch(db, row.id, now, expiresAt);
    }
    return { id: row.id, subject: row.subject, claims: row.claims, createdAt, expiresAt };
  }

  /**
   * Every request of a logged-in user looks its session up: the lookups that arrive together
   * are one statement (a hall checking in at once makes a few queries, not one each), with
   * times as epoch ms (the same on node-postgres and PGlite). Expiry is checked by the caller.
   */
  #loader(db: Db): GroupCommit<string, LookupRow | undefined> {
    let loader = this.#loaders.get(db);
    if (!loader) {
      loader = new GroupCommit<string, LookupRow | undefined>({
        maxInFlight: 4,
        write: async (hashes) => {
          const result = (await db.execute(sql`
            select id, subject, claims, token_hash,
                   (extract(epoch from created_at) * 1000)::float8 as created_ms,
                   (extract(epoch from last_seen_at) * 1000)::float8 as seen_ms,
                   (extract(epoch from expires_at) * 1000)::float8 as expires_ms
              from auth_sessions
             where token_hash = any(${sql.param(hashes)}::text[]) and revoked_at is null`)) as unknown as {
            rows: (LookupRow & { token_hash: string })[];
          };
          const byHash = new Map(result.rows.map((r) => [r.token_hash, r]));
          return hashes.map((h) => byHash.get(h));
        },
      });
      this.#loaders.set(db, loader);
    }
    return loader;
  }

  /**
   * The slid expiry is written within a second, for every session touched meanwhile in one
   * statement: a class checking in at once makes one write, not one commit per student. A
   * write lost to a crash only shortens a session's idle time by what was not written.
   */
  #touch(db: Db, id: string, seen: Date, expiresAt: Date): void {
    this.#touches.set(id, { seen, expiresAt });
    this.#touchDb = db;
    this.#touchTimer ??= setTimeout(() => void this.flushTouches().catch(() => {}), 1000).unref();
  }

  /** Writes the pending slid expiries now (tests, shutdown). */
  async flushTouches(): Promise<void> {
    clearTimeout(this.#touchTimer);
    this.#touchTimer = undefined;
    const db = this.#touchDb;
    if (!db || this.#touches.size === 0) return;
    const rows = [...this.#touches].map(
      ([id, t]) =>
        sql`(${id}::uuid, ${t.seen.toISOString()}::timestamptz, ${t.expiresAt.toISOString()}::timestamptz)`,
    );
    this.#touches.clear();
    await db.execute(sql`
      update auth_sessions s set last_seen_at = v.seen, expires_at = greatest(s.expires_at, v.expires_at)
        from (values ${sql.join(rows, sql`, `)}) v (id, seen, expires_at)
       where s.id = v.id and s.revoked_at is null`);
  }

  async revoke(db: Db | Tx, id: string): Promise<void> {
    await db
      .update(authSessions)
      .set({ revokedAt: this.#clock.now() })
      .where(and(eq(authSessions.id, id), isNull(authSessions.revokedAt)));
  }

  async revokeSubject(db: Db | Tx, subject: string): Promise<number> {
    const rows = await db
      .update(authSessions)
      .set({ revokedAt: this.#clock.now() })
      .where(and(eq(authSessions.subject, subject), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id });
    return rows.length;
  }

  /** Deletes expired and revoked sessions (for a schedule); returns how many. */
  async sweep(db: Db | Tx): Promise<number> {
    const now = this.#clock.now();
    const absoluteCutoff = new Date(now.getTime() - this.absoluteSeconds * 1000);
    const rows = await db
      .delete(authSessions)
      .where(
        or(
          lt(authSessions.expiresAt, now),
          lt(authSessions.createdAt, absoluteCutoff),
          isNotNull(authSessions.revokedAt),
        ),
      )
      .returning({ id: authSessions.id });
    return rows.length;
  }
}

/**
 * Ends a subject's live sessions whose `claim` (as stored at login) is not `value` now, e.g. a
 * role changed by a sync: they log in again with the new one. Sessions stored without claims
 * read them fresh on each request and are left alone. Returns how many ended.
 */
export async function revokeSessionsWithStaleClaim(
  db: Db | Tx,
  subject: string,
  claim: string,
  value: string,
): Promise<number> {
  const rows = await db
    .update(authSessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(authSessions.subject, subject),
        isNull(authSessions.revokedAt),
        isNotNull(authSessions.claims),
        sql`${authSessions.claims}->>${claim} is distinct from ${value}`,
      ),
    )
    .returning({ id: authSessions.id });
  return rows.length;
}
