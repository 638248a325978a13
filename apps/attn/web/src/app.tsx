// The routes. Each role's screens are their own chunks, so a phone opening the QR link loads
// the check-in page and nothing of the teacher's.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { Status } from '@campus/web/layout/app-shell.tsx';
import { lazy, type ReactNode, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { homeFor, useMe } from './features/auth/auth.api.ts';
import { RequireRole } from './features/auth/require-role.tsx';
import { AttnShell } from './features/shell/attn-shell.tsx';

const LoginPage = lazy(() => import('./features/auth/login.page.tsx'));
const NotFoundPage = lazy(() => import('./features/shell/not-found.page.tsx'));
const TeacherCoursesPage = lazy(() => import('./features/courses/teacher-courses.page.tsx'));
const CoursePage = lazy(() => import('./features/courses/course.page.tsx'));
const LivePage = lazy(() => import('./features/sessions/live.page.tsx'));
const ProjectorPage = lazy(() => import('./features/sessions/projector.page.tsx'));
const StudentHomePage = lazy(() => import('./features/checkins/student-home.page.tsx'));
const CheckInPage = lazy(() => import('./features/checkins/check-in.page.tsx'));
const HistoryPage = lazy(() => import('./features/reports/history.page.tsx'));
const AdminHomePage = lazy(() => import('./features/admin/admin-home.page.tsx'));

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
      <Route>{shell(<NotFoundPage />)}</Route>
    </Switch>
  );
}
