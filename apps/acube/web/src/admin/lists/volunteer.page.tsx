// /admin/volunteers/:id: one volunteer application in full (availability and message included)
// and its status, changed here; the list is one link away.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { adminApi } from '../admin-api.ts';
import './lists.css';
import type { AdminPageProps } from '../admin-routes.tsx';
import { VOLUNTEER_STATUSES, type VolunteerItem } from './rows.ts';

export default function VolunteerPage(props: AdminPageProps) {
  const { t, dateTime } = useI18n();
  const id = props.params.id ?? '';
  const client = useQueryClient();
  const statusId = useId();
  const path = `/api/volunteers/${encodeURIComponent(id)}`;
  const { data, error } = useQuery({
    queryKey: ['admin-volunteer', id],
    queryFn: ({ signal }) => adminApi<VolunteerItem>(path, { signal }),
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (status: string) =>
      adminApi<VolunteerItem>(`${path}/status`, { method: 'PATCH', body: { status } }),
    onSuccess: (updated) => {
      client.setQueryData(['admin-volunteer', id], updated);
      setChosen(null);
      void client.invalidateQueries({ queryKey: ['admin-list'] });
    },
  });

  const back = (
    <p>
      <Link href="/admin/volunteers">{t('lists.volunteer.back')}</Link>
    </p>
  );
  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <>
        <PageTitle title={t('lists.volunteer.title')} appName={t('shell.appName')} />
        <p className="notice notice--error" role="alert">
          {missing ? t('errors.notFound') : t('errors.unexpected')}
        </p>
        {back}
      </>
    );
  }
  if (!data) return <p role="status">{t('common.loading')}</p>;
  const status = chosen ?? data.status;
  const row = (label: string, value: string) => (
    <div className="details__row">
      <dt>{label}</dt>
      <dd>{value || '—'}</dd>
    </div>
  );
  return (
    <>
      {back}
      <PageTitle
        title={t('lists.volunteer.titleOf', { reference: data.reference })}
        appName={t('shell.appName')}
      />
      <dl className="details">
        {row(t('lists.col.name'), data.name)}
        {row(t('lists.col.email'), data.email)}
        {row(t('lists.col.phone'), data.phone)}
        {row(t('lists.col.availability'), data.availability)}
        {row(t('lists.col.message'), data.message)}
        {row(t('lists.col.status'), t(`lists.status.${data.status}`))}
        {row(t('lists.col.received'), dateTime(data.created_at))}
        {row(t('lists.col.updated'), dateTime(data.updated_at))}
      </dl>
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          if (status !== data.status && !save.isPending) save.mutate(status);
        }}
      >
        <h2>{t('lists.volunteer.changeStatus')}</h2>
        <div className="field">
          <label className="field__label" htmlFor={statusId}>
            {t('lists.col.status')}
          </label>
          <select
            id={statusId}
            className="input"
            value={status}
            onChange={(e) => {
              save.reset();
              setChosen(e.currentTarget.value);
            }}
          >
            {VOLUNTEER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`lists.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="button"
          aria-disabled={save.isPending || status === data.status || undefined}
        >
          {t('lists.volunteer.save')}
        </button>
        <div aria-live="polite">
          {save.isSuccess && <p className="notice notice--success">{t('lists.volunteer.saved')}</p>}
          {save.isError && (
            <p className="notice notice--error">
              {save.error instanceof ApiError && save.error.status === 403
                ? t('errors.forbidden')
                : t('errors.unexpected')}
            </p>
          )}
        </div>
      </form>
    </>
  );
}
