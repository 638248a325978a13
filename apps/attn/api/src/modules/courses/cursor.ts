// Opaque keyset cursors for paged lists: the last row's sort key as base64url JSON. A cursor
// that does not decode is the client's mistake (400), never a server error.
import { AppError } from '@campus/platform/errors';

export const encodeCursor = (key: readonly (string | number)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string, size: number): string[] {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === size && key.every((k) => typeof k === 'string')) return key;
  } catch {
    // fall through to the 400 below
  }
  throw new AppError('VALIDATION_FAILED', 'Invalid cursor', {
    details: [{ field: 'querystring.before', message: 'not a cursor this API gave out' }],
  });
}
