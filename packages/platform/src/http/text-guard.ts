// Text no handler and no database should ever see: a NUL (PostgreSQL refuses it in text and
// jsonb, so it would surface as a 500) or an unpaired UTF-16 surrogate (not Unicode at all; it
// cannot be stored or sent on as UTF-8). Checked once for every request, after the body is
// parsed and before validation: body (a JSON tree, or a text body such as CSV), query, path
// parameters and headers. Multipart parts are read by their routes and are not seen here.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendError } from './error-handler.ts';

export const INVALID_TEXT_MESSAGE = 'Text may not contain NUL characters or unpaired surrogates';

const badString = (s: string) => s.includes('\u0000') || !s.isWellFormed();

/**
 * The first place in `value` that holds bad text, as a dotted path from `where`
 * (`body.items.2.name`), or undefined. Object keys are checked too. Depth-bounded: a
 * parsed JSON body is a tree, never a cycle.
 */
export function findBadText(value: unknown, where: string, depth = 0): string | undefined {
  if (typeof value === 'string') return badString(value) ? where : undefined;
  if (value === null || typeof value !== 'object' || depth > 64) return undefined;
  if (Buffer.isBuffer(value)) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${where}.${i}`, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (badString(key)) return where;
    const found = findBadText(item, `${where}.${key}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Where a request holds bad text, or undefined. */
export function badTextIn(request: FastifyRequest): string | undefined {
  return (
    findBadText(request.params, 'params') ??
    findBadText(request.query, 'query') ??
    findBadText(request.headers, 'headers') ??
    findBadText(request.body, 'body')
  );
}

export function installTextGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request: FastifyRequest, reply: FastifyReply) => {
    const field = badTextIn(request);
    if (!field) return;
    // The field's name only: the value is what an attacker sent, never logged.
    request.log.info({ field }, 'request refused: invalid text');
    return sendError(reply, 400, 'INVALID_TEXT', INVALID_TEXT_MESSAGE, [
      { field, message: 'contains a NUL character or an unpaired surrogate' },
    ]);
  });
}
