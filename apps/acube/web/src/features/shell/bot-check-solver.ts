// The bot check's proof of work, solved (no React here: the browser tests solve with it too).
// ALTCHA's challenge: find n ≤ maxnumber with SHA-256(salt + n) = challenge. @noble/hashes
// rather than crypto.subtle, which a page served over plain HTTP (not localhost) does not have.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { BotCheckChallenge } from '../../../../api/src/modules/abuse/index.ts';

export type Solvable = Required<
  Pick<BotCheckChallenge, 'algorithm' | 'challenge' | 'maxnumber' | 'salt' | 'signature'>
>;

/** The number n ≤ maxnumber with SHA-256(salt + n) = challenge, or null; gives the page a turn every 1,000 tries. */
export async function solveChallenge(c: Solvable, signal?: AbortSignal): Promise<number | null> {
  for (let n = 0; n <= c.maxnumber; n++) {
    if (bytesToHex(sha256(utf8ToBytes(c.salt + n))) === c.challenge) return n;
    if (n % 1000 === 999) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (signal?.aborted) return null;
    }
  }
  return null;
}

/** The solution as the API takes it in X-Bot-Check: base64 of ALTCHA's JSON payload. */
export const encodeSolution = (c: Solvable, number: number) =>
  btoa(
    JSON.stringify({
      algorithm: c.algorithm,
      challenge: c.challenge,
      number,
      salt: c.salt,
      signature: c.signature,
    }),
  );
