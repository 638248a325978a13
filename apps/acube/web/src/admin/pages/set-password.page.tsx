// /admin/set-password?token=…: the page the welcome mail and the password-reset mail link to. The
// admin chooses a password (twice, so a slip of the finger does not lock them out); the link
// works once. Afterwards: log in with it. A spent or unknown link says so and offers a new one.
import { ApiError, api } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { type FormEvent, useState } from 'react';
import { Link, useSearch } from 'wouter';
import type { MIN_PASSWORD_LENGTH } from '../../../../api/src/modules/admins/index.ts';
import { requestErrorText } from '../../features/shell/form-errors.ts';
import { ADMIN_APP_NAME } from '../admin-shell.tsx';

/** The API's shortest password (the type fails the build if the API's number changes). */
export const MIN_LENGTH: typeof MIN_PASSWORD_LENGTH = 12;

export default function SetPasswordPage() {
  const { t } = useI18n();
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [state, setState] = useState<'form' | 'sending' | 'done' | 'spent'>('form');

  if (!token || state === 'spent')
    return (
      <div className="narrow">
        <PageTitle title={t('setPassword.spentTitle')} appName={ADMIN_APP_NAME} />
        <p>{t('setPassword.spent')}</p>
        <p>
          <Link href="/admin/reset-password">{t('setPassword.askAgain')}</Link>
        </p>
      </div>
    );

  if (state === 'done')
    return (
      <div className="narrow">
        <PageTitle title={t('setPassword.doneTitle')} appName={ADMIN_APP_NAME} />
        <p className="notice notice--success">{t('setPassword.done')}</p>
        <p>
          <Link href="/admin/login" className="button">
            {t('setPassword.logIn')}
          </Link>
        </p>
      </div>
    );

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get('password') ?? '');
    const again = String(data.get('again') ?? '');
    const found: FieldError[] = [];
    if (password.length < MIN_LENGTH)
      found.push({ fieldId: 'new-password', message: t('setPassword.tooShort', { min: MIN_LENGTH }) });
    else if (again !== password)
      found.push({ fieldId: 'new-password-again', message: t('setPassword.differ') });
    setErrors(found);
    if (found.length > 0) return;
    setState('sending');
    try {
      await api('/api/admin/auth/set-password', { method: 'POST', body: { token, password } });
      setState('done');
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return setState('spent');
      setState('form');
      const message =
        err instanceof ApiError && err.status === 400
          ? t('setPassword.tooShort', { min: MIN_LENGTH })
          : requestErrorText(err, t);
      setErrors([{ fieldId: 'new-password', message }]);
    }
  };

  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <div className="narrow">
      <PageTitle title={t('setPassword.title')} appName={ADMIN_APP_NAME} />
      <p>{t('setPassword.intro')}</p>
      <form className="form" onSubmit={submit} noValidate aria-busy={state === 'sending'}>
        <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
        <TextField
          id="new-password"
          name="password"
          type="password"
          label={t('setPassword.password')}
          hint={t('setPassword.hint', { min: MIN_LENGTH })}
          autoComplete="new-password"
          required
          minLength={MIN_LENGTH}
          error={errorFor('new-password')}
        />
        <TextField
          id="new-password-again"
          name="again"
          type="password"
          label={t('setPassword.again')}
          autoComplete="new-password"
          required
          error={errorFor('new-password-again')}
        />
        <button type="submit" className="button button--wide" disabled={state === 'sending'}>
          {state === 'sending' ? t('setPassword.saving') : t('setPassword.save')}
        </button>
      </form>
    </div>
  );
}
