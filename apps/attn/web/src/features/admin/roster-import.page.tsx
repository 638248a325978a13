// /admin/import: a roster CSV file, checked first (a dry run: what it would create, change or
// leave, and every problem by line), then applied only when the check found none. The file is
// read in the browser and sent as it is; a new file starts over.
import './admin.css';
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { errorText } from '../sessions/components/error-text.ts';
import { type ImportResult, useRosterImport } from './admin.api.ts';
import { BackToAdmin } from './components/back-link.tsx';
import { ImportErrors, ImportSummary } from './components/import-result.tsx';

export default function RosterImportPage() {
  const i18n = useI18n();
  const { t, number } = i18n;
  const fileId = useId();
  const [file, setFile] = useState<{ name: string; csv: string } | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const send = useRosterImport();
  const resultHeading = useRef<HTMLHeadingElement>(null);

  const failure = send.error
    ? send.error instanceof ApiError && (send.error.status === 413 || send.error.status === 422)
      ? send.error.message
      : errorText(send.error, i18n, 'admin')
    : null;

  const check = () => {
    if (!file) {
      setFileError(t('admin.import.chooseFirst'));
      return;
    }
    send.mutate(
      { csv: file.csv, dryRun: true },
      {
        onSuccess: (result) => {
          setChecked(result);
          requestAnimationFrame(() => resultHeading.current?.focus());
        },
      },
    );
  };

  const apply = () => {
    if (!file) return;
    send.mutate(
      { csv: file.csv, dryRun: false },
      {
        onSuccess: (result) => {
          setApplied(result);
          setChecked(null);
          requestAnimationFrame(() => resultHeading.current?.focus());
        },
      },
    );
  };

  return (
    <>
      <BackToAdmin />
      <PageTitle title={t('admin.import.title')} appName="ATTN" />
      <p>{t('admin.import.intro')}</p>
      <details className="admin-columns">
        <summary>{t('admin.import.columnsTitle')}</summary>
        <p>{t('admin.import.columns')}</p>
        <pre>
          term,term_starts_on,term_ends_on,course_code,course_title,school_number,full_name,email,role
        </pre>
      </details>

      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          check();
        }}
      >
        <div className={`field${fileError ? ' field--error' : ''}`}>
          <label htmlFor={fileId} className="field__label">
            {t('admin.import.file')}
          </label>
          <div id={`${fileId}-hint`} className="field__hint">
            {t('admin.import.fileHint')}
          </div>
          {fileError && (
            <p id={`${fileId}-error`} className="field__error">
              {fileError}
            </p>
          )}
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            className="input"
            aria-describedby={`${fileId}-hint${fileError ? ` ${fileId}-error` : ''}`}
            aria-invalid={fileError ? true : undefined}
            onChange={async (e) => {
              const chosen = e.target.files?.[0];
              setChecked(null);
              setApplied(null);
              send.reset();
              setFileError(null);
              setFile(chosen ? { name: chosen.name, csv: await chosen.text() } : null);
            }}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={send.isPending}>
            {send.isPending && send.variables?.dryRun ? t('admin.import.checking') : t('admin.import.check')}
          </button>
        </div>
      </form>

      {failure && (
        <div className="notice notice--error" role="alert">
          <p>{failure}</p>
          {/* A header line that names the wrong columns: which ones (400's details). */}
          {send.error instanceof ApiError && send.error.details.length > 0 && send.error.status === 400 && (
            <ul>
              {send.error.details.map((d) => (
                <li key={`${d.field}:${d.message}`}>
                  {d.field && <code>{d.field}</code>} {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {checked && (
        <section className="admin-section" aria-labelledby="check-title">
          <h2 id="check-title" ref={resultHeading} tabIndex={-1}>
            {t('admin.import.checkTitle', { file: file?.name ?? '' })}
          </h2>
          <Status className={checked.error_count > 0 ? 'notice notice--error' : 'notice notice--success'}>
            {checked.error_count > 0
              ? t('admin.import.hasErrors', {
                  count: checked.error_count,
                  n: number(checked.error_count),
                  lines: number(checked.lines),
                })
              : t('admin.import.noErrors', { count: checked.lines, n: number(checked.lines) })}
          </Status>
          {checked.error_count > 0 && <ImportErrors result={checked} />}
          <ImportSummary result={checked} caption={t('admin.import.wouldChange')} />
          {checked.error_count === 0 ? (
            <div className="actions">
              <button type="button" className="button" disabled={send.isPending} onClick={apply}>
                {send.isPending
                  ? t('admin.import.applying')
                  : t('admin.import.apply', { n: number(checked.lines) })}
              </button>
            </div>
          ) : (
            <p>{t('admin.import.fixAndRetry')}</p>
          )}
        </section>
      )}

      {applied && (
        <section className="admin-section" aria-labelledby="applied-title">
          <h2 id="applied-title" ref={resultHeading} tabIndex={-1}>
            {t('admin.import.appliedTitle')}
          </h2>
          <Status className="notice notice--success">
            {t('admin.import.applied', { count: applied.lines, n: number(applied.lines) })}
          </Status>
          <ImportSummary result={applied} caption={t('admin.import.changed')} />
          <p>
            <Link href="/admin/courses">{t('admin.import.toCourses')}</Link>
          </p>
        </section>
      )}
    </>
  );
}
