// What other modules (and the web front end, types only) may use of the course pages.

export { myCoursesModule } from './my-courses.module.ts';
export type {
  RosterStudent,
  StudentCourse,
  StudentCoursesResponse,
  StudentOpenSession,
  TeacherCourse,
  TeacherCourseDetail,
  TeacherCoursesResponse,
  TeacherOpenSession,
} from './my-courses.schemas.ts';
