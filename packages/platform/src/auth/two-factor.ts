// Two-factor authentication with TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of
// drift either way), shared by both apps. What lives here: the secret (encrypted at rest with
// AES-256-GCM under a key derived from APP_SECRET), enrolment confirmed by a first code, ten
// one-time recovery codes (keyed hashes, shown once), replay refusal (a code's time step must be
// later than the last accepted one, checked and stored in one UPDATE), the run-time setting that
// makes 2FA required, and the short-lived signed token that carries a login from its password
// step to its code step. Throttling and audit are the caller's (LoginThrottle, AuditLog).
import { createCipheriv, createDecipheriv, createHmac, randomBytes, randomInt } from 'node:crypto';
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Clock } from '../clock/clock.ts';
import { deriveKey } from '../config/derive-key.ts';
import type { Db, Tx } from '../db/database.ts';
import { authRecoveryCodes, authSecondFactors, authSettings } from './schema.ts';
import { SignedTokens } from './signed-tokens.ts';

export const RECOVERY_CODE_COUNT = 10;
const PERIOD = 30;
const DIGITS = 6;
const REQUIRED_KEY = 'two_factor_required';

/** What a pending login still needs: a code, or an enrolment (2FA is required and not set up). */
export type PendingStep = 'code' | 'enrol';
export interface PendingLogin {
  sub: string;
  step: PendingStep;
}

export interface TotpEnrolment {
  /** Base32, for typing into an authenticator app. */
  secret: string;
  /** The otpauth:// URI the QR code holds. */
  uri: string;
  /** The QR code of `uri`, as an SVG document. */
  qrSvg: string;
}

export interface TwoFactorState {
  enabled: boolean;
  recoveryCodesLeft: number;
}

export class TwoFactor {
  /** How long the password step's pending token lasts. */
  readonly pendingSeconds = 300;
  readonly #issuer: string;
  readonly #clock: Clock;
  readonly #secretKey: Buffer;
  readonly #codeKey: Buffer;
  readonly #pending: SignedTokens<{ sub: string; step: PendingStep }>;

