// /admin/volunteers: volunteer applications, filtered, sorted and paged in the URL, with their
// status changed from the list, one by one or in bulk.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useMemo } from 'react';
import type { AdminPageProps } from '../admin-routes.tsx';
import { useZonedDateTime } from '../lib/use-zoned-time.ts';
import { submittedColumns } from './columns.tsx';
import { type ListDefinition, ListPage, tableSpec } from './list-page.tsx';
import { VOLUNTEER_STATUSES, type VolunteerItem } from './rows.ts';

const spec = tableSpec(
  [],
  ['created_at', 'updated_at', 'reference', 'name', 'email', 'status'],
  '-created_at',
);

export default function VolunteersPage(_props: AdminPageProps) {
  const { t } = useI18n();
  const dateTime = useZonedDateTime();
  const definition = useMemo<ListDefinition<VolunteerItem>>(() => {
    const c = submittedColumns<VolunteerItem>(
      { t, dateTime },
      {
        page: (r) => `/admin/volunteers/${r.id}`,
        statusPath: (r) => `/api/volunteers/${r.id}/status`,
        statuses: VOLUNTEER_STATUSES,
      },
    );
    return {
      id: 'volunteers',
      path: '/api/volunteers',
      spec,
      statuses: VOLUNTEER_STATUSES,
      bulk: 'volunteers',
      exportEntity: 'volunteers',
      rowKey: (r) => r.id,
      rowLabel: (r) => r.reference,
      defaultHidden: ['phone'],
      columns: [
        c.reference,
        c.name,
        c.email,
        { key: 'phone', header: t('lists.col.phone'), cell: (r) => r.phone },
        c.status,
        c.received,
      ],
    };
  }, [t, dateTime]);
  return <ListPage definition={definition} />;
}
