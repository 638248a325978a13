// Demo rows for the embedded default, so a first `npm run acube` shows something. Idempotent.
import type { AppContext } from '@campus/platform/app';
import { hashToken, newToken, PasswordHasher } from '@campus/platform/auth';
import { eq } from 'drizzle-orm';
import { admins, bookings, contactMessages, events, registrations } from './db/schema/index.ts';

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
      title: 'Art therapy taster (full)',
      description: 'A small group: every place is taken; new registrations join the waiting list.',
      location: 'Studio',
      startsAt: new Date(now + 10 * DAY),
      capacity: 2,
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
  const [full] = await db.select().from(events).where(eq(events.capacity, 2)).limit(1);
  if (full) {
    await db.insert(registrations).values(
      ['Ada', 'Ben'].map((name) => ({
        eventId: full.id,
        name,
        email: `${name.toLowerCase()}@example.org`,
        status: 'confirmed' as const,
        manageTokenHash: hashToken(newToken()),
      })),
    );
  }
  const date = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
  await db.insert(bookings).values(
    [
      {
        name: 'Dana Demo',
        email: 'dana@example.org',
        sessionType: 'individual' as const,
        preferredDate: date(3),
        message: 'Demo request.',
      },
      {
        name: 'Eli Demo',
        email: 'eli@example.org',
        sessionType: 'couple' as const,
        preferredDate: date(5),
        message: 'Demo request.',
        status: 'confirmed' as const,
      },
      {
        name: 'Fay Demo',
        email: 'fay@example.org',
        sessionType: 'family' as const,
        preferredDate: date(8),
        message: 'Demo request.',
      },
    ].map((b, i) => ({
      ...b,
      reference: `B-DEMO0${i + 1}`,
      manageTokenHash: hashToken(newToken()),
      dedupeKey: `demo-${i}`,
    })),
  );
  await db.insert(contactMessages).values(
    [
      { name: 'Gus Demo', email: 'gus@example.org', subject: 'Opening hours', message: 'When are you open?' },
      { name: 'Hana Demo', email: 'hana@example.org', subject: 'Donations', message: 'How can I donate?' },
    ].map((c, i) => ({ ...c, reference: `C-DEMO0${i + 1}`, dedupeKey: `demo-${i}` })),
  );
  ctx.logger.info('demo data inserted');
  return ['Demo data: 4 events (3 published, one full), 3 bookings, 2 messages, 2 admins', ...logins];
}
