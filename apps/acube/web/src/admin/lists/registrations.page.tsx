// /admin/registrations: registrations across every event, filtered (one event among them),
// sorted and paged in the URL; each row leads to its event.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { adminApi } from '../admin-api.ts';
import type { AdminPageProps } from '../admin-routes.tsx';
import { useZonedDateTime } from '../lib/use-zoned-time.ts';
import { type ListDefinition, ListPage, tableSpec } from './list-page.tsx';
import type { ListAnswer } from './lists.api.ts';
import { type EventItem, REGISTRATION_STATUSES, type RegistrationItem } from './rows.ts';

const spec = tableSpec(
  ['event_id'],
  ['created_at', 'updated_at', 'name', 'email', 'status', 'event_title'],
  '-created_at',
);

export default function RegistrationsPage(_props: AdminPageProps) {
  const { t, date, number } = useI18n();
  const dateTime = useZonedDateTime();
  // The events to choose from: the latest hundred by start.
  const events = useQuery({
    queryKey: ['admin-list', 'event-choices'],
    queryFn: ({ signal }) =>
      adminApi<ListAnswer<EventItem>>('/api/admin/events?sort=-starts_at&page_size=100', { signal }),
  });
  const definition = useMemo<ListDefinition<RegistrationItem>>(
    () => ({
      id: 'registrations',
      path: '/api/admin/registrations',
      spec,
      statuses: REGISTRATION_STATUSES,
      choices: [
        {
          name: 'event_id',
          label: t('lists.filter.event'),
          options: (events.data?.items ?? []).map((e) => ({
            value: e.id,
            label: `${e.title} (${date(e.starts_at)})`,
          })),
        },
      ],
      exportEntity: 'registrations',
      rowKey: (r) => r.id,
      rowLabel: (r) => r.name,
      columns: [
        { key: 'name', header: t('lists.col.name'), sortable: true, fixed: true, cell: (r) => r.name },
        { key: 'email', header: t('lists.col.email'), sortable: true, cell: (r) => r.email },
        {
          key: 'event_title',
          header: t('lists.col.event'),
          sortable: true,
          cell: (r) => <Link href={`/admin/events/${r.event_id}`}>{r.event_title}</Link>,
        },
        {
          key: 'status',
          header: t('lists.col.status'),
          sortable: true,
          cell: (r) => (
            <span className="badge">
              {t(`lists.status.${r.status}`)}
              {r.position !== null && r.status === 'waiting' ? ` · ${number(r.position)}` : ''}
            </span>
          ),
        },
        {
          key: 'created_at',
          header: t('lists.col.registered'),
          sortable: true,
          nowrap: true,
          cell: (r) => dateTime(r.created_at),
        },
      ],
    }),
    [t, dateTime, date, number, events.data],
  );
  return <ListPage definition={definition} />;
}