  constructor(opts: { appSecret: string; issuer: string; clock: Clock }) {
    this.#issuer = opts.issuer;
    this.#clock = opts.clock;
    this.#secretKey = deriveKey(opts.appSecret, 'totp-secret');
    this.#codeKey = deriveKey(opts.appSecret, 'recovery-code');
    this.#pending = new SignedTokens({
      appSecret: opts.appSecret,
      purpose: 'second-factor-pending',
      clock: opts.clock,
    });
  }

  /** A signed token saying this subject passed the password step and what is still needed. */
  pendingToken(pending: PendingLogin): Promise<string> {
    return this.#pending.sign({ sub: pending.sub, step: pending.step }, this.pendingSeconds);
  }

  /** The pending login of a valid token for this step, or null. */
  async readPending(token: string, step: PendingStep): Promise<PendingLogin | null> {
    const claims = await this.#pending.read(token);
    return claims && claims.step === step && typeof claims.sub === 'string' ? claims : null;
  }

  async status(db: Db | Tx, subject: string): Promise<TwoFactorState> {
    const [row] = await db.select().from(authSecondFactors).where(eq(authSecondFactors.subject, subject));
    if (!row?.enabledAt) return { enabled: false, recoveryCodesLeft: 0 };
    const [left] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(authRecoveryCodes)
      .where(and(eq(authRecoveryCodes.subject, subject), isNull(authRecoveryCodes.usedAt)));
    return { enabled: true, recoveryCodesLeft: left?.n ?? 0 };
  }

  async isEnabled(db: Db | Tx, subject: string): Promise<boolean> {
    const [row] = await db
      .select({ subject: authSecondFactors.subject })
      .from(authSecondFactors)
      .where(and(eq(authSecondFactors.subject, subject), isNotNull(authSecondFactors.enabledAt)));
    return row !== undefined;
  }

  /**
   * Starts (or restarts) an enrolment: a new secret, stored encrypted and not yet on. Null when
   * 2FA is already on for this subject (disable it first).
   */
  async begin(db: Db | Tx, subject: string, label: string): Promise<TotpEnrolment | null> {
    if (await this.isEnabled(db, subject)) return null;
    const secret = new Secret({ size: 20 });
    const now = this.#clock.now();
    const encrypted = this.#encrypt(secret.base32);
    await db
      .insert(authSecondFactors)
      .values({ subject, secret: encrypted, createdAt: now })
      .onConflictDoUpdate({
        target: authSecondFactors.subject,
        set: { secret: encrypted, createdAt: now, enabledAt: null, lastStep: null },
      });
    const uri = this.#totp(secret, label).toString();
    return {
      secret: secret.base32,
      uri,
      qrSvg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }),
    };
  }

  /**
   * Turns an enrolment on with a first code from it; answers the recovery codes (to show once),
   * or null for a wrong code or no enrolment under way. The code is spent.
   */
  async confirm(db: Db, subject: string, code: string): Promise<string[] | null> {
    const [row] = await db
      .select()
      .from(authSecondFactors)
      .where(and(eq(authSecondFactors.subject, subject), isNull(authSecondFactors.enabledAt)));
    if (!row) return null;
    const step = this.#acceptedStep(this.#decrypt(row.secret), code);
    if (step === null) return null;
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => newRecoveryCode());
    const done = await db.transaction(async (tx) => {
      const [on] = await tx
        .update(authSecondFactors)
        .set({ enabledAt: this.#clock.now(), lastStep: step })
        .where(and(eq(authSecondFactors.subject, subject), isNull(authSecondFactors.enabledAt)))
        .returning({ subject: authSecondFactors.subject });
      if (!on) return false;
      await tx.delete(authRecoveryCodes).where(eq(authRecoveryCodes.subject, subject));
      await tx.insert(authRecoveryCodes).values(codes.map((c) => ({ subject, codeHash: this.#hashCode(c) })));
      return true;
    });
    return done ? codes : null;
  }

  /**
   * Checks a code for a subject with 2FA on: a TOTP code (accepted once: its step must be later
   * than the last accepted) or an unused recovery code (spent now). Null when neither.
   */
  async verify(db: Db | Tx, subject: string, code: string): Promise<'totp' | 'recovery' | null> {
    const [row] = await db
      .select()
      .from(authSecondFactors)
      .where(and(eq(authSecondFactors.subject, subject), isNotNull(authSecondFactors.enabledAt)));
    if (!row) return null;
    const digits = code.replace(/\s/g, '');
    if (/^\d{6}$/.test(digits)) {
      const step = this.#acceptedStep(this.#decrypt(row.secret), digits);
      if (step === null) return null;
      const [taken] = await db
        .update(authSecondFactors)
        .set({ lastStep: step })
        .where(
          and(
            eq(authSecondFactors.subject, subject),
            or(isNull(authSecondFactors.lastStep), lt(authSecondFactors.lastStep, step)),
          ),
        )
        .returning({ subject: authSecondFactors.subject });
      return taken ? 'totp' : null;
    }
    const [used] = await db
      .update(authRecoveryCodes)
      .set({ usedAt: this.#clock.now() })
      .where(
        and(
          eq(authRecoveryCodes.subject, subject),
          eq(authRecoveryCodes.codeHash, this.#hashCode(code)),
          isNull(authRecoveryCodes.usedAt),
        ),
      )
      .returning({ id: authRecoveryCodes.id });
    return used ? 'recovery' : null;
  }

  /** Turns 2FA off for a subject (its secret and recovery codes are deleted); false if it was off. */
  async disable(db: Db, subject: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const gone = await tx
        .delete(authSecondFactors)
        .where(eq(authSecondFactors.subject, subject))
        .returning({ enabledAt: authSecondFactors.enabledAt });
      await tx.delete(authRecoveryCodes).where(eq(authRecoveryCodes.subject, subject));
      return gone.some((g) => g.enabledAt !== null);
    });
  }

  /** Whether an admin made 2FA required for every account it applies to. */
  async required(db: Db | Tx): Promise<boolean> {
    const [row] = await db.select().from(authSettings).where(eq(authSettings.key, REQUIRED_KEY));
    return row?.value === true;
  }

  async setRequired(db: Db | Tx, required: boolean, by: string | null): Promise<void> {
    const at = this.#clock.now();
    await db
      .insert(authSettings)
      .values({ key: REQUIRED_KEY, value: required, updatedAt: at, updatedBy: by })
      .onConflictDoUpdate({
        target: authSettings.key,
        set: { value: required, updatedAt: at, updatedBy: by },
      });
  }

  #totp(secret: Secret, label: string): TOTP {
    return new TOTP({
      issuer: this.#issuer,
      label,
      algorithm: 'SHA1',
      digits: DIGITS,
      period: PERIOD,
      secret,
    });
  }

  /** The time step a code belongs to, within one step of now either way, or null. */
  #acceptedStep(base32: string, code: string): number | null {
    if (!/^\d{6}$/.test(code)) return null;
    const timestamp = this.#clock.nowMs();
    const delta = this.#totp(Secret.fromBase32(base32), 'x').validate({ token: code, timestamp, window: 1 });
    return delta === null ? null : Math.floor(timestamp / 1000 / PERIOD) + delta;
  }

  #hashCode(code: string): string {
    return createHmac('sha256', this.#codeKey).update(normaliseRecoveryCode(code)).digest('hex');
  }

  #encrypt(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#secretKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  #decrypt(stored: string): string {
    const [version, iv, tag, body] = stored.split('.');
    if (version !== 'v1' || !iv || !tag || !body) throw new Error('unknown TOTP secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.#secretKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }
}

// Ten characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as xxxxx-xxxxx:
// 50 bits each, so a keyed SHA-256 is enough to store them.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function newRecoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The code an authenticator app shows for this key at this instant (for tests and tools). */
export function totpCodeAt(base32: string, ms: number): string {
  return new TOTP({
    secret: Secret.fromBase32(base32),
    digits: DIGITS,
    period: PERIOD,
    algorithm: 'SHA1',
  }).generate({
    timestamp: ms,
  });
}
