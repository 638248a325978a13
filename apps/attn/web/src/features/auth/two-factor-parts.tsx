// The pieces of two-factor the login form and the account page share (as in A-Cube's panel): the enrolment (the QR code
// of the otpauth:// address, the key as text for typing, and the first code that turns it on)
// and the recovery codes, shown once.
import { ApiError } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type FormEvent, useState } from 'react';
import type { TwoFactorEnrolment } from './auth.api.ts';

type T = (key: string, vars?: Record<string, string | number>) => string;

/** A refused code, in the page's words. */
export function codeErrorText(err: unknown, t: T): string {
  if (err instanceof ApiError && (err.status === 401 || err.status === 400)) return t('twoFactor.codeWrong');
  if (err instanceof ApiError && err.status === 429)
    return t('auth.errors.throttled', { seconds: err.retryAfter ?? 60 });
  if (err instanceof ApiError && err.status === 0) return t('errors.network');
  return t('errors.unexpected');
}

/** The QR code, the key as text, and the first code that turns two-factor on. */
export function EnrolForm(props: {
  enrolment: TwoFactorEnrolment;
  onConfirm: (code: string) => Promise<void>;
  headingLevel?: 'h2' | 'h3';
}) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const Heading = props.headingLevel ?? 'h2';
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').replace(/\s/g, '');
    if (!/^\d{6}$/.test(code)) {
      setErrors([{ fieldId: 'enrol-code', message: t('twoFactor.codeMissing') }]);
      return;
    }
    setBusy(true);
    try {
      await props.onConfirm(code);
    } catch (err) {
      setErrors([{ fieldId: 'enrol-code', message: codeErrorText(err, t) }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="enrol-title" className="two-factor-enrol">
      <Heading id="enrol-title">{t('twoFactor.scanTitle')}</Heading>
      <p>{t('twoFactor.scan')}</p>
      <img
        className="two-factor-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(props.enrolment.qr_svg)}`}
        alt={t('twoFactor.qrAlt')}
        width={200}
        height={200}
      />
      <p>
        {t('twoFactor.secretLabel')}:{' '}
        <code id="two-factor-secret" className="two-factor-secret">
          {props.enrolment.secret}
        </code>
      </p>
      <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
        <TextField
          id="enrol-code"
          name="code"
          label={t('twoFactor.code')}
          hint={t('twoFactor.codeHint')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          error={errors[0]?.message}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('twoFactor.confirming') : t('twoFactor.confirm')}
        </button>
      </form>
    </section>
  );
}

/** The recovery codes, shown once; the admin says when they have saved them. */
export function RecoveryCodeList(props: { codes: string[]; onDone: () => void; headingLevel?: 'h2' | 'h3' }) {
  const { t } = useI18n();
  const Heading = props.headingLevel ?? 'h2';
  return (
    <section aria-labelledby="codes-title">
      <Heading id="codes-title">{t('twoFactor.codesTitle')}</Heading>
      <p>{t('twoFactor.codesIntro')}</p>
      <ol className="recovery-codes">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={props.onDone}>
        {t('twoFactor.codesDone')}
      </button>
    </section>
  );
}
