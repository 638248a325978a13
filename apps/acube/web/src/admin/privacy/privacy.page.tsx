// /admin/privacy (superadmins): a person's data on request (KVKK, GDPR). The admin enters the
// person's e-mail address and sees what is held, per kind of record, then may download all of it
// as one file or erase it; the erasure asks first, repeating the counts, and if the records
// changed meanwhile it says so and asks again with the new counts. The address stays in the page
// (not the URL: addresses bar, history and server logs keep URLs).
import '../records/records.css';
import { ApiError } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { looksLikeEmail, requestErrorText } from '../../features/shell/form-errors.ts';
import { ADMIN_APP_NAME, Loading } from '../admin-shell.tsx';
import { Details } from '../records/record-page.tsx';
import { countHeld, downloadHeld, eraseHeld, KINDS, type PrivacyCounts } from './privacy.api.ts';

export default function PrivacyPage() {
  const { t, number } = useI18n();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [said, setSaid] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [confirming, setConfirming] = useState<{ changed: boolean } | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  const held = useQuery({
    queryKey: ['admin', 'privacy', email],
    queryFn: ({ signal }) => countHeld(email, signal),
    enabled: email !== '',
    gcTime: 0,
  });
  const download = useMutation({
    mutationFn: () => downloadHeld(email),
    onSuccess: (name) => setSaid({ kind: 'success', text: t('privacy.saved', { name }) }),
    onError: (err) => setSaid({ kind: 'error', text: requestErrorText(err, t) }),
  });
  const erase = useMutation({
    mutationFn: (counts: PrivacyCounts) => eraseHeld(email, counts),
    onSuccess: async (answer) => {
      setConfirming(null);
      setSaid({ kind: 'success', text: t('privacy.erased', { n: number(answer.total) }) });
      await held.refetch();
    },
    onError: async (err) => {
      if (err instanceof ApiError && err.code === 'COUNT_CHANGED') {
        await held.refetch();
        setConfirming({ changed: true });
        return;
      }
      setConfirming(null);
      setSaid({ kind: 'error', text: requestErrorText(err, t) });
    },
  });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (confirming && !d.open) d.showModal();
    if (!confirming && d.open) d.close();
  }, [confirming]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    setSaid(null);
    if (!looksLikeEmail(value)) {
      setErrors([{ fieldId: 'privacy-email', message: t('privacy.emailInvalid') }]);
      return;
    }
    setErrors([]);
    setEmail(value);
  };

  const counts = held.data?.counts;
  const total = held.data?.total ?? 0;
  const list = (c: PrivacyCounts) =>
    KINDS.filter((kind) => c[kind] > 0)
      .map((kind) => t(`privacy.kind.${kind}`, { count: c[kind], n: number(c[kind]) }))
      .join(', ');

  return (
    <>
      <PageTitle title={t('privacy.title')} appName={ADMIN_APP_NAME} />
      <p>{t('privacy.intro')}</p>
      {errors.length > 0 && <ErrorSummary title={t('forms.errorSummary')} errors={errors} />}
      <form className="narrow" onSubmit={submit} noValidate>
        <TextField
          id="privacy-email"
          name="email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          maxLength={254}
          label={t('privacy.email')}
          hint={t('privacy.emailHint')}
          error={errors.find((e) => e.fieldId === 'privacy-email')?.message}
        />
        <div className="actions">
          <button type="submit" className="button">
            {t('privacy.lookUp')}
          </button>
        </div>
      </form>

      {email !== '' && (
        <section aria-labelledby="privacy-held-title" aria-busy={held.isFetching}>
          <h2 id="privacy-held-title">{t('privacy.heldTitle', { email })}</h2>
          {held.isPending ? (
            <Loading />
          ) : held.isError ? (
            <p className="notice notice--error" role="alert">
              {requestErrorText(held.error, t)}
            </p>
          ) : (
            counts && (
              <>
                <Details
                  rows={[
                    ...KINDS.map((kind) => [t(`privacy.label.${kind}`), number(counts[kind])] as const),
                    [t('privacy.label.total'), number(total)],
                  ]}
                />
                {total === 0 ? (
                  <p className="notice">{t('privacy.nothing')}</p>
                ) : (
                  <div className="actions">
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-disabled={download.isPending || undefined}
                      onClick={() => {
                        setSaid(null);
                        if (!download.isPending) download.mutate();
                      }}
                    >
                      {download.isPending ? t('privacy.downloading') : t('privacy.download')}
                    </button>
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => {
                        setSaid(null);
                        setConfirming({ changed: false });
                      }}
                    >
                      {t('privacy.erase')}
                    </button>
                  </div>
                )}
              </>
            )
          )}
        </section>
      )}
      <div aria-live="polite">
        {said && (
          <p className={`notice notice--${said.kind}`} role={said.kind === 'error' ? 'alert' : undefined}>
            {said.text}
          </p>
        )}
      </div>

      <dialog
        ref={dialog}
        aria-labelledby="privacy-confirm-title"
        aria-describedby="privacy-confirm-question"
        onClose={() => setConfirming(null)}
      >
        {confirming && counts && (
          <>
            <h2 id="privacy-confirm-title">{t('privacy.confirmTitle')}</h2>
            {confirming.changed && (
              <p className="notice notice--warning" role="alert">
                {t('privacy.changed')}
              </p>
            )}
            <p id="privacy-confirm-question">{t('privacy.confirmQuestion', { email, what: list(counts) })}</p>
            <p>{t('privacy.confirmKept')}</p>
            <div className="actions">
              <button
                type="button"
                className="button button--danger"
                aria-disabled={erase.isPending || total === 0 || undefined}
                onClick={() => {
                  if (!erase.isPending && total > 0) erase.mutate(counts);
                }}
              >
                {t('privacy.yesErase', { n: number(total) })}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(null)}>
                {t('privacy.cancel')}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
