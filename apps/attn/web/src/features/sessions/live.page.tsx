// /teacher/sessions/:sessionId: the live list. Check-ins arrive over the session's event
// stream; the roster's other students wait below with "Mark present"; each check-in can be
// removed. Marks and removals take a reason; closing asks first. A closed session shows its
// final list.
import '../courses/courses.css';
import './live.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { useTeacherCourse } from '../courses/courses.api.ts';
import { CheckedInTable } from './components/checked-in-table.tsx';
import { CloseDialog } from './components/close-dialog.tsx';
import { ConnectionState } from './components/connection-state.tsx';
import { errorText } from './components/error-text.ts';
import { LiveCount } from './components/live-count.tsx';
import { type MarkAction, MarkDialog } from './components/mark-dialog.tsx';
import { NotCheckedIn } from './components/not-checked-in.tsx';
import { type Session, useLiveCheckins, useSession } from './sessions.api.ts';

function SessionFacts(props: { session: Session }) {
  const { t, time, dateTime } = useI18n();
  const s = props.session;
  return (
    <ul className="facts">
      <li>{t('live.openedAt', { at: dateTime(s.opened_at) })}</li>
      {s.open ? (
        <li>{t('live.endsAt', { at: time(s.ends_at) })}</li>
      ) : (
        <li>{t('live.closedAt', { at: time(s.closed_at ?? s.ends_at) })}</li>
      )}
      {s.late_after_minutes !== null && <li>{t('live.lateAfter', { count: s.late_after_minutes })}</li>}
      <li>{t(s.selfie_required ? 'live.selfieRequired' : 'live.selfieNotRequired')}</li>
      {s.allowed_networks.length > 0 && (
        <li>{t('live.networks', { list: s.allowed_networks.join(', ') })}</li>
      )}
    </ul>
  );
}

export default function LivePage(props: { sessionId: string }) {
  const i18n = useI18n();
  const { t, number } = i18n;
  const session = useSession(props.sessionId);
  const open = session.data?.open;
  const course = useTeacherCourse(session.data?.course_id);
  const live = useLiveCheckins(props.sessionId, open);
  const [action, setAction] = useState<MarkAction | null>(null);
  const [closing, setClosing] = useState(false);
  const checkedInHeading = useRef<HTMLHeadingElement>(null);
  const missingHeading = useRef<HTMLHeadingElement>(null);
  const titleRef = useRef<HTMLDivElement>(null);

  if (session.isPending) return <Status className="muted">{t('common.loading')}</Status>;
  if (session.isError)
    return (
      <>
        <PageTitle title={t('live.titleShort')} appName="ATTN" />
        <p className="notice notice--error" role="alert">
          {errorText(session.error, i18n, 'live')}
        </p>
        <p>
          <Link href="/teacher">{t('courses.back')}</Link>
        </p>
      </>
    );

  const s = session.data;
  const c = s.course ?? course.data;
  const courseName = c ? `${c.code} ${c.title}` : '';
  const checkins = live.checkins ?? [];
  const here = new Set(checkins.map((x) => x.student.id));
  const missing = course.data?.roster.filter((r) => !here.has(r.id)) ?? [];
  const enrolled = course.data?.roster.length ?? s.counts?.enrolled;
  const flagged = checkins.filter((x) => x.device_flagged).length;
  const late = checkins.filter((x) => x.status === 'late').length;
  const toReview = checkins.filter((x) => x.verification === 'needs_review').length;

  return (
    <div className="live">
      <p className="breadcrumb">
        <Link href={`/teacher/courses/${s.course_id}`}>
          {c ? t('live.backToCourse', { course: c.code }) : t('courses.back')}
        </Link>
      </p>
      <div ref={titleRef}>
        <PageTitle
          title={courseName ? t('live.title', { course: courseName }) : t('live.titleShort')}
          appName="ATTN"
        />
      </div>
      {s.title && <p className="session-title">{s.title}</p>}

      <section className="live-summary" aria-label={t('live.summary')}>
        <div className="live-summary__count">
          <LiveCount checkedIn={checkins.length} enrolled={enrolled} />
          <p className="muted">
            {t('live.breakdown', {
              present: number(checkins.length - late),
              late: number(late),
            })}
          </p>
        </div>
        <div className="live-summary__state">
          {s.open ? (
            <>
              <p className="state-line">
                <span className="badge badge--success">{t('live.open')}</span>
              </p>
              <ConnectionState connection={live.connection} />
            </>
          ) : (
            <p className="state-line">
              <span className="badge">{t('live.closed')}</span>
            </p>
          )}
          <SessionFacts session={s} />
        </div>
        {s.open && (
          <div className="live-summary__actions actions">
            <Link href={`/teacher/sessions/${s.id}/projector`} className="button">
              {t('live.projector')}
            </Link>
            <button type="button" className="button button--danger" onClick={() => setClosing(true)}>
              {t('live.closeSession')}
            </button>
          </div>
        )}
      </section>

      {!s.open && (
        <p className="notice" role="status">
          {t('live.closedNotice')}
        </p>
      )}
      {flagged > 0 && (
        <p className="notice notice--warning">
          <strong>{t('live.flaggedTitle', { count: flagged })}</strong> {t('live.flaggedBody')}
        </p>
      )}
      {toReview > 0 && (
        <p className="notice notice--warning">
          <Link href={`/teacher/sessions/${s.id}/review`}>{t('live.reviewLink', { count: toReview })}</Link>
        </p>
      )}
      {live.isError && (
        <p className="notice notice--error" role="alert">
          {t('errors.unexpected')}
        </p>
      )}

      <div className="live-lists">
        <section aria-labelledby="checked-in-title" className="section">
          <h2 id="checked-in-title" ref={checkedInHeading} tabIndex={-1}>
            {t('live.checkedIn.title', { count: checkins.length, n: number(checkins.length) })}
          </h2>
          {live.checkins === undefined ? (
            <Status className="muted">{t('common.loading')}</Status>
          ) : (
            <CheckedInTable
              checkins={checkins}
              onRemove={(student) => setAction({ kind: 'unmark', student })}
            />
          )}
        </section>
        <section aria-labelledby="missing-title" className="section">
          <h2 id="missing-title" ref={missingHeading} tabIndex={-1}>
            {t(s.open ? 'live.missing.title' : 'live.missing.titleClosed', {
              count: missing.length,
              n: number(missing.length),
            })}
          </h2>
          {course.isPending ? (
            <Status className="muted">{t('common.loading')}</Status>
          ) : course.isError ? (
            <p className="notice notice--error">{errorText(course.error, i18n, 'courses')}</p>
          ) : (
            <NotCheckedIn students={missing} onMark={(student) => setAction({ kind: 'mark', student })} />
          )}
        </section>
      </div>

      <MarkDialog
        action={action}
        sessionId={s.id}
        open={s.open}
        onClose={() => setAction(null)}
        focusAfterDone={(kind) => (kind === 'mark' ? missingHeading.current : checkedInHeading.current)}
      />
      <CloseDialog
        sessionId={s.id}
        open={closing}
        onClose={() => setClosing(false)}
        focusAfter={() => titleRef.current?.querySelector('h1') ?? null}
      />
    </div>
  );
}
