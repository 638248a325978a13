// What is coming up: each published event with its date, place and places left.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { Link } from 'wouter';
import { APP_NAME } from '../shell/acube-shell.tsx';
import { requestErrorText } from '../shell/form-errors.ts';
import { EventFacts } from './components/event-facts.tsx';
import { useEvents } from './events.api.ts';

export default function EventsPage() {
  const { t } = useI18n();
  const events = useEvents();
  return (
    <>
      <PageTitle title={t('events.title')} appName={APP_NAME} />
      <p className="lead">{t('events.intro')}</p>
      {events.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {events.isError && <p className="notice notice--error">{requestErrorText(events.error, t)}</p>}
      {events.data && events.data.items.length === 0 && <p className="empty">{t('events.none')}</p>}
      {events.data && events.data.items.length > 0 && (
        <ul className="event-list">
          {events.data.items.map((event) => (
            <li key={event.id} className="card">
              <h2>
                <Link href={`/events/${event.id}`}>{event.title}</Link>
              </h2>
              <EventFacts event={event} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
