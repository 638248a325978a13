// One event: what it is, when and where, places left, and registering (or joining the
// waiting list, with the person's position once they are on it).
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useState } from 'react';
import { Link } from 'wouter';
import { APP_NAME } from '../shell/acube-shell.tsx';
import { requestErrorText } from '../shell/form-errors.ts';
import { EventFacts } from './components/event-facts.tsx';
import { RegisterForm } from './components/register-form.tsx';
import { type RegistrationAnswer, useEvent } from './events.api.ts';

export default function EventPage(props: { id: string }) {
  const { t } = useI18n();
  const event = useEvent(props.id);
  const [answer, setAnswer] = useState<RegistrationAnswer | null>(null);

  if (event.isPending)
    return (
      <article className="event">
        <PageTitle title={t('events.title')} appName={APP_NAME} />
        <Status className="muted">{t('common.loading')}</Status>
      </article>
    );
  if (event.isError) {
    const missing = event.error instanceof ApiError && [400, 404].includes(event.error.status);
    return (
      <article className="event">
        <PageTitle title={t('events.notFoundTitle')} appName={APP_NAME} />
        <p>{missing ? t('events.notFound') : requestErrorText(event.error, t)}</p>
        <p>
          <Link href="/events">{t('events.back')}</Link>
        </p>
      </article>
    );
  }
  const e = event.data;
  if (answer) {
    const waiting = answer.status === 'waiting';
    return (
      <div className="narrow">
        <PageTitle
          title={waiting ? t('events.waitingTitle') : t('events.confirmedTitle')}
          appName={APP_NAME}
        />
        <p className="lead">{e.title}</p>
        {waiting && answer.position !== null && (
          <div className="panel panel--success">
            <p className="panel__label">{t('events.positionLabel')}</p>
            <p className="panel__reference">{answer.position}</p>
          </div>
        )}
        <p>
          {waiting ? t('events.waitingBody', { position: answer.position ?? '' }) : t('events.confirmedBody')}
        </p>
        <p>{t('events.mailedLink')}</p>
        <p>
          <Link href="/events">{t('events.back')}</Link>
        </p>
      </div>
    );
  }
  return (
    <article className="event">
      <PageTitle title={e.title} appName={APP_NAME} />
      {e.image_url && <img className="event__image" src={e.image_url} alt="" width="720" height="360" />}
      <EventFacts event={e} />
      {e.description && <p className="event__description">{e.description}</p>}
      <RegisterForm event={e} onDone={setAnswer} />
      <p>
        <Link href="/events">{t('events.back')}</Link>
      </p>
    </article>
  );
}
