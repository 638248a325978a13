// Serves an app's built web UI (a Vite build in `<web>/dist`) from the API's own port.
// Hashed files under /assets/ are cached for a year; everything else, index.html first, is
// revalidated on each load. Precompressed .br/.gz siblings (written by web-build.ts) go to
// browsers that accept them. Any other GET is a client-side route and answers index.html;
// the API's and the platform's own paths never do, so an unknown /api path stays a JSON 404.
// Private pages (a booking's manage page, opened from a mailed link with a token in its address)
// are never stored, never leak their address to another site and are never indexed: the same
// three headers an app's private API routes send (PRIVATE_HEADERS, privateHeaders).
// `schema.hide` is @fastify/swagger's; named here so the type checker sees it from this file too.
/// <reference types="@fastify/swagger" />
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import fp from 'fastify-plugin';

export interface WebAppOptions {
  /** Absolute path of the app's web folder; its build is served from `<root>/dist`. */
  root: string;
  /** Client-side routes (a path and everything under it) answered with PRIVATE_HEADERS. */
  privatePaths?: readonly string[];
}

/** What a page or an answer that carries a private link's token is sent with. */
export const PRIVATE_HEADERS = Object.freeze({
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
});

/** A route's onRequest hook: its answers, errors included, carry PRIVATE_HEADERS. */
export function privateHeaders(_request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
  reply.headers(PRIVATE_HEADERS);
  done();
}

/** Whether a URL path is one of the private paths or under one ('/booking', '/booking/x'). */
export function isPrivatePath(urlPath: string, privatePaths: readonly string[]): boolean {
  const path = urlPath.split('?')[0] ?? '';
  return privatePaths.some((p) => {
    const base = p.replace(/\/+$/, '');
    return path === base || path.startsWith(`${base}/`);
  });
}

/** Paths that belong to the API or the platform: never answered with the UI. */
const RESERVED = /^\/(api(\/|$)|docs|openapi\.json$|health(\/|$)|metrics(\/|$))/;
const ASSETS = 'assets/';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The file under `dist` that a decoded URL path names, as a path relative to `dist`, or
 * `undefined` when it names none (missing, a folder, a dotfile) and `null` when it reaches
 * outside `dist` or is malformed.
 */
export async function fileInDist(dist: string, urlPath: string): Promise<string | null | undefined> {
  if (urlPath.includes('\0') || urlPath.includes('\\')) return null;
  const file = resolve(dist, `.${urlPath.startsWith('/') ? '' : '/'}${urlPath}`);
  if (!file.startsWith(dist + sep)) return file === dist ? undefined : null;
  const rel = relative(dist, file).split(sep).join('/');
  if (rel.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  try {
    return (await stat(file)).isFile() ? rel : undefined;
  } catch {
    return undefined;
  }
}

/** The platform's own answer: JSON 404, or 405 with Allow for an API path's other method. */
function notFound(reply: FastifyReply) {
  reply.callNotFound();
  return reply;
}

function sendFromDist(reply: FastifyReply, rel: string) {
  reply.header('cache-control', rel.startsWith(ASSETS) ? IMMUTABLE : 'no-cache');
  return reply.sendFile(`/${rel}`);
}

export const webAppPlugin = fp(
  async (app: FastifyInstance, opts: WebAppOptions) => {
    const dist = resolve(opts.root, 'dist');
    if (!existsSync(join(dist, 'index.html'))) {
      app.log.warn(
        { dist },
        `web UI not served: ${dist} has no build (run \`npm run build:web\`, or start the app with serve, which builds it)`,
      );
      return;
    }

    await app.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root: dist,
        serve: false,
        preCompressed: true,
        cacheControl: false,
        dotfiles: 'deny',
        index: false,
      });
      scope.get(
        '/*',
        {
          schema: { hide: true },
          logLevel: 'warn',
          config: { rateLimit: 'unlimited', access: 'public' },
        },
        async (request, reply) => {
          const path = (request.params as { '*': string })['*'];
          const url = `/${path}`;
          if (RESERVED.test(url)) return notFound(reply);
          const rel = await fileInDist(dist, url);
          if (rel === null) return notFound(reply);
          if (rel !== undefined) return sendFromDist(reply, rel);
          // A missing hashed file is an old build's: a 404 tells the page, index.html would not.
          if (url.startsWith(`/${ASSETS}`)) return notFound(reply);
          if (isPrivatePath(url, opts.privatePaths ?? [])) {
            reply.headers(PRIVATE_HEADERS);
            return reply.sendFile('/index.html');
          }
          return sendFromDist(reply, 'index.html');
        },
      );
    });
  },
  { name: 'platform-web-app', dependencies: ['platform-guard'] },
);
