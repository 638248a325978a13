// /admin/downloads/:fileId: where every mailed download link (the audit export, a bulk report)
// lands. A mail client cannot send the admin's token, so this page fetches the file with it and
// hands it to the browser. Nobody logged in: the login page first, then back here (the guard).
// A file of another admin is refused by the API; the page says so plainly.
import { ApiError } from '@campus/web/api/client.ts';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'wouter';
import { requestErrorText } from '../../features/shell/form-errors.ts';
import { adminDownload } from '../admin-api.ts';
import type { AdminPageProps } from '../admin-routes.tsx';
import { ADMIN_APP_NAME, Loading } from '../admin-shell.tsx';

/** Where the API gives a finished export to the admin who made it (or a superadmin). */
export const exportFileUrl = (fileId: string) => `/api/admin/bulk/export/files/${encodeURIComponent(fileId)}`;

type State = { step: 'fetching' } | { step: 'saved'; name: string } | { step: 'failed'; error: unknown };

export default function DownloadPage(props: AdminPageProps) {
  const { t } = useI18n();
  const fileId = props.params.fileId ?? '';
  const [state, setState] = useState<State>({ step: 'fetching' });
  const started = useRef('');

  const fetchFile = useCallback(() => {
    setState({ step: 'fetching' });
    adminDownload(exportFileUrl(fileId)).then(
      (name) => setState({ step: 'saved', name }),
      (error: unknown) => setState({ step: 'failed', error }),
    );
  }, [fileId]);

  // Once per file, on arrival (not again on React's second effect run in development).
  useEffect(() => {
    if (started.current === fileId) return;
    started.current = fileId;
    fetchFile();
  }, [fileId, fetchFile]);

  const status = state.step === 'failed' && state.error instanceof ApiError ? state.error.status : 0;
  return (
    <div className="narrow">
      <PageTitle title={t('download.title')} appName={ADMIN_APP_NAME} />
      {state.step === 'fetching' && <Loading />}
      {state.step === 'saved' && (
        <>
          <p className="notice notice--success" role="status">
            {t('download.saved', { name: state.name })}
          </p>
          <p>
            <button type="button" className="button button--secondary" onClick={fetchFile}>
              {t('download.again')}
            </button>
          </p>
        </>
      )}
      {state.step === 'failed' && (
        <div className="notice notice--error" role="alert">
          <p>
            {status === 403
              ? t('download.refused')
              : status === 404 || status === 400
                ? t('download.missing')
                : requestErrorText(state.error, t)}
          </p>
          {status !== 403 && status !== 404 && status !== 400 && (
            <button type="button" className="button button--secondary" onClick={fetchFile}>
              {t('common.retry')}
            </button>
          )}
        </div>
      )}
      <p>
        <Link href="/admin/exports">{t('download.toExports')}</Link>
      </p>
    </div>
  );
}
