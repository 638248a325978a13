// What every record's own page in the panel shares (a booking, a volunteer application, a contact
// message): the way back to its list, loading and "not found" handled once, the record's fields
// as a two-column list, its free text, and the answer of a form on the page.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import type { UseMutationResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import './records.css';

/** The record once loaded, after a link back to its list; or why it cannot be shown. */
export function RecordPage<T>(props: {
  query: Pick<UseQueryResult<T>, 'data' | 'error'>;
  back: { href: string; label: string };
  /** The page's title while there is no record to name it by. */
  title: string;
  children(record: T): ReactNode;
}) {
  const { t } = useI18n();
  const back = (
    <p>
      <Link href={props.back.href}>{props.back.label}</Link>
    </p>
  );
  const { data, error } = props.query;
  if (error) {
    const missing = error instanceof ApiError && (error.status === 404 || error.status === 400);
    return (
      <>
        <PageTitle title={props.title} appName={t('shell.appName')} />
        <p className="notice notice--error" role="alert">
          {missing ? t('errors.notFound') : t('errors.unexpected')}
        </p>
        {back}
      </>
    );
  }
  if (data === undefined) return <p role="status">{t('common.loading')}</p>;
  return (
    <>
      {back}
      {props.children(data)}
    </>
  );
}

/** The record's fields: label and value; an empty value shows as a dash. */
export function Details(props: { rows: readonly (readonly [label: string, value: string])[] }) {
  return (
    <dl className="details">
      {props.rows.map(([label, value]) => (
        <div className="details__row" key={label}>
          <dt>{label}</dt>
          <dd>{value || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Free text as its writer typed it, under its own heading. */
export function RecordText(props: { heading: string; text: string }) {
  return (
    <>
      <h2>{props.heading}</h2>
      <p className="record-text">{props.text || '—'}</p>
    </>
  );
}

/** A form's answer, announced: its success words, or the error in words (`errorText`). */
export function Outcome(props: {
  mutation: Pick<UseMutationResult<unknown, Error, never>, 'isSuccess' | 'isError' | 'error'>;
  success: string;
  errorText?(error: Error): string;
}) {
  const { t } = useI18n();
  const { mutation } = props;
  const failed = (error: Error) =>
    props.errorText?.(error) ??
    (error instanceof ApiError && error.status === 403 ? t('errors.forbidden') : t('errors.unexpected'));
  return (
    <div className="record-outcome" aria-live="polite">
      {mutation.isSuccess && <p className="notice notice--success">{props.success}</p>}
      {mutation.isError && mutation.error && <p className="notice notice--error">{failed(mutation.error)}</p>}
    </div>
  );
}
