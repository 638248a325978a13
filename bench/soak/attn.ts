// bench:soak for ATTN: a seeded roster logging in, listing, checking in, with a teacher's
// session renewed, its live view held open and its code read again every minute.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PasswordHasher } from '../../packages/platform/src/auth/passwords.ts';
import { spawnApp } from '../../packages/platform/src/testing/spawn-app.ts';
import { freshSession, seed, seedEmbedded } from '../checkin/seed.ts';
import { attnCli } from '../checkin/settings.ts';
import { call, json, type Op, ok2 } from './drive.ts';
import { soak } from './report.ts';
import { HIGH } from './settings.ts';

const STUDENTS = 2000;
const PASSWORD = 'soak-student-passphrase';

export async function soakAttn(work: string) {
  const dataDir = join(work, 'attn');
  const salt = randomBytes(8).toString('hex');
  const hash = await new PasswordHasher().hash(PASSWORD);
  const seeded = await seedEmbedded(dataDir, async (query) => {
    const made = await seed(query, STUDENTS, salt);
    await query(`update users set password_hash = $1 where school_number like 'bench-s%'`, [hash]);
    return made;
  });
  const app = await spawnApp(
    attnCli,
    {
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: dataDir,
      PORT: '0',
      LOG_FILE: 'off',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      DEMO_DATA: 'false',
      ...Object.fromEntries(
        ['AUTH', 'TICKET', 'USER', 'STUDENT', 'TEACHER', 'ADMIN'].map((p) => [`RATE_LIMIT_${p}`, HIGH]),
      ),
    },
    { timeoutMs: 120_000 },
  );
  try {
    const url = app.url;
    const teacher = { cookie: seeded.teacherCookie };
    const student = (g: number) => ({ cookie: `attn_session=bench-${g}-${salt}` });
    let session = await freshSession(url, seeded.courseId, seeded.teacherCookie);
    let next = 1; // next student to check in to the current session
    let live: AbortController | undefined;
    const hold = (id: string) => {
      live?.abort();
      const c = new AbortController();
      live = c;
      // The teacher's live view: held open, read until the session changes.
      void fetch(`${url}/api/teacher/sessions/${id}/live`, { headers: teacher, signal: c.signal })
        .then(async (res) => {
          for await (const _ of res.body ?? []) {
            /* drain */
          }
        })
        .catch(() => {});
    };
    hold(session.id);
    // Each minute: a new session is opened (the previous one closed), its live view held open,
    // and its code read again every 20 s.
    const background = async () => {
      session = await freshSession(url, seeded.courseId, seeded.teacherCookie, session.id);
      next = 1;
      hold(session.id);
      for (let i = 0; i < 2; i++) {
        await new Promise((r) => setTimeout(r, 20_000));
        const res = await fetch(`${url}/api/teacher/sessions/${session.id}/code`, { headers: teacher });
        session.code = ((await res.json()) as { code: string }).code;
      }
    };
    const any = () => 1 + Math.floor(Math.random() * STUDENTS);
    const ops: Op[] = [
      {
        name: 'login',
        weight: 5,
        run: () =>
          call(`${url}/api/auth/login`, json({ school_number: `bench-s${any()}`, password: PASSWORD })),
        ok: ok2,
      },
      {
        name: 'student courses',
        weight: 20,
        run: () => call(`${url}/api/student/courses`, { headers: student(any()) }),
        ok: ok2,
      },
      {
        name: 'teacher courses',
        weight: 5,
        run: () => call(`${url}/api/teacher/courses`, { headers: teacher }),
        ok: ok2,
      },
      {
        name: 'check-in',
        weight: 40,
        run: () => {
          const g = next > STUDENTS ? any() : next++;
          return call(
            `${url}/api/student/checkins`,
            json({ session_id: session.id, code: session.code, device_id: `soak-device-${g}` }, student(g)),
          );
        },
        // A student already checked in to this session (once all have) answers 409.
        ok: (s) => ok2(s) || s === 409,
      },
      {
        name: 'session checkins',
        weight: 10,
        run: () => call(`${url}/api/teacher/sessions/${session.id}/checkins`, { headers: teacher }),
        ok: ok2,
      },
      {
        name: 'course report',
        weight: 5,
        run: () => call(`${url}/api/teacher/courses/${seeded.courseId}/report`, { headers: teacher }),
        ok: ok2,
      },
      {
        name: 'student history',
        weight: 15,
        run: () => call(`${url}/api/student/history`, { headers: student(any()) }),
        ok: ok2,
      },
    ];
    try {
      return await soak('ATTN', app, ops, background);
    } finally {
      live?.abort();
    }
  } finally {
    await app.stop();
  }
}
