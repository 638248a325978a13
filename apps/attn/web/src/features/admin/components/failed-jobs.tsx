// One queue's failed and dead-lettered jobs: when, how often tried, the error, and the actions.
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { Status } from '@campus/web/layout/app-shell.tsx';
import { DataTable } from '@campus/web/table/data-table.tsx';
import { useFailedJobs } from '../admin.api.ts';

export function FailedJobs(props: {
  queue: string;
  busy: boolean;
  onAction(id: string, action: 'retry' | 'cancel'): void;
}) {
  const { t, number, dateTime } = useI18n();
  const jobs = useFailedJobs(props.queue);
  const titleId = `failed-${props.queue}`;
  return (
    <div className="admin-failed">
      <h3 id={titleId}>
        <code>{props.queue}</code>
      </h3>
      {jobs.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {jobs.isError && <p className="notice notice--error">{t('errors.unexpected')}</p>}
      {jobs.data && (
        <DataTable
          caption={t('admin.jobs.failedCaption', { queue: props.queue })}
          captionHidden
          columns={[
            { key: 'created', header: t('admin.jobs.columns.created'), cell: (j) => dateTime(j.created_at) },
            {
              key: 'state',
              header: t('admin.jobs.columns.state'),
              cell: (j) => <span className="badge badge--error">{t(`admin.jobs.state.${j.state}`)}</span>,
            },
            {
              key: 'tries',
              header: t('admin.jobs.columns.retries'),
              cell: (j) => number(j.retry_count),
              numeric: true,
            },
            {
              key: 'error',
              header: t('admin.jobs.columns.error'),
              cell: (j) => <span className="admin-error">{j.error ?? '—'}</span>,
            },
            {
              key: 'actions',
              header: t('admin.jobs.columns.actions'),
              cell: (j) => (
                <span className="admin-row-actions">
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={props.busy}
                    onClick={() => props.onAction(j.id, 'retry')}
                  >
                    {t('admin.jobs.retry')}
                    <span className="visually-hidden">
                      {' '}
                      {t('admin.jobs.jobLabel', { id: j.id.slice(0, 8) })}
                    </span>
                  </button>
                  {j.state === 'dead' && (
                    <button
                      type="button"
                      className="button button--danger"
                      disabled={props.busy}
                      onClick={() => props.onAction(j.id, 'cancel')}
                    >
                      {t('admin.jobs.cancel')}
                      <span className="visually-hidden">
                        {' '}
                        {t('admin.jobs.jobLabel', { id: j.id.slice(0, 8) })}
                      </span>
                    </button>
                  )}
                </span>
              ),
            },
          ]}
          rows={jobs.data.items}
          rowKey={(j) => j.id}
          empty={t('admin.jobs.noFailedHere')}
        />
      )}
    </div>
  );
}
