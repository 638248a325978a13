// What the course pages' use cases are given, built once by my-courses.module.ts: the courses
// module's lists, the sessions module's open sessions and the attendance module's check-ins,
// each through its index.ts.
import type { Clock } from '@campus/platform/clock';
import type { Db } from '@campus/platform/db';
import type { coursesReader } from '../courses/index.ts';

export interface MyCoursesContext {
  db: () => Db;
  clock: Clock;
  courses: ReturnType<typeof coursesReader>;
}
