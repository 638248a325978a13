// What other modules (and the web front end, types only) may use of the reports module.

export { reportsModule } from './reports.module.ts';
export type {
  AbsenceOverview,
  CourseReport,
  HistoryPage,
  Rate,
  SessionAttendance,
  SessionCounts,
  StudentReport,
  TeacherStudentReport,
} from './reports.schemas.ts';
