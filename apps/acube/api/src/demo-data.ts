// Demo rows for the embedded default, so a first `npm run acube` shows something. Idempotent.
import type { AppContext } from '@campus/platform/app/app-spec.ts';
import { PasswordHasher } from '@campus/platform/auth/passwords.ts';
import { admins, events } from './db/schema/index.ts';

const DAY = 24 * 60 * 60 * 1000;

/** Demo logins, printed at start; only ever created on the embedded default outside production. */
export const DEMO_ADMINS = [
  {
    email: 'admin@acube.demo',
    name: 'Demo Superadmin',
    role: 'superadmin',
    password: 'demo-superadmin-pass',
  },
  { email: 'staff@acube.demo', name: 'Demo Staff', role: 'staff', password: 'demo-staff-pass' },
] as const;

export async function seedDemoData(ctx: AppContext): Promise<string[]> {
  const { db } = ctx.database;
  const logins = [
    'Demo logins (POST /api/admin/auth/login):',
    ...DEMO_ADMINS.map((a) => `  ${a.role.padEnd(10)} ${a.email} / ${a.password}`),
  ];
  const existing = await db.select({ id: events.id }).from(events).limit(1);
  if (existing.length > 0) return ['Demo data: already present', ...logins];
  const hasher = new PasswordHasher();
  for (const admin of DEMO_ADMINS) {
    await db
      .insert(admins)
      .values({
        email: admin.email,
        name: admin.name,
        role: admin.role,
        passwordHash: await hasher.hash(admin.password),
      })
      .onConflictDoNothing();
  }
  const now = ctx.clock.nowMs();
  await db.insert(events).values([
    {
      title: 'Mindfulness for beginners',
      description: 'An evening introduction to mindfulness practice.',
      location: 'Community hall, room 2',
      startsAt: new Date(now + 7 * DAY),
      capacity: 20,
      status: 'published',
    },
    {
      title: 'Supporting a friend in crisis',
      description: 'A workshop for families and friends.',
      location: 'Online',
      startsAt: new Date(now + 14 * DAY),
      capacity: 50,
      status: 'published',
    },
    {
      title: 'Volunteer orientation',
      description: 'Draft: not yet public.',
      location: 'Office',
      startsAt: new Date(now + 21 * DAY),
      capacity: 15,
      status: 'draft',
    },
  ]);
  ctx.logger.info('demo data inserted');
  return ['Demo data: 3 events (2 published), 2 admins', ...logins];
}
