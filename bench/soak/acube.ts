// bench:soak for A-Cube on its demo data: the public pages and forms, and staff in the panel.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { spawnApp } from '../../packages/platform/src/testing/spawn-app.ts';
import { root } from '../checkin/settings.ts';
import { call, json, type Op, ok2 } from './drive.ts';
import { soak } from './report.ts';
import { HIGH } from './settings.ts';

const acubeCli = join(root, 'apps/acube/api/src/cli.ts');

export async function soakAcube(work: string) {
  const app = await spawnApp(
    acubeCli,
    {
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: join(work, 'acube'),
      PORT: '0',
      LOG_FILE: 'off',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DEMO_DATA: 'true',
      // The proof-of-work bot check is a browser's job; configuration turns it off (as the HTTP tests do).
      BOT_CHECK: 'off',
      PUBLIC_MAIL_PER_ADDRESS_PER_DAY: '1000',
      ...Object.fromEntries(
        ['PUBLIC', 'AUTH', 'REFRESH', 'CHALLENGE', 'ADMIN'].map((p) => [`RATE_LIMIT_${p}`, HIGH]),
      ),
    },
    { timeoutMs: 120_000 },
  );
  try {
    const url = app.url;
    const admin = { email: 'admin@acube.demo', password: 'demo-superadmin-pass' };
    const login = await fetch(`${url}/api/admin/auth/login`, json(admin));
    if (login.status !== 200) throw new Error(`admin login: ${login.status} ${await login.text()}`);
    const token = ((await login.json()) as { access_token: string }).access_token;
    const auth = { authorization: `Bearer ${token}` };
    const events = (await (await fetch(`${url}/api/events`)).json()) as { items: { id: string }[] };
    const eventIds = events.items.map((e) => e.id);
    if (!eventIds.length) throw new Error('no public events in the demo data');
    let n = 0;
    const email = () => `soak-${++n}-${randomBytes(3).toString('hex')}@example.org`;
    const year = new Date().getUTCFullYear() + 1;
    const ops: Op[] = [
      { name: 'events', weight: 30, run: () => call(`${url}/api/events`), ok: ok2 },
      {
        name: 'event page',
        weight: 10,
        run: () => call(`${url}/api/events/${eventIds[n % eventIds.length]}`),
        ok: ok2,
      },
      {
        name: 'register',
        weight: 10,
        run: () =>
          call(
            `${url}/api/events/${eventIds[n % eventIds.length]}/register`,
            json({ name: 'Soak', email: email() }),
          ),
        ok: ok2,
      },
      {
        name: 'booking',
        weight: 10,
        run: () =>
          call(
            `${url}/api/sessions/book`,
            json({
              email: email(),
              name: 'Soak',
              phone: '1234567890',
              session_type: 'individual',
              preferred_date: `${year}-0${1 + (n % 9)}-1${n % 10}`,
              message: 'Soak test',
            }),
          ),
        ok: ok2,
      },
      {
        name: 'contact',
        weight: 10,
        run: () =>
          call(
            `${url}/api/contact`,
            json({ name: 'Soak', email: email(), subject: 'Soak', message: 'Hello' }),
          ),
        ok: ok2,
      },
      {
        name: 'admin login',
        weight: 3,
        run: () => call(`${url}/api/admin/auth/login`, json(admin)),
        ok: ok2,
      },
      {
        name: 'admin events',
        weight: 8,
        run: () => call(`${url}/api/admin/events`, { headers: auth }),
        ok: ok2,
      },
      {
        name: 'admin bookings',
        weight: 8,
        run: () => call(`${url}/api/sessions`, { headers: auth }),
        ok: ok2,
      },
      { name: 'admin contact', weight: 6, run: () => call(`${url}/api/contact`, { headers: auth }), ok: ok2 },
      {
        name: 'admin registrations',
        weight: 5,
        run: () => call(`${url}/api/admin/registrations`, { headers: auth }),
        ok: ok2,
      },
    ];
    // The access token lasts 15 minutes: a fresh one every minute, as the panel's refresh would.
    const background = async () => {
      const res = await fetch(`${url}/api/admin/auth/login`, json(admin));
      if (res.status === 200)
        auth.authorization = `Bearer ${((await res.json()) as { access_token: string }).access_token}`;
    };
    return await soak('A-Cube', app, ops, background);
  } finally {
    await app.stop();
  }
}
