// The person's own registration, opened from the private link in their mail: the event, their
// place or their position on the waiting list, and cancelling (or leaving the list) after a
// second, explicit yes. The link keeps working when they move up from the waiting list.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useEffect, useRef, useState } from 'react';
import { APP_NAME } from '../shell/acube-shell.tsx';
import { requestErrorText } from '../shell/form-errors.ts';
import { EventFacts } from './components/event-facts.tsx';
import { useCancelRegistration, useOwnRegistration } from './events.api.ts';

export default function ManageRegistrationPage(props: { token: string }) {
  const { t } = useI18n();
  const registration = useOwnRegistration(props.token);
  const cancel = useCancelRegistration(props.token);
  const [confirming, setConfirming] = useState(false);
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmHeading.current?.focus();
  }, [confirming]);

  if (registration.isPending) {
    return (
      <div className="narrow">
        <PageTitle title={t('manage.registrationTitle')} appName={APP_NAME} />
        <Status className="muted">{t('common.loading')}</Status>
      </div>
    );
  }
  if (registration.isError) {
    const gone = registration.error instanceof ApiError && [400, 404].includes(registration.error.status);
    return (
      <div className="narrow">
        <PageTitle title={t('manage.registrationTitle')} appName={APP_NAME} />
        <p className="notice notice--error">
          {gone ? t('manage.linkNotWorking') : requestErrorText(registration.error, t)}
        </p>
      </div>
    );
  }
  const r = registration.data;
  const active = r.status === 'confirmed' || r.status === 'waiting';
  return (
    <div className="narrow">
      <PageTitle title={t('manage.registrationTitle')} appName={APP_NAME} />
      <p>{t('manage.greeting', { name: r.name })}</p>
      <h2>{r.event.title}</h2>
      <EventFacts event={r.event} />
      <div className={`panel${r.status === 'cancelled' ? '' : ' panel--success'}`}>
        <p className="panel__label">{t('manage.state')}</p>
        <p className="panel__state">
          {r.status === 'confirmed' && t('manage.registration.confirmed')}
          {r.status === 'waiting' && t('manage.registration.waiting', { position: r.position ?? '' })}
          {r.status === 'cancelled' && t('manage.registration.cancelled')}
        </p>
      </div>
      {cancel.isSuccess && (
        <p className="notice notice--success" role="status">
          {t('manage.registration.cancelDone')}
        </p>
      )}
      {cancel.isError && (
        <p className="notice notice--error" role="alert">
          {requestErrorText(cancel.error, t)}
        </p>
      )}
      {active && !confirming && (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          {r.status === 'waiting' ? t('manage.registration.leave') : t('manage.registration.cancel')}
        </button>
      )}
      {active && confirming && (
        <section className="confirm" aria-labelledby="confirm-cancel-title">
          <h2 id="confirm-cancel-title" ref={confirmHeading} tabIndex={-1}>
            {r.status === 'waiting'
              ? t('manage.registration.confirmLeave')
              : t('manage.registration.confirmCancel')}
          </h2>
          <p>{t('manage.registration.confirmBody')}</p>
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              disabled={cancel.isPending}
              onClick={() => cancel.mutate(undefined, { onSuccess: () => setConfirming(false) })}
            >
              {r.status === 'waiting'
                ? t('manage.registration.leaveYes')
                : t('manage.registration.cancelYes')}
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
