// What the public forms share: a short reference people can quote, and the key that tells a
// repeated submission (same address, same content, within ten minutes) from a new one.
import { createHash, randomBytes } from 'node:crypto';

export const DUPLICATE_WINDOW_MS = 10 * 60_000;
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** e.g. "B-7KQ2MX": no 0/O or 1/I to misread. */
export function newReference(prefix: string): string {
  return `${prefix}-${[...randomBytes(6)].map((b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

export function dedupeKey(email: string, ...content: (string | undefined)[]): string {
  const parts = [email.trim().toLowerCase(), ...content.map((c) => (c ?? '').trim())];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
