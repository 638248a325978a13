// /admin/bookings: booking requests, filtered (text, status, session type, dates), sorted and
// paged in the URL. The list shows no message text, only whether there is one: reading it is
// the detail page's, where it is audited.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useMemo } from 'react';
import type { AdminPageProps } from '../admin-routes.tsx';
import { useZonedDateTime } from '../lib/use-zoned-time.ts';
import { submittedColumns } from './columns.tsx';
import { type ListDefinition, ListPage, tableSpec } from './list-page.tsx';
import { BOOKING_STATUSES, type BookingItem, SESSION_TYPES } from './rows.ts';

const spec = tableSpec(
  ['session_type'],
  ['created_at', 'updated_at', 'reference', 'name', 'email', 'status', 'session_type', 'preferred_date'],
  '-created_at',
);

export default function BookingsPage(_props: AdminPageProps) {
  const { t, date } = useI18n();
  const dateTime = useZonedDateTime();
  const definition = useMemo<ListDefinition<BookingItem>>(() => {
    const c = submittedColumns<BookingItem>(
      { t, dateTime },
      {
        page: (r) => `/admin/bookings/${r.id}`,
        statusPath: (r) => `/api/sessions/${r.id}/status`,
        statuses: BOOKING_STATUSES,
      },
    );
    return {
      id: 'bookings',
      path: '/api/sessions',
      spec,
      statuses: BOOKING_STATUSES,
      choices: [
        {
          name: 'session_type',
          label: t('lists.filter.sessionType'),
          options: SESSION_TYPES.map((s) => ({ value: s, label: t(`lists.sessionType.${s}`) })),
        },
      ],
      bulk: 'bookings',
      exportEntity: 'bookings',
      rowKey: (r) => r.id,
      rowLabel: (r) => r.reference,
      defaultHidden: ['phone'],
      columns: [
        c.reference,
        c.name,
        c.email,
        { key: 'phone', header: t('lists.col.phone'), cell: (r) => r.phone },
        {
          key: 'session_type',
          header: t('lists.col.sessionType'),
          sortable: true,
          cell: (r) => t(`lists.sessionType.${r.session_type}`),
        },
        {
          key: 'preferred_date',
          header: t('lists.col.preferred'),
          sortable: true,
          cell: (r) =>
            `${date(`${r.preferred_date}T12:00:00Z`)}${r.preferred_time ? `, ${r.preferred_time}` : ''}`,
        },
        {
          key: 'has_message',
          header: t('lists.col.message'),
          cell: (r) => (r.has_message ? t('lists.yes') : t('lists.no')),
        },
        c.status,
        c.received,
      ],
    };
  }, [t, date, dateTime]);
  return <ListPage definition={definition} />;
}
