// The login form, on its own page and inside the check-in page (where a student arriving from
// the QR logs in without leaving it). Refusals are worded by kind: wrong school number or
// password, too many tries (with the wait), the SIS not answering.
import { ApiError } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type FormEvent, useState } from 'react';
import { type Me, useLogin } from './auth.api.ts';

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
        onSuccess: (me) => props.onLoggedIn(me),
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
