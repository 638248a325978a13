// Request ids: a caller's X-Request-Id is kept when it is short and made of safe characters
// (so it can be logged and echoed without injection); anything else gets a fresh UUID.
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';
const SAFE = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && SAFE.test(header) ? header : randomUUID();
}
