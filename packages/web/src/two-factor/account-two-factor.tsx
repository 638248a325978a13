// The account page's two-factor, for both front ends: off, set it up (QR code and key, a first
// code turns it on, the recovery codes shown once); on, how many recovery codes are left, and
// turning it off with a current code or the password (refused while it is required). Whoever
// may require two-factor of everyone (`canRequire`) also finds that switch here. Each app
// passes its own API client and address, its query key, and its words for failures.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { RequestOptions } from '../api/client.ts';
import { CheckboxField, ErrorSummary, type FieldError, TextField } from '../forms/fields.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { PageTitle, Status } from '../layout/app-shell.tsx';
import {
  type CodeErrorWords,
  codeErrorText,
  EnrolForm,
  RecoveryCodeList,
  type Translate,
  type TwoFactorEnrolment,
} from './two-factor-parts.tsx';

/** An app's API client: a path and options in, the JSON answer out (an ApiError on failure). */
export type TwoFactorRequest = <T>(path: string, opts?: RequestOptions) => Promise<T>;

export interface TwoFactorAccountProps {
  /** The app's client (A-Cube's bearer client, ATTN's cookie client). */
  request: TwoFactorRequest;
  /** The two-factor address of the signed-in person, e.g. '/api/auth/two-factor'. */
  base: string;
  queryKey: readonly unknown[];
  appName: string;
  /** May require two-factor of everyone. */
  canRequire: boolean;
  /** What shows while the status loads. */
  loading: ReactNode;
  /** A failed request (the status, starting, the requirement), in the app's words. */
  errorText: (err: unknown, t: Translate) => string;
  errorWords: CodeErrorWords;
}

interface TwoFactorStatus {
  enabled: boolean;
  required: boolean;
  recovery_codes_left: number;
}
export function TwoFactorAccountPage(props: TwoFactorAccountProps) {
  const { request, base, queryKey, errorText, errorWords } = props;
  const { t } = useI18n();
  const client = useQueryClient();
  const [said, setSaid] = useState('');
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const status = useQuery({
    queryKey,
    queryFn: ({ signal }) => request<TwoFactorStatus>(base, { signal }),
  });
  const begin = useMutation({
    mutationFn: () => request<TwoFactorEnrolment>(`${base}/enrol`, { method: 'POST' }),
    onSuccess: (e) => {
      setSaid('');
      setEnrolment(e);
    },
  });
  const refresh = () => client.invalidateQueries({ queryKey });

  if (status.isPending) return props.loading;
  if (status.isError) return <p className="field__error">{errorText(status.error, t)}</p>;
  const s = status.data;
  return (
    <div className="narrow">
      <PageTitle title={t('twoFactor.title')} appName={props.appName} />
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
              request={request}
              base={base}
              errorWords={errorWords}
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
          errorWords={errorWords}
          onConfirm={async (code) => {
            const answer = await request<{ recovery_codes: string[] }>(`${base}/confirm`, {
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
          {begin.isError && <p className="field__error">{errorText(begin.error, t)}</p>}
          <button type="button" className="button" disabled={begin.isPending} onClick={() => begin.mutate()}>
            {begin.isPending ? t('twoFactor.starting') : t('twoFactor.setUp')}
          </button>
        </>
      )}
      {props.canRequire && (
        <RequirementForm
          request={request}
          base={base}
          errorText={errorText}
          required={s.required}
          onSaved={refresh}
        />
      )}
    </div>
  );
}

function DisableForm(props: {
  request: TwoFactorRequest;
  base: string;
  errorWords: CodeErrorWords;
  onDone: () => void;
}) {
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
      await props.request<void>(`${props.base}/disable`, {
        method: 'POST',
        body: code ? { code } : { password },
      });
      props.onDone();
    } catch (err) {
      const message =
        codeErrorText(err, t, props.errorWords) === t('twoFactor.codeWrong')
          ? t('twoFactor.disableWrong')
          : codeErrorText(err, t, props.errorWords);
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

function RequirementForm(props: {
  request: TwoFactorRequest;
  base: string;
  errorText: (err: unknown, t: Translate) => string;
  required: boolean;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [said, setSaid] = useState('');
  const save = useMutation({
    mutationFn: (required: boolean) =>
      props.request<{ required: boolean }>(`${props.base}/requirement`, {
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
        {save.isError && <p className="field__error">{props.errorText(save.error, t)}</p>}
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? t('twoFactor.saving') : t('twoFactor.save')}
        </button>
        <Status>{said}</Status>
      </form>
    </section>
  );
}
