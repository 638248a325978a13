// /teacher/courses/:courseId/report — a course's attendance for its teachers: a chart of each
// held session with its data-table twin, every student's counts and distance to the absence
// limit (over and near the limit first, as the API orders them), the CSV export, and the limit.
import './reports.css';
import '../courses/courses.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import { Link } from 'wouter';
import { useTeacherCourse } from '../courses/courses.api.ts';
import { errorText } from '../sessions/components/error-text.ts';
import { AttendanceChart } from './components/attendance-chart.tsx';
import { LimitBadge } from './components/limit-badge.tsx';
import { LimitForm } from './components/limit-form.tsx';
import { type ReportStudent, useAbsenceLimit, useTeacherCourseReport } from './teacher-reports.api.ts';

export default function CourseReportPage(props: { courseId: string }) {
  const i18n = useI18n();
  const { t, number, percent } = i18n;
  const course = useTeacherCourse(props.courseId);
  const report = useTeacherCourseReport(props.courseId);
  const limit = useAbsenceLimit(props.courseId);
  const c = course.data;
  const r = report.data;
  const over = r?.students.filter((s) => s.limit_status === 'over').length ?? 0;
  const near = r?.students.filter((s) => s.limit_status === 'near').length ?? 0;
  const base = `/teacher/courses/${encodeURIComponent(props.courseId)}`;

  return (
    <div className="course-report">
      <p className="breadcrumb">
        <Link href={base}>{c ? t('report.backToCourse', { course: c.code }) : t('courses.back')}</Link>
      </p>
      <PageTitle
        title={c ? t('report.title', { course: `${c.code} ${c.title}` }) : t('report.titleShort')}
        appName="ATTN"
      />
      {(report.isPending || course.isPending) && <Status className="muted">{t('common.loading')}</Status>}
      {report.isError && (
        <p className="notice notice--error" role="alert">
          {errorText(report.error, i18n, 'report')}
        </p>
      )}
      {r && c && (
        <>
          <p className="muted">
            {t('report.summary', { count: r.sessions_held, n: number(r.sessions_held) })} ·{' '}
            {t('report.limit.summary', {
              percent: r.absence_limit.percent,
              count: r.absence_limit.allowed_absences,
            })}
          </p>
          {(over > 0 || near > 0) && (
            <p className="notice notice--warning">
              {over > 0 && <strong>{t('report.overCount', { count: over })}</strong>}{' '}
              {near > 0 && t('report.nearCount', { count: near })}
            </p>
          )}
          <p className="actions">
            <a className="button button--secondary" href={`/api${base}/export.csv`} download>
              {t('report.export')}
            </a>
          </p>
          <section aria-labelledby="students-title" className="section report-students">
            <h2 id="students-title">{t('report.students.title')}</h2>
            <DataTable<ReportStudent>
              caption={t('report.students.caption', { course: c.code })}
              captionHidden
              rows={r.students}
              rowKey={(s) => s.id}
              rowClassName={(s) => (s.limit_status === 'over' ? 'row--over' : undefined)}
              empty={t('courses.roster.empty')}
              columns={[
                {
                  key: 'name',
                  header: t('report.columns.student'),
                  cell: (s) => (
                    <Link href={`${base}/students/${encodeURIComponent(s.id)}`}>
                      {s.full_name}
                      <span className="cell-note">{s.school_number}</span>
                    </Link>
                  ),
                },
                {
                  key: 'limit',
                  header: t('report.columns.limit'),
                  cell: (s) => <LimitBadge status={s.limit_status} left={s.absences_left} />,
                },
                {
                  key: 'present',
                  header: t('report.counts.present'),
                  numeric: true,
                  cell: (s) => number(s.present),
                },
                { key: 'late', header: t('report.counts.late'), numeric: true, cell: (s) => number(s.late) },
                {
                  key: 'excused',
                  header: t('report.counts.excused'),
                  numeric: true,
                  cell: (s) => number(s.excused),
                },
                {
                  key: 'absent',
                  header: t('report.counts.absent'),
                  numeric: true,
                  cell: (s) => number(s.absent),
                },
                {
                  key: 'rate',
                  header: t('report.columns.rate'),
                  numeric: true,
                  cell: (s) => (s.rate === null ? '—' : percent(s.rate)),
                },
              ]}
            />
          </section>
          <section className="section">
            <AttendanceChart sessions={r.sessions} courseCode={c.code} />
          </section>
          <section aria-labelledby="limit-title" className="section">
            <h2 id="limit-title">{t('report.limit.title')}</h2>
            {limit.data && (
              <LimitForm
                key={`${limit.data.percent}-${limit.data.planned_sessions}`}
                courseId={props.courseId}
                limit={limit.data}
              />
            )}
          </section>
        </>
      )}
    </div>
  );
}
