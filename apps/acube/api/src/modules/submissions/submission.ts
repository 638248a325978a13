// What the public forms share: a short reference people can quote, and the key and the window
// that tell a repeated submission (same address, same content, within ten minutes) from a new one,
// and the answer that says which it was.
import { createHash, randomBytes } from 'node:crypto';
import type { SubmissionAck } from './submissions.schemas.ts';

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

/** A stored submission created after this instant is a repeat of one made at `nowMs`. */
export function repeatWindowStart(nowMs: number): Date {
  return new Date(nowMs - DUPLICATE_WINDOW_MS);
}

/** The same rule as the query's: strictly less than ten minutes old. */
export function isRepeatOf(firstCreatedAt: Date, nowMs: number): boolean {
  return firstCreatedAt.getTime() > repeatWindowStart(nowMs).getTime();
}

/** The answer to a volunteering or contact form: 201 with thanks, or 200 for a repeat (nothing sent twice). */
export function acknowledge(reference: string, created: boolean): { status: 200 | 201; body: SubmissionAck } {
  return created
    ? {
        status: 201,
        body: {
          reference,
          message: 'Thank you: we have received it and e-mailed you a confirmation.',
          repeat: false,
        },
      }
    : {
        status: 200,
        body: { reference, message: 'We already have this: nothing was sent twice.', repeat: true },
      };
}
