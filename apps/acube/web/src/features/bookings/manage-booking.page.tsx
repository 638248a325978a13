// The person's own request, opened from the private link in their mail: what they asked for,
// where it stands, and cancelling it after a second, explicit yes. The title says nothing of
// what the request is about (a shared screen, a browser's history).
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useEffect, useRef, useState } from 'react';
import { APP_NAME } from '../shell/acube-shell.tsx';
import { requestErrorText } from '../shell/form-errors.ts';
import { useOrgTime } from '../site/time.ts';
import { useCancelOwnBooking, useOwnBooking } from './bookings.api.ts';

const CANCELLABLE = new Set(['pending', 'confirmed']);

export default function ManageBookingPage(props: { token: string }) {
  const { t, has } = useI18n();
  const time = useOrgTime();
  const booking = useOwnBooking(props.token);
  const cancel = useCancelOwnBooking(props.token);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  if (booking.isPending) {
    return (
      <div className="narrow">
        <PageTitle title={t('manage.title')} appName={APP_NAME} />
        <Status className="muted">{t('common.loading')}</Status>
      </div>
    );
  }
  if (booking.isError) {
    const gone = booking.error instanceof ApiError && [400, 404].includes(booking.error.status);
    return (
      <div className="narrow">
        <PageTitle title={t('manage.title')} appName={APP_NAME} />
        <p className="notice notice--error">
          {gone ? t('manage.linkNotWorking') : requestErrorText(booking.error, t)}
        </p>
      </div>
    );
  }
  const b = booking.data;
  const status = has(`manage.status.${b.status}`) ? t(`manage.status.${b.status}`) : b.status;
  const type = has(`booking.types.${b.session_type}`) ? t(`booking.types.${b.session_type}`) : b.session_type;
  return (
    <div className="narrow">
      <PageTitle title={t('manage.title')} appName={APP_NAME} />
      <p>{t('manage.greeting', { name: b.name })}</p>
      <dl className="summary">
        <div>
          <dt>{t('booking.reference')}</dt>
          <dd className="summary__reference">{b.reference}</dd>
        </div>
        <div>
          <dt>{t('manage.state')}</dt>
          <dd>
            <span className={`badge${b.status === 'cancelled' ? ' badge--error' : ''}`}>{status}</span>
          </dd>
        </div>
        <div>
          <dt>{t('booking.sessionType')}</dt>
          <dd>{type}</dd>
        </div>
        <div>
          <dt>{t('manage.preferred')}</dt>
          <dd>
            {time.calendarDay(b.preferred_date)}
            {b.preferred_time ? `, ${b.preferred_time}` : ''}
            <br />
            <span className="muted">{time.zoneText}</span>
          </dd>
        </div>
        {b.appointment && (
          <div>
            <dt>{t('manage.appointment')}</dt>
            <dd>
              {time.day(b.appointment.starts_at)}, {time.clock(b.appointment.starts_at)}–
              {time.clock(
                new Date(
                  Date.parse(b.appointment.starts_at) + b.appointment.duration_minutes * 60_000,
                ).toISOString(),
              )}
              <br />
              {t(`manage.appointmentMode.${b.appointment.mode}`)},{' '}
              {t('manage.appointmentWith', { name: b.appointment.with })}
              <br />
              <span className="muted">{time.zoneText}</span>
            </dd>
          </div>
        )}
        {b.appointment?.location && (
          <div>
            <dt>
              {b.appointment.mode === 'online' ? t('manage.appointmentLink') : t('manage.appointmentPlace')}
            </dt>
            <dd>
              {b.appointment.mode === 'online' && /^https:\/\//.test(b.appointment.location) ? (
                <a href={b.appointment.location} rel="noreferrer">
                  {b.appointment.location}
                </a>
              ) : (
                b.appointment.location
              )}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('manage.sent')}</dt>
          <dd>
            {time.day(b.created_at)}, {time.clock(b.created_at)}
          </dd>
        </div>
      </dl>

      {cancel.isSuccess && (
        <p className="notice notice--success" role="status">
          {t('manage.cancelled')}
        </p>
      )}
      {cancel.isError && (
        <p className="notice notice--error" role="alert">
          {requestErrorText(cancel.error, t)}
        </p>
      )}

      {CANCELLABLE.has(b.status) && !confirming && (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {t('manage.cancel')}
        </button>
      )}
      {CANCELLABLE.has(b.status) && confirming && (
        <section className="confirm" aria-labelledby="confirm-cancel-title">
          <h2 id="confirm-cancel-title" ref={confirmHeading} tabIndex={-1}>
            {t('manage.confirmTitle')}
          </h2>
          <p>{t('manage.confirmBody')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              {t('manage.confirmYes')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
              {t('manage.confirmNo')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
