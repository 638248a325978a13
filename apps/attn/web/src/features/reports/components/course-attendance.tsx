// One course in the student's history: the rate (a number, never a colour alone), the counts,
// and every session with what became of it.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import type { StudentCourse } from '../../checkins/checkins.api.ts';
import type { CourseReport, SessionRow } from '../reports.api.ts';

const STATUS_TONE: Record<SessionRow['attendance'], string> = {
  present: 'badge--success',
  late: 'badge--warning',
  excused: '',
  absent: 'badge--error',
  not_yet: '',
};

export function AttendanceStatus(props: {
  attendance: string;
  verification: string | null;
  source?: string | null;
}) {
  const { t, has } = useI18n();
  const tone = STATUS_TONE[props.attendance as SessionRow['attendance']] ?? '';
  const verificationKey = `history.verification.${props.verification}`;
  return (
    <span className="attendance-status">
      <span className={`badge ${tone}`}>{t(`history.status.${props.attendance}`)}</span>
      {props.verification && props.verification !== 'not_required' && has(verificationKey) && (
        <span className={`verification${props.verification === 'rejected' ? ' verification--rejected' : ''}`}>
          {t(verificationKey)}
        </span>
      )}
      {props.source === 'manual' && <span className="verification">{t('history.manual')}</span>}
    </span>
  );
}

export function CourseAttendance(props: {
  course: StudentCourse;
  report: CourseReport | undefined;
  failed: boolean;
}) {
  const { t, date, time, percent } = useI18n();
  const { course, report } = props;
  const titleId = `course-${course.id}-title`;
  const sessions = report ? [...report.sessions].sort((a, b) => b.opened_at.localeCompare(a.opened_at)) : [];
  return (
    <section className="course-attendance" aria-labelledby={titleId}>
      <h2 id={titleId}>
        <span className="course-attendance__code">{course.code}</span> {course.title}
      </h2>
      {props.failed && <p className="notice notice--error">{t('errors.unexpected')}</p>}
      {!report && !props.failed && <p className="muted">{t('common.loading')}</p>}
      {report?.sessions_held === 0 && report.sessions.length === 0 && (
        <p className="empty">{t('history.noSessions')}</p>
      )}
      {report && (report.sessions_held > 0 || report.sessions.length > 0) && (
        <>
          <dl className="rate">
            <div className="rate__main">
              <dt>{t('history.rate')}</dt>
              <dd className={report.rate === null ? 'rate__none' : undefined}>
                {report.rate === null ? t('history.noRate') : percent(report.rate)}
              </dd>
            </div>
            <div>
              <dt>{t('history.attendedLabel')}</dt>
              <dd>{t('history.attended', { count: report.sessions_held, attended: report.attended })}</dd>
            </div>
            <div>
              <dt>{t('history.lateLabel')}</dt>
              <dd>{t('history.lateCount', { count: report.late })}</dd>
            </div>
          </dl>
          <DataTable
            caption={t('history.caption', { course: course.code })}
            columns={[
              {
                key: 'date',
                header: t('history.columns.date'),
                cell: (s) => (
                  <>
                    {date(s.opened_at, { weekday: 'short', day: 'numeric', month: 'short' })}
                    {s.title && <span className="session-title">{s.title}</span>}
                  </>
                ),
              },
              {
                key: 'status',
                header: t('history.columns.status'),
                cell: (s) => (
                  <AttendanceStatus
                    attendance={s.attendance}
                    verification={s.verification}
                    source={s.source}
                  />
                ),
              },
              {
                key: 'time',
                header: t('history.columns.checkedInAt'),
                cell: (s) => (s.checked_in_at ? time(s.checked_in_at) : '—'),
              },
            ]}
            rows={sessions}
            rowKey={(s) => s.session_id}
            empty={t('history.noSessions')}
          />
        </>
      )}
    </section>
  );
}
