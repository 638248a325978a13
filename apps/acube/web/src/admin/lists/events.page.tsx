// /admin/events: events of every status, filtered, sorted (latest start first) and paged in the
// URL, with places taken and the waiting list; each opens its page (edit, publish, cancel). Times
// are the organisation's (TIME_ZONE), as the event's page edits them, whatever the device's zone.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useMemo } from 'react';
import { Link } from 'wouter';
import type { AdminPageProps } from '../admin-routes.tsx';
import { useZonedDateTime } from '../lib/use-zoned-time.ts';
import { type ListDefinition, ListPage, tableSpec } from './list-page.tsx';
import { EVENT_STATUSES, type EventItem } from './rows.ts';

const spec = tableSpec(
  [],
  ['starts_at', 'created_at', 'updated_at', 'title', 'location', 'status', 'capacity'],
  '-starts_at',
);

export default function EventsPage(_props: AdminPageProps) {
  const { t, number } = useI18n();
  const at = useZonedDateTime();
  const definition = useMemo<ListDefinition<EventItem>>(
    () => ({
      id: 'events',
      path: '/api/admin/events',
      spec,
      statuses: EVENT_STATUSES,
      exportEntity: 'events',
      rowKey: (r) => r.id,
      rowLabel: (r) => r.title,
      columns: [
        {
          key: 'title',
          header: t('lists.col.title'),
          sortable: true,
          fixed: true,
          nowrap: true,
          cell: (r) => <Link href={`/admin/events/${r.id}`}>{r.title}</Link>,
        },
        {
          key: 'starts_at',
          header: t('lists.col.starts'),
          sortable: true,
          nowrap: true,
          cell: (r) => at(r.starts_at),
        },
        { key: 'location', header: t('lists.col.location'), sortable: true, cell: (r) => r.location },
        {
          key: 'status',
          header: t('lists.col.status'),
          sortable: true,
          cell: (r) => <span className="badge">{t(`lists.status.${r.status}`)}</span>,
        },
        {
          key: 'capacity',
          header: t('lists.col.places'),
          sortable: true,
          numeric: true,
          cell: (r) => t('lists.places', { taken: number(r.confirmed), capacity: number(r.capacity) }),
        },
        { key: 'waiting', header: t('lists.col.waiting'), numeric: true, cell: (r) => number(r.waiting) },
        {
          key: 'created_at',
          header: t('lists.col.created'),
          sortable: true,
          nowrap: true,
          cell: (r) => at(r.created_at),
        },
      ],
      defaultHidden: ['created_at'],
    }),
    [t, at, number],
  );
  return (
    <ListPage
      definition={definition}
      actions={
        <p>
          <Link href="/admin/events/new" className="button">
            {t('lists.events.new')}
          </Link>
        </p>
      }
    />
  );
}
