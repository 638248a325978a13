// Sealed job payloads: a queue that must carry personal data (the mail queue: an address, a
// name, a private link) stores its payload encrypted with AES-256-GCM under a key derived from
// APP_SECRET, so the job tables (and their backups) hold no readable personal data. Beside the
// ciphertext a queue may store a few plain lookup fields, keyed hashes only (e.g. of the
// recipient), so jobs can be found and deleted without decrypting them all.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { deriveKey } from '../config/derive-key.ts';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a sealed job's row holds: `sealed` and the queue's lookup fields. */
export interface SealedData {
  sealed: string;
  [lookup: string]: string;
}

export function isSealed(data: unknown): data is SealedData {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { sealed?: unknown }).sealed === 'string' &&
    (data as { sealed: string }).sealed.startsWith(`${VERSION}.`)
  );
}

export class PayloadSealer {
  readonly #key: Buffer;

  /** `purpose` names the key: one per use, derived from APP_SECRET. */
  constructor(appSecret: string, purpose = 'job-payload') {
    this.#key = deriveKey(appSecret, purpose);
  }

  /** `aad` binds the ciphertext to its queue: a payload moved to another queue does not open. */
  seal(value: unknown, aad: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(aad));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  open(sealed: string, aad: string): unknown {
    if (!sealed.startsWith(`${VERSION}.`)) throw new Error('not a sealed payload');
    const raw = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(text.toString('utf8'));
  }
}

/** A keyed hash (HMAC-SHA256, hex) for looking a value up without storing it. */
export function keyedHash(appSecret: string, purpose: string, value: string): string {
  return createHmac('sha256', deriveKey(appSecret, purpose)).update(value).digest('hex');
}
