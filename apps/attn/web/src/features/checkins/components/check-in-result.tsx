// What became of a check-in, said big and first: checked in (with the time, and "late" in
// words), already checked in (calm), or refused (why, and what to do). Each panel takes the
// focus when it appears, so a screen reader reads it at once.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Link } from 'wouter';
import type { CheckIn, Refusal } from '../checkins.api.ts';

function Panel(props: { tone: 'success' | 'calm' | 'error'; title: string; children?: ReactNode }) {
  const box = useRef<HTMLElement>(null);
  const titleId = useId();
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <section
      ref={box}
      tabIndex={-1}
      className={`result result--${props.tone}`}
      role={props.tone === 'error' ? 'alert' : 'status'}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="result__title">
        <span className="result__mark" aria-hidden="true">
          {props.tone === 'error' ? '!' : '✓'}
        </span>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

export function refusalText(
  refusal: Refusal,
  t: (key: string, vars?: Record<string, string | number>) => string,
  has: (key: string) => boolean,
) {
  switch (refusal.kind) {
    case 'already':
      return t('checkin.reasons.already_checked_in');
    case 'retry':
      if (refusal.reason === 'offline') return t('checkin.errors.offline');
      if (refusal.reason === 'throttled')
        return t('checkin.errors.throttled', { seconds: refusal.seconds ?? 30 });
      return t('errors.unexpected');
    default: {
      const key = `checkin.reasons.${refusal.reason}`;
      return has(key) ? t(key) : t('errors.unexpected');
    }
  }
}

export function CheckedIn(props: { checkin: CheckIn }) {
  const { t, time } = useI18n();
  const { checkin } = props;
  return (
    <Panel tone="success" title={t('checkin.success')}>
      <p className="result__time">{t('checkin.at', { time: time(checkin.checked_in_at) })}</p>
      {checkin.status === 'late' ? (
        <p className="result__late">
          <strong>{t('checkin.late')}</strong> {t('checkin.lateBody')}
        </p>
      ) : (
        <p>{t('checkin.onTime')}</p>
      )}
      {checkin.verification === 'needs_review' && <p>{t('checkin.verification.needs_review')}</p>}
      {checkin.verification === 'pending' && <p>{t('checkin.verification.pending')}</p>}
    </Panel>
  );
}

export function AlreadyCheckedIn() {
  const { t } = useI18n();
  return (
    <Panel tone="calm" title={t('checkin.alreadyTitle')}>
      <p>{t('checkin.reasons.already_checked_in')}</p>
    </Panel>
  );
}

export function Refused(props: { refusal: Refusal; onRetry?(): void; onTypeCode?(): void }) {
  const { t, has } = useI18n();
  return (
    <Panel tone="error" title={t('checkin.notCheckedIn')}>
      <p className="result__reason">{refusalText(props.refusal, t, has)}</p>
      {(props.onRetry || props.onTypeCode) && (
        <div className="result__actions">
          {props.onRetry && (
            <button type="button" className="button button--wide button--big" onClick={props.onRetry}>
              {t('common.retry')}
            </button>
          )}
          {props.onTypeCode && (
            <button
              type="button"
              className="button button--secondary button--wide"
              onClick={props.onTypeCode}
            >
              {t('checkin.typeCode')}
            </button>
          )}
        </div>
      )}
    </Panel>
  );
}

/** Where to go after: the student's home and their history. */
export function AfterLinks() {
  const { t } = useI18n();
  return (
    <ul className="after-links">
      <li>
        <Link href="/student">{t('checkin.homeLink')}</Link>
      </li>
      <li>
        <Link href="/student/history">{t('checkin.historyLink')}</Link>
      </li>
    </ul>
  );
}
