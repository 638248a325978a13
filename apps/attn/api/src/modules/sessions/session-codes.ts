// The rotating code of an attendance session, in the manner of RFC 6238 (TOTP): HOTP (RFC 4226,
// HMAC-SHA1 with dynamic truncation) over the number of `step`-second steps since the epoch.
// The key is derived from the root secret and the session id (HKDF), so no secret is stored:
// any instance that knows APP_SECRET computes the same code. A code is accepted in its own step
// and the next one (so one shown at the very end of its step still works), never later; a code
// of an earlier step of the same session is told apart as expired, anything else as wrong.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '@campus/platform/config';

export const CODE_DIGITS = 6;

/** The per-session key: HKDF(APP_SECRET, 'attn-session-code:<id>'). */
export function sessionCodeKey(appSecret: string, sessionId: string): Buffer {
  return deriveKey(appSecret, `attn-session-code:${sessionId}`, 20);
}

export const stepAt = (nowMs: number, stepSeconds: number) => Math.floor(nowMs / (stepSeconds * 1000));

/**
 * The codes of the last few steps of each key: a lecture hall checks in against the same two
 * codes, so each is computed once per step, not twice per check-in. Held by the key object,
 * so a session's codes go when its cached key does.
 */
const recentCodes = new WeakMap<Buffer, Map<number, string>>();

/** The HOTP value of `counter` (RFC 4226 section 5.3), zero-padded to CODE_DIGITS. */
export function hotp(key: Buffer, counter: number): string {
  let codes = recentCodes.get(key);
  const known = codes?.get(counter);
  if (known !== undefined) return known;
  const code = computeHotp(key, counter);
  if (!codes) {
    codes = new Map();
    recentCodes.set(key, codes);
  }
  if (codes.size >= 4) codes.delete(codes.keys().next().value as number);
  codes.set(counter, code);
  return code;
}

function computeHotp(key: Buffer, counter: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] as number) & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** CODE_DIGITS).padStart(CODE_DIGITS, '0');
}

export interface ShownCode {
  code: string;
  /** When the screen should show the next code. */
  rotatesAt: Date;
  /** The end of the step after this one: the last moment this code is accepted. */
  validUntil: Date;
}

export function currentCode(key: Buffer, stepSeconds: number, nowMs: number): ShownCode {
  const step = stepAt(nowMs, stepSeconds);
  const stepMs = stepSeconds * 1000;
  return {
    code: hotp(key, step),
    rotatesAt: new Date((step + 1) * stepMs),
    validUntil: new Date((step + 2) * stepMs),
  };
}

/**
 * How far back a code is still recognised, to tell a student "expired" rather than "wrong": a
 * code photographed or typed too slowly is the usual mistake, and worth its own message.
 */
export const EXPIRED_LOOKBACK_MS = 10 * 60_000;

export type CodeCheck = 'accepted' | 'expired' | 'invalid';

const given = (code: string) => Buffer.from(code.padEnd(CODE_DIGITS, ' ').slice(0, 64));
const same = (a: Buffer, expected: string) => {
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** True when `code` is the code of the current step or the one before; constant-time compare. */
export function acceptsCode(key: Buffer, stepSeconds: number, nowMs: number, code: string): boolean {
  const bytes = given(code);
  const step = stepAt(nowMs, stepSeconds);
  let ok = false;
  // Both candidates are always compared, so the time taken says nothing about which matched.
  for (const counter of [step, step - 1]) if (same(bytes, hotp(key, counter))) ok = true;
  return ok;
}

/**
 * 'accepted' as acceptsCode; 'expired' when `code` was this session's code in an earlier step
 * (up to EXPIRED_LOOKBACK_MS back, never before the step the session opened in); else 'invalid'.
 * Every candidate is compared in constant time and none ends the loop early, so the time taken
 * says which steps exist, not which one matched.
 */
export function checkCode(
  key: Buffer,
  stepSeconds: number,
  nowMs: number,
  code: string,
  openedAtMs: number,
): CodeCheck {
  if (acceptsCode(key, stepSeconds, nowMs, code)) return 'accepted';
  const bytes = given(code);
  const step = stepAt(nowMs, stepSeconds);
  const oldest = Math.max(
    stepAt(openedAtMs, stepSeconds),
    step - Math.floor(EXPIRED_LOOKBACK_MS / (stepSeconds * 1000)),
  );
  let expired = false;
  // Computed without the per-key cache: a look back must not push the current codes out of it.
  for (let counter = step - 2; counter >= oldest; counter--)
    if (same(bytes, computeHotp(key, counter))) expired = true;
  return expired ? 'expired' : 'invalid';
}
