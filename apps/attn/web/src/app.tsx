// The routes. Each role's screens are their own chunks, so a phone opening the QR link loads
// the check-in page and nothing of the teacher's.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { Status } from '@campus/web/layout/app-shell.tsx';
import { lazy, type ReactNode, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { homeFor, useMe } from './features/auth/auth.api.ts';
import { RequireRole } from './features/auth/require-role.tsx';
import { AttnShell } from './features/shell/attn-shell.tsx';

/** Each screen's chunk, loaded when its route is first shown (or preloaded: see preloadRoute). */
const pages = {
  login: () => import('./features/auth/login.page.tsx'),
  notFound: () => import('./features/shell/not-found.page.tsx'),
  teacherCourses: () => import('./features/courses/teacher-courses.page.tsx'),
  course: () => import('./features/courses/course.page.tsx'),
  live: () => import('./features/sessions/live.page.tsx'),
  projector: () => import('./features/sessions/projector.page.tsx'),
  studentHome: () => import('./features/checkins/student-home.page.tsx'),
  checkIn: () => import('./features/checkins/check-in.page.tsx'),
  history: () => import('./features/reports/history.page.tsx'),
  faceConsent: () => import('./features/face/consent.page.tsx'),
  facePhotos: () => import('./features/face/photos.page.tsx'),
  adminHome: () => import('./features/admin/admin-home.page.tsx'),
  courseReport: () => import('./features/reports/course-report.page.tsx'),
  studentReport: () => import('./features/reports/student-report.page.tsx'),
  reviewQueue: () => import('./features/review/review-queue.page.tsx'),
  adminCourses: () => import('./features/admin/admin-courses.page.tsx'),
  rosterImport: () => import('./features/admin/roster-import.page.tsx'),
  sisSync: () => import('./features/admin/sis-sync.page.tsx'),
  jobs: () => import('./features/admin/jobs.page.tsx'),
  privacy: () => import('./features/admin/privacy.page.tsx'),
  account: () => import('./features/auth/account-security.page.tsx'),
};

const LoginPage = lazy(pages.login);
const NotFoundPage = lazy(pages.notFound);
const TeacherCoursesPage = lazy(pages.teacherCourses);
const CoursePage = lazy(pages.course);
const LivePage = lazy(pages.live);
const ProjectorPage = lazy(pages.projector);
const StudentHomePage = lazy(pages.studentHome);
const CheckInPage = lazy(pages.checkIn);
const HistoryPage = lazy(pages.history);
const FaceConsentPage = lazy(pages.faceConsent);
const FacePhotosPage = lazy(pages.facePhotos);
const AdminHomePage = lazy(pages.adminHome);
const CourseReportPage = lazy(pages.courseReport);
const StudentReportPage = lazy(pages.studentReport);
const ReviewQueuePage = lazy(pages.reviewQueue);
const AdminCoursesPage = lazy(pages.adminCourses);
const RosterImportPage = lazy(pages.rosterImport);
const SisSyncPage = lazy(pages.sisSync);
const JobsPage = lazy(pages.jobs);
const PrivacyPage = lazy(pages.privacy);
const AccountSecurityPage = lazy(pages.account);

/**
 * Starts loading the chunk of the page a cold start opens, alongside the language, instead of
 * after the first render: on a phone on a slow network that is a round trip saved on the way
 * from the QR to "checked in".
 */
export function preloadRoute(path: string): void {
  if (path.startsWith('/c/')) void pages.checkIn();
  else if (path === '/student') void pages.studentHome();
  else if (path === '/login') void pages.login();
  else if (/^\/teacher\/sessions\/[^/]+\/projector$/.test(path)) void pages.projector();
  else if (path.startsWith('/teacher/sessions/')) void pages.live();
}

function Loading() {
  const { t } = useI18n();
  return <Status className="muted">{t('common.loading')}</Status>;
}

function Home() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  return <Redirect to={homeFor(me.data?.role)} replace />;
}

const shell = (page: ReactNode) => (
  <AttnShell>
    <Suspense fallback={<Loading />}>{page}</Suspense>
  </AttnShell>
);

export function App() {
  return (
    <Switch>
      <Route path="/">{shell(<Home />)}</Route>
      <Route path="/login">{shell(<LoginPage />)}</Route>
      <Route path="/c/:sessionId">{(params) => shell(<CheckInPage sessionId={params.sessionId} />)}</Route>
      <Route path="/student">
        {shell(
          <RequireRole allow="student">
            <StudentHomePage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/student/history">
        {shell(
          <RequireRole allow="student">
            <HistoryPage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/student/face/consent">
        {shell(
          <RequireRole allow="student">
            <FaceConsentPage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/student/face/photos">
        {shell(
          <RequireRole allow="student">
            <FacePhotosPage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/teacher">
        {shell(
          <RequireRole allow="teacher">
            <TeacherCoursesPage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/teacher/courses/:courseId">
        {(params) =>
          shell(
            <RequireRole allow="teacher">
              <CoursePage courseId={params.courseId} />
            </RequireRole>,
          )
        }
      </Route>
      <Route path="/teacher/courses/:courseId/report">
        {(params) =>
          shell(
            <RequireRole allow="teacher">
              <CourseReportPage courseId={params.courseId} />
            </RequireRole>,
          )
        }
      </Route>
      <Route path="/teacher/courses/:courseId/students/:studentId">
        {(params) =>
          shell(
            <RequireRole allow="teacher">
              <StudentReportPage courseId={params.courseId} studentId={params.studentId} />
            </RequireRole>,
          )
        }
      </Route>
      <Route path="/teacher/sessions/:sessionId/review">
        {(params) =>
          shell(
            <RequireRole allow="teacher">
              <ReviewQueuePage sessionId={params.sessionId} />
            </RequireRole>,
          )
        }
      </Route>
      <Route path="/teacher/sessions/:sessionId">
        {(params) =>
          shell(
            <RequireRole allow="teacher">
              <LivePage sessionId={params.sessionId} />
            </RequireRole>,
          )
        }
      </Route>
      {/* The projector fills the screen: no header, no navigation. */}
      <Route path="/teacher/sessions/:sessionId/projector">
        {(params) => (
          <Suspense fallback={<Loading />}>
            <RequireRole allow="teacher">
              <ProjectorPage sessionId={params.sessionId} />
            </RequireRole>
          </Suspense>
        )}
      </Route>
      <Route path="/admin">
        {shell(
          <RequireRole allow="admin">
            <AdminHomePage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/admin/courses">
        {shell(
          <RequireRole allow="admin">
            <AdminCoursesPage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/admin/import">
        {shell(
          <RequireRole allow="admin">
            <RosterImportPage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/admin/sis">
        {shell(
          <RequireRole allow="admin">
            <SisSyncPage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/admin/jobs">
        {shell(
          <RequireRole allow="admin">
            <JobsPage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/admin/privacy">
        {shell(
          <RequireRole allow="admin">
            <PrivacyPage />
          </RequireRole>,
        )}
      </Route>
      <Route path="/account">
        {shell(
          <RequireRole allow={['teacher', 'admin']}>
            <AccountSecurityPage />
          </RequireRole>,
        )}
      </Route>
      <Route>{shell(<NotFoundPage />)}</Route>
    </Switch>
  );
}
