// The login form, on its own page and inside the check-in page (where a student arriving from
// the QR logs in without leaving it). Refusals are worded by kind: wrong school number or
// password, too many tries (with the wait), the SIS not answering. A teacher or admin with
// two-factor on is then asked for a code (or a recovery code); where it is required and not set
// up yet, they set it up right here and see their recovery codes once.
import { ApiError } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import {
  codeErrorText,
  EnrolForm,
  LoginCodeForm,
  RecoveryCodeList,
} from '@campus/web/two-factor/two-factor-parts.tsx';
import { type FormEvent, useEffect, useState } from 'react';
import {
  beginLoginEnrolment,
  confirmLoginEnrolment,
  logInWithCode,
  type Me,
  type SecondStep,
  type TwoFactorEnrolment,
  useLogin,
  useSignedIn,
} from './auth.api.ts';
import { twoFactorErrorWords } from './two-factor-words.ts';

export function loginErrorText(
  err: unknown,
  t: (key: string, vars?: Record<string, string | number>) => string,
) {
  if (!(err instanceof ApiError)) return t('errors.unexpected');
  if (err.status === 0) return t('errors.network');
  if (err.status === 401) return t('auth.errors.invalid');
  if (err.status === 429) return t('auth.errors.throttled', { seconds: err.retryAfter ?? 60 });
  if (err.status === 503) return t('auth.errors.unavailable');
  if (err.status === 400) return t('auth.errors.incomplete');
  return t('errors.unexpected');
}

export function LoginForm(props: { onLoggedIn(me: Me): void; idPrefix?: string }) {
  const { t } = useI18n();
  const login = useLogin();
  const prefix = props.idPrefix ?? 'login';
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [second, setSecond] = useState<SecondStep | null>(null);

  if (second) {
    const restart = () => setSecond(null);
    return second.step === 'code' ? (
      <CodeStep pendingToken={second.pendingToken} onLoggedIn={props.onLoggedIn} onRestart={restart} />
    ) : (
      <EnrolStep pendingToken={second.pendingToken} onLoggedIn={props.onLoggedIn} onRestart={restart} />
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const schoolNumber = String(data.get('school_number') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: FieldError[] = [];
    if (!schoolNumber)
      missing.push({ fieldId: `${prefix}-school-number`, message: t('auth.errors.schoolNumberMissing') });
    if (!password) missing.push({ fieldId: `${prefix}-password`, message: t('auth.errors.passwordMissing') });
    setErrors(missing);
    if (missing.length > 0) return;
    login.mutate(
      { school_number: schoolNumber, password },
      {
        onSuccess: (answer) => ('step' in answer ? setSecond(answer) : props.onLoggedIn(answer)),
        onError: (err) =>
          setErrors([{ fieldId: `${prefix}-school-number`, message: loginErrorText(err, t) }]),
      },
    );
  };

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={login.isPending}>
      <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
      <TextField
        id={`${prefix}-school-number`}
        name="school_number"
        label={t('auth.schoolNumber')}
        autoComplete="username"
        autoCapitalize="characters"
        spellCheck={false}
        required
        error={errorFor(`${prefix}-school-number`)}
      />
      <TextField
        id={`${prefix}-password`}
        name="password"
        type="password"
        label={t('auth.password')}
        autoComplete="current-password"
        required
        error={errorFor(`${prefix}-password`)}
      />
      <button type="submit" className="button button--wide" disabled={login.isPending}>
        {login.isPending ? t('auth.loggingIn') : t('auth.logIn')}
      </button>
    </form>
  );
}

interface StepProps {
  pendingToken: string;
  onLoggedIn(me: Me): void;
  onRestart(): void;
}

/** The second step: the app's code, or a recovery code. */
function CodeStep(props: StepProps) {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  return (
    <section aria-labelledby="login-code-title">
      <h2 id="login-code-title">{t('twoFactor.loginTitle')}</h2>
      <p>{t('twoFactor.loginIntro')}</p>
      <LoginCodeForm
        onSubmit={async (code) => {
          const me = await logInWithCode(props.pendingToken, code);
          signedIn(me);
          props.onLoggedIn(me);
        }}
        errorWords={twoFactorErrorWords}
        label={t('twoFactor.loginCode')}
        hint={t('twoFactor.loginCodeHint')}
        submitting={t('auth.loggingIn')}
        submit={t('twoFactor.continue')}
      />
      <p>
        <button type="button" className="link-button" onClick={props.onRestart}>
          {t('twoFactor.startOver')}
        </button>
      </p>
    </section>
  );
}

/** Two-factor is required and not set up: set it up now, see the recovery codes, then go in. */
function EnrolStep(props: StepProps) {
  const { t } = useI18n();
  const signedIn = useSignedIn();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [done, setDone] = useState<{ me: Me; codes: string[] } | null>(null);
  const { pendingToken } = props;
  useEffect(() => {
    beginLoginEnrolment(pendingToken).then(setEnrolment, (err) =>
      setFailed(
        err instanceof ApiError && err.status === 401
          ? t('twoFactor.expired')
          : codeErrorText(err, t, twoFactorErrorWords),
      ),
    );
  }, [pendingToken, t]);
  if (done)
    return (
      <RecoveryCodeList
        codes={done.codes}
        onDone={() => {
          signedIn(done.me);
          props.onLoggedIn(done.me);
        }}
      />
    );
  return (
    <section aria-labelledby="login-enrol-title">
      <h2 id="login-enrol-title">{t('twoFactor.enrolTitle')}</h2>
      <p>{t('twoFactor.enrolIntro')}</p>
      {failed && <p className="field__error">{failed}</p>}
      {enrolment && (
        <EnrolForm
          headingLevel="h3"
          enrolment={enrolment}
          errorWords={twoFactorErrorWords}
          onConfirm={async (code) => {
            const { recovery_codes, ...me } = await confirmLoginEnrolment(pendingToken, code);
            setDone({ me, codes: recovery_codes });
          }}
        />
      )}
    </section>
  );
}
