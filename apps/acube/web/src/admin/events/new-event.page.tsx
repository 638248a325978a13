// /admin/events/new: a new event, saved as a draft; its page (image, publish) opens once it is made.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import { useSite } from '../../features/site/site.api.ts';
import type { AdminPageProps } from '../admin-routes.tsx';
import { EventForm } from './event-form.tsx';
import { createEvent, eventChanged } from './events.api.ts';
import './events.css';

export default function NewEventPage(_props: AdminPageProps) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const site = useSite();
  const create = useMutation({
    mutationFn: createEvent,
    onSuccess: (event) => {
      eventChanged(client, event);
      navigate(`/admin/events/${event.id}`, { replace: true, state: { created: true } });
    },
  });
  return (
    <>
      <p>
        <Link href="/admin/events">{t('event.back')}</Link>
      </p>
      <PageTitle title={t('event.newTitle')} appName={t('shell.appName')} />
      <p>{t('event.newIntro')}</p>
      {site.data ? (
        <EventForm
          timeZone={site.data.time_zone}
          pending={create.isPending}
          refusal={create.error}
          onSubmit={(body) => create.mutate(body)}
        />
      ) : site.isError ? (
        <p className="notice notice--error" role="alert">
          {t('errors.unexpected')}
        </p>
      ) : (
        <p role="status">{t('common.loading')}</p>
      )}
      <p className="muted event-section">{t('event.image.afterCreate')}</p>
    </>
  );
}
