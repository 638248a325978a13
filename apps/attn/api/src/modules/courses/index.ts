// What other modules may use of the courses module: the module, the access checks (the one
// "teaches this course", always (db, courseId, userId)), the course lists and their shapes.
import type { Db } from '@campus/platform/db';
import { createCoursesRepository } from './courses.repository.ts';

export type { AbsenceLimitRow } from './absence-limit.repository.ts';
export type { AbsenceLimit, AbsenceLimitBody } from './absence-limit.schemas.ts';
export { courseView } from './course-view.ts';
export { coursesModule } from './courses.module.ts';
export type { CourseListRow, CourseRef } from './courses.repository.ts';
export type { AdminCourse, AdminCoursesPage, AdminTerm } from './courses.schemas.ts';
export { CourseParams, CourseSummary } from './courses.schemas.ts';
export { decodeCursor, encodeCursor } from './cursor.ts';
export type { ImportResponse } from './roster-import.schemas.ts';
export { listAbsenceLimits } from './use-cases/absence-limit.ts';
export {
  assertEnrolled,
  assertManages,
  assertTeaches,
  isEnrolled,
  lockCourse,
  type Manager,
} from './use-cases/course-access.ts';
export { getCourseWithRoster, listStudentCourses, listTeacherCourses } from './use-cases/course-lists.ts';

/** What another module's use cases need to call the course lists above. */
export const coursesReader = (db: () => Db) => ({ repo: createCoursesRepository(db) });
export { coursesForPrivacy, type RosterStanding } from './courses.privacy.ts';
