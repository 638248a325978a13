// /admin/login: email and password; afterwards the panel page the admin asked for (?next=, a
// panel address only) or the dashboard. Refusals are worded by kind; a wrong password and an
// unknown or disabled account read the same (the API does not tell them apart either).
import { ApiError } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { type FormEvent, useState } from 'react';
import { Link, Redirect, useLocation, useSearch } from 'wouter';
import { requestErrorText } from '../../features/shell/form-errors.ts';
import { logIn, useSession } from '../admin-api.ts';
import { ADMIN_APP_NAME, Loading } from '../admin-shell.tsx';

/** Only an address of the panel: never another site, never a public page. */
export function safeNext(next: string | null): string | null {
  if (!next || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next === '/admin' || /^\/admin[/?]/.test(next) ? next : null;
}

export default function LoginPage() {
  const { t } = useI18n();
  const session = useSession();
  const [, navigate] = useLocation();
  const next = safeNext(new URLSearchParams(useSearch()).get('next')) ?? '/admin';
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [pending, setPending] = useState(false);

  if (session.state === 'unknown') return <Loading />;
  if (session.state === 'in' && !pending) return <Redirect to={next} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    const missing: FieldError[] = [];
    if (!email) missing.push({ fieldId: 'login-email', message: t('login.emailMissing') });
    if (!password) missing.push({ fieldId: 'login-password', message: t('login.passwordMissing') });
    setErrors(missing);
    if (missing.length > 0) return;
    setPending(true);
    try {
      await logIn(email, password);
      navigate(next, { replace: true });
    } catch (err) {
      let message = requestErrorText(err, t);
      if (err instanceof ApiError && (err.status === 401 || err.status === 400)) message = t('login.invalid');
      if (err instanceof ApiError && err.status === 429)
        message = t('login.throttled', { seconds: err.retryAfter ?? 60 });
      setErrors([{ fieldId: 'login-email', message }]);
    } finally {
      setPending(false);
    }
  };

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div className="narrow">
      <PageTitle title={t('login.title')} appName={ADMIN_APP_NAME} />
      <p>{t('login.intro')}</p>
      <form className="form" onSubmit={submit} noValidate aria-busy={pending}>
        <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
        <TextField
          id="login-email"
          name="email"
          type="email"
          label={t('login.email')}
          autoComplete="username"
          spellCheck={false}
          required
          error={errorFor('login-email')}
        />
        <TextField
          id="login-password"
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          required
          error={errorFor('login-password')}
        />
        <button type="submit" className="button button--wide" disabled={pending}>
          {pending ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
      <p className="after-form">
        <Link href="/admin/reset-password">{t('login.forgot')}</Link>
      </p>
    </div>
  );
}
