// For an app's test suite: asserts, for every route, who may call it. The table of expected
// access must list every route (so a new route cannot go unreviewed) and match what each route
// declares; then each route is called anonymously and as each test caller, and the guard must
// let through exactly the callers the table allows.
import { AssertionError } from 'node:assert';
import type { TestClock } from '../clock/clock.ts';
import { NOT_SIGNED_IN, ROLE_REFUSED } from '../guard/guard-plugin.ts';
import type { Access } from '../guard/types.ts';
import type { Server } from '../http/create-server.ts';

export interface TestCaller {
  roles: readonly string[];
  /** Credentials for one request, minted afresh each time (the clock moves between routes). */
  headers(): Promise<Record<string, string>>;
}

export interface AccessCheck {
  app: Server;
  /** `'METHOD /path'` (as registered, e.g. 'GET /api/events/:id') to who may call it. */
  expected: Record<string, Access>;
  callers: Record<string, TestCaller>;
  /** Moved a day forward before each route, so rate-limit windows never hide the answer. */
  clock?: TestClock;
  /** Routes left out of the check; default: the platform's own (health, metrics, docs, web UI). */
  skip?: (url: string) => boolean;
}

// The web UI's catch-all ('/*', http/web-app.ts) is the platform's too: public, like /docs.
const platformRoute = (url: string) =>
  url === '/*' || /^\/(health|metrics|docs|openapi\.json)(\/|$)/.test(url);
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const same = (a: Access | undefined, b: Access) => JSON.stringify(a) === JSON.stringify(b);

function allows(access: Access, roles: readonly string[]): boolean {
  if (access === 'public' || access === 'authenticated') return true;
  return access.some((role) => roles.includes(role));
}

export async function assertAccess(check: AccessCheck): Promise<void> {
  const skip = check.skip ?? platformRoute;
  const routes = check.app.guard
    .routes()
    .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && !skip(r.url));
  const problems: string[] = [];
  const seen = new Set<string>();

  for (const route of routes) {
    const name = `${route.method} ${route.url}`;
    seen.add(name);
    const expected = check.expected[name];
    if (expected === undefined) {
      problems.push(`${name}: not in the access table (declares ${JSON.stringify(route.access)})`);
      continue;
    }
    if (!same(route.access, expected)) {
      problems.push(
        `${name}: declares ${JSON.stringify(route.access)}, the table says ${JSON.stringify(expected)}`,
      );
      continue;
    }
    const url = route.url
      .replace(/:[A-Za-z0-9_]+/g, '00000000-0000-4000-8000-000000000000')
      .replace(/\*/g, 'x');
    const call = async (credentials: () => Promise<Record<string, string>>) => {
      check.clock?.advance(86_400_000);
      const headers = await credentials();
      const res = await check.app.inject({
        method: route.method as 'GET',
        url,
        headers: { 'sec-fetch-site': 'same-origin', ...headers },
        ...(WRITE.has(route.method) ? { payload: {} } : {}),
      });
      const message =
        res.statusCode === 401 || res.statusCode === 403 ? res.json().error?.message : undefined;
      return { status: res.statusCode, message };
    };

    const anonymous = await call(async () => ({}));
    if (anonymous.status === 429)
      problems.push(`${name}: rate-limited during the check (pass the test clock)`);
    else if (expected === 'public' && anonymous.message === NOT_SIGNED_IN)
      problems.push(`${name}: public, but refused anonymously`);
    else if (expected !== 'public' && anonymous.status !== 401) {
      problems.push(`${name}: anonymous caller got ${anonymous.status}, not 401`);
    }

    for (const [who, caller] of Object.entries(check.callers)) {
      const answer = await call(() => caller.headers());
      const refused = answer.message === ROLE_REFUSED || answer.message === NOT_SIGNED_IN;
      if (answer.status === 429) problems.push(`${name}: rate-limited as ${who} (pass the test clock)`);
      else if (allows(expected, caller.roles) && refused)
        problems.push(`${name}: ${who} should pass, got ${answer.status}`);
      else if (!allows(expected, caller.roles) && (answer.status !== 403 || !refused)) {
        problems.push(`${name}: ${who} should get 403, got ${answer.status}`);
      }
    }
  }
  for (const name of Object.keys(check.expected)) {
    if (!seen.has(name)) problems.push(`${name}: in the access table but no such route`);
  }
  if (problems.length > 0) {
    throw new AssertionError({
      message: `Route access does not match the table:\n  ${problems.join('\n  ')}`,
    });
  }
}
