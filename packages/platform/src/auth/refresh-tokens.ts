// Rotating refresh tokens. Each login starts a family; each refresh spends the presented token
// and issues the next one of the same family. A spent token presented again means a copy
// exists somewhere else: the whole family is revoked (the thief's and the owner's newest token
// alike) and the event is logged at warn. Tokens are stored as SHA-256 only.
import { and, eq, gt, isNull, lt, or } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.ts';
import type { Db, Tx } from '../db/database.ts';
import { unauthenticated } from '../errors.ts';
import { refreshTokens } from './schema.ts';
import { hashToken, newToken } from './tokens.ts';

export interface IssuedRefreshToken {
  token: string;
  familyId: string;
  subject: string;
  expiresAt: Date;
}

export interface RefreshTokenOptions {
  clock: Clock;
  logger: Logger;
  /** How long one token stays usable without being refreshed (default 7 days). */
  ttlSeconds?: number;
  /** How long a family lives in all, however often refreshed (default 30 days). */
  familyTtlSeconds?: number;
}

export class RefreshTokens {
  readonly ttlSeconds: number;
  readonly familyTtlSeconds: number;
  readonly #clock: Clock;
  readonly #logger: Logger;

  constructor(opts: RefreshTokenOptions) {
    this.#clock = opts.clock;
    this.#logger = opts.logger;
    this.ttlSeconds = opts.ttlSeconds ?? 7 * 86_400;
    this.familyTtlSeconds = opts.familyTtlSeconds ?? 30 * 86_400;
  }

  /** Starts a new family for a fresh login. */
  async issue(db: Db | Tx, subject: string): Promise<IssuedRefreshToken> {
    const now = this.#clock.now();
    const familyExpiresAt = new Date(now.getTime() + this.familyTtlSeconds * 1000);
    return this.#insert(db, subject, crypto.randomUUID(), now, familyExpiresAt);
  }

  /** Spends `token` and returns the next of its family; refuses unknown, expired or revoked ones. */
  async rotate(db: Db, token: string): Promise<IssuedRefreshToken> {
    const tokenHash = hashToken(token);
    const now = this.#clock.now();
    const outcome = await db.transaction(async (tx) => {
      const [spent] = await tx
        .update(refreshTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(refreshTokens.tokenHash, tokenHash),
            isNull(refreshTokens.usedAt),
            isNull(refreshTokens.revokedAt),
            gt(refreshTokens.expiresAt, now),
            gt(refreshTokens.familyExpiresAt, now),
          ),
        )
        .returning();
      if (spent) {
        return {
          issued: await this.#insert(tx, spent.subject, spent.familyId, now, spent.familyExpiresAt),
        };
      }
      const [known] = await tx.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, tokenHash));
      if (known?.usedAt && !known.revokedAt) {
        const revoked = await this.#revokeFamily(tx, known.familyId, now);
        return { reuse: { familyId: known.familyId, subject: known.subject, revoked } };
      }
      return { refused: known ? (known.revokedAt ? 'revoked' : 'expired') : 'unknown' };
    });
    if ('issued' in outcome && outcome.issued) return outcome.issued;
    if ('reuse' in outcome && outcome.reuse) {
      this.#logger.warn(
        { event: 'refresh_token.reuse', userId: outcome.reuse.subject, familyId: outcome.reuse.familyId },
        'spent refresh token presented again: its whole family is revoked',
      );
    }
    throw unauthenticated('Invalid or expired refresh token');
  }

  /** Ends one login (logout): every token of the family stops working. */
  async revokeFamily(db: Db | Tx, familyId: string): Promise<number> {
    return this.#revokeFamily(db, familyId, this.#clock.now());
  }

  /** Ends every login of a subject (password change, account disabled). */
  async revokeSubject(db: Db | Tx, subject: string): Promise<number> {
    const rows = await db
      .update(refreshTokens)
      .set({ revokedAt: this.#clock.now() })
      .where(and(eq(refreshTokens.subject, subject), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length;
  }

  /** Deletes tokens of families that can no longer be used (for a schedule). */
  async sweep(db: Db | Tx): Promise<number> {
    const now = this.#clock.now();
    const rows = await db
      .delete(refreshTokens)
      .where(or(lt(refreshTokens.familyExpiresAt, now), lt(refreshTokens.expiresAt, now)))
      .returning({ id: refreshTokens.id });
    return rows.length;
  }

  async #revokeFamily(db: Db | Tx, familyId: string, now: Date): Promise<number> {
    const rows = await db
      .update(refreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
      .returning({ id: refreshTokens.id });
    return rows.length;
  }

  async #insert(
    db: Db | Tx,
    subject: string,
    familyId: string,
    now: Date,
    familyExpiresAt: Date,
  ): Promise<IssuedRefreshToken> {
    const token = newToken();
    const expiresAt = new Date(Math.min(now.getTime() + this.ttlSeconds * 1000, familyExpiresAt.getTime()));
    await db.insert(refreshTokens).values({
      familyId,
      subject,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt,
      familyExpiresAt,
    });
    return { token, familyId, subject, expiresAt };
  }
}
