// /admin/events/:id: one event of any status, edited in the organisation's time zone; its image
// (previewed before it is saved); publishing a draft; cancelling, after a confirmation that says
// what happens to the registrations. A cancelled event is shown, no longer changed. Staff and
// superadmins may do all of it (the API's events routes are for both roles).
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useSite } from '../../features/site/site.api.ts';
import type { AdminPageProps } from '../admin-routes.tsx';
import { dateTimeIn } from '../lib/zoned-time.ts';
import { Details, RecordPage } from '../records/record-page.tsx';
import { CancelEvent, PublishEvent } from './event-actions.tsx';
import { changedFields, EventForm } from './event-form.tsx';
import { EventImage } from './event-image.tsx';
import {
  type AdminEvent,
  type EventFieldsBody,
  eventChanged,
  eventQuery,
  updateEvent,
} from './events.api.ts';
import './events.css';

/** Whether this page was opened by creating the event (the new-event page says so in history). */
const justCreated = () => (history.state as { created?: boolean } | null)?.created === true;

export default function EventPage(props: AdminPageProps) {
  const { t, lang, number } = useI18n();
  const id = props.params.id ?? '';
  const client = useQueryClient();
  const site = useSite();
  const query = useQuery(eventQuery(id));
  const [created] = useState(justCreated);
  // Said once: a reload or a return through history shows the page without it.
  useEffect(() => {
    if (justCreated()) history.replaceState({ ...history.state, created: false }, '', location.href);
  }, []);
  const [notified, setNotified] = useState<number | null>(null);
  const cancelledNote = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notified !== null) cancelledNote.current?.focus();
  }, [notified]);
  const save = useMutation({
    mutationFn: async ({ event, body }: { event: AdminEvent; body: EventFieldsBody }) => {
      const changes = changedFields(event, body);
      return Object.keys(changes).length > 0 ? updateEvent(event.id, changes) : event;
    },
    onSuccess: (event) => eventChanged(client, event),
  });
  const timeZone = site.data?.time_zone;

  return (
    <RecordPage
      query={{ data: timeZone ? query.data : undefined, error: query.error ?? site.error }}
      back={{ href: '/admin/events', label: t('event.back') }}
      title={t('event.title')}
    >
      {(event) => {
        const zone = timeZone ?? 'UTC';
        const cancelled = event.status === 'cancelled';
        return (
          <>
            <PageTitle title={event.title} appName={t('shell.appName')} />
            <p className="event-status">
              <span className="badge">
                {t('event.status', { status: t(`lists.status.${event.status}`) })}
              </span>
            </p>
            {created && !save.isSuccess && <p className="notice notice--success">{t('event.created')}</p>}
            {cancelled ? (
              <>
                {notified !== null ? (
                  <p ref={cancelledNote} tabIndex={-1} className="notice notice--success">
                    {t('event.cancel.done', { count: notified, n: number(notified) })}
                  </p>
                ) : (
                  <p className="notice notice--warning">{t('event.cancelledNotice')}</p>
                )}
                <Details
                  rows={[
                    [t('event.titleLabel'), event.title],
                    [t('event.descriptionShort'), event.description],
                    [t('event.place'), event.location],
                    [t('event.starts'), `${dateTimeIn(event.starts_at, lang, zone)} (${zone})`],
                    [
                      t('event.ends'),
                      event.ends_at ? `${dateTimeIn(event.ends_at, lang, zone)} (${zone})` : '',
                    ],
                    [t('event.capacity'), number(event.capacity)],
                  ]}
                />
              </>
            ) : (
              <>
                <h2>{t('event.detailsTitle')}</h2>
                <EventForm
                  key={event.id}
                  event={event}
                  timeZone={zone}
                  pending={save.isPending}
                  refusal={save.error}
                  onSubmit={(body) => save.mutate({ event, body })}
                />
                <div className="record-outcome event-outcome" aria-live="polite">
                  {save.isSuccess && <p className="notice notice--success">{t('event.saved')}</p>}
                </div>
              </>
            )}
            <EventImage event={event} editable={!cancelled} />
            {!cancelled && <PublishEvent event={event} />}
            {!cancelled && (
              <CancelEvent
                event={event}
                onCancelled={(n) => {
                  save.reset();
                  setNotified(n);
                }}
              />
            )}
          </>
        );
      }}
    </RecordPage>
  );
}
