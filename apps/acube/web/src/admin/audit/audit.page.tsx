// /admin/audit: the audit log, newest first, through the platform's audit routes. Its filters
// (who, action, record, days in the organisation's zone) and its page (the keyset cursor
// `before`) live in the URL: each change is a history entry, so a reload shows the same entries
// and Back returns to the newer page or the previous filter. The same filters start an export.
import '@campus/web/table/table.css';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { type Column, DataTable } from '@campus/web/table/data-table.tsx';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { requestErrorText } from '../../features/shell/form-errors.ts';
import { useSite } from '../../features/site/site.api.ts';
import { adminApi, allows, useAdmin } from '../admin-api.ts';
import { ADMIN_APP_NAME, Loading } from '../admin-shell.tsx';
import { dateTimeIn } from '../lib/zoned-time.ts';
import {
  AUDIT_FILTERS,
  type AuditItem,
  type AuditList,
  auditListQuery,
  auditSearch,
  readAuditUrl,
  useAdminNames,
} from './audit.api.ts';

export default function AuditPage() {
  const { t, lang } = useI18n();
  const search = useSearch();
  const [, navigate] = useLocation();
  const { role } = useAdmin();
  const timeZone = useSite().data?.time_zone;
  const { filters, before } = readAuditUrl(search);
  const names = useAdminNames(allows(role, 'superadmin'));
  const query = timeZone ? auditListQuery(filters, before, timeZone) : null;
  const page = useQuery({
    queryKey: ['admin', 'audit', query?.toString()],
    queryFn: ({ signal }) => adminApi<AuditList>(`/api/admin/audit-logs?${query}`, { signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });

  const go = (next: Record<string, string>, cursor?: number) =>
    navigate(`/admin/audit${auditSearch(next, cursor)}`);
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    for (const [name, value] of new FormData(event.currentTarget))
      if (typeof value === 'string' && value.trim()) next[name] = value.trim();
    go(next);
  };

  const who = (id: string | null) => {
    if (id === null) return <span className="muted">{t('audit.system')}</span>;
    const name = names.get(id);
    return (
      <Link href={`/admin/audit${auditSearch({ ...filters, actor_id: id })}`} title={id}>
        {name ?? t('audit.adminId', { id: id.slice(0, 8) })}
      </Link>
    );
  };
  const columns: Column<AuditItem>[] = [
    { key: 'at', header: t('audit.at'), cell: (r) => (timeZone ? dateTimeIn(r.at, lang, timeZone) : r.at) },
    { key: 'who', header: t('audit.who'), cell: (r) => who(r.actor_id) },
    { key: 'action', header: t('audit.action'), cell: (r) => <code>{r.action}</code> },
    {
      key: 'record',
      header: t('audit.record'),
      cell: (r) => (
        <>
          {r.entity}
          {r.entity_id && <span className="audit-id"> {r.entity_id}</span>}
        </>
      ),
    },
    { key: 'changes', header: t('audit.changes'), cell: (r) => <Changes changes={r.changes} /> },
    { key: 'ip', header: t('audit.ip'), cell: (r) => r.ip ?? '' },
  ];

  // The form is remounted when the URL's filters change (Back, a link), so it shows them.
  const formKey = JSON.stringify(filters);
  return (
    <>
      <PageTitle title={t('audit.title')} appName={ADMIN_APP_NAME} />
      <search aria-label={t('audit.filters')}>
        <form key={formKey} className="filter-bar" onSubmit={apply}>
          {AUDIT_FILTERS.map((name) => (
            <div className="field" key={name}>
              <label className="field__label" htmlFor={`audit-${name}`}>
                {t(`audit.filter.${name}`)}
              </label>
              <input
                id={`audit-${name}`}
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
            <button type="submit" className="button">
              {t('audit.apply')}
            </button>
            {Object.keys(filters).length > 0 && <Link href="/admin/audit">{t('audit.clear')}</Link>}
          </div>
        </form>
      </search>
      <p className="actions">
        <Link href={`/admin/exports${auditSearch(filters)}`}>{t('audit.export')}</Link>
      </p>
      {page.isPending ? (
        <Loading />
      ) : page.isError ? (
        <p className="notice notice--error">{requestErrorText(page.error, t)}</p>
      ) : (
        <>
          <DataTable
            caption={before ? t('audit.captionOlder') : t('audit.caption')}
            columns={columns}
            rows={page.data.items}
            rowKey={(r) => String(r.id)}
            empty={t('audit.empty')}
          />
          <nav className="actions" aria-label={t('audit.pages')}>
            {before !== undefined && (
              <Link href={`/admin/audit${auditSearch(filters)}`}>{t('audit.newest')}</Link>
            )}
            {page.data.next_before !== null && (
              <Link href={`/admin/audit${auditSearch(filters, page.data.next_before)}`}>
                {t('audit.older')}
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}

/** What an entry changed, as name: value pairs (never free text: the API records none). */
function Changes(props: { changes: Record<string, unknown> | null }) {
  const entries = Object.entries(props.changes ?? {});
  if (entries.length === 0) return null;
  return (
    <dl className="audit-changes">
      {entries.map(([name, value]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
