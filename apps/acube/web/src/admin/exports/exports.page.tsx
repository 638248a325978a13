// /admin/exports: the audit log as CSV, made in the background. The admin picks the filters
// (the audit page's link brings its own), starts the job and follows its state here; the job's
// id stays in the URL (?job=…), so a reload or a return later shows the same export. When it is
// done the file is a link away (the same page the mailed link opens), and a mail says so too.
import '@campus/web/table/table.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { AuditExportState } from '../../../../api/src/modules/exports/index.ts';
import { requestErrorText } from '../../features/shell/form-errors.ts';
import { useSite } from '../../features/site/site.api.ts';
import { adminApi } from '../admin-api.ts';
import { ADMIN_APP_NAME, Loading } from '../admin-shell.tsx';
import {
  AUDIT_FILTERS,
  type AuditFilters,
  auditExportBody,
  auditSearch,
  readAuditUrl,
} from '../audit/audit-url.ts';

const finished = (s: AuditExportState | undefined) =>
  s !== undefined && (s.state === 'completed' || s.state === 'failed' || s.state === 'cancelled');

export default function ExportsPage() {
  const { t } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const timeZone = useSite().data?.time_zone;
  const { filters } = readAuditUrl(search);
  const jobId = new URLSearchParams(search).get('job');

  const start = useMutation({
    mutationFn: (chosen: { filters: AuditFilters; timeZone: string }) =>
      adminApi<{ job_id: string }>('/api/admin/bulk/export/audit-logs', {
        method: 'POST',
        body: auditExportBody(chosen.filters, chosen.timeZone),
      }),
    // The job and the filters it was asked with go to the URL: a reload shows the same export.
    onSuccess: (answer, chosen) => {
      const params = new URLSearchParams(auditSearch(chosen.filters).slice(1));
      params.set('job', answer.job_id);
      navigate(`/admin/exports?${params}`);
    },
  });
  const job = useQuery({
    queryKey: ['admin', 'audit-export', jobId],
    queryFn: ({ signal }) =>
      adminApi<AuditExportState>(`/api/admin/bulk/export/audit-logs/${encodeURIComponent(jobId ?? '')}`, {
        signal,
      }),
    enabled: jobId !== null,
    // Asked again every second until the job has ended.
    refetchInterval: (query) => (finished(query.state.data) || query.state.error ? false : 1000),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!timeZone) return;
    const chosen = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget))
      if (typeof value === 'string' && value.trim()) chosen.set(name, value.trim());
    start.mutate({ filters: readAuditUrl(chosen.toString()).filters, timeZone });
  };

  return (
    <>
      <PageTitle title={t('exports.title')} appName={ADMIN_APP_NAME} />
      <p>{t('exports.intro')}</p>
      <h2>{t('exports.auditTitle')}</h2>
      <form
        key={JSON.stringify(filters)}
        className="filter-bar"
        onSubmit={submit}
        aria-busy={start.isPending}
      >
        {AUDIT_FILTERS.filter((name) => name !== 'entity_id').map((name) => (
          <div className="field" key={name}>
            <label className="field__label" htmlFor={`export-${name}`}>
              {t(`audit.filter.${name}`)}
            </label>
            <input
              id={`export-${name}`}
              name={name}
              className="input"
              type={name === 'from' || name === 'to' ? 'date' : 'text'}
              defaultValue={filters[name] ?? ''}
              maxLength={200}
              spellCheck={false}
            />
          </div>
        ))}
        <div className="actions">
          <button type="submit" className="button" disabled={start.isPending || !timeZone}>
            {start.isPending ? t('exports.starting') : t('exports.start')}
          </button>
        </div>
      </form>
      {start.isError && (
        <p className="notice notice--error" role="alert">
          {requestErrorText(start.error, t)}
        </p>
      )}
      {jobId !== null && (
        <section aria-labelledby="export-state-title" className="export-state">
          <h2 id="export-state-title">{t('exports.stateTitle')}</h2>
          {job.isPending ? (
            <Loading />
          ) : job.isError ? (
            <p className="notice notice--error" role="alert">
              {requestErrorText(job.error, t)}
            </p>
          ) : (
            <ExportState state={job.data} />
          )}
        </section>
      )}
    </>
  );
}

function ExportState(props: { state: AuditExportState }) {
  const { t } = useI18n();
  const { state, file_id: fileId } = props.state;
  if (state === 'completed' && fileId)
    return (
      <div className="notice notice--success">
        <Status>{t('exports.state.completed')}</Status>
        <p>
          <Link href={`/admin/downloads/${encodeURIComponent(fileId)}`} className="button">
            {t('exports.download')}
          </Link>
        </p>
      </div>
    );
  if (state === 'failed' || state === 'cancelled')
    return (
      <p className="notice notice--error" role="alert">
        {t(`exports.state.${state}`)}
      </p>
    );
  return (
    <Status className="notice">{t(`exports.state.${state === 'completed' ? 'running' : state}`)}</Status>
  );
}
