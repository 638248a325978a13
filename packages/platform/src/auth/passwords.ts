// Password hashing with argon2id. Parameters after OWASP's Password Storage Cheat Sheet:
// m=19 MiB (19456 KiB), t=2, p=1, the first of its equivalent settings. A hash made with other
// parameters still verifies, and `verify` hands back a fresh hash so the caller can store it.
// An unknown user is checked against a dummy hash with the same parameters, so both paths
// spend the same time and a caller cannot tell "no such user" from "wrong password".
// At most a few hashes run at once: argon2 runs on libuv's pool (4 threads), and a lecture hall
// logging in together filled it, so the session's signature (WebCrypto, on the same pool) of
// every login waited for the whole wave: everyone was in at its end (bench:login). Capped, the
// hall gets in one by one, with a thread left for the rest.
import { availableParallelism } from 'node:os';
import argon2 from 'argon2';
import pLimit from 'p-limit';

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

/** Hashes at once by default: the cores, at most 3 (libuv's pool has 4 threads). */
export const DEFAULT_HASH_CONCURRENCY = Math.max(1, Math.min(availableParallelism(), 3));

export class PasswordHasher {
  readonly params: PasswordParams;
  #dummy: Promise<string> | undefined;
  readonly #limit: ReturnType<typeof pLimit>;

  constructor(params: PasswordParams = OWASP_ARGON2ID, concurrency = DEFAULT_HASH_CONCURRENCY) {
    this.params = params;
    this.#limit = pLimit(concurrency);
  }

  /** Hashes and verifications running now (the others wait their turn). */
  get active(): number {
    return this.#limit.activeCount;
  }

  hash(password: string): Promise<string> {
    return this.#limit(() => argon2.hash(password, { type: argon2.argon2id, ...this.params }));
  }

  /** The hash an unknown user's password is checked against, made once with these parameters. */
  dummyHash(): Promise<string> {
    this.#dummy ??= this.hash('not-a-password-of-anyone');
    return this.#dummy;
  }

  /** Verifies against `hash`, or, when the user is unknown (null), against a dummy: same time. */
  async verify(hash: string | null | undefined, password: string): Promise<VerifyResult> {
    if (!hash) {
      const dummy = await this.dummyHash();
      await this.#limit(() => argon2.verify(dummy, password)).catch(() => false);
      return { ok: false };
    }
    let ok = false;
    try {
      ok = await this.#limit(() => argon2.verify(hash, password));
    } catch {
      ok = false; // not an argon2 hash: treated as a wrong password
    }
    if (!ok) return { ok: false };
    if (argon2.needsRehash(hash, { ...this.params })) return { ok: true, rehash: await this.hash(password) };
    return { ok: true };
  }
}
