// /admin/volunteers: volunteer applications, filtered, sorted and paged in the URL, with their
// status changed from the list, one by one or in bulk.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { useMemo } from 'react';
import { Link } from 'wouter';
import type { AdminPageProps } from '../admin-routes.tsx';
import { type ListDefinition, ListPage, tableSpec } from './list-page.tsx';
import { VOLUNTEER_STATUSES, type VolunteerItem } from './rows.ts';
import { StatusCell } from './status-cell.tsx';

const spec = tableSpec(
  [],
  ['created_at', 'updated_at', 'reference', 'name', 'email', 'status'],
  '-created_at',
);

export default function VolunteersPage(_props: AdminPageProps) {
  const { t, dateTime } = useI18n();
  const definition = useMemo<ListDefinition<VolunteerItem>>(() => {
    const statuses = VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`lists.status.${s}`) }));
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
        {
          key: 'reference',
          header: t('lists.col.reference'),
          sortable: true,
          fixed: true,
          nowrap: true,
          cell: (r) => <Link href={`/admin/volunteers/${r.id}`}>{r.reference}</Link>,
        },
        { key: 'name', header: t('lists.col.name'), sortable: true, cell: (r) => r.name },
        { key: 'email', header: t('lists.col.email'), sortable: true, cell: (r) => r.email },
        { key: 'phone', header: t('lists.col.phone'), cell: (r) => r.phone },
        {
          key: 'status',
          header: t('lists.col.status'),
          sortable: true,
          cell: (r) => (
            <StatusCell
              key={`${r.id}:${r.status}`}
              path={`/api/volunteers/${r.id}/status`}
              current={r.status}
              rowLabel={r.reference}
              statuses={statuses}
            />
          ),
        },
        {
          key: 'created_at',
          header: t('lists.col.received'),
          sortable: true,
          nowrap: true,
          cell: (r) => dateTime(r.created_at),
        },
      ],
    };
  }, [t, dateTime]);
  return <ListPage definition={definition} />;
}
