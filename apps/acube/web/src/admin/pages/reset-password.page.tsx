// /admin/reset-password: an admin who forgot their password asks for a link by mail. The answer
// is the same whether or not the address has an account (nobody learns who is an admin here);
// the link leads to /admin/set-password and works once.
import { api } from '@campus/web/api/client.ts';
import { ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { type FormEvent, useState } from 'react';
import { Link } from 'wouter';
import { looksLikeEmail, requestErrorText } from '../../features/shell/form-errors.ts';
import { ADMIN_APP_NAME } from '../admin-shell.tsx';

export default function ResetPasswordPage() {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [state, setState] = useState<'form' | 'sending' | 'sent'>('form');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    if (!looksLikeEmail(email)) {
      setErrors([{ fieldId: 'reset-email', message: t('resetPassword.emailInvalid') }]);
      return;
    }
    setErrors([]);
    setState('sending');
    try {
      await api('/api/admin/auth/password-reset', { method: 'POST', body: { email } });
      setState('sent');
    } catch (err) {
      setState('form');
      setErrors([{ fieldId: 'reset-email', message: requestErrorText(err, t) }]);
    }
  };

  return (
    <div className="narrow">
      <PageTitle
        title={state === 'sent' ? t('resetPassword.sentTitle') : t('resetPassword.title')}
        appName={ADMIN_APP_NAME}
      />
      {state === 'sent' ? (
        <p className="notice notice--success" role="status">
          {t('resetPassword.sent')}
        </p>
      ) : (
        <>
          <p>{t('resetPassword.intro')}</p>
          <form className="form" onSubmit={submit} noValidate aria-busy={state === 'sending'}>
            <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
            <TextField
              id="reset-email"
              name="email"
              type="email"
              label={t('login.email')}
              autoComplete="username"
              spellCheck={false}
              required
              error={errors.find((e) => e.fieldId === 'reset-email')?.message}
            />
            <button type="submit" className="button button--wide" disabled={state === 'sending'}>
              {state === 'sending' ? t('resetPassword.sending') : t('resetPassword.send')}
            </button>
          </form>
        </>
      )}
      <p className="after-form">
        <Link href="/admin/login">{t('resetPassword.backToLogin')}</Link>
      </p>
    </div>
  );
}
