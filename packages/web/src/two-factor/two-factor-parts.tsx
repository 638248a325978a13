// The pieces of two-factor (TOTP) both front ends share, for the login's second step and the
// account page: the code form of the login, the enrolment (the QR code of the otpauth://
// address, the key as text for typing, and the first code that turns it on) and the recovery
// codes, shown once. What differs between the apps comes in as props: the words of the
// refusals that are not about the code (each app has its own catalogue) and the actions.

import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { ErrorSummary, type FieldError, TextField } from '../forms/fields.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** What the API answers when two-factor is being set up. */
export interface TwoFactorEnrolment {
  secret: string;
  otpauth_url: string;
  qr_svg: string;
}

/** An app's words for a refused code that is not a wrong code. */
export interface CodeErrorWords {
  /** The catalogue key for too many tries; gets {seconds}. */
  throttledKey: string;
  /** Any other failure (no connection, ...), in the app's words. */
  otherwise: (err: unknown, t: Translate) => string;
}

/** A refused code, in the page's words. */
export function codeErrorText(err: unknown, t: Translate, words: CodeErrorWords): string {
  if (err instanceof ApiError && (err.status === 401 || err.status === 400)) return t('twoFactor.codeWrong');
  if (err instanceof ApiError && err.status === 429)
    return t(words.throttledKey, { seconds: err.retryAfter ?? 60 });
  return words.otherwise(err, t);
}

/** The login's second step: the app's code or a recovery code (the words come translated). */
export function LoginCodeForm(props: {
  onSubmit: (code: string) => Promise<void>;
  errorWords: CodeErrorWords;
  label: string;
  hint: string;
  submit: string;
  submitting: string;
}) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get('code') ?? '').trim();
    if (code.length < 6) {
      setErrors([{ fieldId: 'login-code', message: t('twoFactor.codeMissing') }]);
      return;
    }
    setBusy(true);
    try {
      await props.onSubmit(code);
    } catch (err) {
      setErrors([{ fieldId: 'login-code', message: codeErrorText(err, t, props.errorWords) }]);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
      <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
      <TextField
        id="login-code"
        name="code"
        label={props.label}
        hint={props.hint}
        autoComplete="one-time-code"
        spellCheck={false}
        maxLength={20}
        required
        error={errors[0]?.message}
      />
      <button type="submit" className="button button--wide" disabled={busy}>
        {busy ? props.submitting : props.submit}
      </button>
    </form>
  );
}
/** The QR code, the key as text, and the first code that turns two-factor on. */
export function EnrolForm(props: {
  enrolment: TwoFactorEnrolment;
  onConfirm: (code: string) => Promise<void>;
  errorWords: CodeErrorWords;
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
      setErrors([{ fieldId: 'enrol-code', message: codeErrorText(err, t, props.errorWords) }]);
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
