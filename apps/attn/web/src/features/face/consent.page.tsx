// /student/face/consent — the consent to face verification on its own screen: what is kept, who
// sees what, for how long and the way without a face, first in short and then the versioned
// text in full, in the page's language. The box starts unticked; nothing is recorded until the
// student ticks it and presses the button. "Not now" goes back with nothing recorded.
import { ApiError } from '@campus/web/api/client.ts';
import { CheckboxField, ErrorSummary } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { hasCurrentConsent, useFaceStatus, useGiveConsent } from './face.api.ts';
import './face.css';

const BOX_ID = 'face-consent-box';

/** The text's paragraphs; its first line is its title. */
function ConsentText(props: { text: string; version: string }) {
  const { t } = useI18n();
  const [title, ...rest] = props.text.split('\n');
  const paragraphs = rest
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return (
    <section className="consent-text" aria-labelledby="consent-text-title">
      <h2 id="consent-text-title">{t('face.fullText')}</h2>
      <p className="muted">{t('face.consentVersion', { version: props.version })}</p>
      <h3>{title}</h3>
      {paragraphs.map((p) => (
        <p key={p}>{p}</p>
      ))}
    </section>
  );
}

export default function ConsentPage() {
  const { t, lang, date } = useI18n();
  const status = useFaceStatus();
  const give = useGiveConsent();
  const [, navigate] = useLocation();
  const [ticked, setTicked] = useState(false);
  const [missing, setMissing] = useState(false);

  const outdated = give.error instanceof ApiError && give.error.reason === 'consent_text_outdated';
  const errors = missing
    ? [{ fieldId: BOX_ID, message: t('face.consentRequired') }]
    : outdated
      ? [{ fieldId: '', message: t('face.consentOutdated') }]
      : give.isError
        ? [{ fieldId: '', message: t('errors.unexpected') }]
        : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (give.isPending || !status.data) return;
    setMissing(!ticked);
    if (!ticked) return;
    give.mutate(status.data.consent_text.version, {
      onSuccess: () => navigate('/student/face/photos'),
    });
  };

  const data = status.data;
  const text = data ? (data.consent_text.texts[lang as 'en' | 'tr'] ?? data.consent_text.text) : '';

  return (
    <div className="face-page">
      <PageTitle title={t('face.consentTitle')} appName="ATTN" />
      {status.isPending && <Status className="muted">{t('common.loading')}</Status>}
      {status.isError && (
        <div className="notice notice--error" role="alert">
          <p>{t('errors.unexpected')}</p>
          <button type="button" className="button" onClick={() => void status.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {data && (
        <>
          <section className="consent-summary" aria-labelledby="consent-summary-title">
            <h2 id="consent-summary-title">{t('face.summaryTitle')}</h2>
            <ul>
              <li>{t('face.summaryKept')}</li>
              <li>{t('face.summaryWho')}</li>
              <li>{t('face.summaryHowLong')}</li>
              <li>{t('face.summaryWithout')}</li>
            </ul>
          </section>
          <ConsentText text={text} version={data.consent_text.version} />
          {hasCurrentConsent(data) && data.consent ? (
            <div className="notice notice--success">
              <p>{t('face.consentGiven', { date: date(data.consent.consented_at) })}</p>
              <p>
                <Link href="/student/face/photos">{t('face.homeAddPhotos')}</Link>
              </p>
            </div>
          ) : (
            <form className="consent-form" onSubmit={submit} noValidate aria-busy={give.isPending}>
              <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
              <CheckboxField
                id={BOX_ID}
                name="consent"
                label={t('face.consentBox')}
                checked={ticked}
                aria-invalid={missing || undefined}
                onChange={(e) => {
                  setTicked(e.target.checked);
                  if (e.target.checked) setMissing(false);
                }}
              />
              <div className="face-actions">
                <button type="submit" className="button button--big" disabled={give.isPending}>
                  {t('face.consentContinue')}
                </button>
                <Link href="/student" className="face-actions__back">
                  {t('face.consentNotNow')}
                </Link>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}
