// Registering for an event with a name and an e-mail address. A full event says so before
// anything is sent and offers its waiting list instead.
import { ErrorSummary, type FieldError, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { type FormEvent, useState } from 'react';
import { BotCheckLine, useBotCheck } from '../../shell/bot-check.tsx';
import { apiFieldErrors, errorFor, looksLikeEmail } from '../../shell/form-errors.ts';
import { type PublicEvent, type RegistrationAnswer, useRegister } from '../events.api.ts';

const ID = { name: 'register-name', email: 'register-email' };

export function RegisterForm(props: { event: PublicEvent; onDone(answer: RegistrationAnswer): void }) {
  const { t } = useI18n();
  const check = useBotCheck();
  const register = useRegister(props.event.id, check);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const full = props.event.places_left <= 0;
  const fields = {
    name: { id: ID.name, message: t('forms.errors.name') },
    email: { id: ID.email, message: t('forms.errors.email') },
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    const found: FieldError[] = [];
    if (!name) found.push({ fieldId: ID.name, message: fields.name.message });
    if (!looksLikeEmail(email)) found.push({ fieldId: ID.email, message: fields.email.message });
    setErrors(found);
    if (found.length > 0) return;
    register.mutate(
      { name, email },
      { onSuccess: props.onDone, onError: (err) => setErrors(apiFieldErrors(err, fields, t)) },
    );
  };

  return (
    <section aria-labelledby="register-title" className="register">
      <h2 id="register-title">{full ? t('events.waitTitle') : t('events.registerTitle')}</h2>
      {full && <p className="notice notice--warning">{t('events.fullExplained')}</p>}
      <form className="form" onSubmit={submit} noValidate aria-busy={register.isPending}>
        <ErrorSummary title={t('forms.errorSummary')} errors={errors} />
        <TextField
          id={ID.name}
          name="name"
          label={t('forms.name')}
          autoComplete="name"
          error={errorFor(errors, ID.name)}
        />
        <TextField
          id={ID.email}
          name="email"
          type="email"
          label={t('forms.email')}
          hint={t('events.emailHint')}
          autoComplete="email"
          spellCheck={false}
          error={errorFor(errors, ID.email)}
        />
        <BotCheckLine check={check} />
        <button type="submit" className="button" disabled={register.isPending}>
          {full ? t('events.joinWaitingList') : t('events.register')}
        </button>
      </form>
    </section>
  );
}
