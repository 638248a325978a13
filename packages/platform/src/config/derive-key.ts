// One root secret (APP_SECRET), many keys: each purpose gets its own key through HKDF-SHA256,
// so a key leaked from one use says nothing about another.
import { hkdfSync } from 'node:crypto';

export function deriveKey(secret: string, purpose: string, bytes = 32): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'campus-platform', purpose, bytes));
}
