// Applying as a volunteer: who, how to reach them, when they are free, and why.
import { ErrorSummary, type FieldError, TextAreaField, TextField } from '@campus/web/forms/fields.tsx';
import { useI18n } from '@campus/web/i18n/i18n.tsx';
import { PageTitle } from '@campus/web/layout/app-shell.tsx';
import { type FormEvent, useState } from 'react';
import { APP_NAME } from '../shell/acube-shell.tsx';
import { BotCheckLine, useBotCheck } from '../shell/bot-check.tsx';
import { apiFieldErrors, errorFor, looksLikeEmail } from '../shell/form-errors.ts';
import { type SubmissionAnswer, Submitted } from '../shell/submitted.tsx';
import { useApply } from './volunteers.api.ts';

const ID = {
  name: 'volunteer-name',
  email: 'volunteer-email',
  phone: 'volunteer-phone',
  availability: 'volunteer-availability',
  message: 'volunteer-message',
};

export default function VolunteerPage() {
  const { t } = useI18n();
  const check = useBotCheck();
  const apply = useApply(check);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [answer, setAnswer] = useState<SubmissionAnswer | null>(null);
  const fields = {
    name: { id: ID.name, message: t('forms.errors.name') },
    email: { id: ID.email, message: t('forms.errors.email') },
    phone: { id: ID.phone, message: t('forms.errors.phone') },
    availability: { id: ID.availability, message: t('forms.errors.tooLong') },
    message: { id: ID.message, message: t('forms.errors.tooLong') },
  };

  if (answer)
    return <Submitted answer={answer} title={t('volunteer.doneTitle')} body={t('volunteer.doneBody')} />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const body = {
      name: value('name'),
      email: value('email'),
      phone: value('phone'),
      availability: value('availability'),
      message: value('message'),
    };
    const found: FieldError[] = [];
    if (!body.name) found.push({ fieldId: ID.name, message: fields.name.message });
    if (!looksLikeEmail(body.email)) found.push({ fieldId: ID.email, message: fields.email.message });
    setErrors(found);
    if (found.length > 0) return;
    apply.mutate(
      {
        name: body.name,
        email: body.email,
        ...(body.phone ? { phone: body.phone } : {}),
        ...(body.availability ? { availability: body.availability } : {}),
        ...(body.message ? { message: body.message } : {}),
      },
      { onSuccess: setAnswer, onError: (err) => setErrors(apiFieldErrors(err, fields, t)) },
    );
  };

  return (
    <div className="narrow">
      <PageTitle title={t('volunteer.title')} appName={APP_NAME} />
      <p className="lead">{t('volunteer.intro')}</p>
      <form className="form" onSubmit={submit} noValidate aria-busy={apply.isPending}>
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
          autoComplete="email"
          spellCheck={false}
          error={errorFor(errors, ID.email)}
        />
        <TextField
          id={ID.phone}
          name="phone"
          type="tel"
          label={t('forms.phoneOptional')}
          autoComplete="tel"
          error={errorFor(errors, ID.phone)}
        />
        <TextAreaField
          id={ID.availability}
          name="availability"
          rows={3}
          label={t('volunteer.availability')}
          hint={t('volunteer.availabilityHint')}
          error={errorFor(errors, ID.availability)}
        />
        <TextAreaField
          id={ID.message}
          name="message"
          rows={5}
          label={t('volunteer.message')}
          error={errorFor(errors, ID.message)}
        />
        <BotCheckLine check={check} />
        <button type="submit" className="button" disabled={apply.isPending}>
          {t('volunteer.send')}
        </button>
      </form>
    </div>
  );
}
