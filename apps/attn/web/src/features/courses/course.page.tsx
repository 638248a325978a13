// /teacher/courses/:courseId: one course. With a session open, the way to its live list and
// projector; otherwise the form that opens one. The roster below, filterable.
import './courses.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { matchesSearch } from '@campus/web/i18n/text.ts';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import { Link } from 'wouter';
import { errorText } from '../sessions/components/error-text.ts';
import { OpenSessionForm } from './components/open-session-form.tsx';
import { SearchBox, useSearchParam } from './components/search-box.tsx';
import { type RosterStudent, type TeacherCourseDetail, useTeacherCourse } from './courses.api.ts';

function Roster(props: { roster: RosterStudent[] }) {
  const { t } = useI18n();
  const [query, setQuery] = useSearchParam();
  const rows = props.roster
    .filter((s) => !query || matchesSearch(`${s.full_name} ${s.school_number}`, query))
    .sort((a, b) => a.full_name.localeCompare(b.full_name, 'tr', { numeric: true }));
  return (
    <section aria-labelledby="roster-title" className="section">
      <h2 id="roster-title">{t('courses.roster.title', { count: props.roster.length })}</h2>
      {props.roster.length > 0 && (
        <SearchBox label={t('courses.roster.filter')} value={query} onChange={setQuery} />
      )}
      {query && <Status className="muted">{t('courses.roster.shown', { count: rows.length })}</Status>}
      <DataTable
        caption={t('courses.roster.caption')}
        captionHidden
        columns={[
          { key: 'name', header: t('courses.roster.name'), cell: (s) => s.full_name },
          { key: 'number', header: t('courses.roster.schoolNumber'), cell: (s) => s.school_number },
        ]}
        rows={rows}
        rowKey={(s) => s.id}
        empty={query ? t('courses.roster.noMatch') : t('courses.roster.empty')}
      />
    </section>
  );
}

function OpenSessionNotice(props: { course: TeacherCourseDetail; session: { id: string; ends_at: string } }) {
  const { t, time } = useI18n();
  const { session } = props;
  return (
    <section className="notice notice--success" aria-labelledby="open-session-title">
      <h2 id="open-session-title">{t('courses.sessionOpenTitle')}</h2>
      <p>{t('courses.sessionOpenUntil', { until: time(session.ends_at) })}</p>
      <p className="actions">
        <Link href={`/teacher/sessions/${session.id}`} className="button">
          {t('courses.goLive')}
        </Link>
        <Link href={`/teacher/sessions/${session.id}/projector`} className="button button--secondary">
          {t('courses.goProjector')}
        </Link>
      </p>
    </section>
  );
}

export default function CoursePage(props: { courseId: string }) {
  const i18n = useI18n();
  const { t, date } = i18n;
  const course = useTeacherCourse(props.courseId);
  if (course.isPending) return <Status className="muted">{t('common.loading')}</Status>;
  if (course.isError)
    return (
      <>
        <PageTitle title={t('courses.course')} appName="ATTN" />
        <p className="notice notice--error" role="alert">
          {errorText(course.error, i18n, 'courses')}
        </p>
        <p>
          <Link href="/teacher">{t('courses.back')}</Link>
        </p>
      </>
    );
  const c = course.data;
  const open = c.open_session;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/teacher">{t('courses.back')}</Link>
      </p>
      <PageTitle title={`${c.code} ${c.title}`} appName="ATTN">
        <span className="course-code">{c.code}</span> {c.title}
      </PageTitle>
      <p className="muted">
        {c.term.title} · {date(c.term.starts_on)} – {date(c.term.ends_on)} ·{' '}
        {t('courses.students', { count: c.roster_size, n: i18n.number(c.roster_size) })}
      </p>
      <p>
        <Link href={`/teacher/courses/${c.id}/report`}>{t('report.link')}</Link>
      </p>
      {open ? (
        <OpenSessionNotice course={c} session={open} />
      ) : (
        <section aria-labelledby="open-form-title" className="section">
          <h2 id="open-form-title">{t('courses.open.title')}</h2>
          <OpenSessionForm courseId={c.id} />
        </section>
      )}
      <Roster roster={c.roster} />
    </>
  );
}
