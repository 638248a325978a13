// What A-Cube's HTTP tests share: the app on a fresh database with its own data dir, admins
// with tokens, and the mail folder the app writes its .eml files to.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { AccessTokens, PasswordHasher } from '@campus/platform/auth';
import type { TestClock } from '@campus/platform/clock';
import { createTestApp, type TestApp } from '@campus/platform/testing';
import { type ParsedMail, simpleParser } from 'mailparser';
import { admins } from '../src/db/schema/index.ts';
import { acubeSpec } from '../src/spec.ts';

export interface AcubeTest extends TestApp {
  dir: string;
  /** A new admin of this role, and an `Authorization` header value for them. */
  admin(role: 'staff' | 'superadmin', email?: string): Promise<{ id: string; authorization: string }>;
  /** Waits for a delivered message that matches. */
  mail(match: (m: ParsedMail) => boolean, what?: string): Promise<ParsedMail>;
  /** Every delivered message so far. */
  mails(): Promise<ParsedMail[]>;
}

/**
 * `opts.clock`: the app's clock (default: the platform's test clock, standing at its start).
 * The bot check is off and the daily mail cap per address high unless a test sets them
 * (BOT_CHECK, PUBLIC_MAIL_PER_ADDRESS_PER_DAY): test/abuse/ tests both; the others send many
 * forms from one address without solving anything.
 */
export async function startAcube(
  env: Record<string, string> = {},
  opts: { clock?: TestClock } = {},
): Promise<AcubeTest> {
  const dir = await mkdtemp(join(tmpdir(), 'acube-test-'));
  const t = await createTestApp(acubeSpec, {
    env: {
      DEMO_DATA: 'false',
      DATA_DIR: dir,
      PUBLIC_URL: 'https://acube.example',
      BOT_CHECK: 'off',
      PUBLIC_MAIL_PER_ADDRESS_PER_DAY: '1000',
      ...env,
    },
    ...(opts.clock ? { clock: opts.clock } : {}),
  });
  const tokens = new AccessTokens({
    appSecret: acubeSpec.loadConfig({ NODE_ENV: 'test' }).appSecret,
    app: 'acube',
    clock: t.clock,
  });
  const hash = new PasswordHasher().hash('a test admin passphrase');
  const mails = async () => {
    const folder = join(dir, 'mail');
    const files = (await readdir(folder).catch(() => [])).filter((f) => f.endsWith('.eml')).sort();
    return Promise.all(files.map(async (f) => simpleParser(await readFile(join(folder, f)))));
  };
  return {
    ...t,
    dir,
    async admin(role, email = `${role}-${crypto.randomUUID().slice(0, 8)}@acube.test`) {
      const [row] = await t.app.db
        .insert(admins)
        .values({ email, name: `Test ${role}`, role, passwordHash: await hash })
        .returning();
      const id = row?.id ?? '';
      return {
        id,
        authorization: `Bearer ${await tokens.sign({ sub: id, roles: [role], sid: crypto.randomUUID() })}`,
      };
    },
    mails,
    async mail(match, what = 'a matching mail') {
      for (let i = 0; i < 600; i++) {
        const found = (await mails()).find(match);
        if (found) return found;
        await sleep(100);
      }
      throw new Error(`timed out waiting for ${what}`);
    },
    async close() {
      await t.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The address a parsed message was sent to. */
export const sentTo = (m: ParsedMail) => (m.to && 'text' in m.to ? m.to.text : '');
