// Publishing a draft and cancelling an event, on its page. Cancelling asks first, in a dialog
// that says what it does: every live registration (confirmed or waiting, counted from the API)
// ends and each person is mailed, and it cannot be undone.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { Outcome } from '../records/record-page.tsx';
import {
  type AdminEvent,
  cancelEvent,
  eventChanged,
  liveRegistrationsQuery,
  publishEvent,
} from './events.api.ts';

function useErrorText() {
  const { t } = useI18n();
  return (error: Error): string => {
    if (error instanceof ApiError && error.status === 409) return t('event.errors.conflict');
    if (error instanceof ApiError && error.status === 403) return t('errors.forbidden');
    if (error instanceof ApiError && error.status === 0) return t('errors.network');
    return t('errors.unexpected');
  };
}

export function PublishEvent(props: { event: AdminEvent }) {
  const { t } = useI18n();
  const id = useId();
  const client = useQueryClient();
  const errorText = useErrorText();
  const publish = useMutation({
    mutationFn: () => publishEvent(props.event.id),
    onSuccess: (event) => eventChanged(client, event),
  });
  return (
    <section className="form event-section" aria-labelledby={id}>
      <h2 id={id}>{t('event.publish.title')}</h2>
      {props.event.status === 'draft' && (
        <>
          <p>{t('event.publish.body')}</p>
          <button
            type="button"
            className="button"
            aria-disabled={publish.isPending || undefined}
            onClick={() => {
              if (!publish.isPending) publish.mutate();
            }}
          >
            {t('event.publish.button')}
          </button>
        </>
      )}
      <Outcome mutation={publish} success={t('event.publish.done')} errorText={errorText} />
      {props.event.status === 'published' && (
        <p>
          <a href={`/events/${encodeURIComponent(props.event.id)}`}>{t('event.publish.publicLink')}</a>
        </p>
      )}
    </section>
  );
}

export function CancelEvent(props: { event: AdminEvent; onCancelled(notified: number): void }) {
  const { t, number } = useI18n();
  const id = useId();
  const client = useQueryClient();
  const errorText = useErrorText();
  const dialog = useRef<HTMLDialogElement>(null);
  const [asking, setAsking] = useState(false);
  const live = useQuery({ ...liveRegistrationsQuery(props.event.id), enabled: asking });
  const cancel = useMutation({
    mutationFn: () => cancelEvent(props.event.id),
    onSuccess: ({ event, notified }) => {
      setAsking(false);
      eventChanged(client, event);
      void client.invalidateQueries({ queryKey: ['admin-event-registrations', event.id] });
      props.onCancelled(notified);
    },
    onError: () => setAsking(false),
  });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (asking && !d.open) d.showModal();
    if (!asking && d.open) d.close();
  }, [asking]);

  const count = live.data;
  return (
    <section className="form event-section" aria-labelledby={id}>
      <h2 id={id}>{t('event.cancel.title')}</h2>
      <p>{t('event.cancel.body')}</p>
      <button
        type="button"
        className="button button--danger"
        onClick={() => {
          cancel.reset();
          setAsking(true);
        }}
      >
        {t('event.cancel.button')}
      </button>
      <Outcome mutation={{ ...cancel, isSuccess: false }} success="" errorText={errorText} />
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-confirm`}
        aria-describedby={`${id}-what`}
        onClose={() => setAsking(false)}
      >
        {asking && (
          <>
            <h2 id={`${id}-confirm`}>{t('event.cancel.confirmTitle', { title: props.event.title })}</h2>
            <div id={`${id}-what`}>
              <p>
                {count === undefined
                  ? live.isError
                    ? t('event.cancel.body')
                    : t('event.cancel.counting')
                  : count === 0
                    ? t('event.cancel.nobody')
                    : t('event.cancel.registrations', { count, n: number(count) })}
              </p>
              <p>{t('event.cancel.final')}</p>
            </div>
            <div className="actions">
              <button
                type="button"
                className="button button--danger"
                aria-disabled={cancel.isPending || undefined}
                onClick={() => {
                  if (!cancel.isPending) cancel.mutate();
                }}
              >
                {t('event.cancel.yes')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setAsking(false)}>
                {t('event.cancel.keep')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </section>
  );
}
