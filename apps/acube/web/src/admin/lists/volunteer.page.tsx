// /admin/volunteers/:id: one volunteer application in full (availability and message included)
// and its status, changed here; the list is one link away.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { adminApi } from '../admin-api.ts';
import type { AdminPageProps } from '../admin-routes.tsx';
import { useZonedDateTime } from '../lib/use-zoned-time.ts';
import { Details, Outcome, RecordPage } from '../records/record-page.tsx';
import { StatusForm } from '../records/status-form.tsx';
import { VOLUNTEER_STATUSES, type VolunteerItem } from './rows.ts';

export default function VolunteerPage(props: AdminPageProps) {
  const { t } = useI18n();
  const dateTime = useZonedDateTime();
  const id = props.params.id ?? '';
  const client = useQueryClient();
  const path = `/api/volunteers/${encodeURIComponent(id)}`;
  const key = ['admin-volunteer', id];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => adminApi<VolunteerItem>(path, { signal }),
  });
  const save = useMutation({
    mutationFn: (status: string) =>
      adminApi<VolunteerItem>(`${path}/status`, { method: 'PATCH', body: { status } }),
    onSuccess: (updated) => {
      client.setQueryData(key, updated);
      void client.invalidateQueries({ queryKey: ['admin-list'] });
    },
  });

  return (
    <RecordPage
      query={query}
      back={{ href: '/admin/volunteers', label: t('lists.volunteer.back') }}
      title={t('lists.volunteer.title')}
    >
      {(data) => (
        <>
          <PageTitle
            title={t('lists.volunteer.titleOf', { reference: data.reference })}
            appName={t('shell.appName')}
          />
          <Details
            rows={[
              [t('lists.col.name'), data.name],
              [t('lists.col.email'), data.email],
              [t('lists.col.phone'), data.phone],
              [t('lists.col.availability'), data.availability],
              [t('lists.col.message'), data.message],
              [t('lists.col.status'), t(`lists.status.${data.status}`)],
              [t('lists.col.received'), dateTime(data.created_at)],
              [t('lists.col.updated'), dateTime(data.updated_at)],
            ]}
          />
          <StatusForm
            key={data.status}
            current={data.status}
            statuses={VOLUNTEER_STATUSES}
            title={t('lists.volunteer.changeStatus')}
            save={t('lists.volunteer.save')}
            pending={save.isPending}
            onChoose={() => save.reset()}
            onSubmit={(status) => save.mutate(status)}
          />
          <Outcome mutation={save} success={t('lists.volunteer.saved')} />
        </>
      )}
    </RecordPage>
  );
}
