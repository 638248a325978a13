// Password hashing with argon2id. Parameters after OWASP's Password Storage Cheat Sheet:
// m=19 MiB (19456 KiB), t=2, p=1, the first of its equivalent settings. A hash made with other
// parameters still verifies, and `verify` hands back a fresh hash so the caller can store it.
// An unknown user is checked against a dummy hash with the same parameters, so both paths
// spend the same time and a caller cannot tell "no such user" from "wrong password".
import argon2 from 'argon2';

export interface PasswordParams {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2ID: PasswordParams = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Longest password accepted, in characters: argon2 takes any length, the CPU should not. */
export const MAX_PASSWORD_LENGTH = 256;

export interface VerifyResult {
  ok: boolean;
  /** Set when the password was right but its hash used older parameters: store this instead. */
  rehash?: string;
}

export class PasswordHasher {
  readonly params: PasswordParams;
  #dummy: Promise<string> | undefined;

  constructor(params: PasswordParams = OWASP_ARGON2ID) {
    this.params = params;
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.params });
  }

  /** The hash an unknown user's password is checked against, made once with these parameters. */
  dummyHash(): Promise<string> {
    this.#dummy ??= this.hash('not-a-password-of-anyone');
    return this.#dummy;
  }

  /** Verifies against `hash`, or, when the user is unknown (null), against a dummy: same time. */
  async verify(hash: string | null | undefined, password: string): Promise<VerifyResult> {
    if (!hash) {
      await argon2.verify(await this.dummyHash(), password).catch(() => false);
      return { ok: false };
    }
    let ok = false;
    try {
      ok = await argon2.verify(hash, password);
    } catch {
      ok = false; // not an argon2 hash: treated as a wrong password
    }
    if (!ok) return { ok: false };
    if (argon2.needsRehash(hash, { ...this.params })) return { ok: true, rehash: await this.hash(password) };
    return { ok: true };
  }
}
