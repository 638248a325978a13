// The simulated SIS's data: one term, four courses, three teachers and a roster of students,
// the same on every start (names and passwords follow from the numbers, nothing is random) so
// that the printed logins, the tests and the docs agree.
import type { OrAcademicSession, OrClass, OrEnrollment, OrUser } from '../oneroster.ts';

export interface SimUser extends OrUser {
  /** Plain text: this is a simulator for development and tests, never a store of real people. */
  password: string;
}

export interface SimRoster {
  academicSessions: OrAcademicSession[];
  classes: OrClass[];
  users: SimUser[];
  enrollments: OrEnrollment[];
}

const MODIFIED = '2026-01-15T09:00:00.000Z';
const GIVEN = [
  'Ada',
  'Berk',
  'Cem',
  'Deniz',
  'Elif',
  'Furkan',
  'Gül',
  'Hakan',
  'Irmak',
  'Jale',
  'Kaan',
  'Lale',
];
const FAMILY = ['Aksoy', 'Balcı', 'Çelik', 'Demir', 'Erdem', 'Filiz', 'Güneş', 'Hazar', 'Işık'];

const COURSES = [
  { code: 'CENG 101', title: 'Introduction to Programming' },
  { code: 'CENG 201', title: 'Data Structures' },
  { code: 'MATH 151', title: 'Calculus I' },
  { code: 'PHYS 101', title: 'Physics I' },
];

const TEACHERS = [
  { identifier: 'T1001', givenName: 'Selin', familyName: 'Kaya', courses: [0, 1] },
  { identifier: 'T1002', givenName: 'Murat', familyName: 'Öztürk', courses: [2] },
  { identifier: 'T1003', givenName: 'Aylin', familyName: 'Yıldız', courses: [3] },
];

export const TERM_ID = 'term-2026-spring';
/** The demo password of a school number: shown at start, never used outside the simulator. */
export const demoPassword = (schoolNumber: string) => `pass-${schoolNumber}`;
export const studentNumber = (i: number) => `2026${String(i).padStart(5, '0')}`;

function user(
  identifier: string,
  givenName: string,
  familyName: string,
  role: 'student' | 'teacher',
): SimUser {
  return {
    sourcedId: `user-${identifier}`,
    status: 'active',
    dateLastModified: MODIFIED,
    identifier,
    givenName,
    familyName,
    email: `${identifier.toLowerCase()}@uni.example`,
    roles: [{ roleType: 'primary', role }],
    password: demoPassword(identifier),
  };
}

function enrollment(userId: string, classId: string, role: 'student' | 'teacher'): OrEnrollment {
  return {
    sourcedId: `enr-${classId}-${userId}`,
    status: 'active',
    dateLastModified: MODIFIED,
    user: { sourcedId: userId },
    class: { sourcedId: classId },
    role,
  };
}

/** `students` students (default 40), each in three of the four courses. */
export function demoRoster(opts: { students?: number } = {}): SimRoster {
  const classes: OrClass[] = COURSES.map((c, i) => ({
    sourcedId: `class-${c.code.replace(' ', '').toLowerCase()}-2026s`,
    status: 'active',
    dateLastModified: MODIFIED,
    title: c.title,
    classCode: c.code,
    terms: [{ sourcedId: TERM_ID }],
    course: { sourcedId: `course-${i + 1}` },
  }));
  const users: SimUser[] = [];
  const enrollments: OrEnrollment[] = [];
  for (const t of TEACHERS) {
    const u = user(t.identifier, t.givenName, t.familyName, 'teacher');
    users.push(u);
    for (const c of t.courses)
      enrollments.push(enrollment(u.sourcedId, classes[c]?.sourcedId ?? '', 'teacher'));
  }
  for (let i = 1; i <= (opts.students ?? 40); i++) {
    const given = GIVEN[i % GIVEN.length] ?? 'Ada';
    const family = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length] ?? 'Aksoy';
    const u = user(studentNumber(i), given, family, 'student');
    users.push(u);
    classes.forEach((c, j) => {
      if ((i + j) % 4 !== 0) enrollments.push(enrollment(u.sourcedId, c.sourcedId, 'student'));
    });
  }
  return {
    academicSessions: [
      {
        sourcedId: TERM_ID,
        status: 'active',
        dateLastModified: MODIFIED,
        title: '2026 Spring',
        type: 'term',
        startDate: '2026-02-09',
        endDate: '2026-06-12',
      },
    ],
    classes,
    users,
    enrollments,
  };
}
