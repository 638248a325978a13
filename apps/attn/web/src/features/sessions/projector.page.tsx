// /teacher/sessions/:sessionId/projector: what the lecture hall sees. A large QR (a URL any
// camera app opens), the six digits for phones that cannot scan and where to type them, the
// course, the time left and the live count. The code rotates when the server says it does, by
// the server's clock (see useRotatingCode). No app shell here: the page is its own landmark.
import './projector.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { type ReactNode, useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useTeacherCourse } from '../courses/courses.api.ts';
import { errorText } from './components/error-text.ts';
import { LiveCount } from './components/live-count.tsx';
import { type ShownCode, useLiveCheckins, useNow, useRotatingCode, useSession } from './sessions.api.ts';

function useFullscreen(): [boolean, () => void] {
  const [full, setFull] = useState(() => Boolean(document.fullscreenElement));
  useEffect(() => {
    const changed = () => setFull(Boolean(document.fullscreenElement));
    document.addEventListener('fullscreenchange', changed);
    return () => document.removeEventListener('fullscreenchange', changed);
  }, []);
  const toggle = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return [full, toggle];
}

function TimeLeft(props: { endsAt: string; offset: number }) {
  const { t, number } = useI18n();
  const now = useNow(1000) + props.offset;
  const left = Math.max(0, Math.floor((Date.parse(props.endsAt) - now) / 1000));
  const h = Math.floor(left / 3600);
  const m = Math.floor((left % 3600) / 60);
  const sec = left % 60;
  const two = (n: number) => number(n, { minimumIntegerDigits: 2 });
  const text = h > 0 ? `${number(h)}:${two(m)}:${two(sec)}` : `${number(m)}:${two(sec)}`;
  return (
    <p className="projector__time">
      <span className="projector__label">{t('projector.timeLeft')}</span>{' '}
      <time dateTime={`PT${left}S`} className="projector__time-value">
        {text}
      </time>
    </p>
  );
}

function QrCode(props: { code: ShownCode; courseName: string }) {
  const { t } = useI18n();
  return (
    <div className="projector__qr">
      <img
        key={props.code.code}
        className="projector__qr-img fade-in"
        src={`data:image/svg+xml;utf8,${encodeURIComponent(props.code.qr_svg)}`}
        alt={t('projector.qrAlt', { course: props.courseName })}
      />
    </div>
  );
}

function TypedCode(props: { code: ShownCode }) {
  const { t } = useI18n();
  const { code } = props.code;
  // "at {url}" / "{url} adresine yazın": the address stands out wherever the language puts it.
  const [before = '', after = ''] = t('projector.typeAt').split('{url}');
  return (
    <div className="projector__typed">
      <p className="projector__label" id="projector-code-label">
        {t('projector.codeLabel')}
      </p>
      <p className="projector__code" aria-describedby="projector-code-label">
        {`${code.slice(0, 3)} ${code.slice(3)}`}
      </p>
      <p className="projector__where">
        {before}
        <strong className="projector__url">{`${window.location.origin}/student`}</strong>
        {after}
      </p>
    </div>
  );
}

export default function ProjectorPage(props: { sessionId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession(props.sessionId);
  const open = session.data?.open;
  const course = useTeacherCourse(session.data && !session.data.course ? session.data.course_id : undefined);
  const live = useLiveCheckins(props.sessionId, open);
  const rotating = useRotatingCode(props.sessionId, open === true);
  const [hidden, setHidden] = useState(false);
  const [full, toggleFull] = useFullscreen();

  const c = session.data?.course ?? course.data;
  const courseName = c ? `${c.code} ${c.title}` : '';
  const closed = open === false || rotating.closed;
  const enrolled = course.data?.roster.length ?? session.data?.counts?.enrolled;

  const shown = !closed && !hidden ? rotating.code : undefined;
  let stage: ReactNode;
  if (session.isPending) stage = <Status>{t('common.loading')}</Status>;
  else if (session.isError)
    stage = (
      <p className="projector__notice" role="alert">
        {errorText(session.error, i18n, 'live')}
      </p>
    );
  else if (closed)
    stage = (
      <p className="projector__notice" role="status">
        {t('projector.closed')}
      </p>
    );
  else if (hidden)
    stage = (
      <p className="projector__notice" role="status">
        {t('projector.hiddenNotice')}
      </p>
    );
  else if (rotating.code) stage = <QrCode code={rotating.code} courseName={courseName} />;
  else if (rotating.error)
    stage = (
      <p className="projector__notice" role="alert">
        {errorText(rotating.error, i18n, 'projector')}
      </p>
    );
  else stage = <Status>{t('common.loading')}</Status>;

  return (
    <main id="main" className="projector" tabIndex={-1}>
      <header className="projector__bar">
        <PageTitle title={courseName || t('projector.title')} appName="ATTN" className="projector__title">
          {c ? (
            <>
              <span className="projector__course-code">{c.code}</span> {c.title}
            </>
          ) : (
            t('projector.title')
          )}
        </PageTitle>
        <div className="projector__controls">
          {!closed && (
            <button
              type="button"
              className="button button--secondary"
              aria-pressed={hidden}
              onClick={() => setHidden((h) => !h)}
            >
              {t('projector.hideCode')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={toggleFull}>
            {full ? t('projector.leaveFullScreen') : t('projector.fullScreen')}
          </button>
          <Link href={`/teacher/sessions/${props.sessionId}`} className="button button--secondary">
            {t('projector.back')}
          </Link>
        </div>
      </header>
      <div className="projector__stage">
        <div className="projector__main">{stage}</div>
        <div className="projector__side">
          {shown && <TypedCode code={shown} />}
          <div className="projector__stats">
            <LiveCount
              checkedIn={live.checkins?.length ?? 0}
              enrolled={enrolled}
              className="projector__count"
            />
            {!closed && session.data && (
              <TimeLeft endsAt={session.data.ends_at} offset={rotating.code?.offset ?? 0} />
            )}
            {rotating.failing && !closed && (
              <p className="projector__stale" role="status">
                {t('projector.stale')}
              </p>
            )}
          </div>
        </div>
      </div>
    </main>
  );
}
