// /student/history — the student's attendance: per course the rate, the counts and each
// session; a search over course names (in the URL, Turkish-aware) when there are several.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { matchesSearch } from '@campus/web/i18n/text.ts';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useLocation, useSearch } from 'wouter';
import { useStudentCourses } from '../checkins/checkins.api.ts';
import { CourseAttendance } from './components/course-attendance.tsx';
import { RecentCheckins } from './components/recent-checkins.tsx';
import { useCourseReports } from './reports.api.ts';
import './history.css';

export default function HistoryPage() {
  const { t } = useI18n();
  const courses = useStudentCourses();
  const items = courses.data?.items ?? [];
  const reports = useCourseReports(items.map((c) => c.id));
  const [location, navigate] = useLocation();
  const query = new URLSearchParams(useSearch()).get('q') ?? '';
  const shown = items.filter((c) => matchesSearch(`${c.code} ${c.title}`, query));

  const setQuery = (q: string) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    const search = params.toString();
    navigate(search ? `${location}?${search}` : location, { replace: true });
  };

  return (
    <div className="history">
      <PageTitle title={t('history.title')} appName="ATTN" />
      {courses.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {courses.isError && <p className="notice notice--error">{t('errors.unexpected')}</p>}
      {courses.isSuccess && items.length === 0 && <p className="empty">{t('studentHome.noCourses')}</p>}
      {items.length > 2 && (
        <search className="field history-search">
          <label htmlFor="history-search" className="field__label">
            {t('history.search')}
          </label>
          <input
            id="history-search"
            type="search"
            className="input"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </search>
      )}
      {items.length > 2 && (
        <Status className="muted">{t('history.shown', { count: shown.length, total: items.length })}</Status>
      )}
      {shown.map((c) => {
        const i = items.indexOf(c);
        return (
          <CourseAttendance
            key={c.id}
            course={c}
            report={reports[i]?.data}
            failed={Boolean(reports[i]?.isError)}
          />
        );
      })}
      {courses.isSuccess && items.length > 0 && <RecentCheckins />}
    </div>
  );
}
