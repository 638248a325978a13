// /teacher: the courses a teacher teaches, each a link to its page; a course with an open
// session links straight to its live list. More than a few courses get a filter box.
import './courses.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { matchesSearch } from '@campus/web/i18n/text.ts';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { Link } from 'wouter';
import { errorText } from '../sessions/components/error-text.ts';
import { SearchBox, useSearchParam } from './components/search-box.tsx';
import { type TeacherCourse, useTeacherCourses } from './courses.api.ts';

/** From this many courses on, the list gets a filter box. */
const FILTER_FROM = 6;

function CourseCard(props: { course: TeacherCourse }) {
  const { t, date, time, number } = useI18n();
  const { course } = props;
  const open = course.open_session;
  return (
    <li className={`card course-card${open ? ' course-card--open' : ''}`}>
      <h2>
        <Link href={`/teacher/courses/${course.id}`}>
          <span className="course-card__code">{course.code}</span> {course.title}
        </Link>
      </h2>
      <p className="muted">
        {course.term.title} · {date(course.term.starts_on)} – {date(course.term.ends_on)}
      </p>
      <p>{t('courses.students', { count: course.roster_size, n: number(course.roster_size) })}</p>
      {open && (
        <p className="course-card__open">
          <span className="badge badge--success">{t('courses.sessionOpen')}</span>{' '}
          <Link href={`/teacher/sessions/${open.id}`}>
            {t('courses.openLive', { until: time(open.ends_at) })}
            <span className="visually-hidden">
              {' '}
              ({course.code} {course.title})
            </span>
          </Link>
        </p>
      )}
    </li>
  );
}

export default function TeacherCoursesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const courses = useTeacherCourses();
  const [query, setQuery] = useSearchParam();
  const all = courses.data?.items ?? [];
  const shown = query ? all.filter((c) => matchesSearch(`${c.code} ${c.title} ${c.term.title}`, query)) : all;

  return (
    <>
      <PageTitle title={t('courses.title')} appName="ATTN" />
      {courses.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {courses.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(courses.error, i18n, 'courses')}
        </p>
      )}
      {courses.data && all.length === 0 && <p className="empty">{t('courses.none')}</p>}
      {all.length >= FILTER_FROM && (
        <>
          <SearchBox
            label={t('courses.filter')}
            hint={t('courses.filterHint')}
            value={query}
            onChange={setQuery}
          />
          <Status className="muted">{t('courses.shown', { count: shown.length, total: all.length })}</Status>
        </>
      )}
      {shown.length > 0 && (
        <ul className="cards" aria-label={t('courses.listLabel')}>
          {shown.map((c) => (
            <CourseCard key={c.id} course={c} />
          ))}
        </ul>
      )}
    </>
  );
}
