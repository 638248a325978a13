// /admin/account (every admin): their own two-factor. Off: set it up (QR code and key, a first
// code turns it on, the recovery codes shown once). On: how many recovery codes are left, and
// turning it off with a current code or the password (refused while it is required). A
// superadmin also finds here the switch that requires two-factor of every admin.
import { CheckboxField, ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle, Status } from '@campus/web/layout/app-shell.tsx';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { requestErrorText } from '../../features/shell/form-errors.ts';
import { adminApi, type TwoFactorEnrolment, useAdmin } from '../admin-api.ts';
import { ADMIN_APP_NAME, Loading } from '../admin-shell.tsx';
import { codeErrorText, EnrolForm, RecoveryCodeList } from './two-factor-parts.tsx';

interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  recovery_codes_left: number;
}
const statusKey = ['admin', 'two-factor'];

export default function AccountSecurityPage() {
  const { t } = useI18n();
  const { role } = useAdmin();
  const client = useQueryClient();
  const [said, setSaid] = useState('');
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const status = useQuery({
    queryKey: statusKey,
    queryFn: ({ signal }) => adminApi<TwoFactorStatus>('/api/admin/two-factor', { signal }),
  });
  const begin = useMutation({
    mutationFn: () => adminApi<TwoFactorEnrolment>('/api/admin/two-factor/enrol', { method: 'POST' }),
    onSuccess: (e) => {
      setSaid('');
      setEnrolment(e);
    },
  });
  const refresh = () => client.invalidateQueries({ queryKey: statusKey });

  if (status.isPending) return <Loading />;
  if (status.isError) return <p className="field__error">{requestErrorText(status.error, t)}</p>;
  const s = status.data;
  return (
    <div className="narrow">
      <PageTitle title={t('twoFactor.title')} appName={ADMIN_APP_NAME} />
      <p>{t('twoFactor.intro')}</p>
      <Status>{said}</Status>
      {codes ? (
        <RecoveryCodeList
          codes={codes}
          onDone={() => {
            setCodes(null);
            setSaid(t('twoFactor.enabledNow'));
          }}
        />
      ) : s.enabled ? (
        <>
          <p>
            <strong>{t('twoFactor.on')}</strong> {t('twoFactor.codesLeft', { count: s.recovery_codes_left })}
          </p>
          {s.required ? (
            <p>{t('twoFactor.requiredNote')}</p>
          ) : (
            <DisableForm
              onDone={() => {
                setSaid(t('twoFactor.disabledNow'));
                void refresh();
              }}
            />
          )}
        </>
      ) : enrolment ? (
        <EnrolForm
          enrolment={enrolment}
          onConfirm={async (code) => {
            const answer = await adminApi<{ recovery_codes: string[] }>('/api/admin/two-factor/confirm', {
              method: 'POST',
              body: { code },
            });
            setEnrolment(null);
            setCodes(answer.recovery_codes);
            void refresh();
          }}
        />
      ) : (
        <>
          <p>{t('twoFactor.off')}</p>
          {s.required && <p>{t('twoFactor.requiredNote')}</p>}
          {begin.isError && <p className="field__error">{requestErrorText(begin.error, t)}</p>}
          <button type="button" className="button" disabled={begin.isPending} onClick={() => begin.mutate()}>
            {begin.isPending ? t('twoFactor.starting') : t('twoFactor.setUp')}
          </button>
        </>
      )}
      {role === 'superadmin' && <RequirementForm required={s.required} onSaved={refresh} />}
    </div>
  );
}

function DisableForm(props: { onDone: () => void }) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const code = String(data.get('code') ?? '').trim();
    const password = String(data.get('password') ?? '');
    if (!code && !password) {
      setErrors([{ fieldId: 'disable-code', message: t('twoFactor.disableMissing') }]);
      return;
    }
    setBusy(true);
    try {
      await adminApi<void>('/api/admin/two-factor/disable', {
        method: 'POST',
        body: code ? { code } : { password },
      });
      props.onDone();
    } catch (err) {
      const message =
        codeErrorText(err, t) === t('twoFactor.codeWrong')
          ? t('twoFactor.disableWrong')
          : codeErrorText(err, t);
      setErrors([{ fieldId: code ? 'disable-code' : 'disable-password', message }]);
    } finally {
      setBusy(false);
    }
  };
  const errorFor = (id: string) => errors.find((e) => e.fieldId === id)?.message;
  return (
    <section aria-labelledby="disable-title" className="two-factor-section">
      <h2 id="disable-title">{t('twoFactor.disableTitle')}</h2>
      <p>{t('twoFactor.disableIntro')}</p>
      <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
        <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
        <TextField
          id="disable-code"
          name="code"
          label={t('twoFactor.disableCode')}
          autoComplete="one-time-code"
          spellCheck={false}
          maxLength={20}
          error={errorFor('disable-code')}
        />
        <TextField
          id="disable-password"
          name="password"
          type="password"
          label={t('twoFactor.disablePassword')}
          autoComplete="current-password"
          error={errorFor('disable-password')}
        />
        <button type="submit" className="button button--secondary" disabled={busy}>
          {busy ? t('twoFactor.disabling') : t('twoFactor.disable')}
        </button>
      </form>
    </section>
  );
}

function RequirementForm(props: { required: boolean; onSaved: () => void }) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  const save = useMutation({
    mutationFn: (required: boolean) =>
      adminApi<{ required: boolean }>('/api/admin/two-factor/requirement', {
        method: 'PUT',
        body: { required },
      }),
    onSuccess: (answer) => {
      setSaid(answer.required ? t('twoFactor.requiredNow') : t('twoFactor.notRequiredNow'));
      props.onSaved();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(new FormData(event.currentTarget).get('required') === 'on');
  };
  return (
    <section aria-labelledby="require-title" className="two-factor-section">
      <h2 id="require-title">{t('twoFactor.requireTitle')}</h2>
      <form className="form" onSubmit={submit} aria-busy={save.isPending}>
        <CheckboxField
          id="require-two-factor"
          name="required"
          label={t('twoFactor.requireLabel')}
          hint={t('twoFactor.requireHint')}
          defaultChecked={props.required}
        />
        {save.isError && <p className="field__error">{requestErrorText(save.error, t)}</p>}
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('twoFactor.saving') : t('twoFactor.save')}
        </button>
        <Status>{said}</Status>
      </form>
    </section>
  );
}
