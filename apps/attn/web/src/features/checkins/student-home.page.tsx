// /student — "Check in": a course with a session open now comes first, with the code field
// right there; a session already checked in says so; the other courses are listed quietly.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { Link } from 'wouter';
import { FaceCard } from '../face/components/face-card.tsx';
import { AbsenceWarning } from '../reports/components/absence-warning.tsx';
import { useStudentCourses } from './checkins.api.ts';
import { OpenSessionCard } from './components/open-session-card.tsx';
import './checkins.css';

export default function StudentHomePage() {
  const { t } = useI18n();
  const courses = useStudentCourses();
  const items = courses.data?.items ?? [];
  const open = items
    .filter((c) => c.open_session)
    .sort((a, b) => Number(a.open_session?.checked_in) - Number(b.open_session?.checked_in));
  const others = items.filter((c) => !c.open_session);

  return (
    <div className="student-home">
      <PageTitle title={t('studentHome.title')} appName="ATTN" />
      {courses.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {courses.isError && (
        <div className="notice notice--error" role="alert">
          <p>{t('errors.unexpected')}</p>
          <button type="button" className="button" onClick={() => void courses.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {courses.isSuccess && (
        <>
          <AbsenceWarning />
          {open.length > 0 ? (
            open.map((c) =>
              c.open_session ? (
                <OpenSessionCard key={c.open_session.id} course={c} session={c.open_session} />
              ) : null,
            )
          ) : (
            <p className="notice">{t('studentHome.noneOpen')}</p>
          )}
          <p className="history-link">
            <Link href="/student/history">{t('studentHome.historyLink')}</Link>
          </p>
          {others.length > 0 && (
            <section aria-labelledby="other-courses-title" className="quiet-courses">
              <h2 id="other-courses-title">{t('studentHome.courses')}</h2>
              <ul>
                {others.map((c) => (
                  <li key={c.id}>
                    <span className="quiet-courses__code">{c.code}</span> {c.title}{' '}
                    <span className="muted">· {c.term.title}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {items.length === 0 && <p className="empty">{t('studentHome.noCourses')}</p>}
          <FaceCard />
          {/* Last: a student in a lecture hall comes for the open class and their courses. */}
          <p className="history-link data-link">
            {/* A plain download: the session cookie goes with it (KVKK art. 11, GDPR art. 15). */}
            <a href="/api/student/privacy/export" download aria-describedby="data-link-hint">
              {t('studentHome.dataLink')}
            </a>
            <span id="data-link-hint" className="muted data-link__hint">
              {t('studentHome.dataHint')}
            </span>
          </p>
        </>
      )}
    </div>
  );
}
